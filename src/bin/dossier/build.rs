//! `dossier build`: ingest files and folders, write the index, report what was skipped.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use dossier::entities::corrections::{self, Correction, CorrectionsFile, Skipped};
use dossier::format::FileKind;
use dossier::indexer::Indexer;
use dossier::ingest::{self, IngestOptions, Report};
use dossier::query::Searcher;

use crate::args::Args;
use crate::files;
use crate::progress::Bar;

/// Where `build` writes when no `-o` is given.
pub const DEFAULT_OUTPUT: &str = "target/dossier/index.dsr";

/// Runs `dossier build <DIR|FILE>... [-o FILE] [--quiet] [--follow-links] [--csv-columns MAP]
/// [--corrections FILE]`.
pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(
        argv,
        &["-o", "--output", "--corrections", "--csv-columns"],
        &["--quiet", "-q", "--follow-links"],
    )?;
    if args.positional.is_empty() {
        bail!("build needs at least one file or folder");
    }
    let inputs: Vec<PathBuf> = args.positional.iter().map(PathBuf::from).collect();
    let output = PathBuf::from(args.value("-o").or(args.value("--output")).unwrap_or(DEFAULT_OUTPUT));
    let started = Instant::now();
    let quiet = args.flag("--quiet") || args.flag("-q");
    files::refuse_overwriting_an_input(&output, &inputs)?;
    let csv_columns = match args.value("--csv-columns") {
        Some(spec) => {
            ingest::parse_column_map(spec).map_err(|reason| anyhow::anyhow!("--csv-columns: {reason}"))?
        }
        None => Vec::new(),
    };
    let options = IngestOptions { follow_links: args.flag("--follow-links"), csv_columns };
    let corrections_file = args.value("--corrections").map(Path::new);
    let corrections = corrections_file.map(read_corrections).transpose()?.unwrap_or_default();
    let (bytes, report, skipped) =
        index_paths_corrected(&inputs, &options, corrections, &mut Bar::new(quiet))?;
    for s in skipped {
        let file = corrections_file.map(|f| f.display().to_string()).unwrap_or_default();
        eprintln!("dossier: {file}: correction {} skipped: {}", s.number, s.reason);
    }
    files::write_atomic(&output, &bytes)?;
    print_report(&report);
    print_types(&report);
    eprintln!(
        "dossier: indexed {} documents from {} files, skipped {}, ignored {}, in {:.2} s; index {} → {}",
        report.documents,
        report.files,
        report.skipped.len(),
        report.ignored.len(),
        started.elapsed().as_secs_f64(),
        human_bytes(bytes.len() as u64),
        output.display()
    );
    Ok(())
}

/// Ingests and indexes `inputs`, showing progress on `bar`; returns the index bytes and the
/// ingest report. Fails if nothing at all could be indexed.
pub fn index_paths(inputs: &[PathBuf], options: &IngestOptions, bar: &mut Bar) -> Result<(Vec<u8>, Report)> {
    index_paths_corrected(inputs, options, Vec::new(), bar).map(|(bytes, report, _)| (bytes, report))
}

/// Reads a corrections file (`docs/corrections.md`): its format and version are checked.
fn read_corrections(path: &Path) -> Result<Vec<Correction>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let file: CorrectionsFile = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a corrections file (docs/corrections.md)", path.display()))?;
    if file.format != corrections::FORMAT {
        bail!("{}: format is {:?}, not {:?}", path.display(), file.format, corrections::FORMAT);
    }
    if file.version != corrections::VERSION {
        bail!(
            "{}: version {} (this dossier reads version {})",
            path.display(),
            file.version,
            corrections::VERSION
        );
    }
    Ok(file.corrections)
}

/// [`index_paths`] with a newsroom's corrections applied to the entities; also returns
/// those that could not be applied.
fn index_paths_corrected(
    inputs: &[PathBuf],
    options: &IngestOptions,
    corrections: Vec<Correction>,
    bar: &mut Bar,
) -> Result<(Vec<u8>, Report, Vec<Skipped>)> {
    for p in inputs {
        if !p.exists() {
            bail!("{}: no such file or folder", p.display());
        }
    }
    let mut indexer = Indexer::new().with_corrections(corrections);
    if std::env::var_os("DOSSIER_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0") {
        indexer = indexer.with_timings();
    }
    let mut failure = None;
    let report = ingest::ingest_with_options(
        inputs,
        options,
        &mut |doc| {
            if failure.is_none() {
                if let Err(e) = indexer.add(doc) {
                    failure = Some(e);
                }
            }
        },
        &mut |progress| bar.update(progress),
    );
    let writing = failure.is_none() && !indexer.is_empty();
    bar.ingested(writing);
    if let Some(e) = failure {
        return Err(e).context("indexing");
    }
    if indexer.is_empty() {
        print_report(&report);
        print_types(&report);
        bail!("no document could be indexed from {}", list(inputs));
    }
    let finished = indexer.finish_reporting();
    bar.done();
    let (bytes, skipped) = finished.context("writing the index")?;
    Ok((bytes, report, skipped))
}

/// How many skipped inputs of one kind of reason are listed before the rest are summed up.
const LISTED_PER_REASON: usize = 10;

/// Prints skipped inputs (at most 10 per kind of reason, then `… and N more: reason`) and
/// warnings (likewise).
pub fn print_report(report: &Report) {
    let skipped: Vec<(String, String)> =
        report.skipped.iter().map(|s| (s.to_string(), reason_kind(&s.reason))).collect();
    print_grouped("skipped", &skipped);
    let warnings: Vec<(String, String)> =
        report.warnings.iter().map(|w| (w.to_string(), reason_kind(&w.message))).collect();
    print_grouped("warning", &warnings);
}

