//! Saved news pages (fixtures in `tests/fixtures/news/`, modeled on real news-site
//! templates): one test per extraction rule, through the public `ingest` API.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use dossier::ingest::{self, Document, Report};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news").join(name)
}

fn one(name: &str) -> (Document, Report) {
    let mut documents = Vec::new();
    let report = ingest::ingest(&[fixture(name)], &mut |document| documents.push(document));
    assert_eq!(documents.len(), 1, "{name}: {report:?}");
    (documents.remove(0), report)
}

fn harbour() -> Document {
    one("harbour-times.html").0
}

#[test]
fn the_article_body_is_kept_in_order() {
    assert_eq!(
        harbour().text,
        "Dock workers in Northport voted on Monday to end a strike that had halted container traffic for three \
         weeks, after the port authority agreed to a new pay deal.\n\n\
         The agreement, reached late on Sunday, raises wages by 6 percent this year and guarantees crews of at \
         least four on every crane, the union said.\n\n\
         “This is a fair result for families who went without pay,” said Maria Lund, the union's regional \
         secretary.\n\n\
         Ships waiting offshore began entering the harbour on Tuesday morning."
    );
}

#[test]
fn navigation_header_footer_and_search_form_are_dropped() {
    let text = harbour().text;
    for furniture in ["Business", "Sport", "Skip to content", "All rights reserved", "Privacy", "Search"] {
        assert!(!text.contains(furniture), "{furniture:?} leaked: {text}");
    }
}

#[test]
fn the_cookie_banner_is_dropped() {
    let text = harbour().text;
    assert!(!text.contains("cookies") && !text.contains("Accept all"), "{text}");
}

#[test]
fn related_stories_share_bar_newsletter_promo_and_comments_are_dropped() {
    let text = harbour().text;
    for furniture in
        ["Southport", "Share on", "morning briefing", "newsletter", "1 euro", "Comments", "Most read"]
    {
        assert!(!text.contains(furniture), "{furniture:?} leaked: {text}");
    }
}

#[test]
fn json_ld_gives_headline_date_authors_and_publisher() {
    let document = harbour();
    assert_eq!(document.title, "Port strike ends after three weeks");
    assert_eq!(document.date.as_deref(), Some("2025-03-04"));
    assert_eq!(document.author.as_deref(), Some("Ana Ruiz, Tomas Berg"));
    assert_eq!(document.source.as_deref(), Some("The Harbour Times"));
}

#[test]
fn the_canonical_link_is_the_url() {
    assert_eq!(harbour().url.as_deref(), Some("https://www.harbourtimes.example/news/port-strike-ends"));
}

#[test]
fn without_an_article_element_the_block_with_the_most_paragraph_text_wins() {
    let (document, _) = one("div-soup.html");
    assert!(document.text.starts_with("The city council approved a budget"), "{}", document.text);
    assert!(document.text.ends_with("would regret them."), "{}", document.text);
    for furniture in ["Road closures", "Weather", "ethics policy"] {
        assert!(!document.text.contains(furniture), "{furniture:?} leaked: {}", document.text);
    }
}

#[test]
fn teaser_article_cards_do_not_win_over_the_story_they_sit_beside() {
    let (document, _) = one("teaser-cards.html");
    assert_eq!(document.title, "Bridge reopens after repairs");
    assert!(document.text.contains("The Old Mill bridge reopened"), "{}", document.text);
    assert!(document.text.ends_with("welcomed the news."), "{}", document.text);
    assert!(!document.text.contains("superintendent"), "{}", document.text);
}

#[test]
fn meta_pubdate_and_byline_without_json_ld_and_a_short_site_suffix_is_removed() {
    let (document, _) = one("div-soup.html");
    assert_eq!(document.title, "Council approves budget");
    assert_eq!(document.date.as_deref(), Some("2024-11-02"));
    assert_eq!(document.author.as_deref(), Some("Kim Lee"));
    assert_eq!(document.source, None, "no site name and no url");
}

#[test]
fn a_windows_1252_page_is_decoded_by_its_http_equiv_charset() {
    let (document, report) = one("legacy-1252.html");
    assert_eq!(document.title, "Café owners protest new terrace rules");
    assert!(document.text.contains("quartier Saint-Éloi ont manifesté jeudi"), "{}", document.text);
    assert!(document.text.contains("qu’ils jugent « injustes »"), "{}", document.text);
    assert!(!document.text.contains("Accueil"), "table navigation dropped: {}", document.text);
    assert_eq!(document.source.as_deref(), Some("Le Journal du Quartier"));
    assert!(report.warnings.is_empty(), "a declared charset is no guess: {:?}", report.warnings);
}

#[test]
fn an_undeclared_windows_1252_text_file_is_guessed_and_the_guess_reported() {
    let (document, report) = one("undeclared-1252.txt");
    assert_eq!(document.title, "Café owners protest");
    assert!(
        document.text.contains("« injustes »") && document.text.contains("l’association"),
        "{}",
        document.text
    );
    assert_eq!(report.warnings.len(), 1);
    assert!(
        report.warnings[0].message.contains("decoded as windows-1252 (guessed)"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn the_source_falls_back_to_the_url_host() {
    let dir = std::env::temp_dir().join(format!("dossier-news-host-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("host.html");
    std::fs::write(
        &page,
        "<link rel=canonical href='https://www.example.org:8080/a?b'><p>Text of the page.</p>",
    )
    .unwrap();
    let mut documents = Vec::new();
    ingest::ingest(&[page], &mut |document| documents.push(document));
    assert_eq!(documents[0].source.as_deref(), Some("example.org"));
    std::fs::remove_dir_all(&dir).unwrap();
}
