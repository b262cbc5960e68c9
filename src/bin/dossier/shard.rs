//! `dossier shard`: cut an index file into the root and shards of a sharded index, for a
//! corpus too large to embed in the wasm (`build.sh --sharded` runs it).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use dossier::shard::{split, ShardOptions, ROOT};

use crate::build::human_bytes;

/// Runs `dossier shard <INDEX> -o <DIR>`: writes `DIR/root.dsr` and the shards, after removing
/// the `.dsr` files a previous run left in `DIR`.
pub fn run(argv: &[String]) -> Result<()> {
    let args = crate::args::Args::parse(argv, &["-o", "--output"], &[])?;
    let [input] = args.positional.as_slice() else { bail!("shard needs one index file") };
    let Some(dir) = args.value("-o").or(args.value("--output")).map(PathBuf::from) else {
        bail!("shard needs -o <DIR>")
    };
    let bytes = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let files = split(&bytes, &ShardOptions::default()).with_context(|| format!("sharding {input}"))?;
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "dsr") {
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    let mut total = 0;
    for (name, file) in &files {
        std::fs::write(dir.join(name), file).with_context(|| format!("writing {name}"))?;
        total += file.len() as u64;
    }
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
