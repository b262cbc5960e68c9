//! Entity pages that scale: an entity's mentions and documents a page at a time (sorted by
//! relevance or date, filtered by text, with totals), and its co-occurrence graph (neighbours
//! and the edges among them) in one call.
//!
//! # Orders
//!
//! Every order is total, so pages never overlap and together hold every item once:
//!
//! - documents, `relevance`: most mentions of the entity first, then newest, then index order;
//!   `newest` / `oldest`: by date (undated documents last), then index order;
//! - mentions: in the order of their documents as above, then as they appear in the document
//!   (headline first).
//!
//! # Filter
//!
//! A filter keeps a mention whose sentence (as [`MentionContext::text`] shows it) or whose
//! document's title contains the filter text, and a document whose title or any of whose
//! mentions' sentences contains it. Both sides are compared folded: case, accents and
//! punctuation inside words ignored, words separated by single spaces.
//!
//! # Hubs
//!
//! A *hub* is an entity linked to nearly everything, which makes a graph a star: every date,
//! and a place or organization (outlets are organizations) mentioned in more than
//! [`HUB_SHARE_PERCENT`]% of the corpus's documents, in a corpus of at least
//! [`HUB_MIN_CORPUS`] documents (below that, every name would be frequent). See [`is_hub`].
//!
//! # Sharded indexes
//!
//! Without a filter, a page reads only the document parts of the documents it shows (the
//! order needs only the entities and dates shards); a filter reads the document parts of all
//! of the entity's documents (it has to read their text). The graph reads no document part.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::entities::{context, EntityDocument, MentionContext};
use crate::format::entities::StoredMention;
use crate::format::{Index, Kind};
use crate::{Error, Result};

/// Items on a page of mentions or documents, by default.
pub const PAGE_LIMIT: usize = 50;
/// Most items on a page of mentions or documents.
pub const MAX_PAGE_LIMIT: usize = 1000;
/// Neighbours in an entity's graph, by default.
pub const GRAPH_LIMIT: usize = 12;
/// Most neighbours in an entity's graph.
pub const MAX_GRAPH_LIMIT: usize = 100;
/// A place or organization in more than this share of the documents is a hub ([`is_hub`]).
pub const HUB_SHARE_PERCENT: u64 = 10;
/// Corpora smaller than this have no frequency hubs (only dates are hubs).
pub const HUB_MIN_CORPUS: usize = 50;

/// The order of a page of mentions or documents (see the module doc).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageSort {
    /// Documents with the most mentions first.
    #[default]
    Relevance,
    /// Newest documents first (undated last).
    Newest,
    /// Oldest documents first (undated last).
    Oldest,
}

/// Which page of an entity's mentions or documents to return.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PageOptions {
    /// Items to skip.
    pub offset: usize,
    /// Page size (default [`PAGE_LIMIT`], at most [`MAX_PAGE_LIMIT`]).
    pub limit: Option<usize>,
    /// The order.
    pub sort: PageSort,
    /// Only items containing this text (see the module doc); blank = no filter.
    pub filter: Option<String>,
}

/// What an entity page shows in its header.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityInfo {
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
    /// Documents mentioning it.
    pub documents: u32,
    /// True if it is a hub ([`is_hub`]).
    pub hub: bool,
}

/// A mention in its sentence, with its document's date.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PagedMention {
    /// The mention in context.
    #[serde(flatten)]
    pub context: MentionContext,
    /// Its document's date, if known.
    pub date: Option<String>,
}

/// A page of an entity's mentions.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MentionPage {
    /// Mentions passing the filter (all pages).
    pub total: usize,
    /// Mentions skipped before this page.
    pub offset: usize,
    /// This page.
    pub mentions: Vec<PagedMention>,
}

/// A page of the documents mentioning an entity.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentPage {
    /// Documents passing the filter (all pages).
    pub total: usize,
    /// Documents skipped before this page.
    pub offset: usize,
    /// This page.
    pub documents: Vec<EntityDocument>,
}

