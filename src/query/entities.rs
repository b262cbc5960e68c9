//! Run-time entity views: lists, entity pages (aliases, documents, mentions in context,
//! co-occurring entities), facet counts over search results, and entity mentions in a document.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::excerpt::{utf16_marks, Mark};
use crate::format::entities::{Field, StoredMention};
use crate::format::{EntityRecord, Index, Kind};
use crate::{Error, Result};

/// Most entities per facet kind returned with search results, by default.
pub const FACET_LIMIT: usize = 10;
/// Most mentions in context on an entity page, by default.
pub const CONTEXT_LIMIT: usize = 50;
/// Most co-occurring entities on an entity page.
pub const COOCCURRING_LIMIT: usize = 30;
/// Context kept on each side of a mention when its sentence is longer.
pub const CONTEXT_BYTES: usize = 160;

/// An entity in a list.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntitySummary {
    /// Stable id (`person:volodymyr-zelenskyy`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Mentions in the corpus.
    pub mentions: u32,
    /// Documents mentioning it.
    pub documents: u32,
    /// Every surface form seen, with [`ListOptions::aliases`] (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<String>>,
}

impl From<EntityRecord<'_>> for EntitySummary {
    fn from(r: EntityRecord<'_>) -> Self {
        EntitySummary {
            id: r.id.into(),
            name: r.name.into(),
            kind: r.kind,
            mentions: r.mentions,
            documents: r.documents,
            aliases: None,
        }
    }
}

/// How to list entities.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ListOptions {
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only names containing this text (case- and accent-insensitive).
    pub name: Option<String>,
    /// `"mentions"` (default), `"documents"` or `"name"`.
    pub sort: Option<String>,
    /// Page size (default 100).
    pub limit: Option<usize>,
    /// Entities to skip.
    pub offset: usize,
    /// Also list each entity's aliases (for exports).
    pub aliases: bool,
}

/// A page of entities.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityList {
    /// Entities matching the filters (all pages).
    pub total: usize,
    /// This page.
    pub entities: Vec<EntitySummary>,
}

/// A document mentioning an entity.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityDocument {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date, if known.
    pub date: Option<String>,
    /// Mentions in it.
    pub mentions: u32,
}

/// One mention in its sentence.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MentionContext {
    /// Document id.
    pub doc: String,
    /// Document title.
    pub title: String,
    /// Title or text.
    pub field: Field,
    /// The sentence (cut with `…` when long), newlines as spaces.
    pub text: String,
    /// The mention within `text` (UTF-16 offsets).
    pub mark: Mark,
    /// The mention's UTF-16 offset in the whole field, to scroll the reader to it.
    pub offset: u32,
}

/// An entity seen in the same documents, with how many documents they share.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cooccurrence {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Documents mentioning both.
    pub documents: u32,
}

/// Everything about one entity.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityDetail {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Every surface form seen.
    pub aliases: Vec<String>,
    /// Mentions in the corpus.
    pub mentions: u32,
    /// Documents mentioning it, most mentions first.
    pub documents: Vec<EntityDocument>,
    /// Mentions in context, in document order (at most the requested number).
    pub contexts: Vec<MentionContext>,
    /// Co-occurring entities, most shared documents first.
    pub cooccurring: Vec<Cooccurrence>,
}

/// Entities of one kind among a set of documents, with the number of those documents each
/// appears in.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Facet {
    /// The kind.
    pub kind: Kind,
    /// Entities, most documents first.
    pub entities: Vec<FacetValue>,
}

/// One facet entry.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FacetValue {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Documents (among the given ones) mentioning it.
    pub count: u32,
}

/// An entity mention in a document, for the reader.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocMention {
    /// Entity id.
    pub id: String,
    /// Entity name.
    pub name: String,
    /// Entity kind.
    pub kind: Kind,
    /// Title or text.
    pub field: Field,
    /// UTF-16 range in the field.
    pub mark: Mark,
}

/// Lists entities.
pub fn list(index: &Index<'_>, options: &ListOptions) -> Result<EntityList> {
    let entities = index.entities();
    let needle = options.name.as_deref().map(crate::analysis::normalize_word).filter(|n| !n.is_empty());
    let mut all = Vec::new();
    for ordinal in 0..entities.len() as u32 {
        let r = entities.get(ordinal)?;
        if options.kind.is_some_and(|k| k != r.kind) {
            continue;
        }
        if needle.as_ref().is_some_and(|n| !crate::analysis::normalize_word(r.name).contains(n.as_str())) {
            continue;
        }
        all.push((ordinal, r));
    }
    match options.sort.as_deref() {
        Some("name") => all.sort_by_cached_key(|(_, a)| a.name.to_lowercase()),
        Some("documents") => {
            all.sort_by(|(_, a), (_, b)| b.documents.cmp(&a.documents).then(b.mentions.cmp(&a.mentions)))
        }
        _ => all.sort_by(|(_, a), (_, b)| b.mentions.cmp(&a.mentions).then(b.documents.cmp(&a.documents))),
    }
    let total = all.len();
    let limit = options.limit.unwrap_or(100).min(super::MAX_LIMIT);
    let mut page = Vec::with_capacity(limit.min(total));
    for (ordinal, r) in all.into_iter().skip(options.offset).take(limit) {
        let aliases = if options.aliases {
            Some(entities.aliases(ordinal)?.into_iter().map(str::to_string).collect())
        } else {
            None
        };
        page.push(EntitySummary { aliases, ..r.into() });
    }
    Ok(EntityList { total, entities: page })
}

