//! `dossier search` and `dossier document`: query an index from the terminal.

use std::io::IsTerminal;

use anyhow::{bail, Result};
use dossier::query::{date_bound, Mark, SearchOptions};

use crate::args::Args;
use crate::build::load_index;

/// Runs `dossier search <QUERY> [--index FILE] [--json] [--exact] [--limit N]`.
///
/// A typo correction is said: in the text output as "Showing results for X · search instead
/// for Y"; with `--json` (stdout stays the array of results, for scripts) on stderr. A
/// spelling offered for a rare word is said the same ways, as "Did you mean X?". `--exact`
/// searches the words as typed (no correction, no suggestion).
pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse_query(
        argv,
        &["--index", "--limit", "--offset", "--entity", "--from", "--to"],
        &["--json", "--exact"],
    )?;
    let query = args.positional.join(" ");
    let limit = args.number("--limit")?;
    let offset = args.number("--offset")?.unwrap_or(0);
    for (flag, upper) in [("--from", false), ("--to", true)] {
        if let Some(v) = args.value(flag) {
            if date_bound(v, upper).is_none() {
                bail!("{flag} needs a date as YYYY, YYYY-MM or YYYY-MM-DD, got {v:?}");
            }
        }
    }
    let loaded = load_index(&args)?;
    let searcher = loaded.searcher()?;
    let options = SearchOptions {
        limit,
        offset,
        entities: args.values("--entity"),
        from: args.value("--from").map(str::to_string),
        to: args.value("--to").map(str::to_string),
        facet_limit: Some(0),
        no_correction: args.flag("--exact"),
        ..SearchOptions::default()
    };
    let found = searcher.search(&query, &options)?;
    let corrected = found.did_you_mean.as_deref().map(str::trim).filter(|c| *c != query.trim());
    let offered = found.suggestion.as_deref().map(str::trim);
    if args.flag("--json") {
        // Said on stderr, so that stdout stays the array scripts parse.
        if let Some(to) = corrected {
            eprintln!(
                "dossier: showing results for {to:?} · search instead for {:?} (--exact)",
                query.trim()
            );
        }
        if let Some(to) = offered {
            eprintln!("dossier: did you mean {to:?}?");
        }
        out!("{}", serde_json::to_string_pretty(&found.results)?);
        return Ok(());
    }
    let style = Style::for_stdout();
    let s = if found.total == 1 { "" } else { "s" };
    let partial = if found.partial { " (no document has every term; closest matches)" } else { "" };
    out!("{} document{s} match {:?}{partial}", found.total, query);
    if let Some(to) = corrected {
        out!("Showing results for {to} · search instead for {}", query.trim());
    }
    if let Some(to) = offered {
        out!("Did you mean {to}?");
    }
    for (i, hit) in found.results.iter().enumerate() {
        let date = hit.date.as_deref().unwrap_or("undated");
        out!(
            "\n{:>3}. {}  [{}  {date}  score {:.3}]",
            i + 1 + offset,
            style.mark(&hit.title, &hit.title_marks),
            hit.id,
            hit.score
        );
        out!("     {}", style.mark(&hit.excerpt.text, &hit.excerpt.marks));
    }
    Ok(())
}

/// Runs `dossier document <ID> [--index FILE] [--query Q] [--json]`.
pub fn run_document(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--index", "--query"], &["--json"])?;
    let [id] = args.positional.as_slice() else { bail!("document needs exactly one id") };
    let loaded = load_index(&args)?;
    let doc = loaded.searcher()?.document(id, args.value("--query").unwrap_or(""))?;
    if args.flag("--json") {
        out!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        let style = Style::for_stdout();
        out!(
            "{}\n{}\n\n{}",
            style.mark(&doc.title, &doc.title_marks),
            doc.date.as_deref().unwrap_or("undated"),
            style.mark(&doc.text, &doc.marks)
        );
    }
    Ok(())
}

/// How highlights are shown: bold on a terminal, «guillemets» in a pipe.
struct Style {
    open: &'static str,
    close: &'static str,
}

impl Style {
    fn for_stdout() -> Style {
        if std::io::stdout().is_terminal() {
            Style { open: "\x1b[1;33m", close: "\x1b[0m" }
        } else {
            Style { open: "«", close: "»" }
        }
    }

    /// Wraps the marked ranges (UTF-16 offsets) of `text`.
    fn mark(&self, text: &str, marks: &[Mark]) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut out = String::new();
        let mut at = 0usize;
        for &[s, e] in marks {
            let (s, e) = (s as usize, e as usize);
            if s < at || e > units.len() || s > e {
                continue;
            }
            out.push_str(&String::from_utf16_lossy(&units[at..s]));
            out.push_str(self.open);
            out.push_str(&String::from_utf16_lossy(&units[s..e]));
            out.push_str(self.close);
            at = e;
        }
        out.push_str(&String::from_utf16_lossy(&units[at.min(units.len())..]));
        out
    }
}