/// Which neighbours an entity's graph shows.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct GraphOptions {
    /// Most neighbours (default [`GRAPH_LIMIT`], at most [`MAX_GRAPH_LIMIT`]).
    pub limit: Option<usize>,
    /// Leave hubs out ([`is_hub`]).
    pub hide_hubs: bool,
    /// Only neighbours of these kinds (empty: every kind).
    pub kinds: Vec<Kind>,
}

/// An entity's neighbourhood: the entities most often in its documents, and how often they
/// appear together there.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityGraph {
    /// The entity.
    pub center: GraphNode,
    /// Its neighbours passing the options, most shared documents first.
    pub nodes: Vec<GraphNode>,
    /// Pairs of `nodes` that appear together in the entity's documents, strongest first.
    pub edges: Vec<GraphEdge>,
    /// Every neighbour by kind, before the options (for a legend and a kind filter).
    pub kinds: Vec<KindCount>,
    /// Neighbours that are hubs (before the options).
    pub hubs: usize,
    /// Neighbours in all (before the options).
    pub neighbours: usize,
}

/// An entity in a graph.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphNode {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Documents shared with the centre (for the centre: its documents).
    pub documents: u32,
    /// True if it is a hub ([`is_hub`]).
    pub hub: bool,
}

/// Two neighbours seen together.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphEdge {
    /// One node's id (the smaller).
    pub a: String,
    /// The other's.
    pub b: String,
    /// Documents of the centre mentioning both.
    pub documents: u32,
}

/// How many of a graph's neighbours are of one kind.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindCount {
    /// The kind.
    pub kind: Kind,
    /// Neighbours of that kind.
    pub count: usize,
}

/// The hub rule (see the module doc): a date; or a place or organization in more than
/// [`HUB_SHARE_PERCENT`]% of `corpus` documents, when `corpus` ≥ [`HUB_MIN_CORPUS`].
pub fn is_hub(kind: Kind, documents: u32, corpus: usize) -> bool {
    match kind {
        Kind::Date => true,
        Kind::Place | Kind::Organization => {
            corpus >= HUB_MIN_CORPUS && u64::from(documents) * 100 > corpus as u64 * HUB_SHARE_PERCENT
        }
        _ => false,
    }
}

/// Folds text for the filter: words lowercased, accents and inner punctuation dropped, single
/// spaces between words.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '-' || c == '/') {
        let word = crate::analysis::normalize_word(word);
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
    }
    out
}

/// The header of an entity's page.
pub fn info(index: &Index<'_>, id: &str) -> Result<EntityInfo> {
    let entities = index.entities();
    let ordinal = entities.ordinal(id).ok_or_else(|| Error::NoSuchEntity(id.to_string()))?;
    let r = entities.get(ordinal)?;
    let aliases = entities.aliases(ordinal)?;
    Ok(EntityInfo {
        id: r.id.into(),
        name: r.name.into(),
        kind: r.kind,
        aliases: aliases.into_iter().map(str::to_string).collect(),
        mentions: r.mentions,
        documents: r.documents,
        hub: is_hub(r.kind, r.documents, index.docs().len()),
    })
}

/// An entity's mentions and documents, in the order of `sort` (see the module doc).
struct Ordered {
    /// Mentions, in order.
    mentions: Vec<StoredMention>,
    /// `(document, mentions in it)`, in order.
    docs: Vec<(u32, u32)>,
}

