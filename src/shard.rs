//! Native only: cuts an embedded index file into the root and shards of a sharded index
//! (layout in [`crate::format::shards`]), for corpora too large to embed in the wasm.
//!
//! Every piece is re-encoded with the same writers the indexer uses, so a sharded index
//! answers exactly like the file it came from: the same ids, order and scores. Two tables are
//! derived here for it: every document's lengths (`NORM`, what ranking reads,
//! [`crate::format::DocStore::lengths`]) and the one-word alias widening table (`WIDE`,
//! [`crate::format::Index::alias_forms`]), each in the root when small, else in parts (lengths)
//! or a shard of its own (widening); and each term range's dictionary alone (`TERM`, no
//! postings) is a dictionary part, so typo correction scans the whole dictionary as the
//! embedded index does ([`crate::format::PostingsReader::search_dictionary`]).
//! Memory: the input file plus one part at a time.

use crate::format::docstore::{put_norm, DocStoreWriter, StoredDoc, NORM, NORM_RECORD_LEN};
use crate::format::entities::{DENT, EALS, EIDS, ENTS};
use crate::format::postings::PostingsWriter;
use crate::format::related::RELS;
use crate::format::shards::{content_name, Manifest, DATE, PART};
use crate::format::widen::{self, WIDE};
use crate::format::{Error, Index, IndexWriter, Posting, Tag, Toc, DIDS, DOCS, META, POSN, POST, SHRD, TERM};

/// Name of the root file in a sharded index's folder.
pub const ROOT: &str = "root.dsr";

/// How big the pieces are.
#[derive(Debug, Clone, Copy)]
pub struct ShardOptions {
    /// A term part is closed once its `TERM` + `POST` pass this many bytes (one term with a
    /// longer postings list makes a part of its own).
    pub term_part_bytes: usize,
    /// A document part is closed once its text passes this many bytes.
    pub doc_part_bytes: usize,
    /// Document ids per id part.
    pub ids_per_part: usize,
    /// Every document's lengths (`NORM`, 6 bytes a document) go in the root when they take at
    /// most this many bytes, else in length parts of [`ShardOptions::norm_part_bytes`].
    pub root_norm_bytes: usize,
    /// Bytes of `NORM` per length part, when the lengths are not in the root.
    pub norm_part_bytes: usize,
    /// The widening table (`WIDE`) goes in the root when it takes at most this many bytes,
    /// else in a shard of its own.
    pub root_widening_bytes: usize,
}

impl Default for ShardOptions {
    /// 32 KB term parts (about 12 KB over the wire), document parts of about 4 KB of text
    /// (one or two news articles: a result costs about 2 KB), 2,000 ids a part; lengths in the
    /// root up to 64 KB (about 10,900 documents: a first query needs no extra round trip),
    /// else in 48 KB parts (8,192 documents); the widening table in the root up to 16 KB.
    fn default() -> Self {
        ShardOptions {
            term_part_bytes: 32 * 1024,
            doc_part_bytes: 4 * 1024,
            ids_per_part: 2000,
            root_norm_bytes: 64 * 1024,
            norm_part_bytes: 48 * 1024,
            root_widening_bytes: 16 * 1024,
        }
    }
}

/// A sharded index: `(file name, bytes)` of the root ([`ROOT`]) and of every shard.
pub type Files = Vec<(String, Vec<u8>)>;

