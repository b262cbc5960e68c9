//! A sharded index answers like the embedded file it was cut from, fetching only the shards a
//! request needs. Shards are made tiny here so that every request spans several of them.

mod common;

use std::collections::HashMap;

use dossier::format::{Error as FormatError, Index, LoadedShards, Root};
use dossier::query::{SearchOptions, Searcher};
use dossier::shard::{split, ShardOptions, ROOT};
use dossier::Error;

/// Tiny pieces: a handful of terms a part, one or two articles a document part, two ids a part,
/// two documents' lengths a part, the widening table in a shard of its own.
const TINY: ShardOptions = ShardOptions {
    term_part_bytes: 2048,
    doc_part_bytes: 4000,
    ids_per_part: 2,
    root_norm_bytes: 0,
    norm_part_bytes: 12,
    root_widening_bytes: 0,
};

/// [`TINY`], but with the lengths and the widening table in the root (as for a corpus of up
/// to about 10,000 articles with the default options).
const TINY_ROOT: ShardOptions =
    ShardOptions { root_norm_bytes: 64 * 1024, root_widening_bytes: 16 * 1024, ..TINY };

/// At most this many rounds of fetching per request (each asks for everything it misses).
const ROUNDS: usize = 8;

/// A page's view of a sharded index: the files on the "server" and the ones fetched so far.
struct Client {
    root: Root,
    server: HashMap<String, Vec<u8>>,
    cache: LoadedShards,
    fetched: Vec<String>,
    /// Shards the page could not load, with why (as engine.js marks them failed).
    refused: Vec<(String, FormatError)>,
}

impl Client {
    fn new(embedded: &[u8], options: &ShardOptions) -> Client {
        let mut server: HashMap<String, Vec<u8>> = split(embedded, options).unwrap().into_iter().collect();
        let root = Root::read(server.remove(ROOT).unwrap()).unwrap();
        Client { root, server, cache: LoadedShards::new(), fetched: Vec::new(), refused: Vec::new() }
    }

    /// Runs `f` as the page does: on `NeedShards`, fetch them and ask again; a shard the server
    /// lacks (HTTP 404) or that `addShard` refuses is marked failed. Returns the answer and the
    /// number of rounds it took.
    fn ask<T>(&mut self, f: impl Fn(&Searcher) -> dossier::Result<T>) -> (dossier::Result<T>, usize) {
        for round in 1..=ROUNDS {
            let answer = {
                let index = Index::open_sharded(&self.root, &self.cache).unwrap();
                f(&Searcher::new(index))
            };
            match answer {
                Err(Error::Format(FormatError::NeedShards(names))) => {
                    assert!(!names.is_empty());
                    for name in names {
                        assert!(!self.fetched.contains(&name), "asked twice for {name}");
                        self.fetched.push(name.clone());
                        let Some(bytes) = self.server.get(&name) else {
                            self.cache.fail(&name, "HTTP 404");
                            continue;
                        };
                        if let Err(e) = self.cache.add(&self.root, &name, bytes.clone()) {
                            self.cache.fail(&name, &e.to_string());
                            self.refused.push((name, e));
                        }
                    }
                }
                other => return (other, round),
            }
        }
        panic!("still missing shards after {ROUNDS} rounds");
    }

    /// Exchanges the bytes of two files on the server.
    fn swap(&mut self, a: &str, b: &str) {
        let (x, y) = (self.server.remove(a).unwrap(), self.server.remove(b).unwrap());
        self.server.insert(a.to_string(), y);
        self.server.insert(b.to_string(), x);
    }
}

fn options(limit: usize) -> SearchOptions {
    SearchOptions { limit: Some(limit), facet_limit: Some(0), ..SearchOptions::default() }
}

