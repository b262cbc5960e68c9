//! CSV/TSV exports, RSS and Atom feeds, DOCX and PDF: what each gives, and how each bad
//! file is refused. Fixtures are built here (the zip crate for DOCX, hand-written PDF).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{pdf, zip};

use dossier::ingest::{self, CsvField, Document, IngestOptions, Report};

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-formats-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(paths: &[PathBuf], options: &IngestOptions) -> (Vec<Document>, Report) {
    let mut documents = Vec::new();
    let report = ingest::ingest_with_options(paths, options, &mut |d| documents.push(d), &mut |_| {});
    (documents, report)
}

fn ingest_file(dir: &Path, name: &str, bytes: &[u8]) -> (Vec<Document>, Report) {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    run(&[path], &IngestOptions::default())
}

fn reasons(report: &Report) -> Vec<String> {
    report
        .skipped
        .iter()
        .map(|s| match s.line {
            Some(line) => format!("{line}: {}", s.reason),
            None => s.reason.clone(),
        })
        .collect()
}

// --- CSV and TSV ---------------------------------------------------------------------------

#[test]
fn a_csv_export_gives_a_document_a_row_with_columns_found_by_name() {
    let dir = scratch("csv");
    let csv = "ID,Headline,Published At,Body,Link,Outlet,Byline\n\
               a1,Port reopens,2025-03-04,\"Ships entered the harbour.\n\nA second paragraph, with a comma.\",https://e.example/a1,Harbour Times,Ana Ruiz\n\
               a2,,2025-02-30,Rates were held at 4 percent on Thursday. More text.,,,\n\
               a3,Empty,2025-01-01,,,,\n";
    let (documents, report) = ingest_file(&dir, "export.csv", csv.as_bytes());
    assert_eq!(documents.len(), 2, "{report:?}");
    let first = &documents[0];
    assert_eq!((first.id.as_str(), first.title.as_str()), ("a1", "Port reopens"));
    assert_eq!(first.text, "Ships entered the harbour.\n\nA second paragraph, with a comma.");
    assert_eq!(first.date.as_deref(), Some("2025-03-04"));
    assert_eq!(first.url.as_deref(), Some("https://e.example/a1"));
    assert_eq!(first.source.as_deref(), Some("Harbour Times"));
    assert_eq!(first.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(
        documents[1].title, "Rates were held at 4 percent on Thursday. More text.",
        "title from the text"
    );
    assert_eq!(
        documents[1].text, "Rates were held at 4 percent on Thursday. More text.",
        "the text stays whole"
    );
    assert!(report.warnings[0].message.contains("2025-02-30"), "{:?}", report.warnings);
    assert_eq!(reasons(&report), ["6: empty text"], "the row's line, counting the quoted newlines");
}

#[test]
fn a_tsv_file_and_a_column_map_for_other_names() {
    let dir = scratch("tsv");
    let tsv = "slug\thed\tcopy\tpaper\nx-1\tMayor resigns\tThe mayor resigned on Monday.\tCity Post\n";
    let path = dir.join("cms.tsv");
    fs::write(&path, tsv).unwrap();
    let (documents, report) = run(std::slice::from_ref(&path), &IngestOptions::default());
    assert!(documents.is_empty());
    assert_eq!(
        reasons(&report),
        ["no text column (looked for text, body, content, article, story, fulltext, articlebody; map one with \
          --csv-columns text=NAME); columns: slug, hed, copy, paper"]
    );
    let columns = ingest::parse_column_map("text=copy,title=hed,id=slug,source=paper").unwrap();
    let options = IngestOptions { csv_columns: columns, ..IngestOptions::default() };
    let (documents, report) = run(&[path], &options);
    assert!(report.skipped.is_empty(), "{report:?}");
    let document = &documents[0];
    assert_eq!((document.id.as_str(), document.title.as_str()), ("x-1", "Mayor resigns"));
    assert_eq!(document.text, "The mayor resigned on Monday.");
    assert_eq!(document.source.as_deref(), Some("City Post"));
    assert_eq!(
        ingest::parse_column_map("text=missing").map(|map| map[0].0),
        Ok(CsvField::Text),
        "a map parses before any file is read"
    );
}

#[test]
fn a_mapped_column_that_is_absent_skips_the_file_naming_its_columns() {
    let dir = scratch("csv-missing");
    let path = dir.join("a.csv");
    fs::write(&path, "title,text\nT,Body\n").unwrap();
    let options = IngestOptions {
        csv_columns: ingest::parse_column_map("text=story").unwrap(),
        ..IngestOptions::default()
    };
    let (_, report) = run(&[path], &options);
    assert_eq!(reasons(&report), ["no column \"story\" for text (columns: title, text)"]);
}

#[test]
fn a_windows_1252_csv_is_decoded() {
    let dir = scratch("csv-1252");
    let (documents, report) =
        ingest_file(&dir, "a.csv", b"title,text\nCaf\xe9,Le caf\xe9 est ferm\xe9 depuis lundi.\n");
    assert_eq!(documents[0].title, "Café");
    assert_eq!(documents[0].text, "Le café est fermé depuis lundi.");
    assert!(report.warnings[0].message.contains("windows-1252 (guessed)"));
}

// --- RSS and Atom --------------------------------------------------------------------------

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>The Harbour Times &#8211; News</title>
  <link>https://harbour.example/</link>
  <atom:link href="https://harbour.example/feed" rel="self"/>
  <description>Latest news</description>
  <item>
    <title>Port strike ends</title>
    <link>https://harbour.example/port</link>
    <guid isPermaLink="false">port-1</guid>
    <pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
    <dc:creator><![CDATA[Ana Ruiz]]></dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Dock workers voted to end the strike.</p><p>Ships entered on <b>Tuesday</b>.</p><script>x()</script>]]></content:encoded>
  </item>
  <item>
    <title>Rates &amp; prices</title>
    <link>https://harbour.example/rates</link>
    <pubDate>Wed, 05 Mar 2025 09:00:00 +0100</pubDate>
    <author>desk@harbour.example (Li Wei)</author>
    <description>&lt;p&gt;The bank held rates.&lt;/p&gt;&lt;p&gt;Second&amp;nbsp;paragraph.&lt;/p&gt;</description>
    <source url="https://wire.example/rss">Wire Service</source>
  </item>