/// Prints a line per file type: files indexed (and their documents), skipped, ignored.
pub fn print_types(report: &Report) {
    for line in type_lines(report) {
        eprintln!("{line}");
    }
}

/// Prints `label: line` for the first 10 lines of each kind, then `label: … and N more: kind`.
fn print_grouped(label: &str, lines: &[(String, String)]) {
    for line in summarize(lines) {
        eprintln!("{label}: {line}");
    }
}

/// The lines to print for `(line, kind)` pairs: in the order met, at most 10 of each kind,
/// then one `… and N more: kind` line for that kind.
fn summarize(lines: &[(String, String)]) -> Vec<String> {
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    let mut out = Vec::new();
    for (line, kind) in lines {
        let seen = match kinds.iter_mut().find(|(k, _)| k == kind) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                kinds.push((kind, 1));
                1
            }
        };
        if seen <= LISTED_PER_REASON {
            out.push(line.clone());
        }
    }
    for (kind, count) in kinds {
        if count > LISTED_PER_REASON {
            out.push(format!("… and {} more: {kind}", count - LISTED_PER_REASON));
        }
    }
    out
}

/// A reason without its particulars (from the first `(`, `:`, `;` or `"`), to group alike
/// skips and warnings.
fn reason_kind(reason: &str) -> String {
    let end = reason.find(['(', ':', ';', '"']).unwrap_or(reason.len());
    reason.get(..end).unwrap_or(reason).trim().to_string()
}

/// One line per file type: `  .html: 12 files indexed (14 documents), 2 skipped, 3 ignored`.
fn type_lines(report: &Report) -> Vec<String> {
    if report.by_type.is_empty() {
        return Vec::new();
    }
    let mut lines = vec!["dossier: files by type:".to_string()];
    for (kind, count) in &report.by_type {
        let mut parts = Vec::new();
        if count.indexed > 0 {
            parts.push(format!("{} indexed ({} documents)", count.indexed, count.documents));
        }
        if count.skipped > 0 {
            parts.push(format!("{} skipped", count.skipped));
        }
        if count.ignored > 0 {
            parts.push(format!("{} ignored (type not read)", count.ignored));
        }
        lines.push(format!("  {kind}: {}", parts.join(", ")));
    }
    lines
}

fn list(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// `1234567` → `"1.2 MB"`.
pub fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1_000_000 => format!("{:.1} MB", n as f64 / 1e6),
        n if n >= 1_000 => format!("{:.1} KB", n as f64 / 1e3),
        n => format!("{n} B"),
    }
}

/// An index to search, with where it came from (for error messages).
pub struct Loaded {
    bytes: Vec<u8>,
    /// The `--index` file, or `corpus/`.
    name: String,
}

impl Loaded {
    /// Opens the index, verifying its checksum. Errors name the file, and tell a piece of a
    /// sharded index (which the page reads, not the CLI) from a damaged index.
    pub fn searcher(&self) -> Result<Searcher<'_>> {
        let hint = match FileKind::of(&self.bytes) {
            Ok(FileKind::ShardedRoot) => {
                " (it is the root of a sharded index, which the page reads; \
                search the index file it was cut from, or build one with `dossier build -o FILE`)"
            }
            Ok(FileKind::Shard) => {
                " (it is one shard of a sharded index, not a whole index; \
                search the index file it was cut from, or build one with `dossier build -o FILE`)"
            }
            _ => "",
        };
        if !hint.is_empty() {
            bail!("{}: not a whole index{hint}", self.name);
        }
        Searcher::open(&self.bytes).with_context(|| self.name.clone())
    }
}

/// The index to search: the file given with `--index`, else `corpus/` indexed in memory.
pub fn load_index(args: &Args) -> Result<Loaded> {
    if let Some(path) = args.value("--index") {
        return Ok(Loaded { bytes: files::read_index(Path::new(path))?, name: path.to_string() });
    }
    let corpus = Path::new("corpus");
    if !corpus.is_dir() {
        bail!("no --index given and no corpus/ folder in the current directory");
    }
    let (bytes, report) =
        index_paths(&[corpus.to_path_buf()], &IngestOptions::default(), &mut Bar::new(false))?;
    print_report(&report);
    Ok(Loaded { bytes, name: "the index of corpus/".to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_of_skips_are_summed_up_by_reason() {
        let mut lines: Vec<(String, String)> =
            (0..13).map(|i| (format!("f{i}.txt: empty file"), "empty file".to_string())).collect();
        lines.insert(2, ("a.pdf: encrypted PDF".to_string(), "encrypted PDF".to_string()));
        let out = summarize(&lines);
        assert_eq!(out.len(), 12);
        assert_eq!(out[2], "a.pdf: encrypted PDF");
        assert_eq!(out[11], "… and 3 more: empty file");
        assert_eq!(reason_kind("binary file (NUL byte at offset 3)"), "binary file");
        assert_eq!(reason_kind("cannot read: No such file"), "cannot read");
        assert_eq!(reason_kind("duplicate id \"a\" (first used by b); renamed to \"a~2\""), "duplicate id");
    }

    #[test]
    fn files_are_counted_by_type() {
        let mut report = Report::default();
        report
            .by_type
            .insert(".html".into(), ingest::TypeCount { indexed: 2, documents: 2, skipped: 1, ignored: 0 });
        report.by_type.insert(".png".into(), ingest::TypeCount { ignored: 4, ..Default::default() });
        assert_eq!(
            type_lines(&report),
            [
                "dossier: files by type:",
                "  .html: 2 indexed (2 documents), 1 skipped",
                "  .png: 4 ignored (type not read)"
            ]
        );
    }
}