#[test]
fn search_finds_the_same_documents_and_excerpts_as_the_embedded_index() {
    let embedded = common::seeds_index();
    let whole = Searcher::open(&embedded).unwrap();
    let mut client = Client::new(&embedded, &TINY);
    assert!(client.server.len() > 20, "tiny parts should make many shards");
    let queries = [
        "kellogg ",
        "witkof ",
        "kiev ",
        "\"security guarantees\" ",
        "sanction ",
        "russia's ",
        "Russia’s ",
        "trump OR putin ",
        "ukraine -kellogg ",
        "negot",
        "zz nothing matches this ",
    ];
    for q in queries {
        let want = whole.search(q, &options(10)).unwrap();
        let (got, _) = client.ask(|s| s.search(q, &options(10)));
        let got = got.unwrap();
        assert_eq!(got.total, want.total, "{q:?}");
        assert_eq!(got.partial, want.partial, "{q:?}");
        let mut want_ids: Vec<&str> = want.results.iter().map(|r| r.id.as_str()).collect();
        let mut got_ids: Vec<&str> = got.results.iter().map(|r| r.id.as_str()).collect();
        want_ids.sort();
        got_ids.sort();
        assert_eq!(got_ids, want_ids, "{q:?}");
        for hit in &got.results {
            let same = want.results.iter().find(|w| w.id == hit.id).unwrap();
            assert_eq!(hit.excerpt, same.excerpt, "{q:?} in {}", hit.id);
            assert_eq!(hit.title_marks, same.title_marks, "{q:?} in {}", hit.id);
        }
    }
}

#[test]
fn a_query_fetches_only_the_shards_it_reads() {
    let embedded = common::seeds_index();
    // Lengths and widening table in parts of their own: round 1 fetches the term part of
    // "kellogg" (and of its stem's range) and the widening shard; round 2 the length parts of
    // the matching documents; round 3 the document parts of the three results; round 4 answers.
    let mut client = Client::new(&embedded, &TINY);
    let (found, rounds) = client.ask(|s| s.search("kellogg ", &options(3)));
    assert_eq!(found.unwrap().results.len(), 3);
    assert_eq!(rounds, 4, "{:?}", client.fetched);
    assert!(client.fetched.iter().any(|n| n.starts_with('n')), "{:?}", client.fetched);
    assert!(client.fetched.contains(&client.root.manifest().widening), "{:?}", client.fetched);
    // Lengths and widening table in the root: round 1 the term parts; round 2 the document
    // parts; round 3 answers.
    let mut client = Client::new(&embedded, &TINY_ROOT);
    let (found, rounds) = client.ask(|s| s.search("kellogg ", &options(3)));
    assert_eq!(found.unwrap().results.len(), 3);
    assert_eq!(rounds, 3, "{:?}", client.fetched);
    assert!(client.root.manifest().widening.is_empty() && client.root.manifest().norm_parts == 0);
    let documents = client.fetched.iter().filter(|n| n.starts_with('d') && n.contains('-')).count();
    assert!((1..=3).contains(&documents), "{:?}", client.fetched);
    assert!(client.fetched.len() < client.server.len() / 3, "{:?}", client.fetched);
    // Warm: the same query needs nothing more.
    let before = client.fetched.len();
    let (_, rounds) = client.ask(|s| s.search("kellogg ", &options(3)));
    assert_eq!((rounds, client.fetched.len()), (1, before));
}

#[test]
fn a_word_in_the_index_is_not_looked_for_among_typos_while_its_range_loads() {
    // Typo correction scans the whole dictionary (its dictionary parts); a word whose own
    // range is not loaded yet must not look like a word that matches nothing.
    // Parts of 256 bytes: several ranges per two letters.
    let embedded = common::seeds_index();
    for word in ["kellogg", "security", "president", "sanctions", "zelenskyy", "minister", "military"] {
        let mut client = Client::new(&embedded, &ShardOptions { term_part_bytes: 256, ..TINY });
        let (found, _) = client.ask(|s| s.search(&format!("{word} "), &options(1)));
        assert!(found.unwrap().total > 0, "{word}");
        let terms: Vec<&String> = client.fetched.iter().filter(|n| n.starts_with('t')).collect();
        assert!(terms.len() <= 2, "{word}: {terms:?}");
        let dictionary: Vec<&String> = client.fetched.iter().filter(|n| n.starts_with('w')).collect();
        assert!(dictionary.is_empty(), "{word} is no typo: {dictionary:?}");
    }
}

