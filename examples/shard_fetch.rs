//! What a first query costs on a sharded index folder, as the page loads it: the root, then
//! each round of shards a search asks for (`NeedShards`), until it answers. Prints, per query,
//! the rounds, the shards and bytes fetched (root included), and the top results, for the
//! page's first request (ten results, no facets: those come in a second request).
//!
//!   cargo run --release --example shard_fetch -- DIR "query " ["query " …]

use std::collections::HashMap;

use dossier::format::{Error as FormatError, Index, Root};
use dossier::query::{SearchOptions, Searcher};
use dossier::Error;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, queries)) = args.split_first() else {
        return Err("usage: shard_fetch DIR QUERY…".into());
    };
    let dir = std::path::Path::new(dir);
    let root_bytes = std::fs::read(dir.join("root.dsr"))?;
    println!("root.dsr: {} bytes", root_bytes.len());
    let root = Root::read(root_bytes.clone())?;
    for q in queries {
        // A fresh page: nothing cached but the root.
        let mut cache: HashMap<String, Vec<u8>> = HashMap::new();
        let (mut bytes, mut files) = (root_bytes.len(), 1);
        // The page's first request on a sharded index (www/views/search.js): results, no facets.
        let options = SearchOptions { limit: Some(10), facet_limit: Some(0), ..SearchOptions::default() };
        for round in 1..=10 {
            let index = Index::open_sharded(&root, &cache)?;
            match Searcher::new(index).search(q, &options) {
                Err(Error::Format(FormatError::NeedShards(names))) => {
                    for name in names {
                        let b = std::fs::read(dir.join(&name))?;
                        root.verify_part(&name, &b)?;
                        bytes += b.len();
                        files += 1;
                        cache.insert(name, b);
                    }
                }
                Err(e) => return Err(e.into()),
                Ok(found) => {
                    let top: Vec<String> =
                        found.results.iter().take(3).map(|r| format!("{} {:.4}", r.id, r.score)).collect();
                    println!(
                        "{q:?}: {round} rounds, {files} files, {bytes} bytes; {} found; top {top:?}",
                        found.total
                    );
                    break;
                }
            }
        }
    }
    Ok(())
}
