//! Hostile corpora: every bad input is reported with its reason, no valid document is lost,
//! nothing from scripts or styles reaches the index, and the same corpus always builds the
//! same bytes. The outcome of every case is written to `docs/hostile-inputs.md` (rewrite it
//! with `DOSSIER_BLESS=1`; the test fails if the committed table no longer matches).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::Path;

use dossier::indexer::Indexer;
use dossier::ingest::{self, Document, Report};
use dossier::query::{SearchOptions, Searcher};

/// One row of the table: the case, what was fed in, and what happened.
struct Row {
    case: &'static str,
    input: String,
    outcome: String,
}

fn build(paths: &[std::path::PathBuf]) -> (Vec<Document>, Report, Vec<u8>) {
    let mut docs = Vec::new();
    let mut ix = Indexer::new();
    let report = ingest::ingest(paths, &mut |d| {
        docs.push(d.clone());
        ix.add(d).unwrap();
    });
    (docs, report, ix.finish().unwrap())
}

fn skipped_reason(report: &Report, file: &str) -> String {
    report
        .skipped
        .iter()
        .filter(|s| s.path.file_name().is_some_and(|n| n == file))
        .map(|s| match s.line {
            Some(l) => format!("line {l}: {}", s.reason),
            None => s.reason.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn a_hostile_corpus_loses_no_valid_document_and_names_every_skipped_input() {
    let dir = common::scratch("hostile-corpus");
    let c = dir.join("corpus");
    fs::create_dir_all(c.join("tiny")).unwrap();
    let mut rows: Vec<Row> = Vec::new();
    let mut expected_docs = 0usize;

    write(&c, "latin1.txt", b"Caf\xe9 au lait\nUn texte en Latin-1.");
    expected_docs += 1;
    write(&c, "empty.txt", b"");
    write(&c, "blank.md", b"  \n\t\n");
    write(&c, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    fs::File::create(c.join("huge.txt")).unwrap().set_len(100 * 1024 * 1024).unwrap();
    std::os::unix::fs::symlink(c.join("does-not-exist.txt"), c.join("dangling.txt")).unwrap();
    write(&c, "bom-crlf.txt", b"\xef\xbb\xbfBOM and CRLF title\r\nFirst line.\r\nSecond line.\r\n");
    expected_docs += 1;
    write(&c, "story.txt", b"Same id as a markdown file\nText of the txt.");
    write(&c, "story.md", b"# Same id as a text file\n\nText of the md.");
    expected_docs += 2;
    write(
        &c,
        "feed.jsonl",
        b"{\"id\":\"j1\",\"title\":\"One\",\"text\":\"First record.\"}\n{broken json\n\"a string, not an object\"\n{\"id\":\"j4\",\"title\":\"Four\",\"text\":\"\"}\n{\"id\":\"j5\",\"title\":\"Five\",\"text\":\"Fifth record.\"}\n",
    );
    expected_docs += 2;
    write(
        &c,
        "xss.html",
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; title</title><style>body{x:1}</style>\
         <script>window.__pwned=1</script></head><body><p>Look <img src=x onerror=\"window.__pwned=2\">here \
         <a href=\"javascript:alert(3)\">link</a></p><p>&lt;/textarea&gt;&lt;svg onload=alert(4)&gt; and \
         Kyіv with a Cyrillic і, \u{202e}reversed\u{202c}.</p><script>unclosed"
            .as_bytes(),
    );
    expected_docs += 1;
    rustix::fs::mkfifoat(rustix::fs::CWD, c.join("pipe.txt"), rustix::fs::Mode::from_raw_mode(0o644))
        .unwrap();
    let deep_name = "a-folder-name-thirty-bytes-xyz";
    {
        use rustix::fs::{mkdirat, openat, Mode, OFlags};
        let mut fd = openat(rustix::fs::CWD, &c, OFlags::DIRECTORY | OFlags::RDONLY, Mode::empty()).unwrap();
        for _ in 0..300 {
            mkdirat(&fd, deep_name, Mode::from_raw_mode(0o755)).unwrap();
            fd = openat(&fd, deep_name, OFlags::DIRECTORY | OFlags::RDONLY, Mode::empty()).unwrap();
        }
        let file =
            openat(&fd, "deep-bottom.txt", OFlags::CREATE | OFlags::WRONLY, Mode::from_raw_mode(0o644))
                .unwrap();
        std::io::Write::write_all(&mut fs::File::from(file), b"Deep title\nDeep text.").unwrap();
    }
    expected_docs += 1;
    let private = dir.join("private");
    fs::create_dir_all(&private).unwrap();
    write(&private, "secret.txt", b"Secret\nPrivate text.");
    std::os::unix::fs::symlink(&private, c.join("private")).unwrap();
    std::os::unix::fs::symlink("bom-crlf.txt", c.join("alias.txt")).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("UTF-16 title\nCafé text.".encode_utf16().flat_map(u16::to_le_bytes));
    write(&c, "utf16.txt", &utf16);
    expected_docs += 1;
    write(&c, "brackets.md", format!("Brackets\n\n{}", "[".repeat(2 << 20)).as_bytes());
    expected_docs += 1;
    for i in 0..10_000 {
        write(&c.join("tiny"), &format!("t{i:05}.txt"), format!("Tiny {i}\nword{i}").as_bytes());
    }
    expected_docs += 10_000;

    // The formats of #18: legacy charsets, exports, feeds, documents.
    let mut page =
        b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>".to_vec();
    page.extend(b"<title>Caf\xe9 terraces \x96 Le Quartier</title><link rel=canonical href='https://lequartier.example/cafe'>");
    page.extend(b"</head><body><nav>Accueil</nav>");
    page.extend(b"<article><p>Les propri\xe9taires ont manifest\xe9 jeudi.</p></article></body></html>");
    write(&c, "page-1252.html", &page);
    expected_docs += 1;
    write(
        &c,
        "export.csv",
        b"id,title,text\nc1,Row one,First row text.\nc2,Row two,\nc3,Row three,Third row text.\n",
    );
    expected_docs += 2;
    write(&c, "columns.csv", b"slug,hed,copy\nx,y,z\n");
    write(
        &c,
        "broken.rss",
        b"<rss><channel><title>Wire</title><item><title>Kept</title><description>Kept item.</description></item>\n<item><title>Lost</title></wrong></channel></rss>",
    );
    expected_docs += 1;
    write(
        &c,
        "entities.rss",
        b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>\n<rss><channel><item><title>Entity bomb</title><description>&b;&b;&b;</description></item></channel></rss>",
    );
    expected_docs += 1;
    write(&c, "bomb.docx", &common::zip(&[("word/document.xml", &vec![b' '; 80 << 20])]));
    write(&c, "locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an OLE compound file");
    let whole_pdf = common::pdf(&["Some text"], None);
    write(&c, "cut.pdf", &whole_pdf[..whole_pdf.len() / 3]);
    let locked_pdf = String::from_utf8(common::pdf(&["Secret"], None)).unwrap().replace(
        "/Root 1 0 R",
        "/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) \
         /U (fedcba9876543210fedcba9876543210) /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
    );
    write(&c, "locked.pdf", locked_pdf.as_bytes());
    write(&c, "photo.png", b"\x89PNG\r\n\x1a\n");

    let (docs, report, bytes) = build(std::slice::from_ref(&c));
    assert_eq!(report.documents, expected_docs, "every valid document is indexed");
    assert_eq!(docs.len(), expected_docs);

    for (case, file) in [
        ("empty file", "empty.txt"),
        ("whitespace-only file", "blank.md"),
        ("binary file named .txt", "image.txt"),
        ("100 MB file", "huge.txt"),
        ("unreadable file (dangling symlink)", "dangling.txt"),
    ] {
        let reason = skipped_reason(&report, file);
        assert!(!reason.is_empty(), "{file} must be reported");
        rows.push(Row { case, input: format!("`{file}`"), outcome: format!("skipped: {reason}") });
    }

    let latin1 = docs.iter().find(|d| d.id == "latin1").unwrap();
    assert_eq!((latin1.title.as_str(), latin1.text.as_str()), ("Café au lait", "Un texte en Latin-1."));
    let warning = report.warnings.iter().find(|w| w.path.ends_with("latin1.txt")).unwrap();
    rows.push(Row {
        case: "invalid UTF-8 (Latin-1 bytes), no charset declared",
        input: "`latin1.txt`".into(),
        outcome: format!("indexed; warning: {}", warning.message),
    });

    for (case, file) in
        [("FIFO named `.txt`", "pipe.txt"), ("symbolic link to a folder outside the corpus", "private")]
    {
        let reason = skipped_reason(&report, file).replace(&dir.display().to_string(), "…");
        assert!(!reason.is_empty(), "{file} must be reported");
        rows.push(Row { case, input: format!("`{file}`"), outcome: format!("skipped: {reason}") });
    }
    assert!(!docs.iter().any(|d| d.id == "secret"), "nothing outside the corpus is indexed");
    let deep = docs.iter().find(|d| d.id == "deep-bottom").unwrap();
    assert_eq!(deep.text, "Deep text.");
    rows.push(Row {
        case: "folders nested past PATH_MAX",
        input: "300 nested folders of 30 bytes each (a 9,300-byte path), `deep-bottom.txt` at the bottom"
            .into(),
        outcome: "indexed (folders opened by handle, relative to their parent)".into(),
    });
    assert!(!docs.iter().any(|d| d.id == "alias"));
    assert_eq!(docs.iter().filter(|d| d.id.starts_with("bom-crlf")).count(), 1);
    rows.push(Row {
        case: "symbolic link to a file inside the corpus",
        input: "`alias.txt` → `bom-crlf.txt`".into(),
        outcome: "followed; the file is indexed once, under its own path".into(),
    });
    let utf16 = docs.iter().find(|d| d.id == "utf16").unwrap();
    assert_eq!((utf16.title.as_str(), utf16.text.as_str()), ("UTF-16 title", "Café text."));
    rows.push(Row {
        case: "UTF-16 LE with a byte-order mark",
        input: "`utf16.txt`".into(),
        outcome: "indexed; decoded from UTF-16".into(),
    });
    let brackets = docs.iter().find(|d| d.id == "brackets").unwrap();
    assert_eq!(brackets.text.len(), 2 << 20);
    rows.push(Row {
        case: "markdown with a 2 MB run of `[`",
        input: "`brackets.md`".into(),
        outcome: "indexed in linear time; the brackets are text".into(),
    });

    let bom = docs.iter().find(|d| d.id == "bom-crlf").unwrap();
    assert!(!bom.title.starts_with('\u{feff}') && !bom.text.contains('\r'));
    rows.push(Row {
        case: "BOM and CRLF line ends",
        input: "`bom-crlf.txt`".into(),
        outcome: "indexed; BOM removed, CRLF → LF".into(),
    });

    let ids: Vec<&str> = docs.iter().filter(|d| d.id.starts_with("story")).map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"story") && ids.contains(&"story~2"), "{ids:?}");
    let warning = report.warnings.iter().find(|w| w.message.contains("duplicate id")).unwrap();
    let message = warning.message.replace(&format!("{}/", c.display()), "");
    rows.push(Row {
        case: "duplicate ids",
        input: "`story.txt`, `story.md`".into(),
        outcome: format!("both indexed; warning: {message}"),
    });

    let jsonl = skipped_reason(&report, "feed.jsonl");
    assert!(jsonl.contains("line 2") && jsonl.contains("line 3") && jsonl.contains("line 4"), "{jsonl}");
    assert!(docs.iter().any(|d| d.id == "j1") && docs.iter().any(|d| d.id == "j5"));
    rows.push(Row {
        case: "JSONL with broken lines",
        input: "`feed.jsonl` (5 lines)".into(),
        outcome: format!("lines 1 and 5 indexed; skipped {jsonl}"),
    });

    let xss = docs.iter().find(|d| d.id == "xss").unwrap();
    for bad in ["__pwned", "x:1", "unclosed", "onerror", "javascript:"] {
        assert!(!xss.text.contains(bad) && !xss.title.contains(bad), "{bad} leaked into {xss:?}");
    }
    assert!(xss.title.contains("<script>"), "escaped markup in the title is kept as text: {}", xss.title);
    assert!(xss.text.contains("</textarea><svg onload=alert(4)>"), "escaped markup is text: {}", xss.text);
    rows.push(Row {
        case: "HTML with scripts, styles, event handlers, `javascript:` links",
        input: "`xss.html`".into(),
        outcome: "indexed; script/style content, attributes and unclosed `<script>` dropped; escaped markup kept as text (the page renders it as text)".into(),
    });
    let page = docs.iter().find(|d| d.id == "page-1252").unwrap();
    assert_eq!(
        (page.title.as_str(), page.text.as_str()),
        ("Café terraces", "Les propriétaires ont manifesté jeudi.")
    );
    rows.push(Row {
        case: "windows-1252 HTML page (http-equiv), navigation, site name in the title",
        input: "`page-1252.html`".into(),
        outcome: "indexed; decoded as declared; navigation dropped; title without \" – Le Quartier\" (the url's host)".into(),
    });
    let csv = skipped_reason(&report, "export.csv");
    assert!(docs.iter().any(|d| d.id == "c1") && docs.iter().any(|d| d.id == "c3"));
    rows.push(Row {
        case: "CSV export with an empty row",
        input: "`export.csv` (3 rows)".into(),
        outcome: format!("rows 1 and 3 indexed; skipped {csv}"),
    });
    for (case, file) in [
        ("CSV without a text column", "columns.csv"),
        ("DOCX zip bomb (80 MiB of spaces in an 80 KB file)", "bomb.docx"),
        ("encrypted Word file (OLE compound file)", "locked.docx"),
        ("truncated PDF", "cut.pdf"),
        ("encrypted PDF", "locked.pdf"),
    ] {
        let reason = skipped_reason(&report, file);
        assert!(!reason.is_empty(), "{file} must be reported");
        rows.push(Row { case, input: format!("`{file}`"), outcome: format!("skipped: {reason}") });
    }
    let rss = skipped_reason(&report, "broken.rss");
    assert!(docs.iter().any(|d| d.title == "Kept") && !docs.iter().any(|d| d.title == "Lost"));
    rows.push(Row {
        case: "RSS feed that breaks off",
        input: "`broken.rss`".into(),
        outcome: format!("the item before the error indexed; skipped {rss}"),
    });
    let bomb = docs.iter().find(|d| d.title == "Entity bomb").unwrap();
    assert!(bomb.text.len() < 100, "{}", bomb.text);
    rows.push(Row {
        case: "XML entity bomb (DTD entities) in a feed",
        input: "`entities.rss`".into(),
        outcome: "indexed; DTD entities are never expanded (they stay as written)".into(),
    });
    assert_eq!(report.ignored, [c.join("photo.png")]);
    assert_eq!(report.by_type[".png"].ignored, 1);
    rows.push(Row {
        case: "file of a type that is not read, in a folder",
        input: "`photo.png`".into(),
        outcome: "ignored, and counted: `.png: 1 ignored (type not read)` in the build summary".into(),
    });
    rows.push(Row {
        case: "look-alike and bidi Unicode",
        input: "Cyrillic `і` in `Kyіv`, U+202E".into(),
        outcome: "indexed as written; `Kyіv` is a different term from `Kyiv` (no silent confusion)".into(),
    });
    rows.push(Row {
        case: "10,000 tiny files",
        input: "`tiny/t00000.txt` … `t09999.txt`".into(),
        outcome: "all 10,000 indexed".into(),
    });

    let s = Searcher::open(&bytes).unwrap();
    assert_eq!(s.search("word9999 ", &SearchOptions::default()).unwrap().total, 1);

    let (_, _, again) = build(&[c]);
    assert!(again == bytes, "the same corpus builds a byte-identical index");
    rows.push(Row {
        case: "determinism",
        input: "the corpus above, built twice".into(),
        outcome: "byte-identical index".into(),
    });

    check_table(&rows);
}

/// Compares the rows with `docs/hostile-inputs.md` (or rewrites it under `DOSSIER_BLESS`).
fn check_table(rows: &[Row]) {
    let mut md = String::from(
        "# Hostile inputs: what was tried and what happened\n\n\
         Produced by `tests/hostile_corpus.rs` (corpus and index), `tests/fuzz.rs` (fuzzing) and\n\
         `tests/wasm/` (the wasm API); regenerate with `DOSSIER_BLESS=1 cargo test --test hostile_corpus`.\n         Commands (outputs, index files, flags, `build.sh --out`): [hostile-commands.md](hostile-commands.md).\n\n\
         ## Corpus and index\n\n| case | input | outcome |\n|---|---|---|\n",
    );
    for r in rows {
        md.push_str(&format!("| {} | {} | {} |\n", r.case, r.input, r.outcome.replace('|', "\\|")));
    }
    md.push_str(FIXED_ROWS);
    common::check_generated_doc("docs/hostile-inputs.md", &md);
}

/// Cases checked by other test files, listed here so the table is complete.
const FIXED_ROWS: &str = "\
\n## Queries, index bytes and parsers (fuzzed)\n\n| case | checked by | outcome |\n|---|---|---|\n\
| any query string: operators, quotes, RTL marks, emoji, control characters, 100k characters | `tests/fuzz.rs`, `tests/wasm/` (node and Chromium) | results or an empty result; never a panic; marks always inside the excerpt |\n\
| any single-byte corruption of an index | `tests/fuzz.rs`, `src/format/tests.rs` | refused: checksum mismatch |\n\
| truncated or extended index, random bytes | `tests/fuzz.rs` | refused: truncated / bad magic / checksum |\n\
| index of another format version | `src/format/tests.rs` | refused: “rebuild the index with this version of dossier” |\n\
| any bytes as `.txt`, `.md`, `.html`, `.jsonl`, `.csv`, `.tsv`, `.rss`, `.atom`, `.xml`, `.docx`, `.pdf` | `tests/fuzz.rs`; mutated DOCX and PDF in `tests/ingest_formats.rs` | parsed or skipped with a reason; never a panic |\n\
| bad options object from JavaScript | `tests/wasm/` | `Error(\"dossier: bad options: …\")` |\n\
| any text (arbitrary Unicode, `١.` `½.` `①.` `�.` before full stops, names, dates) as any format, through ingest → index → search → entities | `tests/fuzz.rs` (each case under a 30 s watchdog) | indexed and searched; never a hang or a panic (a digit or symbol alone before a full stop looped the entity tokenizer until out of memory) |\n\
\n## Sharded index parts\n\n| case | checked by | outcome |\n|---|---|---|\n\
| two term parts, two document parts, or two content-named shards swapped on the host; a part from an older build; a name the root does not list | `tests/sharded.rs`, `tests/e2e/sharded/` (node wasm, Chromium) | refused with an error naming the part (`index part t3-….dsr holds t0-….dsr: the site's index files are mixed up`), never an answer |\n\
| one document part missing (HTTP 404) or refused | `tests/sharded.rs`, `tests/e2e/sharded/lazy-shards.mjs` | the search shows every other result in its place and that row as “Article unavailable — part … failed to load (HTTP 404)”; the reader and entity pages say which part failed, not “not found” |\n\
\n## The page (Chromium)\n\n| case | checked by | outcome |\n|---|---|---|\n\
| hostile corpus: `<script>`, `onerror`/`onload`/`onclick`, `javascript:` URLs, `</textarea>`, quotes closing attributes, HTML in ids and titles, look-alike and bidi Unicode (`tests/fixtures/hostile-corpus`) | `tests/e2e/hostile/documents-and-links-never-run.mjs` | searched, read, browsed (results, reader, entities, timeline) as text: sentinel `window.__pwned` unset, no dialog, no element or handler from data, no `javascript:` link |\n\
| hostile shared link (`#q=\"><img onerror…>&doc=<script>…&entity=javascript:…`) | same, and `tests/e2e/no-results.test.mjs` | shown as text; unknown ids reported as errors |\n\
| script injection at all | `www/index.html`, `dist/dossier.html` | Content-Security-Policy: no inline script (the single file's one script and style pinned by sha256) |\n\
| determinism of `dist/` | `build.sh test` | the hostile corpus built twice gives byte-identical `dist/` folders |\n\
\nFuzz budget: 256 cases per property in every `cargo test`; `bench/fuzz/run.sh N` runs each property\n\
alone with N cases in a release build and records cases, time and outcome in\n\
[bench/fuzz/results.md](../bench/fuzz/results.md). Failing inputs are kept in `tests/fuzz.proptest-regressions`.\n";