#[test]
fn reader_entities_timeline_related_and_suggestions_match_the_embedded_index() {
    let embedded = common::seeds_index();
    let whole = Searcher::open(&embedded).unwrap();
    let mut client = Client::new(&embedded, &TINY);
    let id = whole.search("kellogg", &options(1)).unwrap().results[0].id.clone();

    let want = whole.document(&id, "kellogg").unwrap();
    let got = client.ask(|s| s.document(&id, "kellogg")).0.unwrap();
    assert_eq!((got.text, got.marks, got.entities.len()), (want.text, want.marks, want.entities.len()));

    let got = client.ask(|s| s.suggest("kel", 5)).0.unwrap();
    let want = whole.suggest("kel", 5).unwrap();
    assert_eq!(format!("{got:?}"), format!("{want:?}"));

    let list = whole.entities(&Default::default()).unwrap();
    let got = client.ask(|s| s.entities(&Default::default())).0.unwrap();
    assert_eq!(format!("{got:?}"), format!("{list:?}"));
    let first = &list.entities[0].id;
    let got = client.ask(|s| s.entity(first, None)).0.unwrap();
    assert_eq!(format!("{got:?}"), format!("{:?}", whole.entity(first, None).unwrap()));

    let got = client.ask(|s| s.timeline("ukraine", &SearchOptions::default())).0.unwrap();
    assert_eq!(
        format!("{got:?}"),
        format!("{:?}", whole.timeline("ukraine", &SearchOptions::default()).unwrap())
    );
    let got = client.ask(|s| s.related(&id)).0.unwrap();
    assert_eq!(format!("{got:?}"), format!("{:?}", whole.related(&id).unwrap()));

    let missing = client.ask(|s| s.document("no-such-id", "")).0;
    assert!(matches!(missing, Err(Error::NoSuchDocument(_))), "{missing:?}");
}

#[test]
fn paged_entity_mentions_documents_and_graph_match_the_embedded_index() {
    use dossier::format::Kind;
    use dossier::query::entity_page::{GraphOptions, PageOptions, PageSort};
    let embedded = common::seeds_index();
    let whole = Searcher::open(&embedded).unwrap();
    let list = whole.entities(&Default::default()).unwrap();
    let page = |offset, sort, filter: Option<&str>| PageOptions {
        offset,
        limit: Some(3),
        sort,
        filter: filter.map(str::to_string),
    };
    for entity in list.entities.iter().take(4) {
        let id = entity.id.as_str();
        // A fresh client for each: every call fetches what it needs from nothing.
        for (offset, sort, filter) in [
            (0, PageSort::Relevance, None),
            (3, PageSort::Newest, None),
            (0, PageSort::Oldest, Some("the")),
            (6, PageSort::Relevance, Some("ukraine")),
        ] {
            let options = page(offset, sort, filter);
            let mut client = Client::new(&embedded, &TINY);
            let got = client.ask(|s| s.entity_mentions(id, &options)).0.unwrap();
            assert_eq!(format!("{got:?}"), format!("{:?}", whole.entity_mentions(id, &options).unwrap()));
            let mut client = Client::new(&embedded, &TINY);
            let got = client.ask(|s| s.entity_documents(id, &options)).0.unwrap();
            assert_eq!(format!("{got:?}"), format!("{:?}", whole.entity_documents(id, &options).unwrap()));
            if filter.is_none() {
                // Unfiltered, a page reads only the document parts of what it shows.
                let docs = client.fetched.iter().filter(|n| n.starts_with('d') && n.contains('-')).count();
                assert!(docs <= 3, "{id} {options:?}: {:?}", client.fetched);
            }
        }
        let mut client = Client::new(&embedded, &TINY);
        let got = client.ask(|s| s.entity_info(id)).0.unwrap();
        assert_eq!(format!("{got:?}"), format!("{:?}", whole.entity_info(id).unwrap()));
        for options in [
            GraphOptions::default(),
            GraphOptions { limit: Some(4), hide_hubs: true, kinds: vec![Kind::Person, Kind::Place] },
        ] {
            let mut client = Client::new(&embedded, &TINY);
            let got = client.ask(|s| s.entity_graph(id, &options)).0.unwrap();
            assert_eq!(format!("{got:?}"), format!("{:?}", whole.entity_graph(id, &options).unwrap()));
            assert!(
                !client.fetched.iter().any(|n| n.starts_with('d') && n.contains('-')),
                "the graph reads no document: {:?}",
                client.fetched
            );
        }
    }
    let mut client = Client::new(&embedded, &TINY);
    let missing = client.ask(|s| s.entity_graph("person:nobody", &GraphOptions::default())).0;
    assert!(matches!(missing, Err(Error::NoSuchEntity(_))), "{missing:?}");
}

