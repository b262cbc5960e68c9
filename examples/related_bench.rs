//! Times the related-documents step (`dossier::related`) alone, on the postings of an index.
//!
//! `cargo run --release --example related_bench -- INDEX.dsr [RUNS] [--exact] [--cap N]`
//!
//! Decodes every term's postings from the index, then runs `related::related` `RUNS` times
//! (default 1) and prints each run's wall and CPU time, and a checksum of the result (so two
//! versions of the step can be compared for identical output). With `--exact`, it also runs
//! the step pairing every posting of every term (`related::related_with`, no bound; work
//! quadratic in the corpus) and reports how much of that the default keeps; with `--cap N`,
//! the same for a default bounded at N postings per term instead of `PAIR_POSTINGS`.

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
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let exact = args.iter().any(|a| a == "--exact");
    args.retain(|a| a != "--exact");
    let pairs: Option<usize> = match args.iter().position(|a| a == "--cap") {
        Some(i) => {
            let value = args.get(i + 1).ok_or("--cap needs a number")?.parse()?;
            args.drain(i..i + 2);
            Some(value)
        }
        None => None,
    };
    let path = args.first().ok_or("usage: related_bench INDEX.dsr [RUNS] [--exact] [--cap N]")?;
    let runs: usize = args.get(1).map(|r| r.parse()).transpose()?.unwrap_or(1);
    let bytes = std::fs::read(path)?;
    let searcher = Searcher::open(&bytes)?;
    let index = searcher.index();
    let doc_count = index.docs().len() as u32;
    let mut lists: Vec<Vec<Posting>> = Vec::new();
    let mut infos: Vec<TermInfo> = Vec::new();
    index.postings().search("", fst::automaton::AlwaysMatch, |_, info| {
        infos.push(info);
        true
    });
    for info in infos {
        let mut postings = Vec::new();
        index.postings().read_postings(info, &mut postings)?;
        lists.push(postings);
    }
    let cap = dossier::related::default_cap(doc_count);
    let pairs = pairs.unwrap_or(dossier::related::PAIR_POSTINGS);
    let mut bounded = Vec::new();
    for _ in 0..runs {
        bounded =
            timed(&format!("terms in ≤ {cap} documents, ≤ {pairs} postings paired"), doc_count, || {
                dossier::related::related_with(lists.iter().map(Vec::as_slice), doc_count, cap, Some(pairs))
            });
    }
    if exact {
        let all = timed(&format!("terms in ≤ {cap} documents, every posting paired"), doc_count, || {
            dossier::related::related_with(lists.iter().map(Vec::as_slice), doc_count, cap, None)
        });
        compare(&all, &bounded);
    }
    Ok(())
}

/// Runs `step`, prints its wall and CPU time and a checksum of its lists, returns them.
fn timed(name: &str, doc_count: u32, step: impl FnOnce() -> Vec<Vec<(u32, f32)>>) -> Vec<Vec<(u32, f32)>> {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let related = step();
    let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let mut sum = 0u64;
    for (doc, list) in related.iter().enumerate() {
        for (rank, &(other, cos)) in list.iter().enumerate() {
            let v = (doc as u64) << 32 ^ u64::from(other) << 8 ^ rank as u64 ^ u64::from(cos.to_bits());
            sum = sum.wrapping_mul(0x100_0000_01b3).wrapping_add(v);
        }
    }
    println!("{doc_count} docs, {name}: related in {wall:.3} s wall, {cpu:.2} s CPU; checksum {sum:016x}");
    related
}

/// How much of the exact lists the bounded step keeps: related documents in common, and
/// same-story pairs (cosine ≥ `SAME_STORY`) found by both.
fn compare(reference: &[Vec<(u32, f32)>], other: &[Vec<(u32, f32)>]) {
    let same = dossier::related::SAME_STORY;
    let (mut kept, mut total, mut identical, mut story_kept, mut story_total) = (0, 0, 0, 0, 0);
    for (a, b) in reference.iter().zip(other) {
        let ids = |l: &[(u32, f32)]| l.iter().map(|p| p.0).collect::<Vec<_>>();
        identical += usize::from(ids(a) == ids(b));
        total += a.len();
        kept += a.iter().filter(|x| b.iter().any(|y| y.0 == x.0)).count();
        for x in a.iter().filter(|x| x.1 >= same) {
            story_total += 1;
            story_kept += usize::from(b.iter().any(|y| y.0 == x.0 && y.1 >= same));
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "vs every posting paired: {:.1}% of related documents kept, {:.1}% of lists identical, {:.1}% of same-story pairs kept ({story_total})",
        pct(kept, total),
        pct(identical, reference.len()),
        pct(story_kept, story_total)
    );
}
