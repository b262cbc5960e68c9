//! `dossier entities`: the people, organizations, places, events and dates of an index.
//!
//! `--json` prints an array of entities. `--json --mentions` adds, to every entity, every
//! mention: `{"doc": ID, "field": "title"|"text", "start": N, "end": N, "surface": "…"}`,
//! where `start` and `end` are **byte** offsets (UTF-8) into the field *as indexed* (ingest
//! cleans whitespace and control characters; `dossier document ID --json` prints that
//! text), so `field[start..end] == surface`. With `--mentions` the array is written one
//! entity a line, as it is read, so a large index streams instead of being built in memory.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use dossier::format::docstore::DocRecord;
use dossier::format::entities::Field;
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
    /// Every mention, with `--mentions` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<Vec<MentionJson<'a>>>,
}

/// One mention as `--json --mentions` prints it: byte offsets into the indexed field.
#[derive(Serialize)]
struct MentionJson<'a> {
    doc: &'a str,
    field: &'static str,
    start: u32,
    end: u32,
    surface: &'a str,
}

/// Runs `dossier entities [--index FILE] [--kind KIND] [--json [--mentions]]`.
pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--index", "--kind"], &["--json", "--mentions"])?;
    let kind = match args.value("--kind") {
        Some(k) => Some(Kind::ALL.into_iter().find(|x| x.name() == k).ok_or_else(|| {
            anyhow::anyhow!("unknown kind {k:?} (person, organization, place, event, date, other)")
        })?),
        None => None,
    };
    let with_mentions = args.flag("--mentions");
    if with_mentions && !args.flag("--json") {
        anyhow::bail!("--mentions needs --json");
    }
    let loaded = load_index(&args)?;
    let searcher = loaded.searcher()?;
    let index = searcher.index();
    let entities = index.entities();
    let mut records: HashMap<u32, DocRecord<'_>> = HashMap::new();
    let mut out = Vec::with_capacity(if with_mentions { 0 } else { entities.len() });
    let stdout = std::io::stdout();
    let mut writer = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    if with_mentions {
        write_or_quit(&mut writer, b"[")?;
    }
    for ordinal in 0..entities.len() as u32 {
        let r = entities.get(ordinal)?;
        if kind.is_some_and(|k| k != r.kind) {
            continue;
        }
        let (aliases, mentions) = entities.detail(ordinal)?;
        let mut docs = BTreeMap::new();
        let mut listed = Vec::new();
        for m in mentions {
            if let std::collections::hash_map::Entry::Vacant(v) = records.entry(m.doc) {
                v.insert(index.docs().get(m.doc)?);
            }
            let record = &records[&m.doc];
            *docs.entry(record.id).or_insert(0) += 1;
            if with_mentions {
                let (field, text) = match m.field {
                    Field::Title => ("title", record.title),
                    Field::Text => ("text", record.text),
                };
                let surface = text.get(m.start as usize..m.end as usize).unwrap_or("");
                listed.push(MentionJson { doc: record.id, field, start: m.start, end: m.end, surface });
            }
        }
        let e = EntityJson {
            id: r.id,
            name: r.name,
            kind: r.kind,
            aliases,
            docs,
            mentions: with_mentions.then_some(listed),
        };
        if with_mentions {
            let sep: &[u8] = if first { b"\n" } else { b",\n" };
            first = false;
            write_or_quit(&mut writer, sep)?;
            write_or_quit(&mut writer, &serde_json::to_vec(&e)?)?;
        } else {
            out.push(e);
        }
    }
    if with_mentions {
        write_or_quit(&mut writer, b"\n]\n")?;
        return flush_or_quit(&mut writer);
    }
    drop(writer);
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

/// Writes bytes; a closed pipe ends the program quietly, like `out!`.
fn write_or_quit(w: &mut impl std::io::Write, bytes: &[u8]) -> Result<()> {
    match w.write_all(bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        r => Ok(r?),
    }
}

/// Flushes; a closed pipe ends the program quietly.
fn flush_or_quit(w: &mut impl std::io::Write) -> Result<()> {
    match w.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        r => Ok(r?),
    }
}
