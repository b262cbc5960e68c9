//! `ENTS`: entities found at build time (people, organizations, places, events, dates), with
//! their aliases and mentions. Written by the indexer from [`crate::entities`]' output; read
//! by the query side for entity pages, facets and alias-aware search.

use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person (`Volodymyr Zelenskyy`).
    Person,
    /// An organization (`Atlantic Council`, `UN`).
    Organization,
    /// A place: country, region, city (`Kyiv`, `Donbas`).
    Place,
    /// An event (`UN General Assembly`, `Washington summit`).
    Event,
    /// A date or period (`2025-08-29`, `2025-09`).
    Date,
    /// A named thing of no other kind (`PURL initiative`).
    Other,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 6] =
        [Kind::Person, Kind::Organization, Kind::Place, Kind::Event, Kind::Date, Kind::Other];

    /// The one-byte code stored in the index.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The kind of a stored code.
    pub fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.get(code as usize).copied()
    }

    /// The lowercase name used in JSON and URLs (`person`, `organization`, …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Event => "event",
            Kind::Date => "date",
            Kind::Other => "other",
        }
    }

    /// The kind of a [`Kind::name`] (`"person"` → `Person`).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

use super::{read_u32, varint, Error, Tag};

/// Entity records and details (see the module doc of [`crate::format`] for the table).
pub const ENTS: Tag = *b"ENTS";
/// Per document: the entities mentioned in it, with counts.
pub const DENT: Tag = *b"DENT";
/// `fst::Map`: entity id → entity ordinal.
pub const EIDS: Tag = *b"EIDS";
/// `fst::Map`: normalized one-word alias → entity ordinal (only unambiguous words).
pub const EALS: Tag = *b"EALS";

/// Bytes per entity record in `ENTS`.
const RECORD_LEN: usize = 32;

// ENTS layout: u32 entity count E, then E records of 32 bytes, then a blob.
//   record: id (off u32, len u32), name (off u32, len u32), kind u32, detail off u32,
//           mention count u32, document count u32 — offsets relative to the blob.
//   detail: varint alias count, aliases (varint len + UTF-8 bytes), varint mention count,
//           mentions sorted by (doc, field, start): varint doc delta, varint field
//           (0 title, 1 text), varint start (delta from the previous start in the same doc and
//           field, else absolute), varint length.
// DENT layout: one list per document (see `doclists`): a varint count, then (varint
//   entity-ordinal delta, varint mentions) in increasing ordinal order.

/// Where a mention is: in the title or in the text of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The document's title.
    Title,
    /// The document's text.
    Text,
}

/// One stored mention: byte range in a field of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct StoredMention {
    /// Document ordinal.
    pub doc: u32,
    /// Title or text.
    pub field: Field,
    /// Byte offset of the start in the field.
    pub start: u32,
    /// Byte offset one past the end.
    pub end: u32,
}

/// One entity to write.
pub struct EntityInput<'a> {
    /// Stable id, unique in the index (`volodymyr-zelenskyy`).
    pub id: &'a str,
    /// Canonical name.
    pub name: &'a str,
    /// Kind.
    pub kind: Kind,
    /// Surface forms seen.
    pub aliases: &'a [String],
    /// Mentions (any order; sorted when written).
    pub mentions: &'a [StoredMention],
}

/// The four encoded entity sections.
pub struct EntitySections {
    /// `ENTS`.
    pub ents: Vec<u8>,
    /// `DENT`.
    pub dent: Vec<u8>,
    /// `EIDS`.
    pub eids: Vec<u8>,
    /// `EALS`.
    pub eals: Vec<u8>,
}

