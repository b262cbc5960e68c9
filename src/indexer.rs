//! Native only: turns a stream of [`Document`]s into index bytes (see [`crate::format`]).
//!
//! Memory grows with the corpus: every term's postings and positions are held until
//! [`Indexer::finish`] writes them in term order.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::analysis;
use crate::entities::corrections::{self, Correction, Skipped};
use crate::entities::{self, Extractor};
use crate::format::docstore::{parse_date, DocStoreWriter, StoredDoc};
use crate::format::entities::{write_entities, EntityInput, Field, StoredMention, DENT, EALS, EIDS, ENTS};
use crate::format::postings::{Posting, PostingsBuffer, PostingsWriter};
use crate::format::{self, IndexWriter, Meta};
use crate::ingest::Document;

/// Positions skipped between the title and the body, so that a phrase or a proximity window
/// never joins the last title word with the first body word. Any value above the longest
/// phrase would do; 16 leaves room for proximity windows.
pub const FIELD_GAP: u32 = 16;

/// Accumulates documents and writes the index.
pub struct Indexer {
    docs: DocStoreWriter,
    terms: HashMap<String, PostingsBuffer>,
    meta: Meta,
    extractor: Option<Extractor>,
    timings: Option<Timings>,
    corrections: Vec<Correction>,
    skipped_corrections: Vec<Skipped>,
}

impl Default for Indexer {
    fn default() -> Self {
        Indexer::new()
    }
}

/// One term's occurrences in the document being added.
#[derive(Default)]
struct DocTerm {
    tf_title: u32,
    tf_body: u32,
    positions: Vec<u32>,
}

impl Indexer {
    /// An empty indexer that extracts entities.
    pub fn new() -> Indexer {
        Indexer {
            docs: DocStoreWriter::new(),
            terms: HashMap::new(),
            meta: Meta::default(),
            extractor: Some(Extractor::new()),
            timings: None,
            corrections: Vec::new(),
            skipped_corrections: Vec::new(),
        }
    }

    /// Measures the time of each build phase and prints it to stderr, with the process's
    /// memory after it where `/proc` tells it: the parts of [`Indexer::add`] (summed over
    /// documents) when [`Indexer::finish`] starts, then each step of `finish` as it ends. The
    /// CLI turns this on with `DOSSIER_TIMINGS=1`.
    pub fn with_timings(self) -> Indexer {
        Indexer { timings: Some(Timings::default()), ..self }
    }

    /// Applies a newsroom's corrections to the entities found (see
    /// [`crate::entities::corrections`]); [`Indexer::finish_reporting`] says which were skipped.
    pub fn with_corrections(self, corrections: Vec<Correction>) -> Indexer {
        Indexer { corrections, ..self }
    }

    /// An empty indexer that skips entity extraction (the index then has no entity sections).
    pub fn without_entities() -> Indexer {
        Indexer { extractor: None, ..Indexer::new() }
    }

