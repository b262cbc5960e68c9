//! Entities on the default corpus, through the run-time API (what the page and CLI show).
//! Extraction itself is tested case by case in `src/entities/tests.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{seed, seeds_index};
use dossier::format::Kind;
use dossier::query::entities::ListOptions;
use dossier::query::{SearchOptions, Searcher};

#[test]
fn searching_one_spelling_finds_and_marks_every_spelling_of_the_person() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let found = s.search("Zelensky ", &SearchOptions::default()).unwrap();
    assert_eq!(found.total, 5);
    let in_004 = found.results.iter().find(|r| r.id == seed("004")).unwrap();
    let title = common::marked(&in_004.title, &in_004.title_marks);
    assert_eq!(title, ["Zelenskiy"], "004 spells him Zelenskiy");
    let doc = s.document(seed("000"), "Zelensky").unwrap();
    assert!(common::marked(&doc.text, &doc.marks).iter().any(|m| m == "Zelenskyy’s"));
}

#[test]
fn the_entity_page_has_aliases_documents_contexts_and_cooccurring_entities() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let e = s.entity("person:keith-kellogg", Some(100)).unwrap();
    assert_eq!((e.name.as_str(), e.kind), ("Keith Kellogg", Kind::Person));
    let mut docs: Vec<&str> = e.documents.iter().map(|d| d.id.as_str()).collect();
    docs.sort();
    assert_eq!(docs, [seed("000"), seed("002"), seed("004")]);
    assert_eq!(e.contexts.len() as u32, e.mentions);
    for c in &e.contexts {
        let mark = common::marked(&c.text, &[c.mark]);
        assert!(mark[0] == "Kellogg" || mark[0] == "Keith Kellogg", "{mark:?} in {}", c.text);
        assert!(c.text.len() < 600, "a sentence, not the document");
    }
    let co: Vec<&str> = e.cooccurring.iter().map(|c| c.name.as_str()).collect();
    assert!(co.contains(&"Volodymyr Zelenskyy") && co.contains(&"Donald Trump"), "{co:?}");
    assert!(e.cooccurring.windows(2).all(|w| w[0].documents >= w[1].documents));
    assert!(s.entity("person:nobody", None).is_err());
}

#[test]
fn entity_lists_filter_by_kind_and_sort_by_mentions() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let people = s
        .entities(&ListOptions { kind: Some(Kind::Person), limit: Some(5), ..ListOptions::default() })
        .unwrap();
    assert!(people.total >= 15, "{}", people.total);
    assert_eq!(people.entities[0].name, "Volodymyr Zelenskyy");
    assert!(people.entities.iter().all(|e| e.kind == Kind::Person));
    assert!(people.entities.windows(2).all(|w| w[0].mentions >= w[1].mentions));
    let named = s.entities(&ListOptions { name: Some("kello".into()), ..ListOptions::default() }).unwrap();
    assert_eq!(named.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Keith Kellogg"]);
}

#[test]
fn search_results_carry_facet_counts_and_filter_by_entity() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let found = s.search("kellogg", &SearchOptions::default()).unwrap();
    let people = found.facets.iter().find(|f| f.kind == Kind::Person).unwrap();
    let kellogg = people.entities.iter().find(|v| v.id == "person:keith-kellogg").unwrap();
    assert_eq!(kellogg.count, 3, "mentioned in all three results");

    // Kushner appears only in 004: filtering the Kellogg results by him leaves 004.
    let only = SearchOptions { entities: vec!["person:jared-kushner".into()], ..SearchOptions::default() };
    let filtered = s.search("kellogg", &only).unwrap();
    assert_eq!(filtered.results.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), [seed("004")]);
    // An empty query with a filter browses every document passing it.
    assert_eq!(s.search("", &only).unwrap().total, 1);
    assert!(s
        .search("", &SearchOptions { entities: vec!["person:nobody".into()], ..SearchOptions::default() })
        .is_err());
}

#[test]
fn dates_filter_and_the_timeline_counts_undated_documents() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    // Only 003 carries a date (2025-08-29).
    let august = SearchOptions {
        from: Some("2025-08".into()),
        to: Some("2025-08".into()),
        ..SearchOptions::default()
    };
    assert_eq!(
        s.search("", &august).unwrap().results.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [seed("003")]
    );
    let undated = SearchOptions { undated: true, ..SearchOptions::default() };
    assert_eq!(s.search("kellogg", &undated).unwrap().total, 3);
    // 003 (dated 2025-08-29) speaks of Wednesday and Thursday before it and of Sept. 9: the
    // timeline runs day by day from Aug 27 to Sep 9; its mention of the 2022 invasion is
    // history, outside the margin.
    let t = s.timeline("", &SearchOptions::default()).unwrap();
    assert_eq!((t.granularity, t.undated), ("day", 4));
    let period = |p: &str| t.buckets.iter().find(|b| b.period == p).unwrap();
    assert_eq!(t.buckets.first().map(|b| b.period.as_str()), Some("2025-08-27"));
    assert_eq!(t.buckets.last().map(|b| b.period.as_str()), Some("2025-09-09"));
    assert_eq!(period("2025-08-29").documents, 1);
    assert!(period("2025-08-29").mentions >= 1, "003 mentions its own date");
    assert!(period("2025-09-09").mentions >= 1 && period("2025-09-09").documents == 0);
}

#[test]
fn a_search_asking_for_its_timeline_gets_what_timeline_gives() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let kellogg =
        s.entities(&ListOptions { name: Some("kellogg".into()), ..ListOptions::default() }).unwrap();
    let kellogg = kellogg.entities[0].id.clone();
    let filters = [
        SearchOptions::default(),
        SearchOptions { entities: vec![kellogg], ..SearchOptions::default() },
        // Date filters narrow the results, not the timeline (it shows where the period sits).
        SearchOptions {
            from: Some("2025-08".into()),
            to: Some("2025-08".into()),
            ..SearchOptions::default()
        },
        SearchOptions { undated: true, ..SearchOptions::default() },
    ];
    for query in ["", "ukraine", "kellogg witkoff", "\"security guarantees\"", "zelen", "nothingmatches "] {
        for options in &filters {
            let expected = format!("{:?}", s.timeline(query, options).unwrap());
            let asked = SearchOptions { timeline: true, ..options.clone() };
            let got = s.search(query, &asked).unwrap();
            assert_eq!(format!("{:?}", got.timeline.unwrap()), expected, "{query:?} {options:?}");
            let without = s.search(query, options).unwrap();
            assert_eq!(format!("{:?}", without.results), format!("{:?}", got.results), "{query:?}");
            assert!(without.timeline.is_none());
        }
    }
}

#[test]
fn the_reader_gets_every_entity_mention_with_its_kind() {
    let bytes = seeds_index();
    let s = Searcher::open(&bytes).unwrap();
    let doc = s.document(seed("002"), "").unwrap();
    let names: Vec<(&str, String)> = doc
        .entities
        .iter()
        .map(|m| {
            let text =
                if m.field == dossier::format::entities::Field::Title { &doc.title } else { &doc.text };
            (m.id.as_str(), common::marked(text, &[m.mark]).remove(0))
        })
        .collect();
    assert!(names.contains(&("person:dan-driscoll", "Dan Driscoll".into())), "{names:?}");
    assert!(names.contains(&("person:randy-george", "Randy George".into())), "title stripped: {names:?}");
    assert!(doc.entities.windows(2).all(|w| w[0].field != w[1].field || w[0].mark[1] <= w[1].mark[0]));
}