#[test]
fn a_batch_matches_the_embedded_index_in_as_many_rounds_as_one_search() {
    use dossier::query::batch::BatchOptions;
    let embedded = common::seeds_index();
    let whole = Searcher::open(&embedded).unwrap();
    let lines = "Keith Kellogg\nkyiv\nsecurity guarantees\nZelensky\nqzxqjvv\nSteve Witkoff\n";
    let want = whole.batch(lines, &BatchOptions { exact: true }).unwrap();
    assert!(want.rows[0].entity.is_some() && want.rows[0].documents == 3, "{want:?}");
    let mut client = Client::new(&embedded, &TINY);
    let (got, rounds) = client.ask(|s| s.batch(lines, &BatchOptions { exact: true }));
    assert_eq!(format!("{:?}", got.unwrap()), format!("{want:?}"));
    let mut single = Client::new(&embedded, &TINY);
    let (_, one) = single.ask(|s| s.search("security guarantees ", &options(0)));
    assert!(rounds <= one + 2, "{rounds} rounds for the batch, {one} for one search");
}

#[test]
fn an_empty_index_shards_into_a_root_that_opens() {
    let empty = dossier::indexer::Indexer::new().finish().unwrap();
    let mut client = Client::new(&empty, &TINY);
    let (found, _) = client.ask(|s| s.search("kellogg ", &options(10)));
    assert_eq!(found.unwrap().total, 0);
}

#[test]
fn a_damaged_shard_is_refused() {
    let embedded = common::seeds_index();
    let files = split(&embedded, &TINY).unwrap();
    for (name, bytes) in files.iter().take(5) {
        let mut bad = bytes.clone();
        let mid = bad.len() / 2;
        bad[mid] ^= 0x55;
        assert!(dossier::format::verify_checksum(&bad).is_err(), "{name}");
    }
    let root = &files.iter().find(|(n, _)| n == ROOT).unwrap().1;
    assert!(Index::open(root).is_err(), "a root is not an embedded index");
    for cut in [0, 10, root.len() / 2, root.len() - 5] {
        assert!(Root::read(root[..cut].to_vec()).is_err(), "cut at {cut}");
    }
    let mut flipped = root.clone();
    flipped[root.len() / 2] ^= 0x55;
    assert!(Root::read(flipped).is_err(), "a damaged root");
}

/// The document part of the document with this id, by the embedded index's ordinals.
fn doc_part_of(embedded: &[u8], client: &Client, id: &str) -> String {
    let ordinal = Index::open(embedded).unwrap().docs().ordinal(id).unwrap();
    let m = client.root.manifest();
    m.doc_part_name(ordinal / m.docs_per_part)
}

/// The error's message, which the page shows.
fn message<T: std::fmt::Debug>(answer: dossier::Result<T>) -> String {
    match answer {
        Err(e) => e.to_string(),
        Ok(v) => panic!("an answer from mixed-up parts: {v:?}"),
    }
}

