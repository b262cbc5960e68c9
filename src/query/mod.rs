//! Run-time search: parse a query, match it against an [`Index`], rank, and cut excerpts.
//!
//! [`Searcher`] is the friendly API (what the wasm exports and the CLI print): it hands out
//! plain serializable values, no offsets into the index.
//!
//! ```
//! # use dossier::{indexer::Indexer, ingest::Document};
//! use dossier::query::{Searcher, SearchOptions};
//! # let mut ix = Indexer::new();
//! # ix.add(Document::new("a", "Envoy in Kyiv", "Keith Kellogg met the president in Kyiv.")).unwrap();
//! # ix.add(Document::new("b", "Talks", "Steve Witkoff met Putin in Moscow.")).unwrap();
//! # let bytes = ix.finish().unwrap();
//! let searcher = Searcher::open(&bytes)?;
//! let found = searcher.search("kellogg kyiv", &SearchOptions::default())?;
//! assert_eq!(found.total, 1);
//! let hit = &found.results[0];
//! assert_eq!(hit.id, "a");
//! // Offsets are UTF-16 code units into the excerpt text.
//! let [start, end] = hit.excerpt.marks[0];
//! assert_eq!(&hit.excerpt.text[start as usize..end as usize], "Kellogg");
//! # Ok::<(), dossier::Error>(())
//! ```

pub mod aliases;
pub mod batch;
pub mod entities;
pub mod entity_page;
pub mod excerpt;
pub mod hints;
pub mod matching;
pub mod parse;
pub mod rank;
pub mod timeline;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis;
use crate::format::{DocRecord, Error as FormatError, Index, FORMAT_VERSION};
use crate::Result;
pub use excerpt::{Excerpt, Highlighter, Mark};
pub use matching::Matcher;
pub use parse::{parse, Query, Unit};

/// Results per page when the caller does not say.
pub const DEFAULT_LIMIT: usize = 20;
/// The most results one call returns.
pub const MAX_LIMIT: usize = 1000;

/// Paging and filters for [`Searcher::search`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SearchOptions {
    /// Results to return (default [`DEFAULT_LIMIT`], at most [`MAX_LIMIT`]).
    pub limit: Option<usize>,
    /// Results to skip.
    pub offset: usize,
    /// Only documents mentioning every one of these entities (ids).
    pub entities: Vec<String>,
    /// Only documents dated on or after this day, month or year (`2025`, `2025-08`, `2025-08-29`).
    pub from: Option<String>,
    /// Only documents dated on or before this day, month or year.
    pub to: Option<String>,
    /// Only undated documents.
    pub undated: bool,
    /// Entities per kind in the facet counts (default [`entities::FACET_LIMIT`]; 0 for none).
    pub facet_limit: Option<usize>,
    /// Also return the timeline of the matches, as [`Searcher::timeline`] would (entity
    /// filters applied, date filters not), from the same matching pass.
    pub timeline: bool,
    /// Search the words exactly as typed: no typo correction (a word the dictionary lacks
    /// matches nothing, and [`SearchResults::did_you_mean`] stays empty) and no
    /// [`SearchResults::suggestion`]. Exact, alias, stem and prefix matches still apply. What
    /// "search instead for" asks after a correction. JavaScript: `noCorrection`.
    pub no_correction: bool,
    /// Also give each result its [`SearchHit::source`] and [`SearchHit::entities`] (for
    /// exports). JavaScript: `details`.
    pub details: bool,
}

impl SearchOptions {
    /// True when some filter narrows the documents.
    pub fn filters(&self) -> bool {
        !self.entities.is_empty() || self.from.is_some() || self.to.is_some() || self.undated
    }
}

/// What a search found.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Number of matching documents (all pages).
    pub total: usize,
    /// True when no document matches every term and these match only some of them.
    pub partial: bool,
    /// The query with misspelled words replaced by what they matched, when a word matched
    /// only through typo correction.
    pub did_you_mean: Option<String>,
    /// The query with rare words replaced by a far more common spelling one edit away,
    /// offered but not applied: the results are those of the query as typed, because a word
    /// with exact matches is never corrected (see [`matching::SUGGEST_DOMINANCE`]). Absent
    /// when there is nothing to offer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Entity counts over all matching documents, by kind.
    pub facets: Vec<entities::Facet>,
    /// The requested page of results, best first.
    pub results: Vec<SearchHit>,
    /// The matches over time, when [`SearchOptions::timeline`] asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<timeline::Timeline>,
}

