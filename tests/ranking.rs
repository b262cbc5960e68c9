//! Ranking rules, each on a tiny corpus built for it, asserting the exact order (with why).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use dossier::indexer::Indexer;
use dossier::ingest::Document;
use dossier::query::{SearchOptions, SearchResults, Searcher};

fn index(docs: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut ix = Indexer::new();
    for (id, title, text) in docs {
        ix.add(Document::new(*id, *title, *text)).unwrap();
    }
    ix.finish().unwrap()
}

fn search(bytes: &[u8], q: &str) -> SearchResults {
    Searcher::open(bytes).unwrap().search(q, &SearchOptions::default()).unwrap()
}

fn ids(found: &SearchResults) -> Vec<&str> {
    found.results.iter().map(|r| r.id.as_str()).collect()
}

const FILLER: &str = "The meeting went on for hours and nothing else was said about it by anyone there.";

#[test]
fn a_title_match_outranks_a_body_match() {
    let bytes =
        index(&[("body", "Talks resume", "Kellogg arrived."), ("title", "Kellogg arrives", "He arrived.")]);
    assert_eq!(ids(&search(&bytes, "kellogg ")), ["title", "body"]);
}

#[test]
fn a_whole_word_outranks_its_completions_while_typing() {
    // "kyi" is a whole word only in `exact`; `completion` has it only as a prefix of "kyiv".
    let bytes =
        index(&[("completion", "News", "Leaders met in Kyiv."), ("exact", "News", "Leaders met in Kyi.")]);
    assert_eq!(ids(&search(&bytes, "kyi")), ["exact", "completion"]);
}

#[test]
fn an_exact_match_outranks_a_typo_match_even_when_rarer() {
    // The corpus misspells the envoy once; typing the misspelling finds that article first,
    // then the correctly spelled ones (because the correct spelling is far more common).
    let mut docs = vec![("typo", "Envoy", "Witkof met the delegation.")];
    let texts: Vec<String> =
        (0..12).map(|i| format!("Witkoff met delegation number {i}. Witkoff spoke.")).collect();
    let ids_: Vec<String> = (0..12).map(|i| format!("right{i}")).collect();
    for (id, text) in ids_.iter().zip(&texts) {
        docs.push((id, "Envoy", text));
    }
    let bytes = index(&docs);
    let found = search(&bytes, "witkof ");
    assert_eq!(found.total, 13);
    assert_eq!(ids(&found)[0], "typo");
}

#[test]
fn misspellings_find_the_word_and_say_what_they_searched() {
    let bytes = index(&[("a", "Kremlin", "Dmitry Peskov said no."), ("b", "Other", "Nothing here.")]);
    let found = search(&bytes, "peskof ");
    assert_eq!(ids(&found), ["a"]);
    assert_eq!(found.did_you_mean.as_deref(), Some("peskov "));
    assert_eq!(search(&bytes, "peskov ").did_you_mean, None);
}

#[test]
fn short_words_are_not_typo_corrected() {
    let bytes = index(&[("a", "T", "The war went on.")]);
    assert_eq!(search(&bytes, "was ").total, 0, "three letters: war/was/car are different words");
}

#[test]
fn stems_find_other_inflections_and_the_exact_form_ranks_first() {
    let bytes = index(&[
        ("plural", "Policy", "New sanctions were announced."),
        ("singular", "Policy", "A new sanction was announced."),
        ("verb", "Policy", "They sanctioned the bank."),
        ("other", "Policy", "Nothing of the kind."),
    ]);
    let found = search(&bytes, "sanction ");
    assert_eq!(found.total, 3);
    assert_eq!(ids(&found)[0], "singular");
}

#[test]
fn exonyms_find_the_other_spelling() {
    let bytes = index(&[("new", "Capital", "Strikes on Kyiv."), ("old", "Capital", "Strikes on Kiev.")]);
    assert_eq!(ids(&search(&bytes, "kiev ")), ["old", "new"]);
    assert_eq!(ids(&search(&bytes, "kyiv ")), ["new", "old"]);
}