#[test]
fn two_term_parts_swapped_on_the_host_are_refused_by_name_not_searched() {
    let embedded = common::seeds_index();
    let mut client = Client::new(&embedded, &TINY);
    let m = client.root.manifest().clone();
    let kellogg = m.term_part_name(dossier::format::shards::part_of(&m.term_firsts, b"kellogg"));
    let other = m.term_part_name(0);
    assert_ne!(kellogg, other);
    client.swap(&kellogg, &other);

    let found = message(client.ask(|s| s.search("kellogg ", &options(3))).0);
    assert!(found.contains(&format!("index part {kellogg} holds {other}")), "{found}");
    assert!(found.contains("mixed up; rebuild or re-upload"), "{found}");
    let refused: Vec<&FormatError> = client.refused.iter().map(|(_, e)| e).collect();
    assert_eq!(refused, [&FormatError::WrongPart { name: kellogg.clone(), holds: Some(other.clone()) }]);
}

#[test]
fn two_document_parts_swapped_never_open_another_article() {
    let embedded = common::seeds_index();
    let whole = Searcher::open(&embedded).unwrap();
    let mut client = Client::new(&embedded, &TINY);
    let id = whole.search("kellogg", &options(1)).unwrap().results[0].id.clone();
    let part = doc_part_of(&embedded, &client, &id);
    let other = (0..client.root.manifest().doc_parts)
        .map(|p| client.root.manifest().doc_part_name(p))
        .find(|n| *n != part)
        .unwrap();
    client.swap(&part, &other);

    let read = message(client.ask(|s| s.document(&id, "kellogg")).0);
    assert!(
        read.contains(&format!("index part {part} failed to load: index part {part} holds {other}")),
        "{read}"
    );
    // The search lists the article unavailable in its place, never another one's text.
    let (found, _) = client.ask(|s| s.search("kellogg ", &options(10)));
    let found = found.unwrap();
    let want = whole.search("kellogg ", &options(10)).unwrap();
    assert_eq!((found.total, found.results.len()), (want.total, want.results.len()));
    let unavailable: Vec<_> = found.results.iter().filter_map(|r| r.unavailable.as_ref()).collect();
    assert!(!unavailable.is_empty() && unavailable.iter().all(|u| u.part == part), "{unavailable:?}");
    for hit in found.results.iter().filter(|r| r.unavailable.is_none()) {
        let same = want.results.iter().find(|w| w.id == hit.id).unwrap();
        assert_eq!((&hit.title, &hit.excerpt), (&same.title, &same.excerpt));
    }
}

#[test]
fn a_content_named_shard_with_other_bytes_is_refused_by_name() {
    let embedded = common::seeds_index();
    let mut client = Client::new(&embedded, &TINY);
    let m = client.root.manifest().clone();
    client.swap(&m.entities, &m.related);
    let first =
        Searcher::open(&embedded).unwrap().entities(&Default::default()).unwrap().entities[0].id.clone();

    let page = message(client.ask(|s| s.entity(&first, None)).0);
    assert!(page.contains(&format!("index part {} holds {}", m.entities, m.related)), "{page}");
    assert!(!page.contains("no entity"), "a refused part is not an unknown entity: {page}");
    let listed = client.ask(|s| s.entities(&Default::default())).0;
    assert!(
        matches!(listed, Err(Error::Format(FormatError::PartFailed { ref name, .. })) if *name == m.entities)
    );
}