/// Splits the embedded index `bytes` into a root and shards.
pub fn split(bytes: &[u8], options: &ShardOptions) -> Result<Files, Error> {
    let index = Index::open(bytes)?;
    index.verify()?;
    let toc = Toc::read(bytes)?;
    let mut m = Manifest { suffix: content_name(bytes)[..12].to_string(), ..Manifest::default() };
    let mut out: Files = Vec::new();
    // A numbered part holds its own name (`PART`), so a loader can tell it is the one asked for.
    let mut add = |name: String, sections: Vec<(Tag, Vec<u8>)>| -> Result<(), Error> {
        let mut labelled = vec![(PART, name.as_bytes().to_vec())];
        labelled.extend(sections);
        out.push((name, index_file(labelled)?));
        Ok(())
    };

    // Term ranges: TERM + POST in one shard, POSN in another.
    let mut terms: Vec<(Vec<u8>, crate::format::TermInfo)> = Vec::new();
    index.postings().search("", fst::automaton::AlwaysMatch, |k, info| {
        terms.push((k.to_vec(), info));
        true
    });
    let mut flush = |m: &mut Manifest, writer: PostingsWriter, first: Vec<u8>| -> Result<(), Error> {
        let s = writer.finish()?;
        let i = m.term_firsts.len();
        add(m.term_part_name(i), vec![(TERM, s.term.clone()), (POST, s.post)])?;
        add(m.positions_name(i), vec![(POSN, s.posn)])?;
        add(m.dictionary_part_name(i), vec![(TERM, s.term)])?;
        m.term_firsts.push(first);
        Ok(())
    };
    let (mut writer, mut first) = (PostingsWriter::new(), Vec::new());
    let (mut list, mut positions): (Vec<Posting>, Vec<u32>) = (Vec::new(), Vec::new());
    for (key, info) in &terms {
        let term = std::str::from_utf8(key).map_err(|_| Error::corrupt(TERM, "term is not UTF-8"))?;
        index.postings().read_postings(*info, &mut list)?;
        index.postings().read_positions(*info, &list, &mut positions)?;
        if !writer.is_empty() && writer.len() >= options.term_part_bytes {
            flush(&mut m, std::mem::take(&mut writer), std::mem::replace(&mut first, key.clone()))?;
        }
        writer.add(term, &list, &positions)?;
    }
    flush(&mut m, writer, first)?;
    m.dictionary_parts = m.term_firsts.len() as u32;

    // Document parts: a fixed number of documents each, from the average text length.
    let docs = index.docs();
    let count = docs.len() as u32;
    let mut text_bytes = 0usize;
    for o in 0..count {
        text_bytes += docs.get(o)?.text.len();
    }
    let avg = (text_bytes / docs.len().max(1)).max(1);
    m.docs_per_part = (options.doc_part_bytes / avg).clamp(1, 4096) as u32;
    m.doc_parts = count.div_ceil(m.docs_per_part);
    for part in 0..m.doc_parts {
        let mut w = DocStoreWriter::new();
        for o in part * m.docs_per_part..((part + 1) * m.docs_per_part).min(count) {
            let d = docs.get(o)?;
            w.add(&StoredDoc {
                id: d.id,
                title: d.title,
                url: d.url,
                text: d.text,
                date: d.date,
                title_len: d.title_len,
                body_len: d.body_len,
            })?;
        }
        let (section, _) = w.finish()?;
        add(m.doc_part_name(part), vec![(DOCS, section)])?;
    }

    // Id ranges.
    let mut pairs: Vec<(Vec<u8>, u64)> = Vec::new();
    let dids = fst::Map::new(toc.require(DIDS)?).map_err(|e| Error::corrupt(DIDS, e.to_string()))?;
    let mut stream = fst::IntoStreamer::into_stream(&dids);
    while let Some((k, v)) = fst::Streamer::next(&mut stream) {
        pairs.push((k.to_vec(), v));
    }
    // At least one part, empty for an empty index: a root lists one of each kind.
    let chunks: Vec<&[(Vec<u8>, u64)]> = match pairs.is_empty() {
        true => vec![&[]],
        false => pairs.chunks(options.ids_per_part.max(1)).collect(),
    };
    for (i, chunk) in chunks.into_iter().enumerate() {
        let map = fst::Map::from_iter(chunk.iter().map(|(k, v)| (k.as_slice(), *v)))
            .map_err(|e| Error::corrupt(DIDS, e.to_string()))?;
        add(m.id_part_name(i), vec![(DIDS, map.into_fst().into_inner())])?;
        m.id_firsts.push(if i == 0 { Vec::new() } else { chunk[0].0.clone() });
    }

    // What ranking reads of every document, and what one-word aliases widen to: in the root
    // when small (no round trip of their own), else in parts or a shard of their own.
    let mut root_sections = vec![(META, toc.require(META)?.to_vec())];
    let mut norm = Vec::with_capacity(count as usize * NORM_RECORD_LEN);
    for o in 0..count {
        let d = docs.get(o)?;
        put_norm(&mut norm, (d.title_len, d.body_len));
    }
    if norm.len() <= options.root_norm_bytes {
        root_sections.push((NORM, norm));
    } else {
        m.norm_docs_per_part = (options.norm_part_bytes / NORM_RECORD_LEN).clamp(1, 1 << 20) as u32;
        m.norm_parts = count.div_ceil(m.norm_docs_per_part);
        for (p, chunk) in norm.chunks(m.norm_docs_per_part as usize * NORM_RECORD_LEN).enumerate() {
            add(m.norm_part_name(p as u32), vec![(NORM, chunk.to_vec())])?;
        }
    }

    // Single shards, named by their content ("" for sections the index lacks).
    let mut by_content = |sections: Vec<(Tag, Vec<u8>)>| -> Result<String, Error> {
        if sections.is_empty() {
            return Ok(String::new());
        }
        let file = index_file(sections)?;
        let name = format!("{}.dsr", content_name(&file));
        out.push((name.clone(), file));
        Ok(name)
    };
    let copy = |tags: &[Tag]| -> Vec<(Tag, Vec<u8>)> {
        tags.iter().filter_map(|&t| toc.optional(t).map(|b| (t, b.to_vec()))).collect()
    };
    let dates: Vec<u8> = (0..count).flat_map(|o| docs.date(o).unwrap_or(0).to_le_bytes()).collect();
    m.dates = by_content(vec![(DATE, dates)])?;
    m.entities = by_content(copy(&[ENTS, DENT, EIDS, EALS]))?;
    m.related = by_content(copy(&[RELS]))?;

    if toc.optional(ENTS).is_some() {
        let table = widen::write(index.entities())?;
        if table.len() <= options.root_widening_bytes {
            root_sections.push((WIDE, table));
        } else {
            m.widening = by_content(vec![(WIDE, table)])?;
        }
    }
    root_sections.push((SHRD, m.write()));
    let root = index_file(root_sections)?;
    out.insert(0, (ROOT.to_string(), root));
    Ok(out)
}

/// One shard: an index file holding `sections`.
fn index_file(sections: Vec<(Tag, Vec<u8>)>) -> Result<Vec<u8>, Error> {
    let mut w = IndexWriter::new();
    for (tag, b) in sections {
        w.section(tag, b)?;
    }
    w.finish()
}