/// The entity page for `id`, with at most `contexts` mentions in context.
pub fn detail(index: &Index<'_>, id: &str, contexts: usize) -> Result<EntityDetail> {
    let entities = index.entities();
    let ordinal = entities.ordinal(id).ok_or_else(|| Error::NoSuchEntity(id.to_string()))?;
    let record = entities.get(ordinal)?;
    let (aliases, mentions) = entities.detail(ordinal)?;

    let mut per_doc: Vec<(u32, u32)> = Vec::new();
    for m in &mentions {
        match per_doc.last_mut() {
            Some((doc, n)) if *doc == m.doc => *n += 1,
            _ => per_doc.push((m.doc, 1)),
        }
    }
    // A sharded index fetches every document part the page needs in one round.
    index.need_docs(
        per_doc.iter().map(|&(doc, _)| doc).chain(mentions.iter().take(contexts).map(|m| m.doc)),
    )?;
    let mut documents = Vec::with_capacity(per_doc.len());
    let mut shared: HashMap<u32, u32> = HashMap::new();
    for &(doc, n) in &per_doc {
        let d = index.docs().get(doc)?;
        documents.push(EntityDocument {
            id: d.id.into(),
            title: d.title.into(),
            date: d.date_string(),
            mentions: n,
        });
        for (other, _) in entities.in_doc(doc)? {
            if other != ordinal {
                *shared.entry(other).or_default() += 1;
            }
        }
    }
    documents.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(b.date.cmp(&a.date)).then(a.id.cmp(&b.id)));

    let mut co: Vec<(u32, u32)> = shared.into_iter().collect();
    co.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut cooccurring = Vec::new();
    for (other, n) in co.into_iter().take(COOCCURRING_LIMIT) {
        let r = entities.get(other)?;
        cooccurring.push(Cooccurrence { id: r.id.into(), name: r.name.into(), kind: r.kind, documents: n });
    }

    let mut out = Vec::new();
    for m in mentions.iter().take(contexts) {
        out.push(context(index, m)?);
    }
    Ok(EntityDetail {
        id: record.id.into(),
        name: record.name.into(),
        kind: record.kind,
        aliases: aliases.into_iter().map(str::to_string).collect(),
        mentions: record.mentions,
        documents,
        contexts: out,
        cooccurring,
    })
}

/// The sentence around a mention, with the mention marked.
pub(crate) fn context(index: &Index<'_>, m: &StoredMention) -> Result<MentionContext> {
    let doc = index.docs().get(m.doc)?;
    let field = if m.field == Field::Title { doc.title } else { doc.text };
    let (start, end) = (m.start as usize, m.end as usize);
    if end > field.len() || !field.is_char_boundary(start) || !field.is_char_boundary(end) || start > end {
        return Err(Error::Format(crate::format::Error::corrupt(
            crate::format::entities::ENTS,
            "mention out of range",
        )));
    }
    let from = sentence_start(field, start);
    let to = sentence_end(field, end);
    let mut text = String::new();
    if from > 0 {
        text.push_str("… ");
    }
    let shift = text.len();
    text.extend(field[from..to].chars().map(|c| if c == '\n' { ' ' } else { c }));
    if to < field.len() {
        text.push_str(" …");
    }
    let mark =
        utf16_marks(&text, &[(start - from + shift, end - from + shift)]).first().copied().unwrap_or([0, 0]);
    let offset = field[..start].encode_utf16().count() as u32;
    Ok(MentionContext { doc: doc.id.into(), title: doc.title.into(), field: m.field, text, mark, offset })
}

/// Start of the sentence holding byte `at`, at most [`CONTEXT_BYTES`] before it (then at a word).
fn sentence_start(text: &str, at: usize) -> usize {
    let floor = floor_boundary(text, at.saturating_sub(CONTEXT_BYTES));
    let window = &text[floor..at];
    let boundary = window.rfind(['\n']).map(|i| i + 1).or_else(|| {
        window
            .rmatch_indices(['.', '?', '!'])
            .find(|(i, _)| window[i + 1..].starts_with(' '))
            .map(|(i, _)| i + 2)
    });
    match boundary {
        Some(i) => floor + i,
        None if floor == 0 => 0,
        None => window.find(' ').map_or(floor, |i| floor + i + 1),
    }
}

