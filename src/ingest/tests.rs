//! Tests of the walk, the shared rules, the fixture folder and the seed corpus.

use super::*;
use std::fs;
use std::time::Duration;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest")
}

fn ingest_all(paths: &[PathBuf]) -> (Vec<Document>, Report) {
    let mut documents = Vec::new();
    let report = ingest(paths, &mut |document| documents.push(document));
    (documents, report)
}

/// `path-relative-to-root[:line]: reason` for every skip.
fn skips(report: &Report, root: &Path) -> Vec<String> {
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).display().to_string();
    let line = |line: Option<usize>| line.map(|line| format!(":{line}")).unwrap_or_default();
    report.skipped.iter().map(|s| format!("{}{}: {}", relative(&s.path), line(s.line), s.reason)).collect()
}

/// A fresh, empty folder under the system temp folder.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-ingest-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn fixture_folder() {
    let root = fixtures();
    let (documents, report) = ingest_all(std::slice::from_ref(&root));
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "article",
            "crlf-bom",
            "feed-1",
            "feed-3",
            "feed:6",
            "article~2",
            "feed-8",
            "101",
            "front-matter",
            "hostile",
            "latin1",
            "article~3",
            "nested"
        ]
    );
    assert_eq!((report.documents, report.files), (13, 8));

    let skipped = skips(&report, &root);
    assert_eq!(skipped.len(), 8, "{skipped:#?}");
    assert_eq!(skipped[0], "binary.txt: binary file (NUL byte at offset 3)");
    assert_eq!(skipped[1], "blank.md: empty file");
    assert_eq!(skipped[2], "empty.txt: empty file");
    assert!(
        skipped[3].starts_with("feed.jsonl:2: invalid JSON: EOF while parsing a string"),
        "{}",
        skipped[3]
    );
    assert_eq!(skipped[4], "feed.jsonl:5: empty text");
    assert_eq!(skipped[5], "feed.jsonl:9: not a JSON object (found an array)");
    assert_eq!(skipped[6], "notes.pdf: not a PDF (no %PDF- header)");
    assert_eq!(skipped[7], "scripts-only.html: no text content");
    let txt = report.by_type[".txt"];
    assert_eq!((txt.indexed, txt.documents, txt.skipped, txt.ignored), (3, 3, 2, 0));
    let jsonl = report.by_type[".jsonl"];
    assert_eq!((jsonl.indexed, jsonl.documents, jsonl.skipped), (1, 6, 3));
    assert_eq!(report.by_type[".pdf"].skipped, 1);

    let article = root.join("article.txt").display().to_string();
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    let feed = root.join("feed.jsonl").display().to_string();
    assert_eq!(
        warnings,
        [
            format!("{feed}:6: missing id; using \"feed:6\""),
            format!("{feed}:7: duplicate id \"article\" (first used by {article}); renamed to \"article~2\""),
            format!("{feed}:8: date \"2025-02-30\" is not a valid YYYY-MM-DD date; ignored"),
            format!(
                "{}: not valid UTF-8 and no charset declared; decoded as windows-1252 (guessed)",
                root.join("latin1.txt").display()
            ),
            format!(
                "{}: duplicate id \"article\" (first used by {article}); renamed to \"article~3\"",
                root.join("sub/article.md").display()
            ),
        ]
    );
}

