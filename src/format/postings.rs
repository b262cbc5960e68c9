//! `TERM`, `POST`, `POSN`: the term dictionary, postings lists and word positions.
//!
//! `TERM` is an `fst::Map` from each normalized term (see [`crate::analysis`]) to a u64:
//!
//! ```text
//! bits 63..32  document frequency (number of postings)
//! bits 31..0   byte offset of the term's record in POST
//! ```
//!
//! A `POST` record is a varint positions offset (absolute, into `POSN`) followed by one
//! entry per document, in increasing document order:
//!
//! ```text
//! varint doc delta   (the first entry holds the ordinal itself)
//! varint tf title    (occurrences in the title)
//! varint tf body     (occurrences in the body)
//! ```
//!
//! In `POSN`, starting at the record's positions offset, each entry's `tf title + tf body`
//! positions follow in the same document order: the first as is, the rest as deltas from the
//! previous one. Title positions start at 0; body positions start after the title plus
//! [`crate::indexer::FIELD_GAP`], so a phrase cannot span title and body.

use super::shards::{part_of, Shards};
use super::{varint, Error, POSN, POST, TERM};

/// Where a term's postings are and how many there are (the decoded `TERM` value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermInfo {
    /// Number of documents containing the term.
    pub doc_freq: u32,
    /// Byte offset of the term's record in `POST`.
    pub offset: u32,
    /// Which term range (shard) of a sharded index holds it; 0 in an embedded index.
    pub part: u32,
}

impl TermInfo {
    /// Decodes an fst value.
    pub fn from_value(v: u64) -> TermInfo {
        TermInfo { doc_freq: (v >> 32) as u32, offset: v as u32, part: 0 }
    }

    /// Encodes as an fst value (without the part).
    pub fn to_value(self) -> u64 {
        (u64::from(self.doc_freq) << 32) | u64::from(self.offset)
    }
}

/// One document's entry in a postings list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Document ordinal.
    pub doc: u32,
    /// Occurrences in the title.
    pub tf_title: u32,
    /// Occurrences in the body.
    pub tf_body: u32,
}

impl Posting {
    /// Total occurrences (title + body), the number of positions stored for this entry.
    pub fn tf(&self) -> u32 {
        self.tf_title.saturating_add(self.tf_body)
    }
}

/// The three encoded sections and the number of terms in them.
pub struct PostingsSections {
    /// The `TERM` section (an fst).
    pub term: Vec<u8>,
    /// The `POST` section.
    pub post: Vec<u8>,
    /// The `POSN` section.
    pub posn: Vec<u8>,
    /// Number of terms.
    pub term_count: u32,
}

/// Builds the three sections from terms added in strictly increasing byte order.
/// Memory use is the size of the encoded sections.
pub struct PostingsWriter {
    terms: fst::MapBuilder<Vec<u8>>,
    post: Vec<u8>,
    posn: Vec<u8>,
    count: u32,
}

impl Default for PostingsWriter {
    fn default() -> Self {
        PostingsWriter::new()
    }
}

impl PostingsWriter {
    /// An empty writer.
    pub fn new() -> PostingsWriter {
        PostingsWriter { terms: fst::MapBuilder::memory(), post: Vec::new(), posn: Vec::new(), count: 0 }
    }

    /// Adds a term with its postings (increasing `doc`) and, flattened in the same order, the
    /// positions of each posting (`tf()` of them, increasing). Fails if terms are out of
    /// order, if the positions do not add up, or if a section would pass 4 GiB.
    pub fn add(&mut self, term: &str, postings: &[Posting], positions: &[u32]) -> Result<(), Error> {
        let expected: usize = postings.iter().map(|p| p.tf() as usize).sum();
        if expected != positions.len() {
            return Err(Error::corrupt(POSN, format!("term {term:?}: positions do not match tf")));
        }
        let mut buffer = PostingsBuffer::default();
        let mut rest = positions;
        for &p in postings {
            let (these, next) = rest.split_at(p.tf() as usize);
            buffer.push(p, these).map_err(|e| Error::corrupt(POST, format!("term {term:?}: {e}")))?;
            rest = next;
        }
        self.add_buffer(term, &buffer)
    }

    /// Adds a term with its postings as a [`PostingsBuffer`] encoded them. Fails if terms are
    /// out of order or if a section would pass 4 GiB.
    pub fn add_buffer(&mut self, term: &str, buffer: &PostingsBuffer) -> Result<(), Error> {
        let offset = u32::try_from(self.post.len()).map_err(|_| Error::corrupt(POST, "over 4 GiB"))?;
        varint::write(&mut self.post, self.posn.len() as u64);
        self.post.extend_from_slice(&buffer.post);
        self.posn.extend_from_slice(&buffer.posn);
        let info = TermInfo { doc_freq: buffer.count, offset, part: 0 };
        self.terms.insert(term, info.to_value()).map_err(|e| Error::corrupt(TERM, e.to_string()))?;
        self.count += 1;
        Ok(())
    }

