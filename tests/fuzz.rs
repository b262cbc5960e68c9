//! Property-based fuzzing of everything that reads untrusted input: the query parser and
//! search (any string), the index decoder (corrupted and truncated bytes), and the ingest
//! parsers (any bytes as .txt, .md, .html, .jsonl, .csv, .tsv, .rss, .atom, .xml, .docx,
//! .pdf). Each property must hold for every input: no panic, and an error (not garbage) for
//! bad index bytes.
//!
//! Budget: `PROPTEST_CASES` cases per property (proptest's default, 256, in `cargo test`;
//! `DOSSIER_FUZZ_CASES=100000 cargo test --release --test fuzz` for a long run). Failing
//! inputs are kept by proptest in `tests/fuzz.proptest-regressions` and replayed first on
//! every run.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::{mpsc, OnceLock};
use std::time::Duration;

use dossier::format::Index;
use dossier::indexer::Indexer;
use dossier::ingest;
use dossier::query::{SearchOptions, Searcher};
use proptest::prelude::*;

fn seeds() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(common::seeds_index)
}

fn config() -> ProptestConfig {
    let cases = std::env::var("DOSSIER_FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Query-like strings: operators, quotes, words from the corpus, Unicode oddities.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("-".to_string()),
        Just(" OR ".to_string()),
        Just(" NOT ".to_string()),
        Just(" AND ".to_string()),
        Just("'s".to_string()),
        Just("\u{200f}".to_string()),
        Just("🙂".to_string()),
        prop::sample::select(vec![
            "kellogg",
            "zelensky",
            "kyiv",
            "witkof",
            "security",
            "guarantees",
            "x",
            "expert-level"
        ])
        .prop_map(str::to_string),
        "\\PC{0,12}",
        "[a-z]{1,10}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.join(" "))
}

/// Pieces of article text: words, names, punctuation, and characters that once broke the
/// build (a word character that is not a letter before a full stop looped the entity
/// tokenizer), between arbitrary Unicode.
fn article_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "١.",
            "½.",
            "①.",
            "\u{fffd}.",
            "²",
            "U.S.",
            "e.g.",
            "Mr.",
            "Trump's",
            "O'Neill",
            "’s",
            "Kyiv",
            "Zelenskyy",
            " ",
            "\n",
            "\n\n",
            ". ",
            ", ",
            "\"",
            "-",
            "—",
            "(",
            ")",
            "#",
            "[",
            "*",
            "2017-01-20",
            "Jan. 20, 2017",
            "Donald J. Trump",
            "A.",
            "x.",
            "\u{200f}",
            "🙂",
        ])
        .prop_map(str::to_string),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "\\PC{0,16}",
    ]
}

