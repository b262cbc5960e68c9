//! `dossier entities`: the people, organizations, places, events and dates of an index.

use std::collections::BTreeMap;

use anyhow::Result;
use dossier::format::Kind;
use serde::Serialize;

use crate::args::Args;
use crate::build::load_index;

/// One entity as `--json` prints it.
#[derive(Serialize)]
struct EntityJson<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: Kind,
    aliases: Vec<&'a str>,
    /// Document id → number of mentions in it.
    docs: BTreeMap<&'a str, u32>,
}

/// Runs `dossier entities [--index FILE] [--kind KIND] [--json]`.
pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--index", "--kind"], &["--json"])?;
    let kind = match args.value("--kind") {
        Some(k) => Some(Kind::ALL.into_iter().find(|x| x.name() == k).ok_or_else(|| {
            anyhow::anyhow!("unknown kind {k:?} (person, organization, place, event, date, other)")
        })?),
        None => None,
    };
    let loaded = load_index(&args)?;
    let searcher = loaded.searcher()?;
    let index = searcher.index();
    let entities = index.entities();
    let mut out = Vec::with_capacity(entities.len());
    for ordinal in 0..entities.len() as u32 {
        let r = entities.get(ordinal)?;
        if kind.is_some_and(|k| k != r.kind) {
            continue;
        }
        let (aliases, mentions) = entities.detail(ordinal)?;
        let mut docs = BTreeMap::new();
        for m in mentions {
            *docs.entry(index.docs().get(m.doc)?.id).or_insert(0) += 1;
        }
        out.push(EntityJson { id: r.id, name: r.name, kind: r.kind, aliases, docs });
    }
    if args.flag("--json") {
        out!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.docs.values().sum::<u32>()));
    for e in &out {
        let mentions: u32 = e.docs.values().sum();
        out!("{:<13} {:<40} {mentions:>4} mentions in {:>3} documents", e.kind.name(), e.name, e.docs.len());
    }
    Ok(())
}