    /// Number of documents added.
    pub fn len(&self) -> u32 {
        self.docs.len()
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Analyses and adds one document; returns its ordinal. Cost is linear in its text.
    /// Fails only when the index would pass 4 GiB.
    pub fn add(&mut self, mut doc: Document) -> Result<u32, format::Error> {
        let mut clock = self.timings.as_mut().map(Timings::start_add);
        if doc.date.is_none() {
            // A dateline at the start of the text ("KYIV, Aug 29 (Reuters) -") dates the story.
            doc.date = entities::dates::dateline(&doc.text);
        }
        let mut doc_terms: HashMap<String, DocTerm> = HashMap::new();
        let mut record = |term: &str, position: u32, in_title: bool| {
            let entry = match doc_terms.get_mut(term) {
                Some(e) => e,
                None => doc_terms.entry(term.to_string()).or_default(),
            };
            if in_title {
                entry.tf_title += 1;
            } else {
                entry.tf_body += 1;
            }
            entry.positions.push(position);
        };
        let title_len = analysis::tokenize(&doc.title, 0, |t| record(t.term, t.position, true));
        let body_start = title_len + FIELD_GAP;
        let body_end = analysis::tokenize(&doc.text, body_start, |t| record(t.term, t.position, false));
        let body_len = body_end - body_start;
        lap(&mut self.timings, &mut clock, Phase::Tokenize);

        let ordinal = self.docs.add(&StoredDoc {
            id: &doc.id,
            title: &doc.title,
            url: doc.url.as_deref(),
            text: &doc.text,
            date: doc.date.as_deref().and_then(parse_date),
            title_len,
            body_len,
        })?;
        lap(&mut self.timings, &mut clock, Phase::DocStore);
        if let Some(x) = self.extractor.as_mut() {
            x.add(ordinal, &doc.title, &doc.text, doc.date.as_deref());
        }
        lap(&mut self.timings, &mut clock, Phase::Entities);
        for (term, mut dt) in doc_terms {
            dt.positions.sort_unstable();
            let posting = Posting { doc: ordinal, tf_title: dt.tf_title, tf_body: dt.tf_body };
            // Ordinals increase and positions are counted per field: a failure is a bug here.
            self.terms
                .entry(term)
                .or_default()
                .push(posting, &dt.positions)
                .map_err(|e| format::Error::corrupt(format::POST, e))?;
        }
        self.meta.doc_count += 1;
        self.meta.title_tokens += u64::from(title_len);
        self.meta.body_tokens += u64::from(body_len);
        lap(&mut self.timings, &mut clock, Phase::Postings);
        if let Some(t) = self.timings.as_mut() {
            t.last_add = Some(Instant::now());
        }
        Ok(ordinal)
    }

    /// Writes the index file. Cost: sorting the terms, then one pass over all postings.
    /// Fails on a duplicate document id or past 4 GiB.
    pub fn finish(self) -> Result<Vec<u8>, format::Error> {
        self.finish_reporting().map(|(bytes, _)| bytes)
    }

    /// [`Indexer::finish`], also returning the corrections that could not be applied.
    pub fn finish_reporting(mut self) -> Result<(Vec<u8>, Vec<Skipped>), format::Error> {
        let corrections = std::mem::take(&mut self.corrections);
        let mut timings = self.timings;
        if let Some(t) = timings.as_mut() {
            t.end_adds();
        }
        let mut step = |name: &'static str, since: Instant| {
            if let Some(t) = timings.as_mut() {
                t.finish_step(name, since);
            }
            Instant::now()
        };
        let at = Instant::now();
        let mut terms: Vec<(String, PostingsBuffer)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let at = step("finish: sort terms", at);
        let related =
            crate::related::related(terms.iter().map(|(_, acc)| acc.postings()), self.meta.doc_count);
        let at = step("finish: related documents", at);
        let mut postings = PostingsWriter::new();
        for (term, acc) in &terms {
            postings.add_buffer(term, acc)?;
        }
        let sections = postings.finish()?;
        drop(terms);
        let at = step("finish: encode postings", at);
        let (docs, dids) = self.docs.finish()?;
        let meta = Meta { term_count: sections.term_count, ..self.meta };
        let mut at = step("finish: document store", at);

        let mut out = IndexWriter::new();
        out.section(format::META, meta.write())?;
        out.section(format::TERM, sections.term)?;
        out.section(format::POST, sections.post)?;
        out.section(format::POSN, sections.posn)?;
        out.section(format::DOCS, docs)?;
        out.section(format::DIDS, dids)?;
        out.section(format::related::RELS, format::related::write_related(&related))?;
        if let Some(x) = self.extractor {
            let mut found = x.finish();
            if !corrections.is_empty() {
                let ids = entity_ids(&found);
                let (corrected, skipped) = corrections::apply(found, &ids, &corrections);
                found = corrected;
                self.skipped_corrections = skipped;
            }
            at = step("finish: merge entities", at);
            let sections = entity_sections(found, meta.doc_count)?;
            out.section(ENTS, sections.ents)?;
            out.section(DENT, sections.dent)?;
            out.section(EIDS, sections.eids)?;
            out.section(EALS, sections.eals)?;
            at = step("finish: encode entities", at);
        }
        let bytes = out.finish()?;
        step("finish: assemble file", at);
        if let Some(t) = timings {
            t.print();
        }
        Ok((bytes, self.skipped_corrections))
    }
}

/// The parts of [`Indexer::add`] that are timed.
#[derive(Clone, Copy)]
enum Phase {
    Tokenize,
    DocStore,
    Entities,
    Postings,
}

/// Phase times of one build (see [`Indexer::with_timings`]).
#[derive(Default)]
struct Timings {
    /// Time in each [`Phase`] of `add`, summed over documents.
    adds: [Duration; 4],
    /// Time between `add` calls: reading and parsing the input (the caller's work).
    ingest: Duration,
    /// When the last `add` returned.
    last_add: Option<Instant>,
    /// Sum of the steps printed so far.
    total: Duration,
}

