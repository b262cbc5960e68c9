//! A sharded index answers like the embedded file it was cut from, fetching only the shards a
//! request needs. Shards are made tiny here so that every request spans several of them.

mod common;

use std::collections::HashMap;

use dossier::format::{Error as FormatError, Index, Root};
use dossier::query::{SearchOptions, Searcher};
use dossier::shard::{split, ShardOptions, ROOT};
use dossier::Error;

/// Tiny pieces: a handful of terms a part, one or two articles a document part, two ids a part.
const TINY: ShardOptions = ShardOptions { term_part_bytes: 2048, doc_part_bytes: 4000, ids_per_part: 2 };

/// A page's view of a sharded index: the files on the "server" and the ones fetched so far.
struct Client {
    root: Root,
    server: HashMap<String, Vec<u8>>,
    cache: HashMap<String, Vec<u8>>,
    fetched: Vec<String>,
}

impl Client {
    fn new(embedded: &[u8], options: &ShardOptions) -> Client {
        let mut server: HashMap<String, Vec<u8>> = split(embedded, options).unwrap().into_iter().collect();
        let root = Root::read(server.remove(ROOT).unwrap()).unwrap();
        Client { root, server, cache: HashMap::new(), fetched: Vec::new() }
    }

    /// Runs `f` as the page does: on `NeedShards`, fetch them and ask again. Returns the answer
    /// and the number of rounds it took.
    fn ask<T>(&mut self, f: impl Fn(&Searcher) -> dossier::Result<T>) -> (dossier::Result<T>, usize) {
        for round in 1..=6 {
            let answer = {
                let index = Index::open_sharded(&self.root, &self.cache).unwrap();
                f(&Searcher::new(index))
            };
            match answer {
                Err(Error::Format(FormatError::NeedShards(names))) => {
                    assert!(!names.is_empty());
                    for name in names {
                        assert!(!self.cache.contains_key(&name), "asked twice for {name}");
                        let bytes = self.server.get(&name).unwrap_or_else(|| panic!("no shard {name}"));
                        dossier::format::verify_checksum(bytes).unwrap();
                        self.cache.insert(name.clone(), bytes.clone());
                        self.fetched.push(name);
                    }
                }
                other => return (other, round),
            }
        }
        panic!("still missing shards after 6 rounds");
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
    let mut client = Client::new(&embedded, &TINY);
    let (found, rounds) = client.ask(|s| s.search("kellogg ", &options(3)));
    assert_eq!(found.unwrap().results.len(), 3);
    // Round 1: the term part of "kellogg" (and of its stem's range); round 2: the document
    // parts of the three results; round 3 answers.
    assert_eq!(rounds, 3);
    let documents = client.fetched.iter().filter(|n| n.starts_with('d')).count();
    assert!((1..=3).contains(&documents), "{:?}", client.fetched);
    assert!(client.fetched.len() < client.server.len() / 3, "{:?}", client.fetched);
    // Warm: the same query needs nothing more.
    let before = client.fetched.len();
    let (_, rounds) = client.ask(|s| s.search("kellogg ", &options(3)));
    assert_eq!((rounds, client.fetched.len()), (1, before));
}

#[test]
fn a_word_in_the_index_is_not_looked_for_among_typos_while_its_range_loads() {
    // Typo correction scans every term range sharing the word's first two letters; a word
    // whose own range is not loaded yet must not look like a word that matches nothing.
    // Parts of 256 bytes: several ranges per two letters.
    let embedded = common::seeds_index();
    for word in ["kellogg", "security", "president", "sanctions", "zelenskyy", "minister", "military"] {
        let mut client = Client::new(&embedded, &ShardOptions { term_part_bytes: 256, ..TINY });
        let (found, _) = client.ask(|s| s.search(&format!("{word} "), &options(1)));
        assert!(found.unwrap().total > 0, "{word}");
        let terms: Vec<&String> = client.fetched.iter().filter(|n| n.starts_with('t')).collect();
        assert!(terms.len() <= 2, "{word}: {terms:?}");
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