/// One result.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date as `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Source URL, if any.
    pub url: Option<String>,
    /// Relevance score (BM25F), rounded to 4 decimals.
    pub score: f64,
    /// Highlights in the title (UTF-16 offsets).
    pub title_marks: Vec<Mark>,
    /// The best passage with its highlights.
    pub excerpt: Excerpt,
    /// Sharded only: set when the part holding this document failed to load, so the result
    /// is known but not its id, title or text (those are empty). Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<Unavailable>,
    /// With [`SearchOptions::details`]: the host name of [`SearchHit::url`], without `www.`
    /// ([`source_of`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// With [`SearchOptions::details`]: the entities the document mentions, most mentioned
    /// first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<HitEntity>>,
}

/// An entity a result mentions ([`SearchOptions::details`]).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HitEntity {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: crate::format::Kind,
    /// Mentions in this document.
    pub mentions: u32,
}

/// The host name of a URL, lowercased, without `www.`, user or port: the outlet it is from
/// (`https://www.Example.org:8080/a` → `example.org`). `None` if it has no host.
pub fn source_of(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match host.find(']') {
        Some(end) if host.starts_with('[') => &host[..=end],
        _ => host.split(':').next().unwrap_or(""),
    };
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Why a result of a sharded index cannot be shown: its document part failed to load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unavailable {
    /// The document part's file name.
    pub part: String,
    /// Why it failed ("HTTP 404", or why it was refused).
    pub reason: String,
}

/// A whole document for the reader, with the query's matches marked.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date as `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Source URL, if any.
    pub url: Option<String>,
    /// Full text; paragraphs separated by newlines.
    pub text: String,
    /// Highlights in the title (UTF-16 offsets).
    pub title_marks: Vec<Mark>,
    /// Highlights in the text (UTF-16 offsets).
    pub marks: Vec<Mark>,
    /// Entity mentions in the title and text.
    pub entities: Vec<entities::DocMention>,
}

/// Similarity (percent) from which two documents are the same story; the indexer's
/// `related::SAME_STORY`, kept here because the wasm has no indexer.
pub const SAME_STORY_PERCENT: u8 = 55;

/// A document related to another.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedDoc {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date, if known.
    pub date: Option<String>,
    /// Cosine similarity of their TF-IDF vectors, in 0..=1 (two decimals).
    pub similarity: f64,
    /// True when they report the same events (a near-duplicate).
    pub same_story: bool,
}

/// A completion for an autocomplete list.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The whole query with its last word completed.
    pub query: String,
    /// The completed word (a dictionary term).
    pub term: String,
    /// Number of documents containing it.
    pub documents: u32,
}

/// Facts about the loaded index.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    /// Number of documents.
    pub documents: u32,
    /// Number of distinct terms.
    pub terms: u32,
    /// The index format version.
    pub format_version: u32,
}

/// Searches one index.
#[derive(Clone)]
pub struct Searcher<'a> {
    index: Index<'a>,
}