    /// Bytes of `TERM` (roughly) and `POST` written so far: where a sharder cuts a part.
    pub fn len(&self) -> usize {
        self.terms.bytes_written() as usize + self.post.len()
    }

    /// True before the first term.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Returns the encoded sections.
    pub fn finish(self) -> Result<PostingsSections, Error> {
        let term = self.terms.into_inner().map_err(|e| Error::corrupt(TERM, e.to_string()))?;
        u32::try_from(self.posn.len()).map_err(|_| Error::corrupt(POSN, "over 4 GiB"))?;
        Ok(PostingsSections { term, post: self.post, posn: self.posn, term_count: self.count })
    }
}

/// One term's postings while an index is built, kept in the encoding of its `POST` entries and
/// `POSN` positions (see the module docs): a few bytes per posting and about one per position,
/// a fifth of the memory of [`Posting`]s and `u32` positions.
#[derive(Debug, Default, Clone)]
pub struct PostingsBuffer {
    post: Vec<u8>,
    posn: Vec<u8>,
    count: u32,
    last_doc: u32,
}

impl PostingsBuffer {
    /// Appends a posting (its document after the last one's) with its `tf()` positions,
    /// increasing. Fails, adding nothing, when either is out of order or the count is wrong.
    pub fn push(&mut self, posting: Posting, positions: &[u32]) -> Result<(), &'static str> {
        if self.count > 0 && posting.doc <= self.last_doc {
            return Err("documents out of order");
        }
        if positions.len() != posting.tf() as usize {
            return Err("positions do not match tf");
        }
        if positions.windows(2).any(|w| w[1] < w[0]) {
            return Err("positions out of order");
        }
        let delta = if self.count == 0 { posting.doc } else { posting.doc - self.last_doc };
        varint::write(&mut self.post, u64::from(delta));
        varint::write(&mut self.post, u64::from(posting.tf_title));
        varint::write(&mut self.post, u64::from(posting.tf_body));
        let mut prev = 0;
        for (j, &pos) in positions.iter().enumerate() {
            varint::write(&mut self.posn, u64::from(if j == 0 { pos } else { pos - prev }));
            prev = pos;
        }
        self.count += 1;
        self.last_doc = posting.doc;
        Ok(())
    }

    /// Number of postings (the term's document frequency).
    pub fn len(&self) -> u32 {
        self.count
    }

    /// True before the first posting.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The postings, decoded.
    pub fn postings(&self) -> Vec<Posting> {
        let mut out = Vec::with_capacity(self.count as usize);
        // `push` wrote them: they decode.
        let _ = read_entries(&mut varint::Reader::new(&self.post, 0), self.count, &mut out);
        out
    }
}

/// Decodes `count` `POST` entries (document delta, tf title, tf body) from `r` onto `out`;
/// `None` if they are malformed.
fn read_entries(r: &mut varint::Reader<'_>, count: u32, out: &mut Vec<Posting>) -> Option<()> {
    let mut doc: u32 = 0;
    for i in 0..count {
        let delta = r.u32()?;
        doc = if i == 0 { delta } else { doc.checked_add(delta)? };
        out.push(Posting { doc, tf_title: r.u32()?, tf_body: r.u32()? });
    }
    Some(())
}

/// Reads terms, postings and positions from borrowed section bytes: one part for an embedded
/// index, one per term range for a sharded one (see [`super::shards`]).
#[derive(Clone)]
pub struct PostingsReader<'a> {
    store: Store<'a>,
}