/// Resident memory of the process (`VmRSS`) and its peak so far (`VmHWM`), in bytes.
#[derive(Clone, Copy, Default)]
struct Memory {
    rss: Option<u64>,
    peak: Option<u64>,
}

impl Memory {
    /// Reads `/proc/self/status`; both `None` where there is none.
    fn now() -> Memory {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            let line = status.lines().find(|l| l.starts_with(name))?;
            let kb: u64 = line.get(name.len()..)?.trim().trim_end_matches("kB").trim().parse().ok()?;
            Some(kb * 1024)
        };
        Memory { rss: field("VmRSS:"), peak: field("VmHWM:") }
    }
}

impl Timings {
    fn start_add(&mut self) -> Instant {
        let now = Instant::now();
        if let Some(last) = self.last_add {
            self.ingest += now - last;
        }
        now
    }

    /// Ends the adds: prints the header, the ingest time and the time of each part of `add`.
    fn end_adds(&mut self) {
        let names = ["add: tokenize", "add: document store", "add: entity candidates", "add: postings"];
        let memory = Memory::now();
        if let Some(last) = self.last_add.take() {
            self.ingest += last.elapsed();
        }
        eprintln!("dossier timings (DOSSIER_TIMINGS): phase, seconds, memory after it (rss, peak)");
        self.step("ingest: read and parse (between adds)", self.ingest, Memory::default());
        for (i, (name, time)) in names.into_iter().zip(self.adds).enumerate() {
            let last = i + 1 == names.len();
            self.step(name, time, if last { memory } else { Memory::default() });
        }
    }

    /// Prints one finished step as soon as it ends (a build stopped midway still tells
    /// where it was) and keeps its time for the total.
    fn step(&mut self, name: &str, time: Duration, memory: Memory) {
        let gb = |b: Option<u64>| b.map_or(String::new(), |b| format!("{:.2} GB", b as f64 / 1e9));
        eprintln!("  {name:<40} {:>9.3} s  {:>9} {:>9}", time.as_secs_f64(), gb(memory.rss), gb(memory.peak));
        self.total += time;
    }

    fn finish_step(&mut self, name: &'static str, since: Instant) {
        self.step(name, since.elapsed(), Memory::now());
    }

    fn print(&self) {
        eprintln!("  {:<40} {:>9.3} s", "total", self.total.as_secs_f64());
    }
}

/// Adds the time since `clock` to `phase` and restarts the clock (nothing when not timing).
fn lap(timings: &mut Option<Timings>, clock: &mut Option<Instant>, phase: Phase) {
    if let (Some(t), Some(c)) = (timings.as_mut(), clock.as_mut()) {
        let now = Instant::now();
        t.adds[phase as usize] += now - *c;
        *c = now;
    }
}

/// The ids of entities in this order: `kind:slug-of-name`, then `-2`, `-3` for a repeat.
fn entity_ids(found: &[entities::Entity]) -> Vec<String> {
    let mut taken: HashMap<String, u32> = HashMap::new();
    found
        .iter()
        .map(|e| {
            let base = format!("{}:{}", e.kind.name(), slug(&e.name));
            let n = taken.entry(base.clone()).and_modify(|n| *n += 1).or_insert(1);
            if *n == 1 {
                base
            } else {
                format!("{base}-{n}")
            }
        })
        .collect()
}

/// Gives entities stable, unique ids (`person:volodymyr-zelenskyy`) and encodes them.
fn entity_sections(
    found: Vec<entities::Entity>,
    doc_count: u32,
) -> Result<format::entities::EntitySections, format::Error> {
    let ids = entity_ids(&found);
    let mentions: Vec<Vec<StoredMention>> = found
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .map(|m| StoredMention {
                    doc: m.doc,
                    field: if m.field == entities::Field::Title { Field::Title } else { Field::Text },
                    start: m.start,
                    end: m.end,
                })
                .collect()
        })
        .collect();
    let inputs: Vec<EntityInput<'_>> = found
        .iter()
        .zip(&ids)
        .zip(&mentions)
        .map(|((e, id), m)| EntityInput { id, name: &e.name, kind: e.kind, aliases: &e.aliases, mentions: m })
        .collect();
    write_entities(&inputs, doc_count)
}

/// `Volodymyr Zelenskyy` → `volodymyr-zelenskyy`; `2025-09-22/2025-09-29` → `2025-09-22--2025-09-29`.
fn slug(name: &str) -> String {
    if name.contains('/') {
        return name.split('/').map(slug).collect::<Vec<_>>().join("--");
    }
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(analysis::normalize_word)
        .collect();
    words.join("-")
}