#[test]
fn fixture_documents() {
    let (documents, _) = ingest_all(&[fixtures()]);
    let find = |id: &str| documents.iter().find(|d| d.id == id).cloned().unwrap();

    let article = find("article");
    assert_eq!(article.title, "Envoy Meets Officials in Kyiv");
    assert_eq!(article.date.as_deref(), Some("2025-09-12"));
    assert_eq!(article.url.as_deref(), Some("https://example.com/news/kyiv-talks"));
    assert_eq!(
        article.text,
        "The envoy met officials on Thursday. Talks focused on air defence.\n\n\
         A second paragraph with “curly quotes” and an em dash — kept as they are."
    );

    let crlf = find("crlf-bom");
    assert_eq!(crlf.title, "Windows Title");
    assert_eq!(crlf.text, "First line.\nSecond line.\nThird line after a lone CR.");

    let markdown = find("front-matter");
    assert_eq!(markdown.title, "Peace Talks: What We Know");
    assert_eq!(markdown.date.as_deref(), Some("2025-08-29"));
    assert_eq!(markdown.url.as_deref(), Some("https://example.com/md"));
    assert_eq!(
        markdown.text,
        "A heading that is not the title\n\nTalks on Friday were constructive, said the envoy.\nchart\n\n\
         - first point\n- second point with code\n\nfenced *code* stays"
    );

    let html = find("hostile");
    assert_eq!(html.title, "Café Talks – Live");
    assert_eq!(html.date.as_deref(), Some("2025-08-30"));
    assert_eq!(html.url.as_deref(), Some("https://example.com/live"));
    assert_eq!(
        html.text,
        "Café Talks\n\nOfficials met at the café — “quietly”.\n\n\
         Prices rose 5% & rents < wages? “No”, \u{fffd} said one.\n\n- One\n- Two\n\nUnclosed paragraph with a < sign"
    );
    for hostile in ["alert", "steal", "pwned", "injected", "unclosed script", "comment", "color"] {
        assert!(!html.text.contains(hostile), "{hostile} leaked into {:?}", html.text);
    }

    let first = find("feed-1");
    assert_eq!((first.title.as_str(), first.text.as_str()), ("First record", "Text one."));
    assert_eq!(first.date.as_deref(), Some("2025-08-29"));
    assert_eq!(first.url.as_deref(), Some("https://example.com/1"));
    assert_eq!(find("feed-3").title, "Good line three. It has no title.");
    assert_eq!(find("feed:6").title, "No id");
    assert_eq!(find("article~2").text, "Same id as article.txt.");
    assert_eq!(find("feed-8").date, None);
    assert_eq!(find("101").text, "Numeric id.");
    assert_eq!(find("article~3").title, "Same Stem, Other Folder");

    let nested = find("nested");
    assert_eq!(
        (nested.title.as_str(), nested.text.as_str()),
        ("Nested Page", "Nested Page\n\nDeep text.\nNext line.")
    );
}

#[test]
fn unsupported_files_are_skipped_when_named_and_counted_as_ignored_in_folders() {
    let dir = temp_dir("unsupported");
    fs::write(dir.join("photo.png"), b"\x89PNG").unwrap();
    fs::write(dir.join("story.txt"), b"Story\n\nText.").unwrap();
    let (_, named) = ingest_all(&[dir.join("photo.png")]);
    assert_eq!(
        skips(&named, &dir),
        ["photo.png: unsupported file type (expected .txt, .md, .markdown, .html, .htm, .jsonl, .csv, .tsv, .rss, .atom, .xml, .docx or .pdf)"]
    );
    let (documents, walked) = ingest_all(std::slice::from_ref(&dir));
    assert_eq!(documents.len(), 1);
    assert!(walked.skipped.is_empty());
    assert_eq!(walked.ignored, [dir.join("photo.png")]);
    assert_eq!(walked.by_type[".png"], TypeCount { ignored: 1, ..TypeCount::default() });
    assert_eq!(walked.by_type[".txt"], TypeCount { indexed: 1, documents: 1, ..TypeCount::default() });
}

#[test]
fn files_named_directly() {
    let root = fixtures();
    let paths =
        [root.join("notes.pdf"), root.join("missing.txt"), root.join(".hidden.txt"), root.join("sub")];
    let (documents, report) = ingest_all(&paths);
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, [".hidden", "article", "nested"]);
    let skipped = skips(&report, &root);
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[0], "notes.pdf: not a PDF (no %PDF- header)");
    assert!(skipped[1].starts_with("missing.txt: cannot read: "), "{}", skipped[1]);
    assert!(report.warnings.is_empty());
}