#[derive(Clone)]
enum Store<'a> {
    /// The three sections of an embedded index.
    Whole { terms: fst::Map<&'a [u8]>, post: &'a [u8], posn: &'a [u8] },
    /// Term ranges read from shards on demand.
    Sharded(Shards<'a>),
}

impl<'a> PostingsReader<'a> {
    /// Borrows the three sections of an embedded index; parses only the fst header.
    pub fn open(term: &'a [u8], post: &'a [u8], posn: &'a [u8]) -> Result<PostingsReader<'a>, Error> {
        let terms = fst::Map::new(term).map_err(|e| Error::corrupt(TERM, e.to_string()))?;
        Ok(PostingsReader { store: Store::Whole { terms, post, posn } })
    }

    /// The term ranges of a sharded index, read from its shards when a query needs them.
    pub fn sharded(shards: Shards<'a>) -> PostingsReader<'a> {
        PostingsReader { store: Store::Sharded(shards) }
    }

    /// True for a sharded index: word lookups read only the term ranges a query names.
    pub fn is_sharded(&self) -> bool {
        matches!(self.store, Store::Sharded(_))
    }

    /// Number of term ranges.
    fn parts(&self) -> usize {
        match &self.store {
            Store::Whole { .. } => 1,
            Store::Sharded(shards) => shards.manifest.term_firsts.len(),
        }
    }

    /// The range holding `key`.
    fn part_of(&self, key: &[u8]) -> usize {
        match &self.store {
            Store::Whole { .. } => 0,
            Store::Sharded(shards) => part_of(&shards.manifest.term_firsts, key),
        }
    }

    /// The `TERM` and `POST` of range `i`, if loaded (else recorded as missing).
    fn loaded(&self, i: usize) -> Option<(fst::Map<&'a [u8]>, &'a [u8])> {
        match &self.store {
            Store::Whole { terms, post, .. } => Some((terms.clone(), post)),
            Store::Sharded(shards) => {
                let toc = super::Toc::read(shards.file(&shards.manifest.term_part_name(i))?).ok()?;
                Some((fst::Map::new(toc.require(TERM).ok()?).ok()?, toc.require(POST).ok()?))
            }
        }
    }

    /// The `POSN` of range `i`, if loaded (else recorded as missing).
    fn positions(&self, i: usize) -> Option<&'a [u8]> {
        match &self.store {
            Store::Whole { posn, .. } => Some(posn),
            Store::Sharded(shards) => shards.section(&shards.manifest.positions_name(i), POSN).ok().flatten(),
        }
    }

    /// Streams the dictionary terms that start with `prefix` and that `automaton` accepts, in
    /// byte order, with where their postings are; `each` returns false to stop early. Only the
    /// term ranges overlapping `prefix` are read, so a sharded index fetches only those:
    /// `automaton` must accept nothing outside `prefix` (pass `""` to scan everything).
    pub fn search<A: fst::Automaton>(
        &self,
        prefix: &str,
        automaton: A,
        mut each: impl FnMut(&[u8], TermInfo) -> bool,
    ) {
        use fst::{IntoStreamer, Streamer};
        let prefix = prefix.as_bytes();
        let start = self.part_of(prefix);
        for i in start..self.parts() {
            if i > start {
                let Store::Sharded(shards) = &self.store else { break };
                if !shards.manifest.term_firsts[i].starts_with(prefix) {
                    break;
                }
            }
            let Some((terms, _)) = self.loaded(i) else { continue };
            let mut stream = terms.search(&automaton).into_stream();
            while let Some((key, value)) = stream.next() {
                if !each(key, TermInfo { part: i as u32, ..TermInfo::from_value(value) }) {
                    return;
                }
            }
        }
    }

    /// True when a scan of the whole dictionary is cheap enough for typo correction: always
    /// for an embedded index; for a sharded one, when it has dictionary parts (term ranges
    /// without postings, [`super::shards`]).
    pub fn has_dictionary(&self) -> bool {
        match &self.store {
            Store::Whole { .. } => true,
            Store::Sharded(shards) => shards.manifest.dictionary_parts > 0,
        }
    }

    /// [`PostingsReader::search`] for typo correction: the same terms, in the same order, with
    /// the same [`TermInfo`], but a sharded index reads each range's dictionary part (its
    /// `TERM` alone, recorded as missing if not loaded) unless its term part is loaded already
    /// (the same `TERM`), so a scan over many ranges fetches no postings.
    pub fn search_dictionary<A: fst::Automaton>(
        &self,
        prefix: &str,
        automaton: A,
        mut each: impl FnMut(&[u8], TermInfo) -> bool,
    ) {
        use fst::{IntoStreamer, Streamer};
        let Store::Sharded(shards) = &self.store else { return self.search(prefix, automaton, each) };
        let m = shards.manifest;
        if m.dictionary_parts == 0 {
            return self.search(prefix, automaton, each);
        }
        let prefix = prefix.as_bytes();
        let start = self.part_of(prefix);
        for i in start..self.parts() {
            if i > start && !m.term_firsts[i].starts_with(prefix) {
                break;
            }
            let term_part = shards.loaded(&m.term_part_name(i));
            let file = term_part.or_else(|| shards.file(&m.dictionary_part_name(i)));
            let Some(terms) = file
                .and_then(|f| super::Toc::read(f).ok()?.require(TERM).ok())
                .and_then(|t| fst::Map::new(t).ok())
            else {
                continue;
            };
            let mut stream = terms.search(&automaton).into_stream();
            while let Some((key, value)) = stream.next() {
                if !each(key, TermInfo { part: i as u32, ..TermInfo::from_value(value) }) {
                    return;
                }
            }
        }
    }

    /// Looks up one term.
    pub fn get(&self, term: &str) -> Option<TermInfo> {
        let i = self.part_of(term.as_bytes());
        let (terms, _) = self.loaded(i)?;
        terms.get(term).map(|v| TermInfo { part: i as u32, ..TermInfo::from_value(v) })
    }

    /// Decodes a term's postings into `out` (cleared first).
    ///
    /// In a sharded index, a term found in a dictionary part ([`PostingsReader::search_dictionary`])
    /// may have its term part not loaded yet: it reads as no postings, recorded as missing.
    pub fn read_postings(&self, info: TermInfo, out: &mut Vec<Posting>) -> Result<(), Error> {
        out.clear();
        let bad = || Error::corrupt(POST, format!("record at {} is malformed", info.offset));
        if let Store::Sharded(shards) = &self.store {
            if shards.loaded(&shards.manifest.term_part_name(info.part as usize)).is_none() {
                self.loaded(info.part as usize);
                return Ok(());
            }
        }
        let (_, post) = self.loaded(info.part as usize).ok_or_else(bad)?;
        let mut r = varint::Reader::new(post, info.offset as usize);
        r.u32().ok_or_else(bad)?;
        // Each entry takes at least 3 bytes: a corrupt count cannot reserve more than that.
        out.reserve((info.doc_freq as usize).min(post.len().saturating_sub(info.offset as usize) / 3));
        read_entries(&mut r, info.doc_freq, out).ok_or_else(bad)
    }

    /// Decodes the positions of every posting of a term into `out` (cleared first), flattened
    /// in posting order: `postings[i].tf()` positions for entry `i`. `postings` must be what
    /// [`PostingsReader::read_postings`] returned for the same `info`. In a sharded index
    /// whose positions shard is not loaded, `out` stays empty and the shard is recorded as
    /// missing.
    pub fn read_positions(
        &self,
        info: TermInfo,
        postings: &[Posting],
        out: &mut Vec<u32>,
    ) -> Result<(), Error> {
        out.clear();
        let bad = || Error::corrupt(POSN, format!("positions of record {} are malformed", info.offset));
        let Some(posn) = self.positions(info.part as usize) else { return Ok(()) };
        let (_, post) = self.loaded(info.part as usize).ok_or_else(bad)?;
        let start = varint::Reader::new(post, info.offset as usize).u32().ok_or_else(bad)?;
        let mut r = varint::Reader::new(posn, start as usize);
        for p in postings {
            let mut pos: u32 = 0;
            for j in 0..p.tf() {
                let v = r.u32().ok_or_else(bad)?;
                pos = if j == 0 { v } else { pos.checked_add(v).ok_or_else(bad)? };
                out.push(pos);
            }
        }
        Ok(())
    }

    /// Decodes the positions of the term's postings whose document is in `docs` (sorted,
    /// increasing) and calls `each(doc, positions)` for them, in document order. The other
    /// postings' positions are skipped undecoded, and reading stops past the last wanted
    /// document: the cost is a scan of the postings, not a decode of every position. In a
    /// sharded index whose positions shard is not loaded, nothing is called and the shard is
    /// recorded as missing.
    pub fn positions_in(
        &self,
        info: TermInfo,
        docs: &[u32],
        buf: &mut Vec<u32>,
        mut each: impl FnMut(u32, &[u32]),
    ) -> Result<(), Error> {
        let bad = || Error::corrupt(POSN, format!("positions of record {} are malformed", info.offset));
        let Some(posn) = self.positions(info.part as usize) else { return Ok(()) };
        let (_, post) = self.loaded(info.part as usize).ok_or_else(bad)?;
        let mut post = varint::Reader::new(post, info.offset as usize);
        let start = post.u32().ok_or_else(bad)?;
        let mut posn = varint::Reader::new(posn, start as usize);
        let mut wanted = docs.iter().copied().peekable();
        let mut doc: u32 = 0;
        for i in 0..info.doc_freq {
            let delta = post.u32().ok_or_else(bad)?;
            doc = if i == 0 { delta } else { doc.checked_add(delta).ok_or_else(bad)? };
            let tf = post.u32().ok_or_else(bad)?.saturating_add(post.u32().ok_or_else(bad)?);
            while wanted.next_if(|&d| d < doc).is_some() {}
            let Some(&next) = wanted.peek() else { break };
            if next != doc {
                posn.skip(tf as usize).ok_or_else(bad)?;
                continue;
            }
            buf.clear();
            let mut pos: u32 = 0;
            for j in 0..tf {
                let v = posn.u32().ok_or_else(bad)?;
                pos = if j == 0 { v } else { pos.checked_add(v).ok_or_else(bad)? };
                buf.push(pos);
            }
            each(doc, buf);
        }
        Ok(())
    }
}