impl<'a> Searcher<'a> {
    /// Opens index bytes and verifies their checksum (one pass over the bytes): use this for
    /// any bytes read from a file or the network.
    pub fn open(bytes: &'a [u8]) -> Result<Searcher<'a>> {
        let index = Index::open(bytes)?;
        index.verify()?;
        Ok(Searcher { index })
    }

    /// Opens index bytes without the checksum pass: for bytes compiled into the binary.
    pub fn open_trusted(bytes: &'a [u8]) -> Result<Searcher<'a>> {
        Ok(Searcher { index: Index::open(bytes)? })
    }

    /// Searches an index already opened, such as the root of a sharded one
    /// ([`Index::open_sharded`]). There, any method may fail with
    /// [`crate::format::Error::NeedShards`]: fetch the shards it names and call it again.
    pub fn new(index: Index<'a>) -> Searcher<'a> {
        Searcher { index }
    }

    /// The underlying index.
    pub fn index(&self) -> &Index<'a> {
        &self.index
    }

    /// Document and term counts.
    pub fn info(&self) -> Info {
        let meta = self.index.meta();
        Info { documents: meta.doc_count, terms: meta.term_count, format_version: FORMAT_VERSION }
    }

    /// Runs a query (see [`parse`] for the syntax). Any string is a valid query; an empty one
    /// finds nothing unless a filter is set, and then lists what passes it, newest first. A
    /// query of exclusions only (`-putin`) lists, in that same order, every document (passing
    /// the filters) without the excluded words. Fails only on a corrupted index.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults> {
        let parsed = parse(query);
        let limit = options.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
        // Nothing asked for but filters or exclusions (`-putin`): list what passes them.
        let browsing = parsed.is_empty() && (options.filters() || !parsed.excluded.is_empty());
        let mut matches = if browsing {
            self.browse(&parsed)?
        } else if options.filters() {
            // Filtering after matching would break run_top's "the first k are the best k".
            self.matcher(options).run(&parsed)?
        } else {
            self.matcher(options).run_top(&parsed, options.offset.saturating_add(limit))?
        };
        let timeline = match options.timeline {
            false => None,
            // An empty query's timeline covers the corpus, though it finds no results.
            true if parsed.is_empty() => Some(self.timeline(query, options)?),
            true => Some(self.timeline_of(&matches, &options.entities)?),
        };
        if options.filters() {
            let keep = self.filter(options)?;
            matches.docs.retain(|s| keep.binary_search(&s.doc).is_ok());
        }
        self.index.need()?;
        let page = || matches.docs.iter().skip(options.offset).take(limit);
        let facet_limit = options.facet_limit.unwrap_or(entities::FACET_LIMIT);
        let facets = if facet_limit == 0 || matches.docs.is_empty() {
            Vec::new()
        } else {
            let docs: Vec<u32> = matches.docs.iter().map(|s| s.doc).collect();
            entities::facets(&self.index, &docs, facet_limit)?
        };
        if options.details {
            self.index.entities(); // fetched with the documents, in the same round
        }
        self.index.need_docs(page().map(|s| s.doc))?;
        let mut results = Vec::with_capacity(limit.min(matches.docs.len()));
        let highlighter = Highlighter::new(&matches.terms);
        for scored in page() {
            // A failed document part costs its results, not the search: they stay in their
            // place, marked unavailable, so the count and the pages stay right.
            match self.index.docs().get(scored.doc) {
                Ok(doc) => {
                    let mut found = hit(&doc, scored.score, &highlighter);
                    if options.details {
                        found.source = doc.url.and_then(source_of);
                        found.entities = Some(self.hit_entities(scored.doc)?);
                    }
                    results.push(found)
                }
                Err(FormatError::PartFailed { name, reason }) => {
                    results.push(unavailable_hit(scored.score, Unavailable { part: name, reason }))
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(SearchResults {
            query: query.to_string(),
            total: matches.docs.len(),
            partial: matches.partial,
            did_you_mean: did_you_mean(query, &matches.corrections),
            suggestion: did_you_mean(query, &matches.suggestions),
            facets,
            results,
            timeline,
        })
    }

    /// A matcher over the index, correcting typos unless `options` say not to.
    fn matcher(&self, options: &SearchOptions) -> Matcher<'_, 'a> {
        Matcher::new(&self.index).typo_correction(!options.no_correction)
    }

    /// Every document that no excluded unit of `query` matches, newest first (undated last,
    /// then in corpus order): what an empty query with filters, or a query of exclusions
    /// only (`-putin`), lists. The groups of `query` are ignored.
    fn browse(&self, query: &Query) -> Result<matching::Matches> {
        let excluded =
            if query.excluded.is_empty() { Vec::new() } else { Matcher::new(&self.index).excluded(query)? };
        let docs = self.index.docs();
        let mut all: Vec<(Option<u32>, u32)> = (0..docs.len() as u32)
            .filter(|o| excluded.binary_search(o).is_err())
            .map(|o| (docs.date(o), o))
            .collect();
        all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let docs =
            all.into_iter().map(|(_, doc)| matching::Scored { doc, score: 0.0, groups: 0, fuzzy_groups: 0 });
        Ok(matching::Matches { docs: docs.collect(), ..Default::default() })
    }

    /// The documents (sorted ordinals) that pass the entity and date filters.
    fn filter(&self, options: &SearchOptions) -> Result<Vec<u32>> {
        let docs = self.index.docs();
        let mut keep: Vec<u32> = (0..docs.len() as u32).collect();
        for id in &options.entities {
            let with = entities::documents_of(&self.index, id)?;
            keep.retain(|d| with.binary_search(d).is_ok());
        }
        // A filter that is not a date passes nothing.
        let from = options.from.as_deref().map(|s| date_bound(s, false).unwrap_or(u32::MAX));
        let to = options.to.as_deref().map(|s| date_bound(s, true).unwrap_or(0));
        if from.is_some() || to.is_some() || options.undated {
            keep.retain(|&d| match docs.date(d) {
                None => options.undated,
                Some(_) if options.undated => false,
                Some(day) => from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t),
            });
        }
        Ok(keep)
    }

    /// How the documents matching `query` and the entity filters of `options` spread over
    /// time (date filters are ignored, so the timeline shows where the filtered period sits).
    /// An empty query covers the whole corpus.
    pub fn timeline(&self, query: &str, options: &SearchOptions) -> Result<timeline::Timeline> {
        let parsed = parse(query);
        let matches = if parsed.is_empty() {
            self.browse(&parsed)?
        } else {
            self.matcher(options).run_top(&parsed, 0)?
        };
        self.timeline_of(&matches, &options.entities)
    }

    /// The timeline of the documents of `matches` that mention every one of `entities`.
    fn timeline_of(&self, matches: &matching::Matches, entities: &[String]) -> Result<timeline::Timeline> {
        let mut docs: Vec<u32> = matches.docs.iter().map(|s| s.doc).collect();
        if !entities.is_empty() {
            let only_entities = SearchOptions { entities: entities.to_vec(), ..SearchOptions::default() };
            let keep = self.filter(&only_entities)?;
            docs.retain(|d| keep.binary_search(d).is_ok());
        }
        self.index.need()?;
        timeline::timeline(&self.index, &docs)
    }

    /// The documents most similar to the one with this id, most similar first; those telling
    /// the same story (near-duplicates) are flagged.
    pub fn related(&self, id: &str) -> Result<Vec<RelatedDoc>> {
        let ordinal = self.ordinal(id)?;
        let related = self.index.related().of(ordinal)?;
        self.index.need_docs(related.iter().map(|&(other, _)| other))?;
        let mut out = Vec::new();
        for (other, percent) in related {
            let d = self.index.docs().get(other)?;
            let similarity = f64::from(percent) / 100.0;
            out.push(RelatedDoc {
                id: d.id.into(),
                title: d.title.into(),
                date: d.date_string(),
                similarity,
                same_story: similarity >= f64::from(SAME_STORY_PERCENT) / 100.0,
            });
        }
        Ok(out)
    }

    /// The entities document `doc` mentions, most mentioned first (then by id).
    fn hit_entities(&self, doc: u32) -> Result<Vec<HitEntity>> {
        let entities = self.index.entities();
        let mut out = Vec::new();
        for (e, mentions) in entities.in_doc(doc)? {
            let r = entities.get(e)?;
            out.push(HitEntity { id: r.id.into(), name: r.name.into(), kind: r.kind, mentions });
        }
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }

    /// Lists entities (see [`entities::ListOptions`]).
    pub fn entities(&self, options: &entities::ListOptions) -> Result<entities::EntityList> {
        let list = entities::list(&self.index, options);
        self.index.need()?;
        list
    }

    /// Example queries drawn from the corpus's own entities, each finding documents: what the
    /// search box and the intro suggest ([`hints::hints`]).
    pub fn hints(&self) -> Result<hints::Hints> {
        hints::hints(self)
    }

    /// The page of one entity, with at most `contexts` mentions in context.
    pub fn entity(&self, id: &str, contexts: Option<usize>) -> Result<entities::EntityDetail> {
        let detail = entities::detail(&self.index, id, contexts.unwrap_or(entities::CONTEXT_LIMIT));
        self.index.need()?;
        detail
    }

    /// Looks up a list of names or terms, one a line ([`batch::batch`]).
    pub fn batch(&self, lines: &str, options: &batch::BatchOptions) -> Result<batch::Batch> {
        batch::batch(self, lines, options)
    }

    /// The header of an entity's page: name, kind, aliases, counts ([`entity_page::info`]).
    pub fn entity_info(&self, id: &str) -> Result<entity_page::EntityInfo> {
        let info = entity_page::info(&self.index, id);
        self.index.need()?;
        info
    }

    /// A page of an entity's mentions in context, sorted and filtered
    /// ([`entity_page::mentions`]).
    pub fn entity_mentions(
        &self,
        id: &str,
        options: &entity_page::PageOptions,
    ) -> Result<entity_page::MentionPage> {
        let page = entity_page::mentions(&self.index, id, options);
        self.index.need()?;
        page
    }

    /// A page of the documents mentioning an entity, sorted and filtered
    /// ([`entity_page::documents`]).
    pub fn entity_documents(
        &self,
        id: &str,
        options: &entity_page::PageOptions,
    ) -> Result<entity_page::DocumentPage> {
        let page = entity_page::documents(&self.index, id, options);
        self.index.need()?;
        page
    }

    /// An entity's graph: neighbours and the edges among them ([`entity_page::graph`]).
    pub fn entity_graph(
        &self,
        id: &str,
        options: &entity_page::GraphOptions,
    ) -> Result<entity_page::EntityGraph> {
        let graph = entity_page::graph(&self.index, id, options);
        self.index.need()?;
        graph
    }

    /// Completions of the last word of `input`, most frequent first, as whole queries (the
    /// input with its last word completed), for an autocomplete list. At most `limit`.
    pub fn suggest(&self, input: &str, limit: usize) -> Result<Vec<Suggestion>> {
        let mut last = None;
        analysis::tokenize(input, 0, |t| last = Some((t.start, t.term.to_string())));
        let Some((start, word)) = last.filter(|_| !input.ends_with(char::is_whitespace)) else {
            return Ok(Vec::new());
        };
        let head = &input[..start];
        let found = Matcher::new(&self.index).completions(&word, limit.min(MAX_LIMIT));
        self.index.need()?;
        Ok(found
            .into_iter()
            .map(|(term, info)| Suggestion { query: format!("{head}{term}"), term, documents: info.doc_freq })
            .collect())
    }

    /// The ordinal of the document with this id.
    fn ordinal(&self, id: &str) -> Result<u32> {
        let ordinal = self.index.docs().ordinal(id);
        self.index.need()?;
        ordinal.ok_or_else(|| crate::Error::NoSuchDocument(id.to_string()))
    }

    /// The document with this id, with the matches of `query` (may be empty) marked.
    pub fn document(&self, id: &str, query: &str) -> Result<DocumentView> {
        let ordinal = self.ordinal(id)?;
        let terms = self.highlight_terms(query)?;
        let entities = entities::mentions_in(&self.index, ordinal);
        self.index.need_docs([ordinal])?;
        let doc = self.index.docs().get(ordinal)?;
        let highlighter = Highlighter::new(&terms);
        Ok(DocumentView {
            id: doc.id.to_string(),
            title: doc.title.to_string(),
            date: doc.date_string(),
            url: doc.url.map(str::to_string),
            text: doc.text.to_string(),
            title_marks: highlighter.marks(doc.title),
            marks: highlighter.marks(doc.text),
            entities: entities?,
        })
    }

    /// The dictionary terms a query highlights (every variant it matches), by query group: its
    /// words looked up, no postings read.
    fn highlight_terms(&self, query: &str) -> Result<HashMap<String, usize>> {
        if query.trim().is_empty() {
            return Ok(HashMap::new());
        }
        Ok(Matcher::new(&self.index).terms(&parse(query)))
    }
}

/// The YYYYMMDD bound of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date filter: its first day, or
/// its last day when `upper` (days past a month's end are harmless: no date has them).
/// `None` if `s` is not such a date (a month outside 1–12, a day outside 1–31, a part that is
/// not a number). A year past what a u32 YYYYMMDD holds (429,495) bounds every date: as
/// `from` it passes none, as `to` all.
pub fn date_bound(s: &str, upper: bool) -> Option<u32> {
    let mut parts = s.trim().split('-');
    let number = |p: Option<&str>| -> Option<Option<u64>> {
        match p {
            None => Some(None),
            Some(p) if !p.is_empty() && p.len() <= 12 && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse().ok().map(Some)
            }
            Some(_) => None,
        }
    };
    let year = number(parts.next())??;
    let month = number(parts.next())?;
    let day = number(parts.next())?;
    if parts.next().is_some() || month.is_some_and(|m| !(1..=12).contains(&m)) {
        return None;
    }
    if day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    let (month, day) = match (month, day, upper) {
        (None, _, false) => (1, 1),
        (None, _, true) => (12, 31),
        (Some(m), None, up) => (m, if up { 31 } else { 1 }),
        (Some(m), Some(d), _) => (m, d),
    };
    let bound = year.saturating_mul(10_000).saturating_add(month * 100 + day);
    Some(u32::try_from(bound).unwrap_or(u32::MAX))
}

/// `query` with each corrected word replaced by its correction, or `None` if none was corrected.
fn did_you_mean(query: &str, corrections: &[(String, String)]) -> Option<String> {
    if corrections.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(query.len() + 8);
    let mut copied = 0;
    analysis::tokenize(query, 0, |t| {
        if t.start < copied {
            return;
        }
        if let Some((_, to)) = corrections.iter().find(|(from, _)| from == t.term) {
            out.push_str(&query[copied..t.start]);
            out.push_str(to);
            copied = t.end;
        }
    });
    out.push_str(&query[copied..]);
    Some(out)
}

fn hit(doc: &DocRecord<'_>, score: f64, highlighter: &Highlighter<'_>) -> SearchHit {
    SearchHit {
        id: doc.id.to_string(),
        title: doc.title.to_string(),
        date: doc.date_string(),
        url: doc.url.map(str::to_string),
        score: (score * 1e4).round() / 1e4,
        title_marks: highlighter.marks(doc.title),
        excerpt: excerpt::excerpt(doc.text, &highlighter.hits(doc.text)),
        unavailable: None,
        source: None,
        entities: None,
    }
}

/// A result whose document part failed to load: only its score and why are known.
fn unavailable_hit(score: f64, why: Unavailable) -> SearchHit {
    SearchHit {
        id: String::new(),
        title: String::new(),
        date: None,
        url: None,
        score: (score * 1e4).round() / 1e4,
        title_marks: Vec::new(),
        excerpt: Excerpt::default(),
        unavailable: Some(why),
        source: None,
        entities: None,
    }
}

#[cfg(test)]
mod tests {
    use super::date_bound;

    #[test]
    fn date_bounds_are_the_first_and_last_day_of_what_is_named() {
        assert_eq!(date_bound("2017", false), Some(20170101));
        assert_eq!(date_bound("2017", true), Some(20171231));
        assert_eq!(date_bound("2017-02", false), Some(20170201));
        assert_eq!(date_bound("2017-02", true), Some(20170231));
        assert_eq!(date_bound(" 2017-02-09 ", true), Some(20170209));
    }

    #[test]
    fn a_year_past_what_a_date_holds_bounds_every_date_instead_of_wrapping() {
        // 429,497 × 10,000 passes u32::MAX: it wrapped to a small number, so `--from 429497`
        // let every document through and `--to 429497` none.
        for year in ["429497", "999999999", "999999999999"] {
            assert_eq!(date_bound(year, false), Some(u32::MAX), "{year}");
            assert_eq!(date_bound(year, true), Some(u32::MAX), "{year}");
        }
    }

    #[test]
    fn the_source_of_a_url_is_its_host_without_www() {
        use super::source_of;
        assert_eq!(
            source_of("https://www.Example-News.org:8080/2025/a?b#c").as_deref(),
            Some("example-news.org")
        );
        assert_eq!(source_of("http://user:pw@reuters.com/x").as_deref(), Some("reuters.com"));
        assert_eq!(source_of("https://[::1]:80/").as_deref(), Some("[::1]"));
        assert_eq!(source_of("not a url"), None);
        assert_eq!(source_of("https:///path"), None);
    }

    #[test]
    fn text_that_is_not_a_date_is_no_bound() {
        for s in
            ["", "abc", "2017-13", "2017-00", "2017-01-32", "2017-1000", "2017-01-01-01", "-5", "2017--01"]
        {
            assert_eq!(date_bound(s, false), None, "{s:?}");
        }
    }
}