</channel>
</rss>
"#;

#[test]
fn an_rss_feed_gives_a_document_an_item() {
    let dir = scratch("rss");
    let (documents, report) = ingest_file(&dir, "harbour.rss", RSS.as_bytes());
    assert!(report.skipped.is_empty(), "{report:?}");
    assert_eq!(documents.len(), 2);
    let first = &documents[0];
    assert_eq!(first.id, "harbour:8", "file stem and the line of the item");
    assert_eq!(first.title, "Port strike ends");
    assert_eq!(first.url.as_deref(), Some("https://harbour.example/port"));
    assert_eq!(first.date.as_deref(), Some("2025-03-04"));
    assert_eq!(first.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(first.source.as_deref(), Some("The Harbour Times – News"), "the feed's title");
    assert_eq!(
        first.text, "Dock workers voted to end the strike.\n\nShips entered on Tuesday.",
        "content:encoded wins"
    );
    let second = &documents[1];
    assert_eq!(second.title, "Rates & prices");
    assert_eq!(second.text, "The bank held rates.\n\nSecond paragraph.", "escaped HTML is stripped");
    assert_eq!(second.author.as_deref(), Some("Li Wei"));
    assert_eq!(second.source.as_deref(), Some("Wire Service"), "the item's <source>");
}

#[test]
fn an_atom_feed_gives_a_document_an_entry() {
    let dir = scratch("atom");
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Metro Post</title>
  <link rel="self" href="https://metro.example/atom"/>
  <entry>
    <title type="html">Council &lt;em&gt;approves&lt;/em&gt; budget</title>
    <link rel="alternate" type="text/html" href="https://metro.example/budget"/>
    <link rel="enclosure" href="https://metro.example/budget.mp3"/>
    <id>tag:metro.example,2024:budget</id>
    <updated>2024-11-03T10:00:00Z</updated>
    <published>2024-11-02T18:30:00Z</published>
    <author><name>Kim Lee</name><email>kim@metro.example</email></author>
    <summary>Summary only.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The council approved the budget.</p><p>Nine voted &lt;for&gt; it.</p></div></content>
  </entry>
</feed>"#;
    let (documents, report) = ingest_file(&dir, "metro.atom", atom.as_bytes());
    assert!(report.skipped.is_empty(), "{report:?}");
    let entry = &documents[0];
    assert_eq!(entry.title, "Council approves budget");
    assert_eq!(entry.url.as_deref(), Some("https://metro.example/budget"));
    assert_eq!(entry.date.as_deref(), Some("2024-11-02"), "published before updated");
    assert_eq!(entry.author.as_deref(), Some("Kim Lee"));
    assert_eq!(entry.source.as_deref(), Some("Metro Post"));
    assert_eq!(entry.text, "The council approved the budget.\n\nNine voted <for> it.", "XHTML paragraphs");
}

#[test]
fn a_broken_feed_keeps_the_items_before_the_error_and_other_xml_is_not_a_feed() {
    let dir = scratch("feed-bad");
    let cut = RSS.find("<item>\n    <title>Rates").unwrap();
    let broken = format!("{}<item><title>Broken</title></wrong>", &RSS[..cut]);
    let (documents, report) = ingest_file(&dir, "broken.rss", broken.as_bytes());
    assert_eq!(documents.len(), 1);
    let reason = &reasons(&report)[0];
    assert!(reason.starts_with("17: XML error: ill-formed document: expected `</item>`"), "{reason}");
    assert!(
        reason.ends_with("the rest of the feed is skipped; the 1 item(s) before it are kept"),
        "{reason}"
    );
    let (documents, report) =
        ingest_file(&dir, "sitemap.xml", b"<?xml version='1.0'?><urlset><url/></urlset>");
    assert!(documents.is_empty());
    assert_eq!(
        reasons(&report),
        ["an XML file that is not an RSS or Atom feed (its root is not <rss> or <feed>)"]
    );
    let (_, report) = ingest_file(&dir, "feed.xml", RSS.as_bytes());
    assert!(report.skipped.is_empty(), "a feed named .xml is read");
}

#[test]
fn an_xml_entity_bomb_in_a_feed_is_not_expanded() {
    let dir = scratch("feed-bomb");
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss><channel><item><title>Bomb</title><description>&c;&c;&c;&c;</description></item></channel></rss>"#;
    let (documents, _) = ingest_file(&dir, "bomb.rss", bomb.as_bytes());
    assert_eq!(documents[0].title, "Bomb");
    assert!(documents[0].text.len() < 100, "{}", documents[0].text);
}

// --- DOCX ----------------------------------------------------------------------------------

const DOCUMENT_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Styled title</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Reporters </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>met</w:t></w:r><w:r><w:t xml:space="preserve"> the minister &amp; aides.</w:t></w:r></w:p>
<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t><w:tab/><w:t>tabbed</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>
</w:body></w:document>"#;

const CORE_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>Minister meets reporters</dc:title><dc:creator>Sam Okoro</dc:creator></cp:coreProperties>"#;

#[test]
fn a_docx_gives_its_paragraphs_and_core_title_and_author() {
    let dir = scratch("docx");
    let docx =
        zip(&[("word/document.xml", DOCUMENT_XML.as_bytes()), ("docProps/core.xml", CORE_XML.as_bytes())]);
    let (documents, report) = ingest_file(&dir, "memo.docx", &docx);
    assert!(report.skipped.is_empty(), "{report:?}");
    let document = &documents[0];
    assert_eq!(document.title, "Minister meets reporters");
    assert_eq!(document.author.as_deref(), Some("Sam Okoro"));
    assert_eq!(document.text, "Reporters met the minister & aides.\n\nLine one\nline two tabbed");
    let docx = zip(&[("word/document.xml", DOCUMENT_XML.as_bytes())]);
    let (documents, _) = ingest_file(&dir, "nocore.docx", &docx);
    assert_eq!(documents[0].title, "Styled title", "without core.xml, the paragraph styled Title");
}

#[test]
fn a_docx_zip_bomb_is_refused_before_it_is_expanded() {
    let dir = scratch("docx-bomb");
    let zeros = vec![b' '; 80 * 1024 * 1024];
    let bomb = zip(&[("word/document.xml", &zeros)]);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let started = std::time::Instant::now();
    let (documents, report) = ingest_file(&dir, "bomb.docx", &bomb);
    assert!(documents.is_empty());
    assert_eq!(
        reasons(&report),
        ["word/document.xml would expand to 83886080 bytes (limit 64 MiB); refused as a zip bomb"]
    );
    let ratio = zip(&[("word/document.xml", &zeros[..8 * 1024 * 1024])]);
    let (_, report) = ingest_file(&dir, "ratio.docx", &ratio);
    assert!(reasons(&report)[0].contains("refused as a zip bomb"), "{:?}", reasons(&report));
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn files_that_are_not_docx_are_skipped_with_the_reason() {
    let dir = scratch("docx-bad");
    let (_, report) =
        ingest_file(&dir, "encrypted.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest of an OLE file");
    assert!(reasons(&report)[0].starts_with("encrypted or legacy Word file"), "{:?}", reasons(&report));
    let (_, report) = ingest_file(&dir, "text.docx", b"just text");
    assert!(reasons(&report)[0].starts_with("not a DOCX (zip) file: "), "{:?}", reasons(&report));
    let (_, report) = ingest_file(&dir, "other.docx", &zip(&[("hello.txt", b"hi")]));
    assert_eq!(reasons(&report), ["not a Word document (no word/document.xml in the zip)"]);
    let truncated = zip(&[("word/document.xml", DOCUMENT_XML.as_bytes())]);
    let (_, report) = ingest_file(&dir, "cut.docx", &truncated[..truncated.len() / 2]);
    assert!(reasons(&report)[0].starts_with("not a DOCX (zip) file: "), "{:?}", reasons(&report));
}

// --- PDF -----------------------------------------------------------------------------------

#[test]
fn a_pdf_gives_the_text_of_its_pages() {
    let dir = scratch("pdf");
    let bytes = pdf(&["Budget talks resume", "The finance minister met unions on Monday."], None);
    let (documents, report) = ingest_file(&dir, "report.pdf", &bytes);
    assert!(report.skipped.is_empty(), "{report:?}");
    let document = &documents[0];
    assert_eq!(document.title, "Budget talks resume");
    assert!(document.text.contains("The finance minister met unions on Monday."), "{:?}", document.text);
    let titled = pdf(&["Body text of the report."], Some("Annual press freedom report"));
    let (documents, _) = ingest_file(&dir, "titled.pdf", &titled);
    assert_eq!(documents[0].title, "Annual press freedom report");
    assert_eq!(documents[0].author.as_deref(), Some("Desk"));
}

#[test]
fn truncated_encrypted_and_textless_pdfs_are_skipped_with_the_reason() {
    let dir = scratch("pdf-bad");
    let whole = pdf(&["Some text here"], None);
    let (documents, report) = ingest_file(&dir, "cut.pdf", &whole[..whole.len() / 3]);
    assert!(documents.is_empty(), "{documents:?}");
    let reason = &reasons(&report)[0];
    assert_eq!(reason, "truncated PDF (no %%EOF at its end) and no text could be read from it");
    let encrypted = String::from_utf8(pdf(&["Secret"], None)).unwrap().replace(
        "/Root 1 0 R",
        "/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) \
         /U (fedcba9876543210fedcba9876543210) /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
    );
    let (documents, report) = ingest_file(&dir, "locked.pdf", encrypted.as_bytes());
    assert!(documents.is_empty(), "{documents:?}");
    assert!(reasons(&report)[0].contains("encrypted PDF"), "{:?}", reasons(&report));
    let (_, report) = ingest_file(&dir, "blank.pdf", &pdf(&[], None));
    assert_eq!(reasons(&report), ["no text layer (a scanned PDF?)"]);
    let (_, report) = ingest_file(&dir, "fake.pdf", b"<html>not a pdf</html>");
    assert_eq!(reasons(&report), ["not a PDF (no %PDF- header)"]);
}

#[test]
fn any_bytes_as_docx_or_pdf_never_panic() {
    let dir = scratch("garbage");
    let docx = zip(&[("word/document.xml", DOCUMENT_XML.as_bytes())]);
    let pdf = pdf(&["Garbage test"], None);
    let mut seed = 0x2545_f491_u32;
    for round in 0..40 {
        for (name, original) in [("g.docx", &docx), ("g.pdf", &pdf)] {
            let mut bytes = original.clone();
            for _ in 0..(1 + round % 8) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let at = seed as usize % bytes.len();
                bytes[at] = (seed >> 24) as u8;
            }
            let (documents, report) = ingest_file(&dir, name, &bytes);
            assert_eq!(documents.len() + report.skipped.len(), 1, "{name} round {round}: {report:?}");
        }
    }
}