/// Encodes entities in the order given (their ordinals). Fails on a duplicate id or past
/// 4 GiB. Memory: the encoded sections plus one list per document.
pub fn write_entities(entities: &[EntityInput<'_>], doc_count: u32) -> Result<EntitySections, Error> {
    let mut records = Vec::with_capacity(4 + entities.len() * RECORD_LEN);
    records.extend_from_slice(&(entities.len() as u32).to_le_bytes());
    let mut blob: Vec<u8> = Vec::new();
    let mut per_doc: Vec<Vec<(u32, u32)>> = vec![Vec::new(); doc_count as usize];
    let mut aliases: std::collections::BTreeMap<String, Option<u32>> = std::collections::BTreeMap::new();
    let offset = |blob: &Vec<u8>| u32::try_from(blob.len()).map_err(|_| Error::corrupt(ENTS, "over 4 GiB"));
    for (ordinal, e) in entities.iter().enumerate() {
        let ordinal = ordinal as u32;
        let (id_off, name_off) = (offset(&blob)?, offset(&blob)? + e.id.len() as u32);
        blob.extend_from_slice(e.id.as_bytes());
        blob.extend_from_slice(e.name.as_bytes());
        let detail_off = offset(&blob)?;
        varint::write(&mut blob, e.aliases.len() as u64);
        for a in e.aliases {
            varint::write(&mut blob, a.len() as u64);
            blob.extend_from_slice(a.as_bytes());
            if let [word] = crate::analysis::terms(a).as_slice() {
                aliases
                    .entry(word.clone())
                    .and_modify(|o| *o = o.filter(|&x| x == ordinal))
                    .or_insert(Some(ordinal));
            }
        }
        let mut mentions = e.mentions.to_vec();
        mentions.sort_unstable();
        mentions.dedup();
        varint::write(&mut blob, mentions.len() as u64);
        let mut prev: Option<StoredMention> = None;
        for m in &mentions {
            let same = prev.filter(|p| p.doc == m.doc && p.field == m.field);
            varint::write(&mut blob, u64::from(m.doc - prev.map_or(0, |p| p.doc)));
            varint::write(&mut blob, u64::from(m.field == Field::Text));
            varint::write(&mut blob, u64::from(m.start - same.map_or(0, |p| p.start)));
            varint::write(&mut blob, u64::from(m.end.saturating_sub(m.start)));
            prev = Some(*m);
            match per_doc.get_mut(m.doc as usize) {
                Some(list) => match list.last_mut() {
                    Some((last, n)) if *last == ordinal => *n += 1,
                    _ => list.push((ordinal, 1)),
                },
                None => return Err(Error::corrupt(ENTS, format!("mention of unknown document {}", m.doc))),
            }
        }
        for v in
            [id_off, e.id.len() as u32, name_off, e.name.len() as u32, u32::from(e.kind.code()), detail_off]
        {
            records.extend_from_slice(&v.to_le_bytes());
        }
        records.extend_from_slice(&(mentions.len() as u32).to_le_bytes());
        let docs =
            mentions.windows(2).filter(|w| w[0].doc != w[1].doc).count() + usize::from(!mentions.is_empty());
        records.extend_from_slice(&(docs as u32).to_le_bytes());
    }
    records.extend_from_slice(&blob);

    let dent = super::doclists::write(per_doc.iter().map(|list| {
        let mut out = Vec::new();
        varint::write(&mut out, list.len() as u64);
        let mut prev = 0;
        for &(entity, n) in list {
            varint::write(&mut out, u64::from(entity - prev));
            varint::write(&mut out, u64::from(n));
            prev = entity;
        }
        out
    }));

    let mut ids: Vec<(&str, u32)> = entities.iter().enumerate().map(|(i, e)| (e.id, i as u32)).collect();
    ids.sort_unstable();
    let mut eids = fst::MapBuilder::memory();
    for (id, ordinal) in ids {
        eids.insert(id, u64::from(ordinal))
            .map_err(|e| Error::corrupt(EIDS, format!("entity id {id:?}: {e}")))?;
    }
    let mut eals = fst::MapBuilder::memory();
    for (word, ordinal) in aliases.iter().filter_map(|(w, o)| o.map(|o| (w, o))) {
        eals.insert(word, u64::from(ordinal)).map_err(|e| Error::corrupt(EALS, e.to_string()))?;
    }
    Ok(EntitySections {
        ents: records,
        dent,
        eids: eids.into_inner().map_err(|e| Error::corrupt(EIDS, e.to_string()))?,
        eals: eals.into_inner().map_err(|e| Error::corrupt(EALS, e.to_string()))?,
    })
}

/// An entity's fixed-size facts (no decoding of aliases or mentions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRecord<'a> {
    /// Entity ordinal.
    pub ordinal: u32,
    /// Stable id.
    pub id: &'a str,
    /// Canonical name.
    pub name: &'a str,
    /// Kind.
    pub kind: Kind,
    /// Number of mentions.
    pub mentions: u32,
    /// Number of documents mentioning it.
    pub documents: u32,
}

