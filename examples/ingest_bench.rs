//! Times ingest alone (files → documents, no indexing) on one folder, best of `RUNS`.
//!
//! `cargo run --release --example ingest_bench -- DIR [RUNS]`
//!
//! Prints one tab-separated line: files read, input bytes, documents, skipped entries, and
//! the best wall time in seconds (default 3 runs; the first also warms the page cache).
//! Used by `bench/ingest/run.sh`.

use std::path::PathBuf;
use std::time::Instant;

use dossier::ingest;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("ingest_bench: usage: ingest_bench DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|runs| runs.parse().ok()).unwrap_or(3).max(1);
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..runs {
        let mut bytes = 0u64;
        let mut text = 0usize;
        let started = Instant::now();
        let report = ingest::ingest_with_progress(
            std::slice::from_ref(&dir),
            &mut |document| text += document.text.len(),
            &mut |progress| bytes = progress.bytes_total,
        );
        best = best.min(started.elapsed().as_secs_f64());
        last = Some((report, bytes, text));
    }
    if let Some((report, bytes, text)) = last {
        let files = report.files + report.skipped.iter().filter(|s| s.line.is_none()).count();
        println!("{files}\t{bytes}\t{}\t{}\t{best:.4}\t{text}", report.documents, report.skipped.len());
    }
}
