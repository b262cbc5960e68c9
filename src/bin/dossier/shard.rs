//! `dossier shard`: cut an index file into the root and shards of a sharded index, for a
//! corpus too large to embed in the wasm (`build.sh --sharded` runs it).
//!
//! The output folder is replaced whole, never edited in place: the new set is written to a
//! fresh folder beside it (same parent, so a rename moves it), each file synced, then swapped
//! in by rename. A folder is replaced only if it is empty or holds a sharded index and nothing
//! else (`root.dsr`, and only files that root lists: what an earlier run wrote); then only
//! those files are removed. So a failed run (a full disk) leaves the old set whole, and no
//! file the command did not write is deleted.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use dossier::format::Root;
use dossier::shard::{split, Files, ShardOptions, ROOT};

use crate::build::human_bytes;
use crate::files::{read_index, sync_folder};

/// Runs `dossier shard <INDEX> -o <DIR>`: writes `DIR/root.dsr` and the shards, replacing the
/// sharded index an earlier run wrote there. Refuses a `DIR` holding anything else, or the
/// input itself.
pub fn run(argv: &[String]) -> Result<()> {
    let args = crate::args::Args::parse(argv, &["-o", "--output"], &[])?;
    let [input] = args.positional.as_slice() else { bail!("shard needs one index file") };
    let Some(dir) = args.value("-o").or(args.value("--output")).map(PathBuf::from) else {
        bail!("shard needs -o <DIR>")
    };
    let bytes = read_index(Path::new(input))?;
    let files = split(&bytes, &ShardOptions::default()).with_context(|| format!("sharding {input}"))?;
    let out = Output::check(&dir, Path::new(input))?;
    out.replace_with(&files)?;

    let total: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let root = files.iter().find(|(n, _)| n == ROOT).map_or(0, |(_, b)| b.len() as u64);
    eprintln!(
        "dossier: {} shards, {} in all, root {} → {}",
        files.len() - 1,
        human_bytes(total),
        human_bytes(root),
        dir.display()
    );
    Ok(())
}

/// The output folder, checked: where it is, and what it holds now.
struct Output {
    /// The folder, as given (for messages).
    shown: PathBuf,
    /// Its parent, resolved, where the new set is written before the swap.
    parent: PathBuf,
    /// Its name in `parent`.
    name: String,
    /// What is there now.
    previous: Previous,
}

/// What the output folder holds before the run.
enum Previous {
    /// Nothing: the folder does not exist.
    Nothing,
    /// An empty folder.
    Empty,
    /// A sharded index an earlier run wrote: these files (the root and the shards it lists).
    Shards(Vec<String>),
}

impl Output {
    /// Resolves `dir` and checks that it may be replaced: it does not hold `input`, and it is
    /// missing, empty, or a sharded index and nothing else.
    fn check(dir: &Path, input: &Path) -> Result<Output> {
        let shown = dir.to_path_buf();
        let resolved = if dir.exists() {
            dir.canonicalize().with_context(|| format!("resolving {}", dir.display()))?
        } else {
            let parent = match dir.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
            let Some(name) = dir.file_name() else { bail!("{} is not a folder name", dir.display()) };
            parent.canonicalize().with_context(|| format!("resolving {}", parent.display()))?.join(name)
        };
        let (Some(parent), Some(name)) = (resolved.parent(), resolved.file_name()) else {
            bail!("cannot write the shards to {}: give a folder below it", dir.display())
        };
        let name = name.to_string_lossy().into_owned();
        let (parent, previous) = (parent.to_path_buf(), Previous::Nothing);
        let mut out = Output { shown, parent, name, previous };
        if let Ok(input) = input.canonicalize() {
            if input.starts_with(&resolved) {
                bail!(
                    "the output folder {} holds the input {}: write the shards to another folder",
                    out.shown.display(),
                    input.display()
                );
            }
        }
        if resolved.exists() {
            if !resolved.is_dir() {
                bail!("{} exists and is not a folder", out.shown.display());
            }
            out.previous = out.previous_shards(&resolved)?;
        }
        Ok(out)
    }

