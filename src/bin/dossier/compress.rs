//! `dossier compress DIR`: writes a `.br` and a `.gz` sibling beside every compressible file
//! of a dist/ folder (the page, its scripts and styles, the wasm, the shards), which static
//! hosts (nginx `gzip_static`/`brotli_static`, Netlify, S3 with `Content-Encoding` metadata)
//! and `dossier serve` send as they are to a browser that accepts them. `build.sh` runs it on
//! the staged dist/ before listing its files in the manifest.
//!
//! The siblings are byte-identical across runs and machines: brotli at quality 11 (6 for the
//! shards of a folder of more than 5,000), gzip at
//! level 9 with no timestamp and no file name in its header. A sibling is written only where
//! it saves at least 5% of the file, and only for files of at least [`MIN_BYTES`] (a
//! smaller one fits in one packet either way, and a sharded dist/ holds up to 100,000 shards).
//! Files are compressed on every core; each sibling is written to a temporary name and renamed.
//! Dotfiles and dot-folders are skipped, and symbolic links are not followed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::build::human_bytes;

/// The extensions of the files compressed: text, the wasm and the index files.
const COMPRESSIBLE: &[&str] = &["html", "js", "mjs", "css", "wasm", "dsr", "json", "svg", "txt", "map"];

/// Files smaller than this are left as they are.
pub const MIN_BYTES: u64 = 1024;

/// A sibling is kept only if it is at most this share (in percent) of the file: 5% saved.
const KEEP_PERCENT: usize = 95;

/// The brotli quality (0–11) of the `.br` siblings: the smallest files, at about 20 ms of CPU
/// for a 4 KB shard.
const BROTLI_QUALITY: i32 = 11;
/// The brotli quality of the index files of a folder that holds more than
/// [`MANY_INDEX_FILES`] of them: measured on a 1,500-article shard set, quality 6 is 33×
/// faster than 11 for 16% more bytes, so 100,000 shards compress in about a minute instead of
/// fifteen. The page's own files keep [`BROTLI_QUALITY`].
const BROTLI_QUALITY_MANY: i32 = 6;
/// How many `.dsr` files a folder may hold before they get [`BROTLI_QUALITY_MANY`].
const MANY_INDEX_FILES: usize = 5_000;
/// The largest brotli window (log2 of bytes); a smaller file gets the smallest window that
/// holds it, which costs less to set up (most shards are a few KB).
const BROTLI_WINDOW: i32 = 22;

/// The gzip level (0–9) of the `.gz` siblings.
const GZIP_LEVEL: u32 = 9;

/// Runs `dossier compress DIR`: writes the siblings and says what they save.
pub fn run(argv: &[String]) -> Result<()> {
    let args = crate::args::Args::parse(argv, &[], &["--quiet"])?;
    let [dir] = args.positional.as_slice() else { bail!("compress needs one folder: dossier compress DIR") };
    let dir = Path::new(dir);
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => bail!("{} is not a folder", dir.display()),
        Err(e) => return Err(e).with_context(|| format!("cannot read the folder {}", dir.display())),
    }
    let started = Instant::now();
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    let index_files = files.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "dsr")).count();
    let shard_quality = if index_files > MANY_INDEX_FILES { BROTLI_QUALITY_MANY } else { BROTLI_QUALITY };
    let totals = compress_all(&files, shard_quality)?;
    if !args.flag("--quiet") {
        eprintln!(
            "dossier: compressed {} of {} files in {:.1} s: {} → {} brotli, {} gzip",
            totals.compressed,
            files.len(),
            started.elapsed().as_secs_f64(),
            human_bytes(totals.raw),
            human_bytes(totals.brotli),
            human_bytes(totals.gzip)
        );
    }
    Ok(())
}

/// Adds the compressible regular files under `dir` to `files`, sorted within each folder.
fn collect(dir: &Path, files: &mut Vec<(PathBuf, u64)>) -> Result<()> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
        entries.push(entry);
    }
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // The type of the entry itself: a symbolic link is neither a file nor a folder here.
        let kind = entry.file_type().with_context(|| format!("reading {}", path.display()))?;
        if kind.is_dir() {
            collect(&path, files)?;
        } else if kind.is_file() && compressible(&path) {
            let len = entry.metadata().with_context(|| format!("reading {}", path.display()))?.len();
            if len >= MIN_BYTES {
                files.push((path, len));
            }
        }
    }
    Ok(())
}

