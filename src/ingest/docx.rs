//! Word documents (`.docx`): the paragraphs of `word/document.xml`, the title and author
//! from `docProps/core.xml` (`dc:title`, `dc:creator`).
//!
//! Text: each `<w:p>` is a paragraph; `<w:t>` is text, `<w:tab>` a space, `<w:br>` and
//! `<w:cr>` a line break; deleted text (`<w:delText>`) and field codes (`<w:instrText>`) are
//! left out. Without a `dc:title`, the first paragraph styled `Title` is the title, else
//! the title comes from the text as for `.txt`.
//!
//! Bounds: a part is refused, before anything is decompressed, if its declared size is over
//! [`MAX_PART_BYTES`] or it would expand more than [`MAX_RATIO`] times (and past 1 MiB): a
//! zip bomb. Declared sizes can lie, so the decompressed bytes are also counted as they are
//! read and reading stops at the cap. An encrypted document (Word saves those as an OLE
//! compound file, not a zip), a file that is not a zip, or a zip without
//! `word/document.xml`, is skipped with that reason.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::feed::{attribute, reference};
use super::{normalize_text, one_line, txt, Parsed};

/// The largest decompressed part read: 64 MiB.
pub(super) const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The largest expansion of a part (decompressed / compressed size) that is not a bomb.
pub(super) const MAX_RATIO: u64 = 200;
/// Parts smaller than this are never refused for their ratio (small XML compresses well).
const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

/// The start of an OLE compound file (how Word stores encrypted documents).
const OLE_MAGIC: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// Parses the bytes of a `.docx` file; `Err` holds the skip reason.
pub(super) fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err("encrypted or legacy Word file (an OLE compound file, not a DOCX zip); \
                    save it as .docx without a password"
            .to_string());
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| format!("not a DOCX (zip) file: {error}"))?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or_else(|| "not a Word document (no word/document.xml in the zip)".to_string())?;
    let (text, styled_title) = body(&document)?;
    let core = part(&mut archive, "docProps/core.xml").unwrap_or_default().unwrap_or_default();
    let (core_title, author) = core_properties(&core);
    let mut parsed = Parsed { text: normalize_text(&text), author, ..Parsed::default() };
    match core_title.or(styled_title) {
        Some(title) => parsed.title = title,
        None => {
            let (title, text) = txt::title_from_text(std::mem::take(&mut parsed.text));
            (parsed.title, parsed.text) = (title, text);
        }
    }
    Ok(parsed)
}

/// The decompressed text of one part, `None` if the zip has no such part; `Err` if it is
/// too large, a bomb, encrypted, or not UTF-8.
fn part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(format!("cannot read {name}: {error}")),
    };
    if file.encrypted() {
        return Err(format!("{name} is encrypted"));
    }
    let (declared, compressed) = (file.size(), file.compressed_size());
    if declared > MAX_PART_BYTES {
        return Err(format!("{name} would expand to {declared} bytes (limit 64 MiB); refused as a zip bomb"));
    }
    if declared > RATIO_FLOOR_BYTES && declared / compressed.max(1) > MAX_RATIO {
        return Err(format!(
            "{name} would expand {}x ({compressed} to {declared} bytes; limit {MAX_RATIO}x); refused as a zip bomb",
            declared / compressed.max(1)
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read {name}: {error}"))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_PART_BYTES {
        return Err(format!(
            "{name} expands past 64 MiB (its header said {declared}); refused as a zip bomb"
        ));
    }
    String::from_utf8(bytes).map(Some).map_err(|error| format!("{name} is not UTF-8 XML: {error}"))
}

/// The text of `word/document.xml` (paragraphs separated by blank lines) and the first
/// paragraph styled `Title`, if any.
fn body(xml: &str) -> Result<(String, Option<String>), String> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    let mut paragraph = String::new();
    let (mut in_text, mut is_title, mut title) = (false, false, None);
    loop {
        match reader.read_event() {
            Ok(Event::Start(element)) => match element.name().as_ref() {
                "w:t" => in_text = true,
                "w:p" => {
                    paragraph.clear();
                    is_title = false;
                }
                _ => {}
            },
            Ok(Event::Empty(element)) => match element.name().as_ref() {
                "w:tab" => paragraph.push(' '),
                "w:br" | "w:cr" => paragraph.push('\n'),
                "w:pStyle" => {
                    is_title |=
                        attribute(&element, "w:val").is_some_and(|style| style.eq_ignore_ascii_case("title"))
                }
                _ => {}
            },
            Ok(Event::End(element)) => match element.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    if is_title && title.is_none() {
                        title = Some(one_line(&paragraph)).filter(|title| !title.is_empty());
                    } else {
                        text.push_str(&paragraph);
                        text.push_str("\n\n");
                    }
                    paragraph.clear();
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => paragraph.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if in_text => paragraph.push_str(&reference(&r)),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => {
                return Err(format!(
                    "word/document.xml is not well-formed XML (byte {}): {error}",
                    reader.error_position()
                ))
            }
        }
    }
    text.push_str(&paragraph);
    Ok((text, title))
}

/// `dc:title` and `dc:creator` of `docProps/core.xml` (a malformed one is ignored).
fn core_properties(xml: &str) -> (Option<String>, Option<String>) {
    let mut reader = Reader::from_str(xml);
    let (mut title, mut creator) = (String::new(), String::new());
    let mut current: Option<bool> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(element)) => {
                current = match element.name().as_ref() {
                    "dc:title" => Some(true),
                    "dc:creator" => Some(false),
                    _ => None,
                }
            }
            Ok(Event::End(_)) => current = None,
            Ok(Event::Text(t)) => match current {
                Some(true) => title.push_str(&t.xml10_content()),
                Some(false) => creator.push_str(&t.xml10_content()),
                None => {}
            },
            Ok(Event::GeneralRef(r)) => match current {
                Some(true) => title.push_str(&reference(&r)),
                Some(false) => creator.push_str(&reference(&r)),
                None => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let value = |value: String| Some(one_line(&value)).filter(|value| !value.is_empty());
    (value(title), value(creator))
}