/// Reads an entity's mentions and puts them in order. In a sharded index the dates shard must
/// be there first (the order depends on it): fails with `NeedShards` until it is.
fn ordered(index: &Index<'_>, id: &str, sort: PageSort) -> Result<Ordered> {
    let entities = index.entities();
    let ordinal = entities.ordinal(id).ok_or_else(|| Error::NoSuchEntity(id.to_string()))?;
    let (_, mentions) = entities.detail(ordinal)?;
    let mut per_doc: Vec<(u32, u32)> = Vec::new();
    for m in &mentions {
        match per_doc.last_mut() {
            Some((doc, n)) if *doc == m.doc => *n += 1,
            _ => per_doc.push((m.doc, 1)),
        }
    }
    let dates: HashMap<u32, u32> =
        per_doc.iter().map(|&(doc, _)| (doc, index.docs().date(doc).unwrap_or(0))).collect();
    index.need()?;
    let date = |doc: u32| dates.get(&doc).copied().unwrap_or(0);
    match sort {
        PageSort::Relevance => {
            per_doc.sort_by(|a, b| b.1.cmp(&a.1).then(date(b.0).cmp(&date(a.0))).then(a.0.cmp(&b.0)))
        }
        // Undated (0) last either way.
        PageSort::Newest => per_doc.sort_by(|a, b| date(b.0).cmp(&date(a.0)).then(a.0.cmp(&b.0))),
        PageSort::Oldest => per_doc.sort_by_key(|&(doc, _)| (date(doc) == 0, date(doc), doc)),
    }
    let rank: HashMap<u32, usize> = per_doc.iter().enumerate().map(|(i, &(doc, _))| (doc, i)).collect();
    let mut ordered = mentions;
    // Stable: within a document, mentions keep their stored order (headline, then text).
    ordered.sort_by_key(|m| rank.get(&m.doc).copied().unwrap_or(usize::MAX));
    Ok(Ordered { mentions: ordered, docs: per_doc })
}

/// The folded filter of `options`, if it has one.
fn needle(options: &PageOptions) -> Option<String> {
    options.filter.as_deref().map(fold).filter(|n| !n.is_empty())
}

/// True if the mention's sentence or its document's title holds `needle` (folded).
fn mention_matches(context: &MentionContext, needle: &str) -> bool {
    fold(&context.text).contains(needle) || fold(&context.title).contains(needle)
}

fn page_range(total: usize, options: &PageOptions) -> std::ops::Range<usize> {
    let limit = options.limit.unwrap_or(PAGE_LIMIT).min(MAX_PAGE_LIMIT);
    let start = options.offset.min(total);
    start..start.saturating_add(limit).min(total)
}

/// A page of an entity's mentions in context (see the module doc for order and filter).
pub fn mentions(index: &Index<'_>, id: &str, options: &PageOptions) -> Result<MentionPage> {
    let Ordered { mentions, .. } = ordered(index, id, options.sort)?;
    let date = |doc: u32| index.docs().get(doc).ok().and_then(|d| d.date_string());
    match needle(options) {
        None => {
            let range = page_range(mentions.len(), options);
            let shown = &mentions[range.clone()];
            index.need_docs(shown.iter().map(|m| m.doc))?;
            let mut out = Vec::with_capacity(shown.len());
            for m in shown {
                out.push(PagedMention { context: context(index, m)?, date: date(m.doc) });
            }
            Ok(MentionPage { total: mentions.len(), offset: range.start, mentions: out })
        }
        Some(needle) => {
            index.need_docs(mentions.iter().map(|m| m.doc))?;
            let mut kept = Vec::new();
            for m in &mentions {
                let c = context(index, m)?;
                if mention_matches(&c, &needle) {
                    kept.push((c, m.doc));
                }
            }
            let range = page_range(kept.len(), options);
            let total = kept.len();
            let out = kept
                .into_iter()
                .skip(range.start)
                .take(range.len())
                .map(|(c, doc)| PagedMention { context: c, date: date(doc) })
                .collect();
            Ok(MentionPage { total, offset: range.start, mentions: out })
        }
    }
}

/// A page of the documents mentioning an entity (see the module doc for order and filter).
pub fn documents(index: &Index<'_>, id: &str, options: &PageOptions) -> Result<DocumentPage> {
    let Ordered { mentions, docs } = ordered(index, id, options.sort)?;
    let kept: Vec<(u32, u32)> = match needle(options) {
        None => docs,
        Some(needle) => {
            index.need_docs(docs.iter().map(|&(doc, _)| doc))?;
            let mut matching: HashSet<u32> = HashSet::new();
            for m in &mentions {
                if !matching.contains(&m.doc) && mention_matches(&context(index, m)?, &needle) {
                    matching.insert(m.doc);
                }
            }
            docs.into_iter().filter(|(doc, _)| matching.contains(doc)).collect()
        }
    };
    let range = page_range(kept.len(), options);
    let shown = &kept[range.clone()];
    index.need_docs(shown.iter().map(|&(doc, _)| doc))?;
    let mut out = Vec::with_capacity(shown.len());
    for &(doc, n) in shown {
        let d = index.docs().get(doc)?;
        out.push(EntityDocument {
            id: d.id.into(),
            title: d.title.into(),
            date: d.date_string(),
            mentions: n,
        });
    }
    Ok(DocumentPage { total: kept.len(), offset: range.start, documents: out })
}

