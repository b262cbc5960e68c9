//! Batch search: a list of names or terms (one a line) looked up at once, each with the
//! documents its search finds and, when the line names an entity (its name or one of its
//! aliases, folded as [`super::entity_page::fold`] folds), that entity and its mentions.
//!
//! In a sharded index every line's search asks for its shards in the same round: the shards
//! all the lines miss are asked for together, so a batch takes as many rounds as one search.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::entities::EntitySummary;
use super::entity_page::fold;
use super::{SearchOptions, Searcher};
use crate::{Error, Result};

/// Most lines in one batch (the rest are left out, and [`Batch::truncated`] says so).
pub const MAX_LINES: usize = 200;

/// What to look up.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BatchOptions {
    /// Search every line as typed (no typo correction): a list of names is not a typo.
    pub exact: bool,
}

/// The answer for a list.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    /// One row per distinct non-blank line, in the order given.
    pub rows: Vec<BatchRow>,
    /// True when the list had more than [`MAX_LINES`] lines (those after are left out).
    pub truncated: bool,
}

/// One line of a batch.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchRow {
    /// The line, trimmed.
    pub query: String,
    /// Documents matching every word of it (0 when only some words match).
    pub documents: usize,
    /// Documents matching only some of its words, when none matches all (else 0).
    pub partial_documents: usize,
    /// The entity the line names, if any (with its mentions and documents).
    pub entity: Option<EntitySummary>,
}

/// Looks up every line of `lines` (see the module doc).
pub fn batch(searcher: &Searcher<'_>, lines: &str, options: &BatchOptions) -> Result<Batch> {
    let mut queries: Vec<&str> = Vec::new();
    let mut truncated = false;
    for line in lines.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if queries.contains(&line) {
            continue;
        }
        if queries.len() == MAX_LINES {
            truncated = true;
            break;
        }
        queries.push(line);
    }
    let names = names(searcher)?;
    let search = SearchOptions {
        limit: Some(0),
        facet_limit: Some(0),
        no_correction: options.exact,
        ..SearchOptions::default()
    };
    let mut need: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(queries.len());
    for query in queries {
        // A trailing space: the last word is a whole word, not a prefix to complete.
        match searcher.search(&format!("{query} "), &search) {
            Ok(found) => {
                let entity = match names.get(&fold(query)) {
                    Some(&ordinal) => Some(searcher.index().entities().get(ordinal)?.into()),
                    None => None,
                };
                let (documents, partial_documents) =
                    if found.partial { (0, found.total) } else { (found.total, 0) };
                rows.push(BatchRow { query: query.to_string(), documents, partial_documents, entity });
            }
            Err(Error::Format(crate::format::Error::NeedShards(missing))) => {
                need.extend(missing.into_iter().filter(|n| !need.contains(n)).collect::<Vec<_>>());
            }
            Err(e) => return Err(e),
        }
    }
    if !need.is_empty() {
        return Err(Error::Format(crate::format::Error::NeedShards(need)));
    }
    Ok(Batch { rows, truncated })
}

/// Every entity's folded name and aliases → its ordinal (the first entity, by mentions, wins
/// a name two share).
fn names(searcher: &Searcher<'_>) -> Result<HashMap<String, u32>> {
    let entities = searcher.index().entities();
    let mut all: Vec<(u32, u32)> = Vec::with_capacity(entities.len());
    for ordinal in 0..entities.len() as u32 {
        all.push((entities.get(ordinal)?.mentions, ordinal));
    }
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut map = HashMap::new();
    for (_, ordinal) in all {
        let r = entities.get(ordinal)?;
        for name in std::iter::once(r.name).chain(entities.aliases(ordinal)?) {
            let folded = fold(name);
            if !folded.is_empty() {
                map.entry(folded).or_insert(ordinal);
            }
        }
    }
    searcher.index().need()?;
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indexer::Indexer;
    use crate::ingest::Document;

    #[test]
    fn each_line_gets_its_documents_and_the_entity_it_names() {
        let mut ix = Indexer::new();
        ix.add(Document::new(
            "d0",
            "Envoy visits",
            "Keith Kellogg met officials in Paris. Keith Kellogg left.",
        ))
        .unwrap();
        ix.add(Document::new("d1", "Rain", "Keith Kellogg arrived on a rainy day in Paris.")).unwrap();
        ix.add(Document::new("d2", "Other news", "Nothing about him: the ceasefire holds.")).unwrap();
        let bytes = ix.finish().unwrap();
        let s = Searcher::open(&bytes).unwrap();
        let found = s
            .batch(
                "keith kellogg\n\n  ceasefire  \nzebra crossing\nkeith kellogg\n",
                &BatchOptions::default(),
            )
            .unwrap();
        let rows: Vec<(&str, usize, usize)> =
            found.rows.iter().map(|r| (r.query.as_str(), r.documents, r.partial_documents)).collect();
        // Blank lines and repeats are left out; "zebra crossing" matches no word at all.
        assert_eq!(rows, [("keith kellogg", 2, 0), ("ceasefire", 1, 0), ("zebra crossing", 0, 0)]);
        let kellogg = found.rows[0].entity.as_ref().expect("the line names an entity");
        assert_eq!(
            (kellogg.id.as_str(), kellogg.mentions, kellogg.documents),
            ("person:keith-kellogg", 3, 2)
        );
        assert!(found.rows[1].entity.is_none());
        assert!(!found.truncated);

        let many: String = (0..MAX_LINES + 5).map(|i| format!("word{i}\n")).collect();
        let found = s.batch(&many, &BatchOptions { exact: true }).unwrap();
        assert_eq!((found.rows.len(), found.truncated), (MAX_LINES, true));
    }
}