/// Reads entities from borrowed section bytes. An index without entity sections reads as
/// having no entities.
#[derive(Clone)]
pub struct Entities<'a> {
    count: u32,
    records: &'a [u8],
    blob: &'a [u8],
    dent: &'a [u8],
    doc_count: u32,
    ids: Option<fst::Map<&'a [u8]>>,
    aliases: Option<fst::Map<&'a [u8]>>,
}

impl<'a> Entities<'a> {
    /// No entities.
    pub fn empty() -> Entities<'a> {
        Entities { count: 0, records: &[], blob: &[], dent: &[], doc_count: 0, ids: None, aliases: None }
    }

    /// Borrows the sections; checks that the records and the per-document table fit.
    pub fn open(
        ents: &'a [u8],
        dent: &'a [u8],
        eids: &'a [u8],
        eals: &'a [u8],
        doc_count: u32,
    ) -> Result<Entities<'a>, Error> {
        let count = read_u32(ents, 0).ok_or_else(|| Error::corrupt(ENTS, "no entity count"))?;
        let end = (count as usize)
            .checked_mul(RECORD_LEN)
            .and_then(|n| n.checked_add(4))
            .filter(|&e| e <= ents.len())
            .ok_or_else(|| Error::corrupt(ENTS, "records out of bounds"))?;
        super::doclists::check(dent, doc_count, DENT)?;
        let map = |bytes, tag| fst::Map::new(bytes).map_err(|e| Error::corrupt(tag, e.to_string()));
        Ok(Entities {
            count,
            records: &ents[4..end],
            blob: &ents[end..],
            dent,
            doc_count,
            ids: Some(map(eids, EIDS)?),
            aliases: Some(map(eals, EALS)?),
        })
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// True when the index has no entities.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The entity with this ordinal.
    pub fn get(&self, ordinal: u32) -> Result<EntityRecord<'a>, Error> {
        let bad = || Error::corrupt(ENTS, format!("entity {ordinal} is malformed"));
        let at = (ordinal < self.count).then_some(ordinal as usize * RECORD_LEN).ok_or_else(bad)?;
        let field = |i: usize| read_u32(self.records, at + i * 4).ok_or_else(bad);
        let string = |off: u32, len: u32| -> Result<&'a str, Error> {
            let (off, len) = (off as usize, len as usize);
            let bytes = off.checked_add(len).and_then(|end| self.blob.get(off..end)).ok_or_else(bad)?;
            std::str::from_utf8(bytes).map_err(|_| bad())
        };
        Ok(EntityRecord {
            ordinal,
            id: string(field(0)?, field(1)?)?,
            name: string(field(2)?, field(3)?)?,
            kind: u8::try_from(field(4)?).ok().and_then(Kind::from_code).ok_or_else(bad)?,
            mentions: field(6)?,
            documents: field(7)?,
        })
    }

    /// The kind and mention count of an entity, without reading its strings: for ranking
    /// many entities before naming a few.
    pub fn kind_and_mentions(&self, ordinal: u32) -> Result<(Kind, u32), Error> {
        let bad = || Error::corrupt(ENTS, format!("entity {ordinal} is malformed"));
        let at = (ordinal < self.count).then_some(ordinal as usize * RECORD_LEN).ok_or_else(bad)?;
        let field = |i: usize| read_u32(self.records, at + i * 4).ok_or_else(bad);
        let kind = u8::try_from(field(4)?).ok().and_then(Kind::from_code).ok_or_else(bad)?;
        Ok((kind, field(6)?))
    }

    /// The ordinal of the entity with this id.
    pub fn ordinal(&self, id: &str) -> Option<u32> {
        self.ids.as_ref()?.get(id).and_then(|v| u32::try_from(v).ok()).filter(|&o| o < self.count)
    }

    /// The entity that has `word` (a normalized term) as an unambiguous one-word alias.
    pub fn by_alias(&self, word: &str) -> Option<u32> {
        self.aliases.as_ref()?.get(word).and_then(|v| u32::try_from(v).ok()).filter(|&o| o < self.count)
    }

    /// The one-word forms a search for `word` (a normalized term) widens to: the other
    /// one-word aliases of the entity that has `word` as an unambiguous one-word alias
    /// (`zelensky` → `zelenskyy`, `zelenskiy`), in alias order, without `word` itself.
    pub fn widening(&self, word: &str) -> Vec<String> {
        let Some(ordinal) = self.by_alias(word) else { return Vec::new() };
        let Ok(aliases) = self.aliases(ordinal) else { return Vec::new() };
        let mut out: Vec<String> = Vec::new();
        for alias in aliases {
            if let [form] = crate::analysis::terms(alias).as_slice() {
                if form != word && !out.contains(form) {
                    out.push(form.clone());
                }
            }
        }
        out
    }

    /// Every unambiguous one-word alias (the keys of `EALS`), in byte order.
    pub fn alias_words(&self) -> Vec<String> {
        let Some(map) = &self.aliases else { return Vec::new() };
        let mut out = Vec::new();
        let mut stream = fst::IntoStreamer::into_stream(map);
        while let Some((k, _)) = fst::Streamer::next(&mut stream) {
            out.push(String::from_utf8_lossy(k).into_owned());
        }
        out
    }

    /// An entity's aliases only (stops before its mentions: cheap enough for every query word).
    pub fn aliases(&self, ordinal: u32) -> Result<Vec<&'a str>, Error> {
        Ok(self.read_aliases(ordinal)?.0)
    }

    /// An entity's aliases and mentions (decodes its detail).
    pub fn detail(&self, ordinal: u32) -> Result<(Vec<&'a str>, Vec<StoredMention>), Error> {
        let bad = || Error::corrupt(ENTS, format!("details of entity {ordinal} are malformed"));
        let (aliases, mut r) = self.read_aliases(ordinal)?;
        let n = r.u32().ok_or_else(bad)?;
        let mut mentions = Vec::with_capacity((n as usize).min(1 << 16));
        let mut prev: Option<StoredMention> = None;
        for _ in 0..n {
            let doc = prev.map_or(0, |p| p.doc).checked_add(r.u32().ok_or_else(bad)?).ok_or_else(bad)?;
            let field = if r.u32().ok_or_else(bad)? == 0 { Field::Title } else { Field::Text };
            let same = prev.filter(|p| p.doc == doc && p.field == field);
            let start = same.map_or(0, |p| p.start).checked_add(r.u32().ok_or_else(bad)?).ok_or_else(bad)?;
            let end = start.checked_add(r.u32().ok_or_else(bad)?).ok_or_else(bad)?;
            let m = StoredMention { doc, field, start, end };
            mentions.push(m);
            prev = Some(m);
        }
        Ok((aliases, mentions))
    }

    /// Decodes the aliases at the start of an entity's detail; returns them and a reader
    /// positioned at its mention count.
    fn read_aliases(&self, ordinal: u32) -> Result<(Vec<&'a str>, varint::Reader<'a>), Error> {
        let bad = || Error::corrupt(ENTS, format!("details of entity {ordinal} are malformed"));
        let at = read_u32(self.records, ordinal as usize * RECORD_LEN + 20).ok_or_else(bad)? as usize;
        let mut r = varint::Reader::new(self.blob, at);
        let n = r.u32().ok_or_else(bad)?;
        let mut aliases = Vec::new();
        for _ in 0..n {
            let len = r.u32().ok_or_else(bad)? as usize;
            let start = r.position();
            let bytes = start.checked_add(len).and_then(|end| self.blob.get(start..end)).ok_or_else(bad)?;
            aliases.push(std::str::from_utf8(bytes).map_err(|_| bad())?);
            r = varint::Reader::new(self.blob, start + len);
        }
        Ok((aliases, r))
    }

    /// The entities mentioned in a document, as `(entity ordinal, mentions)`, by ordinal.
    pub fn in_doc(&self, doc: u32) -> Result<Vec<(u32, u32)>, Error> {
        let Some(mut r) = super::doclists::list(self.dent, self.doc_count, doc, DENT)? else {
            return Ok(Vec::new());
        };
        let bad = || Error::corrupt(DENT, format!("list of document {doc} is malformed"));
        let n = r.u32().ok_or_else(bad)?;
        let mut out = Vec::with_capacity((n as usize).min(4096));
        let mut entity = 0u32;
        for _ in 0..n {
            entity = entity.checked_add(r.u32().ok_or_else(bad)?).ok_or_else(bad)?;
            out.push((entity, r.u32().ok_or_else(bad)?));
        }
        Ok(out)
    }
}