#[test]
fn words_close_together_outrank_words_far_apart() {
    let far = format!("Security was discussed. {FILLER} {FILLER} Guarantees were not.");
    let near = format!("Security guarantees were discussed. {FILLER} {FILLER} Nothing more.");
    let bytes = index(&[("far", "Talks", &far), ("near", "Talks", &near)]);
    assert_eq!(ids(&search(&bytes, "security guarantees ")), ["near", "far"]);
}

#[test]
fn phrases_match_other_inflections_of_their_words() {
    let bytes =
        index(&[("a", "T", "Long-term security guarantee for Kyiv."), ("b", "T", "Guarantee of security.")]);
    assert_eq!(ids(&search(&bytes, "\"security guarantees\"")), ["a"]);
}

#[test]
fn and_with_no_full_match_falls_back_to_the_best_partial_matches() {
    let bytes = index(&[
        ("two", "T", "Kellogg met Witkoff."),
        ("one", "T", "Kellogg alone."),
        ("none", "T", "Nobody."),
    ]);
    let found = search(&bytes, "kellogg witkoff zzzzqqq ");
    assert!(found.partial);
    assert_eq!(ids(&found), ["two"], "only the documents matching the most words");
}

#[test]
fn typing_the_start_of_a_word_suggests_completions_by_frequency() {
    let bytes = index(&[("a", "T", "Kellogg and Kelley."), ("b", "T", "Kellogg again.")]);
    let s = Searcher::open(&bytes).unwrap();
    let got: Vec<(String, u32)> =
        s.suggest("envoy kel", 5).unwrap().into_iter().map(|x| (x.query, x.documents)).collect();
    assert_eq!(got, [("envoy kellogg".to_string(), 2), ("envoy kelley".to_string(), 1)]);
    assert!(s.suggest("envoy ", 5).unwrap().is_empty(), "nothing to complete after a space");
}

#[test]
fn excerpts_mark_fuzzy_stem_and_alias_forms() {
    let bytes = index(&[("a", "T", "Witkoff imposed sanctions in Kyiv.")]);
    let found = search(&bytes, "witkof sanction kiev ");
    let hit = &found.results[0];
    let units: Vec<u16> = hit.excerpt.text.encode_utf16().collect();
    let marked: Vec<String> = hit
        .excerpt
        .marks
        .iter()
        .map(|m| String::from_utf16_lossy(&units[m[0] as usize..m[1] as usize]))
        .collect();
    assert_eq!(marked, ["Witkoff", "sanctions", "Kyiv"]);
}

#[test]
fn a_dateline_dates_a_document_without_metadata() {
    let bytes =
        index(&[("wire", "Strikes", "KYIV, Aug 29, 2025 (Reuters) - Strikes hit the capital overnight.")]);
    let found = search(&bytes, "strikes");
    assert_eq!(found.results[0].date.as_deref(), Some("2025-08-29"));
}

#[test]
fn a_rare_real_word_is_not_drowned_in_its_frequent_neighbours() {
    // "basf" is rare but real; "bass" is one edit away and common. Short rare words stay exact.
    let mut docs = vec![("basf", "Chemicals", "BASF reported profits.")];
    let texts: Vec<String> = (0..30).map(|i| format!("The bass line of song {i}.")).collect();
    let ids_: Vec<String> = (0..30).map(|i| format!("bass{i}")).collect();
    for (id, text) in ids_.iter().zip(&texts) {
        docs.push((id, "Music", text));
    }
    let bytes = index(&docs);
    assert_eq!(ids(&search(&bytes, "basf ")), ["basf"]);
}

#[test]
fn derived_words_are_not_stem_variants() {
    let bytes = index(&[
        ("a", "T", "The authorities said no."),
        ("b", "T", "The authors said no."),
        ("c", "T", "One authority said no."),
    ]);
    let mut got = ids(&search(&bytes, "authorities ")).into_iter().map(String::from).collect::<Vec<_>>();
    got.sort();
    assert_eq!(got, ["a", "c"]);
}
