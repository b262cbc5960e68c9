//! Times native queries on an index, by kind, for the scale benchmark (`bench/scale/`).
//!
//! `cargo run --release --example scale_query -- INDEX.dsr [bench/queries.json] [--json]`
//!
//! Opens the index (checksum verified once, as the page does), then for every query of
//! `queries.json` (`kinds`: `single`, `multi`, `phrase`, `typo`, `prefix`) runs
//! `Searcher::search` with `limit 10` and `facetLimit 0`, written as the wasm benchmark sends
//! it (a trailing space except for `prefix`, whose last word is a prefix). Each query runs
//! once as warm-up, then is repeated until at least 20 ms and 3 runs have passed; its time
//! is the mean. Per kind it prints the median and p95 (nearest rank) of the query times in
//! milliseconds and how many queries found something; `--json` prints one JSON object.

use std::time::{Duration, Instant};

use dossier::query::{SearchOptions, Searcher};

/// Query kinds, in the order of the tables.
const KINDS: [&str; 5] = ["single", "multi", "phrase", "typo", "prefix"];

fn main() {
    if let Err(e) = run() {
        eprintln!("scale_query: {e}");
        std::process::exit(1);
    }
}

/// `(tag, length)` of every section, from the table of contents (see `dossier::format`).
fn sections(bytes: &[u8]) -> Vec<(String, u32)> {
    let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let count = u32_at(12).unwrap_or(0) as usize;
    (0..count)
        .filter_map(|i| {
            let at = 16 + 12 * i;
            let tag = String::from_utf8_lossy(bytes.get(at..at + 4)?).into_owned();
            Some((tag, u32_at(at + 8)?))
        })
        .collect()
}

/// Work of `dossier::related` on the terms it uses (in 2 ..= `default_cap` documents): how
/// many, Σ min(df, `PAIR_POSTINGS`)² (the pairs it scores, twice) and Σ df² (what pairing
/// every posting would score, twice).
fn related_work(searcher: &Searcher) -> serde_json::Value {
    let index = searcher.index();
    let cap = u64::from(dossier::related::default_cap(index.docs().len() as u32));
    let bound = dossier::related::PAIR_POSTINGS as u64;
    let (mut terms, mut paired, mut all) = (0u64, 0u64, 0u64);
    index.postings().search("", fst::automaton::AlwaysMatch, |_, info| {
        let df = u64::from(info.doc_freq);
        if (2..=cap).contains(&df) {
            terms += 1;
            paired += df.min(bound).pow(2);
            all += df * df;
        }
        true
    });
    serde_json::json!({ "cap": cap, "terms": terms, "sumPaired2": paired, "sumDf2": all })
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let index_path = paths.first().ok_or("usage: scale_query INDEX.dsr [queries.json] [--json]")?;
    let queries_path = paths.get(1).map_or("bench/queries.json", |p| p.as_str());
    let queries: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(queries_path)?)?;

    let opened = Instant::now();
    let bytes = std::fs::read(index_path)?;
    let searcher = Searcher::open(&bytes)?;
    let open_ms = opened.elapsed().as_secs_f64() * 1e3;
    let options = SearchOptions { limit: Some(10), facet_limit: Some(0), ..SearchOptions::default() };

    let mut out = serde_json::Map::new();
    out.insert("index".into(), index_path.as_str().into());
    out.insert("openMs".into(), open_ms.into());
    let sections = sections(&bytes);
    out.insert("sections".into(), serde_json::json!(sections));
    let work = related_work(&searcher);
    out.insert("relatedWork".into(), serde_json::json!(work));
    if !json {
        println!("{index_path}: read and opened in {open_ms:.1} ms");
        let list: Vec<String> = sections.iter().map(|(tag, len)| format!("{tag} {len}")).collect();
        println!("section bytes: {}", list.join(", "));
        println!("related documents: {work:?}");
        println!("{:<8} {:>10} {:>10} {:>6}", "kind", "median ms", "p95 ms", "found");
    }
    for kind in KINDS {
        let list =
            queries["kinds"][kind].as_array().ok_or_else(|| format!("no kind {kind} in {queries_path}"))?;
        let mut times = Vec::with_capacity(list.len());
        let mut found = 0;
        for q in list {
            let q = q.as_str().ok_or("a query is not a string")?;
            let text = if kind == "prefix" { q.to_string() } else { format!("{q} ") };
            if searcher.search(&text, &options)?.total > 0 {
                found += 1;
            }
            let started = Instant::now();
            let mut runs = 0u32;
            while runs < 3 || started.elapsed() < Duration::from_millis(20) {
                std::hint::black_box(searcher.search(&text, &options)?);
                runs += 1;
            }
            times.push(started.elapsed().as_secs_f64() * 1e3 / f64::from(runs));
        }
        times.sort_by(f64::total_cmp);
        let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
        let p95 = times.get((times.len() * 95).div_ceil(100).saturating_sub(1)).copied().unwrap_or(0.0);
        if !json {
            println!("{kind:<8} {median:>10.3} {p95:>10.3} {found:>3}/{}", list.len());
        }
        out.insert(
            kind.into(),
            serde_json::json!({ "medianMs": median, "p95Ms": p95, "found": found, "queries": list.len() }),
        );
    }
    if json {
        println!("{}", serde_json::Value::Object(out));
    }
    Ok(())
}