#[test]
fn seed_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (documents, report) = ingest_all(&[corpus]);
    assert!(report.skipped.is_empty() && report.warnings.is_empty(), "{report:?}");
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_e9dab112098231ab",
            "001_5faf7213626f208b",
            "002_cd071ab01838d533",
            "003_3ddd5eb3ece5e1af",
            "004_05d5347f9e8ea8f7"
        ]
    );
    let [d0, d1, d2, d3, d4] = documents.as_slice() else { panic!("5 documents expected") };

    assert_eq!(
        d0.title,
        "Zelenskyy, Trump Envoy Kellogg Discuss Defense Cooperation and Peace Efforts in Kyiv"
    );
    assert!(d0.text.starts_with("Ukrainian President Volodymyr Zelenskyy met in Kyiv on Thursday"));
    assert!(!d0.text.contains("Discuss Defense Cooperation and Peace Efforts in Kyiv"));

    let first_line_001 =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/001_5faf7213626f208b.txt"))
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
    assert_eq!(
        d1.title,
        "Ukrainian President Volodymyr Zelenskyy announced on Friday that his team is seeking urgent meetings with U.S. President…"
    );
    assert!(d1.text.starts_with(&first_line_001));

    assert_eq!(d2.title, "Senior US military officials have arrived in Ukraine to discuss efforts to end the ongoing war with Russia.");
    assert!(d2.text.starts_with("Senior US military officials"));

    assert_eq!(d3.date.as_deref(), Some("2025-08-29"));
    assert!(d3
        .text
        .starts_with("Ukrainian President Volodymyr Zelenskyy said Friday that Ukrainian officials want"));
    assert!(
        d3.title.starts_with("Ukrainian President Volodymyr Zelenskyy said Friday")
            && d3.title.ends_with('…')
    );

    assert!(d4.title.starts_with("Ukraine’s President Volodymyr Zelenskiy says recent talks"));
    for document in &documents {
        assert!(document.title.chars().count() <= 161, "{}", document.title);
        assert!(!document.text.contains("\n\n\n") && !document.text.contains("  "));
        assert_eq!(document.url, None);
        assert_eq!(document.date.is_some(), document.id.starts_with("003"));
    }
}

