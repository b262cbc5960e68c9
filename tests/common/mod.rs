//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dossier::indexer::Indexer;
use dossier::ingest;

/// The project's root folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Indexes a folder or file the way `dossier build` does; panics on skipped inputs.
pub fn index_of(path: &Path) -> Vec<u8> {
    let mut ix = Indexer::new();
    let report = ingest::ingest(&[path.to_path_buf()], &mut |d| {
        ix.add(d).expect("document fits");
    });
    assert!(
        report.skipped.is_empty(),
        "{:?}",
        report.skipped.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    );
    ix.finish().expect("index writes")
}

/// The index of the default corpus, `corpus/`.
pub fn seeds_index() -> Vec<u8> {
    index_of(&root().join("corpus"))
}

/// A fresh, empty scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The seed ids, by their three-digit prefix.
pub fn seed(prefix: &str) -> &'static str {
    match prefix {
        "000" => "000_e9dab112098231ab",
        "001" => "001_5faf7213626f208b",
        "002" => "002_cd071ab01838d533",
        "003" => "003_3ddd5eb3ece5e1af",
        "004" => "004_05d5347f9e8ea8f7",
        other => panic!("no seed {other}"),
    }
}

/// The marked pieces of `text`, given UTF-16 marks as the API returns them.
pub fn marked(text: &str, marks: &[[u32; 2]]) -> Vec<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    marks.iter().map(|m| String::from_utf16_lossy(&units[m[0] as usize..m[1] as usize])).collect()
}

/// Checks that the committed file `relative` (under the project root) holds `content`, the
/// table a test produced; with `DOSSIER_BLESS` set, rewrites it first.
pub fn check_generated_doc(relative: &str, content: &str) {
    let path = root().join(relative);
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(&path, content).expect("doc written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == content, "{relative} is out of date: rerun with DOSSIER_BLESS=1");
}

/// A zip archive (deflated) holding `entries`: DOCX fixtures.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A one-page PDF whose page shows `lines` in Helvetica, with a correct xref table.
pub fn pdf(lines: &[&str], info_title: Option<&str>) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 720 Td 14 TL\n");
    for line in lines {
        content.push_str(&format!("({line}) Tj T*\n"));
    }
    content.push_str("ET");
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    if let Some(title) = info_title {
        objects.push(format!("<< /Title ({title}) /Author (Desk) >>"));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let info = if info_title.is_some() { format!(" /Info {} 0 R", objects.len()) } else { String::new() };
    out.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}