#[test]
fn a_part_of_an_older_build_is_refused_by_name() {
    let embedded = common::seeds_index();
    let older = common::index_of(&common::root().join("corpus/000_e9dab112098231ab.txt"));
    let old_files: HashMap<String, Vec<u8>> = split(&older, &TINY).unwrap().into_iter().collect();
    let old_root = Root::read(old_files[ROOT].clone()).unwrap();
    let old_t0 = old_root.manifest().term_part_name(0);

    let mut client = Client::new(&embedded, &TINY);
    // Every shard of a build passes.
    for (name, bytes) in &client.server {
        client.root.verify_part(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let t0 = client.root.manifest().term_part_name(0);
    assert_ne!(t0, old_t0, "another build, another suffix");
    client.server.insert(t0.clone(), old_files[&old_t0].clone());
    let error = client.root.verify_part(&t0, &client.server[&t0]).unwrap_err();
    assert_eq!(error, FormatError::WrongPart { name: t0.clone(), holds: Some(old_t0) });
    // A numbered part with no PART section (a build before parts were labelled) is refused too.
    let unlabelled = dossier::format::IndexWriter::new().finish().unwrap();
    let error = client.root.verify_part(&t0, &unlabelled).unwrap_err();
    assert_eq!(error, FormatError::WrongPart { name: t0.clone(), holds: None });
    assert!(error.to_string().contains("older build"), "{error}");
    // A name the root does not list.
    let error = client.root.verify_part("t999999-000000000000.dsr", &unlabelled).unwrap_err();
    assert_eq!(error, FormatError::UnknownPart("t999999-000000000000.dsr".into()));
}

#[test]
fn a_missing_document_part_costs_its_results_not_the_search() {
    let embedded = common::seeds_index();
    let whole = Searcher::open(&embedded).unwrap();
    let want = whole.search("kellogg ", &options(10)).unwrap();
    let mut client = Client::new(&embedded, &TINY);
    let lost = want.results[1].id.clone();
    let part = doc_part_of(&embedded, &client, &lost);
    client.server.remove(&part);

    let found = client.ask(|s| s.search("kellogg ", &options(10))).0.unwrap();
    assert_eq!((found.total, found.results.len()), (want.total, want.results.len()));
    let mut shown = 0;
    for hit in &found.results {
        match &hit.unavailable {
            Some(why) => assert_eq!((why.part.as_str(), why.reason.as_str()), (part.as_str(), "HTTP 404")),
            None => {
                assert_ne!(hit.id, lost);
                shown += 1;
            }
        }
    }
    assert!(shown > 0 && shown < found.results.len(), "some shown, the lost one not: {shown}");
    let json = serde_json::to_value(&found.results).unwrap();
    assert!(json.as_array().unwrap().iter().any(|r| r["unavailable"]["part"] == part.as_str()), "{json}");

    // The reader says what happened, not "no such document".
    let read = client.ask(|s| s.document(&lost, "")).0;
    assert_eq!(
        read.unwrap_err(),
        Error::Format(FormatError::PartFailed { name: part.clone(), reason: "HTTP 404".into() })
    );
    // A missing term part is an error naming it, never "nothing matches".
    let m = client.root.manifest().clone();
    let putin = m.term_part_name(dossier::format::shards::part_of(&m.term_firsts, b"putin"));
    client.server.remove(&putin);
    let found = message(client.ask(|s| s.search("putin ", &options(10))).0);
    assert_eq!(found, format!("index part {putin} failed to load: HTTP 404"));
}

#[test]
fn a_missing_entities_shard_is_not_an_entity_that_does_not_exist() {
    let embedded = common::seeds_index();
    let first =
        Searcher::open(&embedded).unwrap().entities(&Default::default()).unwrap().entities[0].id.clone();
    let mut client = Client::new(&embedded, &TINY);
    let entities = client.root.manifest().entities.clone();
    client.server.remove(&entities);
    let page = client.ask(|s| s.entity(&first, None)).0;
    assert_eq!(
        page.unwrap_err(),
        Error::Format(FormatError::PartFailed { name: entities, reason: "HTTP 404".into() })
    );
}

/// The golden queries (`tests/fixtures/golden/seeds_search.json`, what the embedded index and
/// the wasm build answer) give the same JSON on a sharded split of the seeds index, lengths
/// and widening table in parts and shards of their own or in the root: ids, order, scores
/// (serialized as the shortest decimal that reads back as the same f64, so equal text is equal
/// bits), excerpts and facets. Typo queries included (the sharded index scans its whole
/// dictionary, in dictionary parts).
#[test]
fn golden_queries_answer_the_same_json_sharded() {
    let embedded = common::seeds_index();
    let path = common::root().join("tests/fixtures/golden/seeds_search.json");
    let golden: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(golden.len() >= 20);
    for options in [TINY, TINY_ROOT] {
        let mut client = Client::new(&embedded, &options);
        for (q, want) in &golden {
            let (got, _) = client.ask(|s| s.search(q, &SearchOptions::default()));
            assert_eq!(&serde_json::to_value(got.unwrap()).unwrap(), want, "{q:?}");
        }
    }
}

/// Properties: a sharded index answers like the embedded one it was cut from.
mod parity {
    use super::*;
    use dossier::indexer::Indexer;
    use dossier::ingest::Document;
    use proptest::prelude::*;

    /// Words of the generated corpora: common words (two share a stem), and names, with cues
    /// and spellings that make entities with one-word aliases (`Zelensky`, `Zelenskyy`,
    /// `Zelenskiy` are one person, so a search for one widens to the others).
    const PIECES: &[&str] = &[
        "talks",
        "talk",
        "peace",
        "envoy",
        "sanctions",
        "minister",
        "said",
        "Kyiv",
        "Kiev",
        "President Volodymyr Zelenskyy",
        "Zelensky",
        "Zelenskiy",
        "Mr. Zelenskyy",
        "envoy Keith Kellogg",
        "Kellogg",
        "President Vladimir Putin",
        "Putin",
        "Moscow",
        "Steve Witkoff",
        "Witkoff",
        ".",
    ];

    /// Lowercase query words: those of the corpora, and one it never holds.
    const WORDS: &[&str] = &[
        "talks",
        "talk",
        "peace",
        "envoy",
        "sanctions",
        "minister",
        "said",
        "kyiv",
        "kiev",
        "zelenskyy",
        "zelensky",
        "zelenskiy",
        "volodymyr",
        "president",
        "kellogg",
        "keith",
        "putin",
        "vladimir",
        "moscow",
        "witkoff",
        "steve",
        "absent",
    ];

    /// `word` misspelled, in one of its first two letters or further on (`b` picks how).
    fn typo(word: &str, b: usize) -> String {
        let mut chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        match b % 4 {
            0 => {
                chars.remove(1.min(chars.len() - 1));
            }
            1 => chars[0] = 'x',
            2 => chars.insert(1, 'q'),
            _ => chars.swap(n - 1, n - 2),
        }
        chars.into_iter().collect()
    }

    /// One query part: a word, an excluded word, a two-word phrase, `OR` between two words,
    /// a prefix (the first letters of a word, last in the query), or a misspelled word.
    fn part(kind: u8, a: usize, b: usize) -> String {
        let (a, b_word) = (WORDS[a % WORDS.len()], WORDS[b % WORDS.len()]);
        match kind {
            0 => format!("-{a} "),
            1 => format!("\"{a} {b_word}\" "),
            2 => format!("{a} OR {b_word} "),
            3 => a[..a.len().min(3)].to_string(),
            5 => format!("{} ", typo(a, b)),
            _ => format!("{a} "),
        }
    }

    fn corpus() -> impl Strategy<Value = Vec<(Vec<usize>, Vec<usize>, u8)>> {
        let doc = (
            prop::collection::vec(0..PIECES.len(), 0..5),
            prop::collection::vec(0..PIECES.len(), 0..50),
            0u8..4,
        );
        prop::collection::vec(doc, 1..14)
    }

    fn shard_options() -> impl Strategy<Value = ShardOptions> {
        (64usize..600, 1usize..3000, 1usize..4, any::<bool>(), 1usize..4, any::<bool>()).prop_map(
            |(term, doc, ids, norm_in_root, norm_docs, wide_in_root)| ShardOptions {
                term_part_bytes: term,
                doc_part_bytes: doc,
                ids_per_part: ids,
                root_norm_bytes: if norm_in_root { usize::MAX } else { 0 },
                norm_part_bytes: norm_docs * 6,
                root_widening_bytes: if wide_in_root { usize::MAX } else { 0 },
            },
        )
    }

    /// Added to every generated corpus: enough mentions of one person spelled three ways for
    /// the entity extractor to make them one entity, whose one-word aliases widen a search.
    const NAMES: &str = "Zelenskiy said. Mr. Zelenskyy said. Ukraine's President Volodymyr Zelensky met \
                         envoy Keith Kellogg. Kellogg said.";

    /// The index of `docs`, then a document of [`NAMES`].
    fn build(docs: &[(Vec<usize>, Vec<usize>, u8)]) -> Vec<u8> {
        let text = |ws: &[usize]| ws.iter().map(|&w| PIECES[w]).collect::<Vec<_>>().join(" ");
        let mut ix = Indexer::new();
        ix.add(Document::new("names", "Talks", NAMES)).unwrap();
        for (i, (title, body, day)) in docs.iter().enumerate() {
            let mut d = Document::new(format!("d{i}"), text(title), text(body));
            d.date = Some(format!("2025-08-{:02}", 20 + day));
            ix.add(d).unwrap();
        }
        ix.finish().unwrap()
    }

    proptest! {
        // 64 cases in `cargo test`; `DOSSIER_FUZZ_CASES=N` for a longer run.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("DOSSIER_FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
            ..ProptestConfig::default()
        })]

        /// Every query gives the same JSON in both layouts: the same ids in the same order with
        /// the same scores (exact f64 equality: both layouts run the same arithmetic on the same
        /// inputs in the same order — postings, lengths and widening forms are equal, not
        /// approximated — so the bits agree; JSON prints the shortest decimal that reads back as
        /// the same f64), totals, partial flags, corrections ("did you mean"), suggestions,
        /// excerpts and facets. Shards are loaded on demand as the page does. Typo queries
        /// included (misspelled in their first two letters too): a sharded index scans its
        /// whole dictionary, as the embedded one does; each query is also asked with typo
        /// correction off.
        #[test]
        fn sharded_and_embedded_answer_every_query_alike(
            docs in corpus(),
            options in shard_options(),
            queries in prop::collection::vec(
                prop::collection::vec((0u8..7, 0..WORDS.len(), 0..WORDS.len()), 1..4),
                1..6,
            ),
        ) {
            let embedded = build(&docs);
            let whole = Searcher::open(&embedded).unwrap();
            let mut client = Client::new(&embedded, &options);
            let exact = SearchOptions { limit: Some(100), no_correction: true, ..SearchOptions::default() };
            let corrected = SearchOptions { no_correction: false, ..exact.clone() };
            for (parts, search) in queries.iter().flat_map(|p| [(p, &corrected), (p, &exact)]) {
                // A prefix only as the last part.
                let mut parts: Vec<(u8, usize, usize)> = parts.clone();
                let last = parts.len() - 1;
                for p in &mut parts[..last] {
                    if p.0 == 3 {
                        p.0 = 4;
                    }
                }
                let q: String = parts.iter().map(|&(k, a, b)| part(k, a, b)).collect();
                let want = serde_json::to_value(whole.search(&q, search).unwrap()).unwrap();
                let (got, _) = client.ask(|s| s.search(&q, search));
                prop_assert_eq!(serde_json::to_value(got.unwrap()).unwrap(), want, "{:?}", q);
            }
        }
    }

    /// The generated corpora do exercise widening: a name spelled three ways is one entity,
    /// and a search for one spelling finds the others, in both layouts.
    #[test]
    fn generated_names_widen_in_both_layouts() {
        let piece = |name: &str| PIECES.iter().position(|p| *p == name).unwrap();
        let (zelenskyy, said) = (piece("Mr. Zelenskyy"), piece("said"));
        let docs = vec![(vec![], vec![zelenskyy, said], 0), (vec![said], vec![said], 2)];
        let embedded = build(&docs);
        let index = Index::open(&embedded).unwrap();
        assert_eq!(index.alias_forms("zelenskiy"), ["zelenskyy"]);
        let whole = Searcher::open(&embedded).unwrap();
        let search = SearchOptions { no_correction: true, ..SearchOptions::default() };
        let want = whole.search("zelenskiy ", &search).unwrap();
        let mut ids: Vec<&str> = want.results.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["d0", "names"], "d0 spells it zelenskyy");
        for options in [TINY, TINY_ROOT] {
            let mut client = Client::new(&embedded, &options);
            let got = client.ask(|s| s.search("zelenskiy ", &search)).0.unwrap();
            assert_eq!(serde_json::to_value(got).unwrap(), serde_json::to_value(&want).unwrap());
        }
    }
}