    /// What the existing folder `dir` holds: nothing, or an earlier run's shards; an error if
    /// it holds anything else.
    fn previous_shards(&self, dir: &Path) -> Result<Previous> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", self.shown.display()))? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let file = entry.file_type()?.is_file();
            names.push((name, file));
        }
        if names.is_empty() {
            return Ok(Previous::Empty);
        }
        let root = std::fs::read(dir.join(ROOT)).ok().and_then(|bytes| Root::read(bytes).ok());
        let foreign: Vec<&str> = names
            .iter()
            .filter(|(name, file)| {
                !*file || root.as_ref().is_none_or(|r| name != ROOT && !r.manifest().lists(name))
            })
            .map(|(name, _)| name.as_str())
            .collect();
        if !foreign.is_empty() {
            let mut some: Vec<&str> = foreign.iter().take(3).copied().collect();
            some.sort_unstable();
            let more =
                if foreign.len() > 3 { format!(" and {} more", foreign.len() - 3) } else { String::new() };
            bail!(
                "{} holds files dossier shard did not write ({}{more}): refusing to replace it; \
                 give an empty or new folder, or remove them",
                self.shown.display(),
                some.join(", ")
            );
        }
        Ok(Previous::Shards(names.into_iter().map(|(name, _)| name).collect()))
    }

    /// Writes `files` to a new folder beside the output, then swaps it in; removes the files
    /// of the earlier run only once the new set is in place.
    fn replace_with(self, files: &Files) -> Result<()> {
        let target = self.parent.join(&self.name);
        let fresh = self.parent.join(format!(".{}.new-{}", self.name, std::process::id()));
        std::fs::create_dir(&fresh).with_context(|| format!("creating {}", fresh.display()))?;
        if let Err(e) = write_all(&fresh, files) {
            remove_written(&fresh, files.iter().map(|(n, _)| n.as_str()));
            return Err(
                e.context(format!("writing the shards for {} (nothing replaced)", self.shown.display()))
            );
        }
        let swapped = match &self.previous {
            Previous::Nothing => std::fs::rename(&fresh, &target),
            Previous::Empty => std::fs::remove_dir(&target).and_then(|()| std::fs::rename(&fresh, &target)),
            Previous::Shards(old_files) => {
                let old = self.parent.join(format!(".{}.old-{}", self.name, std::process::id()));
                std::fs::rename(&target, &old).and_then(|()| match std::fs::rename(&fresh, &target) {
                    Ok(()) => {
                        sync_folder(&self.parent);
                        remove_written(&old, old_files.iter().map(String::as_str));
                        Ok(())
                    }
                    Err(e) => {
                        // Put the old set back: the output stays as it was.
                        let _ = std::fs::rename(&old, &target);
                        Err(e)
                    }
                })
            }
        };
        if let Err(e) = swapped {
            remove_written(&fresh, files.iter().map(|(n, _)| n.as_str()));
            return Err(e).with_context(|| format!("moving the new shards into {}", self.shown.display()));
        }
        sync_folder(&self.parent);
        Ok(())
    }
}

/// Writes every file into `dir`, each synced to disk, then the folder itself.
fn write_all(dir: &Path, files: &Files) -> Result<()> {
    for (name, bytes) in files {
        let path = dir.join(name);
        let mut file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        file.write_all(bytes).with_context(|| format!("writing {}", path.display()))?;
        file.sync_all().with_context(|| format!("syncing {}", path.display()))?;
    }
    sync_folder(dir);
    Ok(())
}

/// Removes the files `names` from `dir`, then `dir` if that leaves it empty; anything else
/// found there is left, with a warning.
fn remove_written<'a>(dir: &Path, names: impl Iterator<Item = &'a str>) {
    for name in names {
        let _ = std::fs::remove_file(dir.join(name));
    }
    if std::fs::remove_dir(dir).is_err() && dir.exists() {
        eprintln!("dossier: warning: left {} (it holds files dossier did not write)", dir.display());
    }
}
