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

/// Runs `dossier build <DIR|FILE>... [-o FILE] [--quiet]`.
pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["-o", "--output", "--corrections"], &["--quiet", "-q", "--follow-links"])?;
    if args.positional.is_empty() {
        bail!("build needs at least one file or folder");
    }
    let inputs: Vec<PathBuf> = args.positional.iter().map(PathBuf::from).collect();
    let output = PathBuf::from(args.value("-o").or(args.value("--output")).unwrap_or(DEFAULT_OUTPUT));
    let started = Instant::now();
    let quiet = args.flag("--quiet") || args.flag("-q");
    files::refuse_overwriting_an_input(&output, &inputs)?;
    let options = IngestOptions { follow_links: args.flag("--follow-links") };
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
    eprintln!(
        "dossier: indexed {} documents from {} files, skipped {}, in {:.2} s; index {} → {}",
        report.documents,
        report.files,
        report.skipped.len(),
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
        bail!("no document could be indexed from {}", list(inputs));
    }
    let finished = indexer.finish_reporting();
    bar.done();
    let (bytes, skipped) = finished.context("writing the index")?;
    Ok((bytes, report, skipped))
}

/// Prints skipped inputs and warnings to stderr, one per line.
pub fn print_report(report: &Report) {
    for s in &report.skipped {
        eprintln!("skipped: {s}");
    }
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
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