/// Runs `work` on its own thread: `Err` if it panics or takes longer than `limit` (a hang
/// fails the test instead of stalling CI).
fn within<T: Send + 'static>(
    limit: Duration,
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(limit) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("did not finish in {limit:?}")),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("panicked".to_string()),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_query_searches_without_panicking(q in query(), limit in 0usize..30, offset in 0usize..10) {
        let s = Searcher::open_trusted(seeds()).unwrap();
        let found = s.search(&q, &SearchOptions { limit: Some(limit), offset, ..SearchOptions::default() }).unwrap();
        prop_assert!(found.results.len() <= limit);
        for hit in &found.results {
            let units = hit.excerpt.text.encode_utf16().count() as u32;
            prop_assert!(hit.excerpt.marks.iter().all(|m| m[0] < m[1] && m[1] <= units));
        }
        let _ = s.suggest(&q, 5);
        let _ = s.timeline(&q, &SearchOptions::default()).unwrap();
        let _ = s.document(common::seed("003"), &q).unwrap();
    }

    #[test]
    fn any_unicode_string_searches_without_panicking(q in "\\PC{0,200}") {
        let s = Searcher::open_trusted(seeds()).unwrap();
        s.search(&q, &SearchOptions::default()).unwrap();
    }

    #[test]
    fn corrupted_index_bytes_are_refused_by_the_checksum(at in 0usize..100_000, xor in 1u8..=255) {
        let mut bytes = seeds().to_vec();
        let at = at % bytes.len();
        bytes[at] ^= xor;
        prop_assert!(Searcher::open(&bytes).is_err());
    }

    #[test]
    fn truncated_or_extended_index_bytes_are_refused(len in 0usize..100_000, tail in prop::collection::vec(any::<u8>(), 0..16)) {
        let mut bytes = seeds()[..len % seeds().len()].to_vec();
        bytes.extend_from_slice(&tail);
        prop_assert!(Searcher::open(&bytes).is_err());
        let _ = Index::open(&bytes).map(|i| i.meta().doc_count);
    }

    #[test]
    fn random_bytes_are_not_an_index(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert!(Searcher::open(&bytes).is_err());
    }

    #[test]
    fn any_bytes_in_any_supported_format_ingest_without_panicking(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        text in "\\PC{0,400}",
        ext in prop::sample::select(vec!["txt", "md", "html", "jsonl", "csv", "tsv", "rss", "atom", "xml", "docx", "pdf"]),
    ) {
        let dir = common::scratch(&format!("fuzz-ingest-{ext}"));
        let raw = dir.join(format!("raw.{ext}"));
        let utf8 = dir.join(format!("text.{ext}"));
        std::fs::write(&raw, &bytes).unwrap();
        std::fs::write(&utf8, text.as_bytes()).unwrap();
        let mut docs = 0;
        let report = ingest::ingest(&[raw, utf8], &mut |_| docs += 1);
        prop_assert_eq!(report.documents, docs);
    }

    #[test]
    fn any_text_goes_through_ingest_index_and_search(
        pieces in prop::collection::vec(article_piece(), 0..40),
        title in "\\PC{0,40}",
        ext in prop::sample::select(vec!["txt", "md", "html", "jsonl"]),
    ) {
        let text = pieces.concat();
        let file = match ext {
            "jsonl" => serde_json::json!({"id": "a", "title": title, "text": text}).to_string(),
            "html" => format!("<title>{title}</title><p>{text}</p>"),
            _ => format!("{title}\n\n{text}"),
        };
        let words: Vec<String> = text.split_whitespace().take(3).map(str::to_string).collect();
        let hits = within(Duration::from_secs(30), move || -> Result<Vec<usize>, String> {
            let dir = common::scratch(&format!("fuzz-e2e-{ext}"));
            let path = dir.join(format!("article.{ext}"));
            std::fs::write(&path, file).map_err(|e| e.to_string())?;
            let mut indexer = Indexer::new();
            let mut failure = None;
            ingest::ingest(&[path], &mut |d| if let Err(e) = indexer.add(d) { failure = Some(e.to_string()) });
            if let Some(e) = failure {
                return Err(e);
            }
            if indexer.is_empty() {
                return Ok(Vec::new());
            }
            let bytes = indexer.finish().map_err(|e| e.to_string())?;
            let searcher = Searcher::open(&bytes).map_err(|e| e.to_string())?;
            let mut hits = Vec::new();
            for q in words.iter().chain(std::iter::once(&words.join(" "))) {
                hits.push(searcher.search(q, &SearchOptions::default()).map_err(|e| e.to_string())?.results.len());
                searcher.suggest(q, 5).map_err(|e| e.to_string())?;
            }
            searcher.entities(&Default::default()).map_err(|e| e.to_string())?;
            Ok(hits)
        });
        let hits = hits.map_err(TestCaseError::fail)?;
        prop_assert!(hits.iter().all(|&n| n <= 1));
    }

    #[test]
    fn html_shaped_input_never_leaks_script_text(body in "[a-z <>/=\"']{0,80}") {
        let dir = common::scratch("fuzz-html");
        let path = dir.join("page.html");
        let html = format!("<html><head><title>T</title><script>SECRET{body}</script></head><body><p>{body}</p><style>STYLE{body}</style></body></html>");
        std::fs::write(&path, html).unwrap();
        let mut texts = Vec::new();
        ingest::ingest(&[path], &mut |d| texts.push(d.text));
        for t in texts {
            prop_assert!(!t.contains("SECRET") && !t.contains("STYLE"), "{t:?}");
        }
    }
}