/// End of the sentence holding byte `at`, at most [`CONTEXT_BYTES`] after it (then at a word).
fn sentence_end(text: &str, at: usize) -> usize {
    let ceil = floor_boundary(text, (at + CONTEXT_BYTES).min(text.len()));
    let window = &text[at..ceil];
    let boundary = window.find('\n').or_else(|| {
        window
            .match_indices(['.', '?', '!'])
            .find(|(i, _)| window[i + 1..].starts_with([' ', '"', '”']) || i + 1 == window.len())
            .map(|(i, _)| i + 1)
    });
    match boundary {
        Some(i) => at + i,
        None if ceil == text.len() => ceil,
        None => window.rfind(' ').map_or(ceil, |i| at + i),
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Facet counts: for each kind, the entities mentioned in the most of `docs`.
pub fn facets(index: &Index<'_>, docs: &[u32], per_kind: usize) -> Result<Vec<Facet>> {
    let entities = index.entities();
    if entities.is_empty() {
        return Ok(Vec::new());
    }
    // Counts by entity ordinal in one array (no hashing: thousands of increments per query),
    // then ranked by kind from the fixed-size fields; only the shown ones are named.
    let mut counts = vec![0u32; entities.len()];
    let mut seen: Vec<u32> = Vec::new();
    for &doc in docs {
        for (e, _) in entities.in_doc(doc)? {
            let count = counts.get_mut(e as usize).ok_or_else(|| {
                Error::Format(crate::format::Error::corrupt(
                    crate::format::entities::DENT,
                    "entity out of range",
                ))
            })?;
            if *count == 0 {
                seen.push(e);
            }
            *count += 1;
        }
    }
    let mut by_kind: [Vec<(u32, u32, u32)>; Kind::ALL.len()] = Default::default();
    for e in seen {
        let (kind, mentions) = entities.kind_and_mentions(e)?;
        by_kind[kind.code() as usize].push((counts[e as usize], mentions, e));
    }
    let mut out = Vec::new();
    for (kind, mut list) in Kind::ALL.into_iter().zip(by_kind) {
        if list.is_empty() {
            continue;
        }
        let order =
            |a: &(u32, u32, u32), b: &(u32, u32, u32)| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2));
        if per_kind < list.len() {
            list.select_nth_unstable_by(per_kind, order);
            list.truncate(per_kind);
        }
        list.sort_unstable_by(order);
        let mut values = Vec::with_capacity(list.len());
        for (n, _, e) in list {
            let r = entities.get(e)?;
            values.push(FacetValue { id: r.id.into(), name: r.name.into(), count: n });
        }
        out.push(Facet { kind, entities: values });
    }
    Ok(out)
}

/// The documents (ordinals, increasing) mentioning an entity.
pub fn documents_of(index: &Index<'_>, id: &str) -> Result<Vec<u32>> {
    let entities = index.entities();
    let ordinal = entities.ordinal(id).ok_or_else(|| Error::NoSuchEntity(id.to_string()))?;
    let (_, mentions) = entities.detail(ordinal)?;
    let mut docs: Vec<u32> = mentions.iter().map(|m| m.doc).collect();
    docs.dedup();
    Ok(docs)
}

/// Every entity mention in a document, for the reader, in field then offset order.
pub fn mentions_in(index: &Index<'_>, doc: u32) -> Result<Vec<DocMention>> {
    let entities = index.entities();
    let record = index.docs().get(doc)?;
    let mut found: Vec<(StoredMention, EntityRecord<'_>)> = Vec::new();
    for (e, _) in entities.in_doc(doc)? {
        let r = entities.get(e)?;
        let (_, mentions) = entities.detail(e)?;
        found.extend(mentions.into_iter().filter(|m| m.doc == doc).map(|m| (m, r)));
    }
    found.sort_by_key(|(m, _)| (m.field, m.start, std::cmp::Reverse(m.end)));
    let mut out = Vec::new();
    for field in [Field::Title, Field::Text] {
        let text = if field == Field::Title { record.title } else { record.text };
        let mut last_end = 0;
        let mut ranges = Vec::new();
        let mut owners = Vec::new();
        for (m, r) in found.iter().filter(|(m, _)| m.field == field) {
            let (s, e) = (m.start as usize, m.end as usize);
            if s < last_end || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            ranges.push((s, e));
            owners.push(r);
            last_end = e;
        }
        for (mark, r) in utf16_marks(text, &ranges).into_iter().zip(owners) {
            out.push(DocMention { id: r.id.into(), name: r.name.into(), kind: r.kind, field, mark });
        }
    }
    Ok(out)
}
