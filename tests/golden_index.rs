//! Compatibility: the committed index of each supported format version still opens and
//! answers. `tests/fixtures/golden/v1.dsr` is the index of `corpus/` written by format
//! version 1; a reader change that breaks it breaks every published `dist/`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use dossier::format::FORMAT_VERSION;
use dossier::query::{SearchOptions, Searcher};

#[test]
fn version_1_golden_index_opens_verifies_and_answers() {
    let bytes = std::fs::read(common::root().join("tests/fixtures/golden/v1.dsr")).expect("golden index");
    let s = Searcher::open(&bytes).expect("v1 opens and its checksum verifies");
    assert_eq!(FORMAT_VERSION, 1, "a new version needs its own golden index and test");
    let found = s.search("kellogg", &SearchOptions::default()).unwrap();
    let mut ids: Vec<&str> = found.results.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, [common::seed("000"), common::seed("002"), common::seed("004")]);
}

#[test]
fn the_same_corpus_builds_a_byte_identical_index() {
    assert_eq!(common::seeds_index(), common::seeds_index());
}
