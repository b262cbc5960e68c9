//! Here is a corpus, give me example queries: what the search box's placeholder and the
//! intro suggest, drawn from the corpus's own most widely mentioned entities instead of one
//! corpus's examples written into the page.
//!
//! Each example shows one feature, and is kept only if it finds documents:
//! - a name: the surname of the person in the most documents (`merkel`);
//! - either of two names: the next two people, `macron OR johnson`;
//! - a phrase: the first organization, place or event of two or three words in the most
//!   documents, in quotes (`"european union"`);
//! - a place under another name: the old or foreign spelling of a place the corpus mentions
//!   (`kiev`, which finds Kyiv), from the built-in exonyms ([`super::aliases`]).

use serde::Serialize;

use super::aliases::exonyms;
use super::entities::{EntitySummary, ListOptions};
use super::{SearchOptions, Searcher};
use crate::analysis;
use crate::format::{self, Kind};
use crate::Result;

/// How many entities of a kind are looked at for an example: the most widely mentioned ones.
const CANDIDATES: usize = 12;

/// Example queries for a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hints {
    /// The search box's placeholder: `Search — try merkel`, or `Search` for a corpus without
    /// entities.
    pub placeholder: String,
    /// Example queries, each one finding documents, in the order above (at most four).
    pub examples: Vec<String>,
}

/// The hints of the corpus `searcher` searches. Reads the entity list and runs each candidate
/// query once (without results), so it costs a few searches.
pub fn hints(searcher: &Searcher<'_>) -> Result<Hints> {
    let top = |kind: Kind| -> Result<Vec<EntitySummary>> {
        let options = ListOptions {
            kind: Some(kind),
            sort: Some("documents".to_string()),
            limit: Some(CANDIDATES),
            ..ListOptions::default()
        };
        Ok(searcher.entities(&options)?.entities)
    };
    let finds = |query: &str| -> Result<bool> {
        let options = SearchOptions { limit: Some(0), facet_limit: Some(0), ..SearchOptions::default() };
        Ok(searcher.search(query, &options)?.total > 0)
    };

    let mut candidates = Vec::new();
    let mut surnames = Vec::new();
    for person in top(Kind::Person)? {
        if let Some(surname) = words(&person.name).pop().filter(|s| !surnames.contains(s)) {
            surnames.push(surname);
        }
    }
    if let Some(first) = surnames.first() {
        candidates.push(first.clone());
    }
    if let [_, second, third, ..] = surnames.as_slice() {
        candidates.push(format!("{second} OR {third}"));
    }
    let mut named = Vec::new();
    for kind in [Kind::Organization, Kind::Place, Kind::Event] {
        named.extend(top(kind)?);
    }
    named.sort_by(|a, b| b.documents.cmp(&a.documents).then(b.mentions.cmp(&a.mentions)));
    if let Some(phrase) = named.iter().map(|e| words(&e.name)).find(|w| (2..=3).contains(&w.len())) {
        candidates.push(format!("\"{}\"", phrase.join(" ")));
    }
    let places = top(Kind::Place)?;
    if let Some(exonym) = places.iter().find_map(|p| words(&p.name).iter().find_map(|w| exonyms(w).next())) {
        candidates.push(exonym.to_string());
    }

    // Every candidate is tried before a sharded index's missing parts are asked for, so that
    // they are all fetched in one round.
    let (mut examples, mut need) = (Vec::new(), Vec::new());
    for query in candidates {
        match finds(&query) {
            Ok(true) if !examples.contains(&query) => examples.push(query),
            Ok(_) => {}
            Err(crate::Error::Format(format::Error::NeedShards(names))) => need.extend(names),
            Err(e) => return Err(e),
        }
    }
    if !need.is_empty() {
        need.sort_unstable();
        need.dedup();
        return Err(format::Error::NeedShards(need).into());
    }
    let placeholder = match examples.first() {
        Some(first) => format!("Search — try {first}"),
        None => "Search".to_string(),
    };
    Ok(Hints { placeholder, examples })
}

/// The words of a name as a query writes them (the tokenizer's terms: lowercase, no
/// diacritics, possessives and punctuation gone).
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    analysis::tokenize(name, 0, |t| out.push(t.term.to_string()));
    out
}
