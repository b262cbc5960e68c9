//! Search on the default corpus, natively: ranked id lists per capability, and the golden JSON
//! that the wasm tests (`tests/wasm/`) compare the wasm build against.
//! Run with `DOSSIER_BLESS=1` to rewrite the golden file after an intended ranking change.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{seed, seeds_index};
use dossier::query::{SearchOptions, SearchResults, Searcher};

fn run(searcher: &Searcher<'_>, q: &str) -> SearchResults {
    searcher.search(q, &SearchOptions::default()).expect("search succeeds")
}

fn ids(found: &SearchResults) -> Vec<String> {
    found.results.iter().map(|r| r.id.clone()).collect()
}

fn seeds(prefixes: &[&str]) -> Vec<&'static str> {
    prefixes.iter().map(|p| seed(p)).collect()
}

/// Queries whose full JSON is pinned in the golden file and replayed in the wasm build.
const GOLDEN_QUERIES: &[&str] = &[
    "kellogg",
    "Zelenskyy",
    "kellogg witkoff",
    "\"security guarantees\"",
    "witkoff OR kushner",
    "peace -putin",
    "Russia's",
    "Russia’s",
    "expert-level",
    "kyi",
    "U.S.",
    "",
    "nothingmatchesthis",
    "kellogg nothingmatchesthis",
    "witkof",
    "peskof ",
    "kelogg",
    "Kiev",
    "sanction ",
    "security guarantees",
];

#[test]
fn kellogg_finds_exactly_the_three_articles_that_mention_him() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let found = run(&s, "kellogg");
    // 000 has Kellogg in the title and four times in the body; 004 four times in a long
    // body; 002 once, at the end.
    assert_eq!(ids(&found), seeds(&["000", "004", "002"]));
    for hit in &found.results {
        let marked = common::marked(&hit.excerpt.text, &hit.excerpt.marks);
        assert!(
            !marked.is_empty() && marked.iter().all(|m| m.starts_with("Kellogg")),
            "{}: {marked:?}",
            hit.id
        );
    }
}

#[test]
fn multiple_terms_are_anded() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // Witkoff is in 001-004; Kellogg in 000, 002, 004; both only in 002 and 004.
    let mut got = ids(&run(&s, "kellogg witkoff"));
    got.sort();
    assert_eq!(got, seeds(&["002", "004"]));
}

#[test]
fn curly_and_straight_apostrophes_find_the_same_documents() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let straight = run(&s, "Russia's");
    assert_eq!(ids(&straight), ids(&run(&s, "Russia’s")));
    assert_eq!(straight.total, 5, "every seed mentions Russia");
}

#[test]
fn phrases_need_adjacent_words() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // "security guarantees" in 000, 001, 003, 004 (002 speaks of a "peace plan" only).
    let mut got = ids(&run(&s, "\"security guarantees\""));
    got.sort();
    assert_eq!(got, seeds(&["000", "001", "003", "004"]));
    // Both words exist, never adjacent in this order.
    assert_eq!(run(&s, "\"guarantees security\"").total, 0);
}

#[test]
fn hyphenated_words_match_their_parts() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // 001 writes “expert-level”, 003 writes “the expert level”: both are the same phrase.
    let mut got = ids(&run(&s, "expert-level"));
    got.sort();
    assert_eq!(got, seeds(&["001", "003"]));
    assert_eq!(ids(&run(&s, "\"expert level\"")).len(), 2);
}

#[test]
fn or_and_not_operators() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let mut either = ids(&run(&s, "kushner OR driscoll"));
    either.sort();
    // Kushner only in 004, Driscoll only in 002.
    assert_eq!(either, seeds(&["002", "004"]));
    let mut without = ids(&run(&s, "kyiv -putin"));
    without.sort();
    // Putin is named in 001, 003 and 004.
    assert_eq!(without, seeds(&["000", "002"]));
    assert_eq!(ids(&run(&s, "kyiv NOT putin")).len(), 2);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    assert_eq!(run(&s, "kello").total, 3);
    assert_eq!(run(&s, "kello ").total, 0, "a finished word is not a prefix");
}

#[test]
fn nothing_matches_gives_an_empty_result_and_partial_matches_are_flagged() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let none = run(&s, "nothingmatchesthis");
    assert_eq!((none.total, none.partial), (0, false));
    let partial = run(&s, "kellogg nothingmatchesthis");
    assert!(partial.partial);
    assert_eq!(partial.total, 3);
    assert_eq!(run(&s, "").total, 0);
}

#[test]
fn results_match_the_golden_json_replayed_by_the_wasm_tests() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let got: BTreeMap<&str, SearchResults> = GOLDEN_QUERIES.iter().map(|q| (*q, run(&s, q))).collect();
    let json = serde_json::to_string_pretty(&got).unwrap() + "\n";
    let path = common::root().join("tests/fixtures/golden/seeds_search.json");
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        json == want,
        "search results changed; if intended, rerun with DOSSIER_BLESS=1 and review the diff of {}",
        path.display()
    );
}