#[test]
fn too_large_files_are_skipped_before_reading() {
    let dir = temp_dir("large");
    let path = dir.join("huge.txt");
    File::create(&path).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
    let (documents, report) = ingest_all(&[path]);
    assert!(documents.is_empty());
    assert_eq!(skips(&report, &dir), ["huge.txt: file too large (67108865 bytes, limit 64 MiB)"]);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn jsonl_edge_cases() {
    let dir = temp_dir("jsonl");
    fs::write(dir.join("a.jsonl"), b"\xef\xbb\xbf{\"id\":\"x\",\"text\":\"t\"}\r\n\xff\n\n").unwrap();
    fs::write(dir.join("b.jsonl"), b"\n \n").unwrap();
    fs::write(dir.join("c.jsonl"), b"{\"id\":\"y\",\"text\":\"\0\"}").unwrap();
    fs::write(dir.join("d.jsonl"), b"{\"id\":\"z\",\"text\":\"has NUL\\u0000 escaped\"}").unwrap();
    let (documents, report) = ingest_all(std::slice::from_ref(&dir));
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["x", "z"]);
    assert_eq!(documents.get(1).map(|d| d.text.as_str()), Some("has NUL escaped"));
    assert_eq!(
        skips(&report, &dir),
        [
            "a.jsonl:2: not valid UTF-8 (byte offset 0)",
            "b.jsonl: empty file",
            "c.jsonl: binary file (NUL byte at offset 18)"
        ]
    );
    let _ = fs::remove_dir_all(dir);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let dir = temp_dir("loop");
    fs::write(dir.join("a.txt"), "Title\n\nBody").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    let (documents, report) = ingest_all(std::slice::from_ref(&dir));
    assert_eq!(documents.len(), 1);
    assert!(report.skipped.is_empty());
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn duplicate_ids_skip_taken_suffixes() {
    let dir = temp_dir("dups");
    let records = [r#"{"id":"a~2","text":"1"}"#, r#"{"id":"a","text":"2"}"#, r#"{"id":"a","text":"3"}"#];
    fs::write(dir.join("feed.jsonl"), format!("{}\n{}\n", records.join("\n"), r#"{"id":"a","text":"4"}"#))
        .unwrap();
    let (documents, report) = ingest_all(std::slice::from_ref(&dir));
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a~2", "a", "a~3", "a~4"]);
    assert_eq!(report.warnings.len(), 2);
    assert_eq!(report.files, 1);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn display() {
    let skipped = Skipped { path: "a/b.jsonl".into(), line: Some(12), reason: "empty text".into() };
    assert_eq!(skipped.to_string(), "a/b.jsonl:12: empty text");
    let warning = Warning { path: "a/c.txt".into(), line: None, message: "hello".into() };
    assert_eq!(warning.to_string(), "a/c.txt: hello");
}

#[test]
fn dates() {
    for (input, expected) in [
        ("2025-08-29", Some("2025-08-29")),
        (" 2025-08-29T10:00:00Z ", Some("2025-08-29")),
        ("2025-08-29 10:00", Some("2025-08-29")),
        ("2024-02-29", Some("2024-02-29")),
        ("2000-02-29", Some("2000-02-29")),
        ("1900-02-29", None),
        ("2023-02-29", None),
        ("2025-04-31", None),
        ("2025-13-01", None),
        ("2025-00-10", None),
        ("2025-01-00", None),
        ("0000-01-01", None),
        ("2025-1-01", None),
        ("2025-01-011", None),
        ("+025-01-01", None),
        ("2025/01/01", None),
        ("2025-01-0é", None),
        ("", None),
    ] {
        assert_eq!(parse_date(input).as_deref(), expected, "{input:?}");
    }
}

#[test]
fn text_normalization() {
    assert_eq!(normalize_text("  a \t b\u{0}c \n\n\n\n  d\u{a0}e  \n \n"), "a bc\n\nd e");
    assert_eq!(normalize_text("\n\nx\ny"), "x\ny");
    assert_eq!(one_line(" a\n\tb\u{7}  c "), "a b c");
    let decoded = |bytes: &[u8]| decode_text(bytes, charset::Markup::None).map(|(text, _)| text);
    assert_eq!(decoded(b"\xef\xbb\xbfa\r\nb\rc").as_deref(), Ok("a\nb\nc"));
    assert_eq!(decoded(b"\xef\xbb\xbf \r\n"), Err("empty file".to_string()));
}

#[test]
fn parsers_never_panic_on_garbage() {
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "<", ">", "</", "<!--", "-->", "<![CDATA[", "]]>", "<script", "</script>", "<title>", "<h1>",
        "<pre>", "=", "\"", "'", "&", "&#", "&#x", ";", "1", "F", "amp", "#", "*", "_", "`", "```", "[",
        "]", "(", ")", "!", "\\", "~", "|", "-", ".", " ", "\n", "\t", "é", "“", "\u{0}", "---\n",
        "date ", "2025-01-31", "title:", "{", "}", ":", ",", "\"text\"", "U.S. ", "word ",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut random = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % below as u64).unwrap_or(0)
    };
    for _ in 0..3000 {
        let length = random(40);
        let input: String =
            (0..length).map(|_| PIECES.get(random(PIECES.len())).copied().unwrap_or("")).collect();
        for parsed in [txt::parse(&input), markdown::parse(&input), html::parse(&input)] {
            assert!(!parsed.text.contains("\n\n\n"), "{input:?}");
        }
        let _ = jsonl::record(&input, "f", 1);
        let _ = jsonl::record(&format!("{{\"text\":{input:?}}}"), "f", 1);
    }
}

#[test]
fn progress_counts_files_bytes_and_documents_and_changes_nothing_else() {
    let root = fixtures();
    let mut seen: Vec<Progress> = Vec::new();
    let mut documents = Vec::new();
    let report = ingest_with_progress(
        std::slice::from_ref(&root),
        &mut |document| documents.push(document),
        &mut |progress| seen.push(*progress),
    );
    let (plain_documents, plain_report) = ingest_all(std::slice::from_ref(&root));
    assert_eq!((documents, &report), (plain_documents, &plain_report));

    let last = seen.last().copied().unwrap_or_default();
    assert_eq!(last.documents, report.documents);
    assert!(last.files_total >= report.files && last.files_done == last.files_total, "{last:?}");
    assert!(last.bytes_total > 0 && last.bytes_done == last.bytes_total, "{last:?}");
    assert!((last.fraction() - 1.0).abs() < 1e-9);
    for pair in seen.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(b.documents >= a.documents && b.files_done >= a.files_done && b.bytes_done >= a.bytes_done);
        assert_eq!(
            (a.files_total, a.bytes_total),
            (b.files_total, b.bytes_total),
            "totals are known up front"
        );
    }
}

#[test]
fn progress_inside_a_jsonl_file_advances_line_by_line() {
    let dir = temp_dir("progress-jsonl");
    let path = dir.join("feed.jsonl");
    let line =
        |i: usize| format!("{{\"id\": \"d{i}\", \"title\": \"T{i}\", \"text\": \"Body of story {i}.\"}}\n");
    let content: String = (0..4).map(line).collect();
    fs::write(&path, &content).unwrap();
    let mut seen: Vec<Progress> = Vec::new();
    ingest_with_progress(&[path], &mut |_| {}, &mut |progress| seen.push(*progress));
    let bytes: Vec<u64> = seen.iter().map(|p| p.bytes_done).collect();
    let mut expected = Vec::new();
    let mut at = 0;
    for i in 0..4 {
        at += line(i).len() as u64;
        expected.push(at);
    }
    expected.push(content.len() as u64); // the file is done
    assert_eq!(bytes, expected);
    assert_eq!(seen.last().map(|p| (p.documents, p.files_done, p.files_total)), Some((4, 1, 1)));
}

/// Runs `work` in a thread and fails if it does not finish in `seconds` (a regression that
/// hangs fails instead of blocking the test run).
fn within<T: Send + 'static>(seconds: u64, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver.recv_timeout(Duration::from_secs(seconds)).expect("ingest did not finish in time")
}

fn ids(documents: &[Document]) -> Vec<&str> {
    documents.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn deep_folders_past_path_max_are_walked_fast() {
    use rustix::fs::{mkdirat, openat, Mode, OFlags};
    let dir = temp_dir("deep");
    let name = "a-folder-name-thirty-bytes-xyz";
    let mut fd = openat(rustix::fs::CWD, &dir, OFlags::DIRECTORY | OFlags::RDONLY, Mode::empty()).unwrap();
    let mut path = dir.clone();
    for _ in 0..300 {
        mkdirat(&fd, name, Mode::from_raw_mode(0o755)).unwrap();
        fd = openat(&fd, name, OFlags::DIRECTORY | OFlags::RDONLY, Mode::empty()).unwrap();
        path.push(name);
    }
    let file =
        openat(&fd, "bottom.txt", OFlags::CREATE | OFlags::WRONLY, Mode::from_raw_mode(0o644)).unwrap();
    std::io::Write::write_all(&mut File::from(file), b"Deep title\n\nDeep body.").unwrap();
    assert!(path.as_os_str().len() > 9000);

    let root = dir.clone();
    let (documents, report) = within(10, move || ingest_all(&[root]));
    assert_eq!(ids(&documents), ["bottom"]);
    assert_eq!(documents[0].text, "Deep body.");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn fifos_named_directly_or_found_in_a_folder_are_skipped() {
    let dir = temp_dir("fifo");
    fs::write(dir.join("a.txt"), "Title\n\nBody").unwrap();
    rustix::fs::mkfifoat(rustix::fs::CWD, dir.join("pipe.txt"), rustix::fs::Mode::from_raw_mode(0o644))
        .unwrap();
    let paths = vec![dir.join("pipe.txt"), dir.clone()];
    let (documents, report) = within(10, move || ingest_all(&paths));
    assert_eq!(ids(&documents), ["a"]);
    assert_eq!(
        skips(&report, &dir),
        ["pipe.txt: not a regular file (a FIFO)", "pipe.txt: not a regular file (a FIFO)"]
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_file_swapped_for_a_fifo_after_the_walk_is_not_read() {
    let dir = temp_dir("fifo-swap");
    fs::write(dir.join("a.txt"), "A\n\nBody a").unwrap();
    fs::write(dir.join("b.txt"), "B\n\nBody b").unwrap();
    fs::write(dir.join("c.jsonl"), "{\"id\":\"c\",\"text\":\"x\"}").unwrap();
    let root = dir.clone();
    let (documents, report) = within(10, move || {
        let mut documents = Vec::new();
        let mut swapped = false;
        let report = ingest_with_progress(
            std::slice::from_ref(&root),
            &mut |document| documents.push(document),
            &mut |progress| {
                if progress.files_done == 1 && !swapped {
                    swapped = true;
                    for name in ["b.txt", "c.jsonl"] {
                        fs::remove_file(root.join(name)).unwrap();
                        rustix::fs::mkfifoat(
                            rustix::fs::CWD,
                            root.join(name),
                            rustix::fs::Mode::from_raw_mode(0o644),
                        )
                        .unwrap();
                    }
                }
            },
        );
        (documents, report)
    });
    assert_eq!(ids(&documents), ["a"]);
    assert_eq!(
        skips(&report, &dir),
        ["b.txt: not a regular file (a FIFO)", "c.jsonl: not a regular file (a FIFO)"]
    );
    let _ = fs::remove_dir_all(dir);
}

/// A corpus folder with links out of it, and a private folder beside it.
fn corpus_with_links(name: &str) -> (PathBuf, PathBuf) {
    let dir = temp_dir(name);
    let (corpus, private) = (dir.join("corpus"), dir.join("private"));
    fs::create_dir_all(&corpus).unwrap();
    fs::create_dir_all(&private).unwrap();
    fs::write(corpus.join("own.txt"), "Own\n\nOwn text").unwrap();
    fs::write(private.join("secret.txt"), "Secret\n\nPrivate text").unwrap();
    std::os::unix::fs::symlink(&private, corpus.join("private")).unwrap();
    std::os::unix::fs::symlink(private.join("secret.txt"), corpus.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink("../private/secret.txt", corpus.join("relative.md")).unwrap();
    std::os::unix::fs::symlink("/", corpus.join("disk")).unwrap();
    (dir, corpus)
}

#[test]
fn symlinks_to_outside_the_corpus_are_not_followed() {
    let (dir, corpus) = corpus_with_links("links-out");
    let root = corpus.clone();
    let (documents, report) = within(10, move || ingest_all(&[root]));
    assert_eq!(ids(&documents), ["own"]);
    let reason = |target: &str| {
        format!(
            "symbolic link to outside the corpus folder: {target}; not followed (--follow-links to allow)"
        )
    };
    let private = dir.join("private");
    assert_eq!(
        skips(&report, &corpus),
        [
            format!("disk: {}", reason("/")),
            format!("leak.txt: {}", reason(&private.join("secret.txt").display().to_string())),
            format!("private: {}", reason(&private.display().to_string())),
            format!("relative.md: {}", reason("../private/secret.txt")),
        ]
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn follow_links_allows_links_to_anywhere() {
    let (dir, corpus) = corpus_with_links("links-follow");
    fs::remove_file(corpus.join("disk")).unwrap();
    let mut documents = Vec::new();
    let options = IngestOptions { follow_links: true, ..IngestOptions::default() };
    let report =
        ingest_with_options(std::slice::from_ref(&corpus), &options, &mut |d| documents.push(d), &mut |_| {});
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let paths: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(ids(&documents), ["leak", "own"], "the private file, read once: {paths:?}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn symlinks_inside_the_corpus_are_followed_and_read_once() {
    let dir = temp_dir("links-in");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::create_dir_all(dir.join(".drafts")).unwrap();
    fs::write(dir.join("a.txt"), "A\n\nText a").unwrap();
    fs::write(dir.join("sub/b.txt"), "B\n\nText b").unwrap();
    fs::write(dir.join(".drafts/c.txt"), "C\n\nText c").unwrap();
    fs::write(dir.join(".hidden.txt"), "D\n\nText d").unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("alias.txt")).unwrap();
    std::os::unix::fs::symlink("sub", dir.join("again")).unwrap();
    std::os::unix::fs::symlink(dir.join(".drafts"), dir.join("drafts")).unwrap();
    std::os::unix::fs::symlink(".hidden.txt", dir.join("shown.txt")).unwrap();
    std::os::unix::fs::symlink("sub/../alias.txt", dir.join("chain.txt")).unwrap();
    let (documents, report) = ingest_all(std::slice::from_ref(&dir));
    assert!(report.skipped.is_empty() && report.warnings.is_empty(), "{report:?}");
    assert_eq!(ids(&documents), ["a", "c", "shown", "b"]);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn utf16_files_are_decoded() {
    let dir = temp_dir("utf16");
    let utf16 = |text: &str, big_endian: bool, bom: bool| -> Vec<u8> {
        let mut bytes = Vec::new();
        for unit in std::iter::once(0xfeff).filter(|_| bom).chain(text.encode_utf16()) {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        bytes
    };
    fs::write(dir.join("le.txt"), utf16("Café title\r\n\r\nBody “quoted”.", false, true)).unwrap();
    fs::write(dir.join("be.md"), utf16("# Big end\n\nBody *here*.", true, true)).unwrap();
    fs::write(dir.join("nobom.txt"), utf16("No mark\n\nPlain ASCII body.", false, false)).unwrap();
    fs::write(dir.join("feed.jsonl"), utf16("{\"id\":\"x\",\"text\":\"t\"}", false, true)).unwrap();
    let (documents, report) = ingest_all(std::slice::from_ref(&dir));
    let found: Vec<(&str, &str, &str)> =
        documents.iter().map(|d| (d.id.as_str(), d.title.as_str(), d.text.as_str())).collect();
    assert_eq!(
        found,
        [
            ("be", "Big end", "Body here."),
            ("le", "Café title", "Body “quoted”."),
            ("nobom", "No mark", "Plain ASCII body.")
        ]
    );
    assert_eq!(skips(&report, &dir), ["feed.jsonl: UTF-16LE text; a .jsonl file must be UTF-8"]);
    let warnings: Vec<String> = report.warnings.iter().map(|w| w.message.clone()).collect();
    assert_eq!(warnings, ["UTF-16LE text without a byte-order mark; decoded as UTF-16LE"]);
    let _ = fs::remove_dir_all(dir);
}