/// Whether the file's extension is one of [`COMPRESSIBLE`].
fn compressible(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e))
}

/// What a run wrote, in bytes.
#[derive(Default)]
struct Totals {
    /// Files given siblings.
    compressed: usize,
    /// Their size.
    raw: u64,
    /// The size of their `.br` siblings (the file's own size where it has none).
    brotli: u64,
    /// The size of their `.gz` siblings (likewise).
    gzip: u64,
}

/// Compresses every file, on as many threads as there are cores; stops at the first error.
fn compress_all(files: &[(PathBuf, u64)], shard_quality: i32) -> Result<Totals> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let totals = Mutex::new(Totals::default());
    let failed: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((path, _)) = files.get(i) else { break };
                let quality =
                    if path.extension().is_some_and(|e| e == "dsr") { shard_quality } else { BROTLI_QUALITY };
                match compress_file(path, quality) {
                    Ok(Some((raw, br, gz))) => {
                        let mut t = totals.lock().unwrap_or_else(|p| p.into_inner());
                        t.compressed += usize::from(br < raw || gz < raw);
                        t.raw += raw;
                        t.brotli += br;
                        t.gzip += gz;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        *failed.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                        next.store(files.len(), Ordering::Relaxed);
                        break;
                    }
                }
            });
        }
    });
    if let Some(e) = failed.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    Ok(totals.into_inner().unwrap_or_else(|p| p.into_inner()))
}

/// Writes the siblings of one file that save enough; returns its size and the sizes it is
/// served at (brotli, gzip), or `None` when neither sibling was worth writing.
fn compress_file(path: &Path, quality: i32) -> Result<Option<(u64, u64, u64)>> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mode = fs::metadata(path).with_context(|| format!("reading {}", path.display()))?.permissions();
    let raw = bytes.len() as u64;
    let br = brotli_bytes(&bytes, quality).with_context(|| format!("compressing {}", path.display()))?;
    let gz = gzip_bytes(&bytes).with_context(|| format!("compressing {}", path.display()))?;
    let mut served = (raw, raw);
    for (ext, packed, size) in [("br", &br, &mut served.0), ("gz", &gz, &mut served.1)] {
        let sibling = sibling_of(path, ext);
        if packed.len() * 100 <= bytes.len() * KEEP_PERCENT {
            write_replacing(&sibling, packed, &mode)?;
            *size = packed.len() as u64;
        } else if fs::symlink_metadata(&sibling).is_ok_and(|m| m.is_file()) {
            // Left from an earlier version of the file: a host would serve it in its place.
            fs::remove_file(&sibling).with_context(|| format!("removing the stale {}", sibling.display()))?;
        }
    }
    Ok((served != (raw, raw)).then_some((raw, served.0, served.1)))
}

/// `path` with `.ext` appended: `app.js` → `app.js.br`.
pub fn sibling_of(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// `bytes` compressed with brotli at `quality` (0–11): the same bytes on every run.
pub fn brotli_bytes(bytes: &[u8], quality: i32) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: window_for(bytes.len()),
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// The brotli window for `len` bytes: log2 of the smallest power of two that holds them,
/// between brotli's least (10) and [`BROTLI_WINDOW`].
fn window_for(len: usize) -> i32 {
    let bits = usize::BITS - len.saturating_sub(1).leading_zeros();
    (bits as i32).clamp(10, BROTLI_WINDOW)
}

/// `bytes` compressed with gzip at [`GZIP_LEVEL`], with no modification time and no file name
/// in the header: the same bytes on every run.
pub fn gzip_bytes(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::with_capacity(bytes.len() / 3), flate2::Compression::new(GZIP_LEVEL));
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed over `path`: a host
/// serving the folder meanwhile sees the old sibling or the new one, never a torn one.
/// It gets the permissions `mode` of its file (a temporary file is readable by its owner
/// only, and a web server may run as another user). Not synced to disk: the siblings can be
/// rewritten from the files.
fn write_replacing(path: &Path, bytes: &[u8], mode: &fs::Permissions) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".compress.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    temp.write_all(bytes).with_context(|| format!("writing {}", path.display()))?;
    fs::set_permissions(temp.path(), mode.clone()).with_context(|| format!("writing {}", path.display()))?;
    temp.persist(path).map_err(|e| e.error).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