#[test]
fn misspelled_names_find_the_right_articles_and_say_so() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // Witkoff is named in 001-004, Peskov in 001-003; neither misspelling is in the corpus.
    let witkof = run(&s, "witkof ");
    let mut got = ids(&witkof);
    got.sort();
    assert_eq!(got, seeds(&["001", "002", "003", "004"]));
    assert_eq!(witkof.did_you_mean.as_deref(), Some("witkoff "));
    let mut got = ids(&run(&s, "peskof "));
    got.sort();
    assert_eq!(got, seeds(&["001", "002", "003"]));
    assert_eq!(ids(&run(&s, "kelogg ")), seeds(&["000", "004", "002"]), "same order as kellogg");
}

#[test]
fn exonyms_find_kyiv_when_searching_kiev() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let found = run(&s, "Kiev ");
    assert_eq!(found.total, 5, "every seed mentions Kyiv; none writes Kiev");
    assert!(found.results.iter().all(|r| !r.excerpt.marks.is_empty()), "Kyiv is marked in every excerpt");
}

#[test]
fn stemming_finds_other_inflections() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // The seeds say "sanctions" (000, 001, 003); nobody writes the singular.
    let mut got = ids(&run(&s, "sanction "));
    got.sort();
    assert_eq!(got, seeds(&["000", "001", "003"]));
}

#[test]
fn excerpts_show_the_passage_where_the_query_words_stand_closest() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // Each of these four articles has "security" and "guarantees" scattered and also side by
    // side once; the excerpt must be cut around the adjacent pair.
    let found = run(&s, "security guarantees ");
    assert_eq!(found.total, 4);
    for hit in &found.results {
        let units: Vec<u16> = hit.excerpt.text.encode_utf16().collect();
        let text =
            |m: &[u32; 2]| String::from_utf16_lossy(&units[m[0] as usize..m[1] as usize]).to_lowercase();
        let adjacent = hit
            .excerpt
            .marks
            .windows(2)
            .any(|w| text(&w[0]) == "security" && text(&w[1]) == "guarantees" && w[1][0] == w[0][1] + 1);
        assert!(adjacent, "{}: {}", hit.id, hit.excerpt.text);
    }
}

#[test]
fn the_two_reports_of_the_same_press_conference_are_flagged_as_the_same_story() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    for p in ["000", "001", "002", "003", "004"] {
        let related = s.related(seed(p)).unwrap();
        let same: Vec<&str> = related.iter().filter(|r| r.same_story).map(|r| &r.id[..3]).collect();
        let want: &[&str] = match p {
            "001" => &["003"],
            "003" => &["001"],
            _ => &[],
        };
        let all: Vec<(&str, f64)> = related.iter().map(|r| (&r.id[..3], r.similarity)).collect();
        assert_eq!(same, want, "same-story documents of {p}; similarities {all:?}");
    }
}

#[test]
fn a_query_of_exclusions_only_browses_the_other_documents_newest_first() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // Putin is named in 001, 003 and 004; the other two are undated, so in corpus order.
    let without = run(&s, "-putin");
    assert_eq!(ids(&without), seeds(&["000", "002"]));
    assert_eq!(without.total, 2);
    assert_eq!(ids(&run(&s, "NOT putin")), seeds(&["000", "002"]));
    // "White House" only in 002 and 003.
    assert_eq!(ids(&run(&s, "-\"white house\"")), seeds(&["000", "001", "004"]));
    // Kellogg is in 000, 002 and 004; of 001 and 003, 003 is dated (2025-08-29) so it comes
    // first, as in a browse: newest first, undated last.
    let found = run(&s, "-kellogg");
    assert_eq!(ids(&found), seeds(&["003", "001"]));
    assert_eq!((found.total, found.partial), (2, false));
    assert!(found.results.iter().all(|r| r.excerpt.marks.is_empty()), "nothing to highlight");
    // Filters still apply.
    let dated = SearchOptions { from: Some("2025".into()), ..SearchOptions::default() };
    assert_eq!(ids(&s.search("-kellogg", &dated).unwrap()), seeds(&["003"]));
    let undated = SearchOptions { undated: true, ..SearchOptions::default() };
    assert_eq!(ids(&s.search("-kellogg -putin", &undated).unwrap()), Vec::<String>::new());
    assert_eq!(s.search("-kellogg", &undated).unwrap().total, 1);
}

#[test]
fn hints_are_drawn_from_the_corpus_and_each_finds_documents() {
    // Read from the seeds: Zelenskyy is the person named in the most articles; Trump and
    // Witkoff come next (in as many documents as each other, Trump mentioned more often); the
    // most widely named organization or place of two or three words is the United States;
    // Kyiv is mentioned and has the built-in old spelling Kiev.
    let bytes = seeds_index();
    let searcher = Searcher::open(&bytes).unwrap();
    let hints = searcher.hints().unwrap();
    assert_eq!(hints.examples, ["zelenskyy", "trump OR witkoff", "\"united states\"", "kiev"]);
    assert_eq!(hints.placeholder, "Search — try zelenskyy");
    for q in &hints.examples {
        assert!(run(&searcher, q).total > 0, "{q}");
    }
}

#[test]
fn a_corpus_without_entities_offers_no_examples() {
    let mut ix = dossier::indexer::Indexer::new();
    ix.add(dossier::ingest::Document::new("a", "notes", "some lowercase notes about nothing much")).unwrap();
    let bytes = ix.finish().unwrap();
    let hints = Searcher::open(&bytes).unwrap().hints().unwrap();
    assert!(hints.examples.is_empty(), "{hints:?}");
    assert_eq!(hints.placeholder, "Search");
}
