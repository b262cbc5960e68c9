//! Times the related-documents step (`dossier::related`) alone, on the postings of an index.
//!
//! `cargo run --release --example related_bench -- INDEX.dsr [RUNS]`
//!
//! Decodes every term's postings from the index, then runs `related::related` `RUNS` times
//! (default 1) and prints each run's wall and CPU time, and a checksum of the result (so two
//! versions of the step can be compared for identical output).

use std::time::Instant;

use dossier::format::postings::{Posting, TermInfo};
use dossier::query::Searcher;

fn main() {
    if let Err(e) = run() {
        eprintln!("related_bench: {e}");
        std::process::exit(1);
    }
}

/// CPU time of this process so far (user + system), in seconds, from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    use fst::Streamer;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: related_bench INDEX.dsr [RUNS]")?;
    let runs: usize = args.get(1).map(|r| r.parse()).transpose()?.unwrap_or(1);
    let bytes = std::fs::read(path)?;
    let searcher = Searcher::open(&bytes)?;
    let index = searcher.index();
    let doc_count = index.docs().len() as u32;
    let mut lists: Vec<Vec<Posting>> = Vec::new();
    let mut stream = index.postings().terms().stream();
    while let Some((_, value)) = stream.next() {
        let mut postings = Vec::new();
        index.postings().read_postings(TermInfo::from_value(value), &mut postings)?;
        lists.push(postings);
    }
    for _ in 0..runs {
        let (wall, cpu) = (Instant::now(), cpu_seconds());
        let related = dossier::related::related(lists.iter().map(Vec::as_slice), doc_count);
        let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
        let mut sum = 0u64;
        for (doc, list) in related.iter().enumerate() {
            for (rank, &(other, cos)) in list.iter().enumerate() {
                let v = (doc as u64) << 32 ^ u64::from(other) << 8 ^ rank as u64 ^ u64::from(cos.to_bits());
                sum = sum.wrapping_mul(0x100_0000_01b3).wrapping_add(v);
            }
        }
        println!("{doc_count} docs: related in {wall:.3} s wall, {cpu:.2} s CPU; checksum {sum:016x}");
    }
    Ok(())
}