/// An entity's graph: its neighbours (the entities in the most of its documents, passing the
/// options) and the edges among them, weighted by the entity's documents mentioning both.
/// Reads only the entities shard.
pub fn graph(index: &Index<'_>, id: &str, options: &GraphOptions) -> Result<EntityGraph> {
    let entities = index.entities();
    let corpus = index.docs().len();
    let ordinal = entities.ordinal(id).ok_or_else(|| Error::NoSuchEntity(id.to_string()))?;
    let record = entities.get(ordinal)?;
    let (_, mentions) = entities.detail(ordinal)?;
    let mut docs: Vec<u32> = mentions.iter().map(|m| m.doc).collect();
    docs.dedup();

    // Each document's other entities, read once: counted now, paired below.
    let mut lists: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
    let mut shared: HashMap<u32, u32> = HashMap::new();
    for &doc in &docs {
        let others: Vec<u32> =
            entities.in_doc(doc)?.into_iter().map(|(e, _)| e).filter(|&e| e != ordinal).collect();
        for &e in &others {
            *shared.entry(e).or_default() += 1;
        }
        lists.push(others);
    }
    let mut all: Vec<(u32, u32, Kind, bool)> = Vec::with_capacity(shared.len());
    for (e, n) in shared {
        let r = entities.get(e)?;
        all.push((e, n, r.kind, is_hub(r.kind, r.documents, corpus)));
    }
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    let kinds = Kind::ALL
        .into_iter()
        .map(|kind| KindCount { kind, count: all.iter().filter(|n| n.2 == kind).count() })
        .filter(|k| k.count > 0)
        .collect();
    let hubs = all.iter().filter(|n| n.3).count();
    let neighbours = all.len();
    let limit = options.limit.unwrap_or(GRAPH_LIMIT).min(MAX_GRAPH_LIMIT);
    let chosen: Vec<(u32, u32, Kind, bool)> = all
        .into_iter()
        .filter(|n| !(options.hide_hubs && n.3))
        .filter(|n| options.kinds.is_empty() || options.kinds.contains(&n.2))
        .take(limit)
        .collect();

    let position: HashMap<u32, usize> = chosen.iter().enumerate().map(|(i, n)| (n.0, i)).collect();
    let mut pairs: HashMap<(usize, usize), u32> = HashMap::new();
    for list in &lists {
        let mut here: Vec<usize> = list.iter().filter_map(|e| position.get(e).copied()).collect();
        here.sort_unstable();
        for (i, &a) in here.iter().enumerate() {
            for &b in &here[i + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut nodes = Vec::with_capacity(chosen.len());
    for &(e, n, kind, hub) in &chosen {
        let r = entities.get(e)?;
        nodes.push(GraphNode { id: r.id.into(), name: r.name.into(), kind, documents: n, hub });
    }
    let mut edges: Vec<GraphEdge> = pairs
        .into_iter()
        .map(|((a, b), n)| {
            let (a, b) = (&nodes[a].id, &nodes[b].id);
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            GraphEdge { a: a.clone(), b: b.clone(), documents: n }
        })
        .collect();
    edges.sort_by(|x, y| y.documents.cmp(&x.documents).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
    let center = GraphNode {
        id: record.id.into(),
        name: record.name.into(),
        kind: record.kind,
        documents: record.documents,
        hub: is_hub(record.kind, record.documents, corpus),
    };
    Ok(EntityGraph { center, nodes, edges, kinds, hubs, neighbours })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indexer::Indexer;
    use crate::ingest::Document;

    const KELLOGG: &str = "person:keith-kellogg";

    /// Three documents mentioning Keith Kellogg 3, 1 and 2 times: d0 in January, d1 in
    /// February, d2 undated.
    fn tiny() -> Vec<u8> {
        let mut ix = Indexer::new();
        let dated = |id: &str, title: &str, text: &str, date: Option<&str>| Document {
            date: date.map(str::to_string),
            ..Document::new(id, title, text)
        };
        let docs = [
            dated(
                "d0",
                "Envoy visits the front",
                "Keith Kellogg met officials in the capital. Later Keith Kellogg spoke about the talks. Keith Kellogg left at noon.",
                Some("2017-01-05"),
            ),
            dated("d1", "A rainy arrival", "Keith Kellogg arrived in Paris on a rainy day.", Some("2017-02-10")),
            dated("d2", "Ceasefire news", "Keith Kellogg said the ceasefire holds. Keith Kellogg smiled.", None),
        ];
        for d in docs {
            ix.add(d).unwrap();
        }
        ix.finish().unwrap()
    }

    fn opts(offset: usize, limit: usize, sort: PageSort, filter: Option<&str>) -> PageOptions {
        PageOptions { offset, limit: Some(limit), sort, filter: filter.map(str::to_string) }
    }

    /// `(document, sentence)` of each mention on a page.
    fn seen(page: &MentionPage) -> Vec<(String, String)> {
        page.mentions.iter().map(|m| (m.context.doc.clone(), m.context.text.clone())).collect()
    }

    #[test]
    fn pages_of_mentions_hold_each_mention_once_in_the_order_asked() {
        let bytes = tiny();
        let index = Index::open(&bytes).unwrap();
        let about = info(&index, KELLOGG).unwrap();
        assert_eq!((about.mentions, about.documents, about.hub), (6, 3, false));

        // Relevance: d0 (3 mentions), d2 (2), d1 (1); pages of 2 split them 2 + 2 + 2.
        let pages: Vec<MentionPage> = (0..3)
            .map(|p| mentions(&index, KELLOGG, &opts(p * 2, 2, PageSort::Relevance, None)).unwrap())
            .collect();
        let docs: Vec<Vec<String>> =
            pages.iter().map(|p| p.mentions.iter().map(|m| m.context.doc.clone()).collect()).collect();
        assert_eq!(docs, [vec!["d0", "d0"], vec!["d0", "d2"], vec!["d2", "d1"]]);
        assert!(pages.iter().all(|p| p.total == 6));
        let all: Vec<(String, String)> = pages.iter().flat_map(seen).collect();
        let whole = seen(&mentions(&index, KELLOGG, &opts(0, 50, PageSort::Relevance, None)).unwrap());
        assert_eq!(all, whole, "the pages together are the whole list, nothing twice, nothing lost");
        assert_eq!(whole.iter().collect::<HashSet<_>>().len(), 6);
        // Within d0, mentions in text order.
        assert!(whole[0].1.contains("met officials") && whole[2].1.contains("left at noon"), "{whole:?}");

        // Past the end: an empty page with the same total.
        let past = mentions(&index, KELLOGG, &opts(6, 2, PageSort::Relevance, None)).unwrap();
        assert_eq!((past.total, past.offset, past.mentions.len()), (6, 6, 0));
        let last = mentions(&index, KELLOGG, &opts(5, 2, PageSort::Relevance, None)).unwrap();
        assert_eq!(last.mentions.len(), 1);

        // Newest: d1 (February), d0 (January), d2 (undated, last); oldest: d0, d1, d2.
        let order = |sort| -> Vec<String> {
            let page = mentions(&index, KELLOGG, &opts(0, 10, sort, None)).unwrap();
            page.mentions.iter().map(|m| m.context.doc.clone()).collect()
        };
        assert_eq!(order(PageSort::Newest), ["d1", "d0", "d0", "d0", "d2", "d2"]);
        assert_eq!(order(PageSort::Oldest), ["d0", "d0", "d0", "d1", "d2", "d2"]);
        let first = mentions(&index, KELLOGG, &opts(0, 1, PageSort::Newest, None)).unwrap();
        assert_eq!(first.mentions[0].date.as_deref(), Some("2017-02-10"));
    }

    #[test]
    fn a_filter_keeps_mentions_by_sentence_or_title_and_counts_what_it_keeps() {
        let bytes = tiny();
        let index = Index::open(&bytes).unwrap();
        // In one sentence only (of d1).
        let paris = mentions(&index, KELLOGG, &opts(0, 10, PageSort::Relevance, Some("PARIS"))).unwrap();
        assert_eq!(paris.total, 1);
        assert_eq!(paris.mentions[0].context.doc, "d1");
        // In the title of d0: all three of its mentions.
        let envoy = mentions(&index, KELLOGG, &opts(0, 10, PageSort::Relevance, Some("envoy"))).unwrap();
        assert_eq!(seen(&envoy).iter().map(|(d, _)| d.as_str()).collect::<Vec<_>>(), ["d0", "d0", "d0"]);
        // One sentence of d2, and paged: the second page of one is empty, the total stays.
        let cease =
            mentions(&index, KELLOGG, &opts(1, 1, PageSort::Relevance, Some("ceasefire holds"))).unwrap();
        assert_eq!((cease.total, cease.mentions.len()), (1, 0));
        let none = mentions(&index, KELLOGG, &opts(0, 10, PageSort::Relevance, Some("zebra"))).unwrap();
        assert_eq!((none.total, none.mentions.len()), (0, 0));
        // Blank is no filter.
        assert_eq!(mentions(&index, KELLOGG, &opts(0, 1, PageSort::Relevance, Some("  "))).unwrap().total, 6);

        let docs = documents(&index, KELLOGG, &opts(0, 10, PageSort::Relevance, Some("rainy"))).unwrap();
        assert_eq!(docs.total, 1);
        assert_eq!((docs.documents[0].id.as_str(), docs.documents[0].mentions), ("d1", 1));
    }

    #[test]
    fn pages_of_documents_are_sorted_and_add_up() {
        let bytes = tiny();
        let index = Index::open(&bytes).unwrap();
        let ids = |sort, offset, limit| -> (usize, Vec<String>) {
            let page = documents(&index, KELLOGG, &opts(offset, limit, sort, None)).unwrap();
            (page.total, page.documents.iter().map(|d| d.id.clone()).collect())
        };
        assert_eq!(ids(PageSort::Relevance, 0, 10), (3, vec!["d0".into(), "d2".into(), "d1".into()]));
        assert_eq!(ids(PageSort::Newest, 0, 2), (3, vec!["d1".into(), "d0".into()]));
        assert_eq!(ids(PageSort::Newest, 2, 2), (3, vec!["d2".into()]));
        assert_eq!(ids(PageSort::Oldest, 0, 10), (3, vec!["d0".into(), "d1".into(), "d2".into()]));
        let unknown = documents(&index, "person:nobody", &PageOptions::default());
        assert!(matches!(unknown, Err(Error::NoSuchEntity(_))), "{unknown:?}");
    }

    #[test]
    fn the_hub_rule_takes_dates_and_frequent_places_and_organizations() {
        assert!(is_hub(Kind::Date, 1, 5));
        assert!(!is_hub(Kind::Place, 5, 5), "a tiny corpus has no frequency hubs");
        assert!(is_hub(Kind::Place, 11, 100));
        assert!(!is_hub(Kind::Place, 10, 100), "more than 10%, not 10%");
        assert!(is_hub(Kind::Organization, 400, 3800));
        assert!(!is_hub(Kind::Person, 3000, 3800), "people are never hubs");
    }

    #[test]
    fn the_filter_folds_case_accents_and_punctuation() {
        assert_eq!(fold("  Zelenskyy’s  ÉLAN, U.S. "), "zelenskyy elan us");
        assert!(fold("the Kyiv-based envoy").contains(&fold("kyiv based")));
    }
}
