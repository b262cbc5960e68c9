//! `dossier`: build an index from a folder of articles, and search it from the terminal.
//! Each subcommand lives in its own module; this file only dispatches.

/// Prints a line to stdout. A closed pipe (`dossier search x | head`) ends the program
/// quietly instead of panicking; other write errors are returned.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            return Err(e.into());
        }
    }};
}

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod build;
#[cfg(not(target_arch = "wasm32"))]
mod compress;
#[cfg(not(target_arch = "wasm32"))]
mod entities;
#[cfg(not(target_arch = "wasm32"))]
mod files;
#[cfg(not(target_arch = "wasm32"))]
mod progress;
#[cfg(not(target_arch = "wasm32"))]
mod search;
#[cfg(not(target_arch = "wasm32"))]
mod serve;
#[cfg(not(target_arch = "wasm32"))]
mod shard;

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
dossier — build and search a news-corpus index

USAGE:
  dossier build <DIR|FILE>... [-o FILE] [--quiet] [--follow-links] [--csv-columns MAP]
                                                index articles (.txt .md .html .jsonl .csv .tsv
                                                .rss .atom .xml feeds .docx .pdf)
  dossier search <QUERY> [--index FILE] [--json] [--exact] [--limit N] [--entity ID]... [--from D] [--to D]
  dossier entities [--index FILE] [--kind KIND] [--json [--mentions]]
                                                --mentions: every mention (doc, field, byte offsets, surface)
  dossier document <ID> [--index FILE] [--query Q] [--json]
  dossier shard <INDEX> -o <DIR>                cut an index into root.dsr + shards, fetched lazily
  dossier compress <DIR> [--quiet]              write the .br and .gz siblings static hosts serve
  dossier serve <DIR> [--port N] [--bind ADDR] [--public]
                                                serve dist/ on http://127.0.0.1:8080 (--public:
                                                any address, reachable from other machines)
  dossier help

Without --index, commands index the corpus/ folder of the current directory.
Default output of build: target/dossier/index.dsr, replaced atomically. Symbolic links
inside a folder are followed only within it (--follow-links: anywhere). Builds of more than a few hundred
documents show progress on stderr (--quiet: none; DOSSIER_PROGRESS=always|never).
CSV/TSV columns are found by name (title/headline, date/published, text/body/content/article/
story, url/link, id, source/publisher/outlet, author/byline); --csv-columns text=story,title=hed
maps others.
search says when it corrected a typo (with --json, on stderr); --exact searches as typed.";

/// The CLI reads and writes files: it exists only natively. (Cargo still compiles binaries
/// when the wasm tests are built, hence this empty twin.)
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let result = match argv.first().map(String::as_str) {
        Some("build") => build::run(&argv[1..]),
        Some("search") => search::run(&argv[1..]),
        Some("document") => search::run_document(&argv[1..]),
        Some("entities") => entities::run(&argv[1..]),
        Some("shard") => shard::run(&argv[1..]),
        Some("compress") => compress::run(&argv[1..]),
        Some("serve") => serve::run(&argv[1..]),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::FAILURE
        }
    }
}
