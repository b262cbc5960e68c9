//! Entity extraction on a JSONL corpus, for comparison with a reference (spaCy).
//!
//! ```sh
//! cargo run --release --example entity_eval -- newsarticles.jsonl > ours.jsonl
//! ```
//!
//! Ingests the file with `dossier::ingest::ingest` (document ordinals in ingest order),
//! runs the [`Extractor`], and writes one JSON line per document to stdout:
//! `{"id": …, "ents": [[start, end, kind, surface, canonical], …]}` with offsets in
//! characters (Unicode scalar values, as Python counts them) into `title + "\n\n" + text`
//! of the *raw* JSONL record, the convention of the spaCy reference file. Ingest cleans
//! whitespace and control characters, so offsets are mapped back onto the raw strings.
//!
//! Timing goes to stderr (best of five interleaved runs each): ingest alone; the build without
//! entities (ingest + `Indexer::without_entities`); the build with them (ingest +
//! `Indexer::new`, which runs the extractor and writes the entity sections); the extractor
//! alone; and the ratio build-with / build-without.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dossier::entities::{Entity, Extractor, Field};
use dossier::indexer::Indexer;
use dossier::ingest::{ingest, Document};
use serde_json::{json, Value};

/// Timed repetitions of each pass (the minimum is reported).
const REPEAT: usize = 5;

fn main() -> Result<()> {
    let Some(path) = std::env::args().nth(1).map(PathBuf::from) else {
        bail!("usage: entity_eval <corpus.jsonl>");
    };
    let raw = raw_records(&path)?;

    let mut documents = Vec::new();
    let mut ingest_time = Duration::MAX;
    for _ in 0..REPEAT {
        let started = Instant::now();
        let mut docs = Vec::new();
        let report = ingest(std::slice::from_ref(&path), &mut |doc| docs.push(doc));
        ingest_time = ingest_time.min(started.elapsed());
        if documents.is_empty() {
            eprintln!("ingested: {} documents, {} skipped", report.documents, report.skipped.len());
        }
        documents = docs;
    }
    let bytes: usize = documents.iter().map(|d| d.title.len() + d.text.len()).sum();

    // The build without entities (the indexer alone), then with them (the indexer runs the
    // extractor and writes the entity sections), then the extractor alone.
    // Interleaved, so that a change of machine load between passes does not skew the ratio.
    let (mut index_time, mut build_time, mut extract_time) = (Duration::MAX, Duration::MAX, Duration::MAX);
    let mut entities = Vec::new();
    for _ in 0..REPEAT {
        index_time = index_time.min(timed(|| build(&documents, Indexer::without_entities()))?);
        build_time = build_time.min(timed(|| build(&documents, Indexer::new()))?);
        let started = Instant::now();
        entities = extract(&documents);
        extract_time = extract_time.min(started.elapsed());
    }

    let without = ingest_time + index_time;
    let with = ingest_time + build_time;
    eprintln!("documents: {} ({:.1} MB of title and text)", documents.len(), bytes as f64 / 1e6);
    eprintln!("ingest: {:.3} s", ingest_time.as_secs_f64());
    eprintln!("extract: {:.3} s", extract_time.as_secs_f64());
    eprintln!("build without entities (ingest + index): {:.3} s", without.as_secs_f64());
    eprintln!("build with entities (ingest + index + entities): {:.3} s", with.as_secs_f64());
    eprintln!("ratio: {:.2}", with.as_secs_f64() / without.as_secs_f64());
    let mentions: usize = entities.iter().map(|e| e.mentions.len()).sum();
    eprintln!("entities: {} ({} mentions)", entities.len(), mentions);

    write_output(&documents, &raw, &entities)
}

/// How long `pass` takes.
fn timed(pass: impl FnOnce() -> Result<()>) -> Result<Duration> {
    let started = Instant::now();
    pass()?;
    Ok(started.elapsed())
}

/// Indexes the documents with `indexer` and writes the index (discarded).
fn build(documents: &[Document], mut indexer: Indexer) -> Result<()> {
    for doc in documents {
        indexer.add(doc.clone()).context("indexing")?;
    }
    let index = indexer.finish().context("writing the index")?;
    std::hint::black_box(index);
    Ok(())
}

