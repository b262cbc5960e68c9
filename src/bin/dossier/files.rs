//! Files the CLI reads and writes, safely: outputs appear whole or not at all, inputs are
//! opened only if they are regular files, and an index is recognized from its first bytes
//! before the rest is read.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use dossier::format::MAGIC;
use dossier::ingest;

/// The largest index file read: the format's offsets are u32, so no index passes 4 GiB.
const MAX_INDEX_BYTES: u64 = u32::MAX as u64;

/// Writes `bytes` to `path` atomically: into a temporary file beside it (same folder, so the
/// rename cannot cross file systems), synced to disk, then renamed over `path`, and the folder
/// synced. A reader, a crash or a full disk sees the old file or the new one, never a torn
/// one; on failure the temporary file is removed and `path` is untouched. Creates the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_of(path);
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name(path)))
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    let written = temp.write_all(bytes).and_then(|()| temp.as_file().sync_all());
    written.with_context(|| format!("writing {}", path.display()))?;
    temp.persist(path).map_err(|e| e.error).with_context(|| format!("replacing {}", path.display()))?;
    sync_folder(dir);
    Ok(())
}

/// The folder holding `path` (`.` for a bare file name).
pub fn parent_of(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// The last component of `path`, for naming files beside it.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| "output".to_string(), |n| n.to_string_lossy().into_owned())
}

/// Makes a rename or removal in `dir` durable (best effort: not every file system can sync
/// a folder, and the data itself is already synced).
pub fn sync_folder(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// Fails if `output` is one of `inputs` (the same file, by device and inode, however it is
/// named): `dossier build notes.txt -o notes.txt` would replace the article by its index.
pub fn refuse_overwriting_an_input(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Ok(out) = fs::metadata(output) else { return Ok(()) };
    for input in inputs {
        if fs::metadata(input).is_ok_and(|i| i.dev() == out.dev() && i.ino() == out.ino()) {
            bail!("{}: the output is an input of this build; choose another -o", output.display());
        }
    }
    Ok(())
}

/// Reads an index file: refuses anything that is not a regular file or does not start with
/// the index's magic bytes before reading further, and anything over 4 GiB.
pub fn read_index(path: &Path) -> Result<Vec<u8>> {
    let (mut file, size) = ingest::open_regular(path).map_err(|reason| {
        let reason = reason.strip_prefix("cannot read file: ").unwrap_or(&reason).to_string();
        anyhow::anyhow!("{}: {reason}, not an index file", path.display())
    })?;
    let mut head = [0u8; MAGIC.len()];
    let got = read_up_to(&mut file, &mut head).with_context(|| format!("{}: cannot read", path.display()))?;
    if got < head.len() || head != MAGIC {
        bail!("{}: not a Dossier index (it does not start with the index's magic bytes)", path.display());
    }
    if size > MAX_INDEX_BYTES {
        bail!("{}: {size} bytes, more than an index can hold (4 GiB)", path.display());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    bytes.extend_from_slice(&head);
    file.take(MAX_INDEX_BYTES + 1 - head.len() as u64)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(bytes)
}

/// Reads until `buf` is full or the file ends; returns how many bytes were read.
fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}