/// Runs the extractor over the documents (ordinals = positions).
fn extract(documents: &[Document]) -> Vec<Entity> {
    let mut extractor = Extractor::new();
    for (ordinal, doc) in documents.iter().enumerate() {
        let ordinal = u32::try_from(ordinal).unwrap_or(u32::MAX);
        extractor.add(ordinal, &doc.title, &doc.text, doc.date.as_deref());
    }
    extractor.finish()
}

/// The raw `title` and `text` of every record, by id.
fn raw_records(path: &PathBuf) -> Result<HashMap<String, (String, String)>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut records = HashMap::new();
    for line in BufReader::new(file).lines() {
        let line = line?;
        let Ok(Value::Object(record)) = serde_json::from_str::<Value>(&line) else { continue };
        let id = match record.get("id") {
            Some(Value::String(id)) => id.trim().to_string(),
            Some(Value::Number(id)) => id.to_string(),
            _ => continue,
        };
        let field = |name: &str| record.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
        records.entry(id).or_insert((field("title"), field("text")));
    }
    Ok(records)
}

/// Maps byte offsets of a cleaned string onto character offsets of the raw string it was
/// cleaned from (whitespace collapsed, control characters dropped): `map[byte]` for every
/// character start, plus the end.
fn alignment(clean: &str, raw: &str) -> Option<HashMap<usize, usize>> {
    let raw: Vec<char> = raw.chars().collect();
    let mut map = HashMap::new();
    let mut j = 0;
    for (byte, c) in clean.char_indices() {
        if c.is_whitespace() {
            map.insert(byte, j);
            continue;
        }
        while raw.get(j).is_some_and(|&r| r != c) {
            j += 1;
        }
        if j >= raw.len() {
            return None;
        }
        map.insert(byte, j);
        j += 1;
    }
    map.insert(clean.len(), j);
    Some(map)
}

/// Character range in the raw string of a mention's byte range in the clean one.
fn raw_range(map: &HashMap<usize, usize>, clean: &str, start: u32, end: u32) -> Option<(usize, usize)> {
    let (start, end) = (start as usize, end as usize);
    let last = clean.get(..end)?.char_indices().next_back()?.0;
    Some((*map.get(&start)?, *map.get(&last)? + 1))
}

fn write_output(
    documents: &[Document],
    raw: &HashMap<String, (String, String)>,
    entities: &[Entity],
) -> Result<()> {
    let mut per_doc: Vec<Vec<(Field, u32, u32, &Entity)>> = vec![Vec::new(); documents.len()];
    for entity in entities {
        for m in &entity.mentions {
            if let Some(list) = per_doc.get_mut(m.doc as usize) {
                list.push((m.field, m.start, m.end, entity));
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut unmapped = 0usize;
    for (doc, mentions) in documents.iter().zip(per_doc.iter_mut()) {
        let Some((raw_title, raw_text)) = raw.get(&doc.id) else { continue };
        let title_map = if raw_title.trim().is_empty() { None } else { alignment(&doc.title, raw_title) };
        let text_map = if raw_text.trim().is_empty() { None } else { alignment(&doc.text, raw_text) };
        let offset = raw_title.chars().count() + 2;
        mentions.sort_by_key(|(field, start, end, _)| (*field, *start, *end));
        let mut ents = Vec::new();
        for &(field, start, end, entity) in mentions.iter() {
            let (map, clean, base) = match field {
                Field::Title => (title_map.as_ref(), &doc.title, 0),
                Field::Text => (text_map.as_ref(), &doc.text, offset),
            };
            let Some(range) = map.and_then(|map| raw_range(map, clean, start, end)) else {
                unmapped += 1;
                continue;
            };
            let surface = clean.get(start as usize..end as usize).unwrap_or_default();
            ents.push(json!([range.0 + base, range.1 + base, entity.kind.name(), surface, entity.name]));
        }
        writeln!(out, "{}", json!({"id": doc.id, "ents": ents}))?;
    }
    out.flush()?;
    eprintln!("mentions not mapped to the raw record (empty raw title or text): {unmapped}");
    Ok(())
}
