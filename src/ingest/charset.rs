//! Charsets: which encoding a file's bytes are in, and its text.
//!
//! The encoding is taken, in this order, from: a byte-order mark (UTF-8, UTF-16 LE/BE); for
//! HTML, a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in
//! the first 1024 bytes (the WHATWG prescan window), and for XML (feeds) the `encoding` of
//! the `<?xml …?>` declaration; valid UTF-8; UTF-16 without a mark (see
//! [`utf16`]); else a guess by `chardetng`, the detector Firefox uses. Labels are resolved
//! as browsers do (`iso-8859-1` and `ascii` mean windows-1252). Bytes that the chosen
//! encoding cannot decode become U+FFFD and are reported in a note naming how many, so
//! nothing is skipped for its charset alone; a file with a NUL byte in its first 8 KB is
//! still binary and skipped.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::BINARY_SNIFF_BYTES;

/// How many bytes of an HTML file are searched for a `<meta>` charset declaration.
const PRESCAN_BYTES: usize = 1024;

/// Text decoded from a file's bytes.
#[derive(Debug)]
pub(super) struct Decoded {
    /// The text, BOM removed; line endings not yet normalized.
    pub text: String,
    /// Something to tell the user (a guessed encoding, undecodable bytes), if any.
    pub note: Option<String>,
}

/// Where a file may declare its charset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Markup {
    /// Plain text, Markdown, CSV: nowhere.
    None,
    /// In a `<meta>` near the start.
    Html,
    /// In the `<?xml … encoding="…"?>` declaration.
    Xml,
}

/// Decodes `bytes` (see the module doc for the order in which the encoding is chosen).
/// `Err` holds the skip reason: binary content, or UTF-16 with an odd number of bytes or
/// unpaired surrogates.
pub(super) fn decode(bytes: &[u8], markup: Markup) -> Result<Decoded, String> {
    if let Some(body) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        check_not_binary(body)?;
        return Ok(with_replacement(UTF_8, body, "a UTF-8 byte-order mark"));
    }
    if let Some(found) = utf16(bytes) {
        return decode_utf16(&found);
    }
    check_not_binary(bytes)?;
    let declared = match markup {
        Markup::None => None,
        Markup::Html => prescan(bytes),
        Markup::Xml => xml_declaration(bytes),
    };
    match declared {
        Some(Declared::Known(encoding)) => {
            return Ok(with_replacement(encoding, bytes, "its declared charset"));
        }
        Some(Declared::Unknown(label)) => {
            let mut decoded = undeclared(bytes);
            let guessed = decoded.note.take().map_or(String::new(), |note| format!("; {note}"));
            decoded.note = Some(format!("unknown declared charset \"{label}\"; ignored{guessed}"));
            return Ok(decoded);
        }
        None => {}
    }
    Ok(undeclared(bytes))
}

/// Bytes without a BOM or declaration: UTF-8 if valid, else the encoding chardetng guesses.
fn undeclared(bytes: &[u8]) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: text.to_string(), note: None };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let mut decoded = with_replacement(encoding, bytes, "no declaration");
    let guess = format!("not valid UTF-8 and no charset declared; decoded as {} (guessed)", encoding.name());
    decoded.note = Some(match decoded.note {
        Some(replaced) => format!("{guess}; {replaced}"),
        None => guess,
    });
    decoded
}

/// Decodes with `encoding`, replacing what it cannot decode; the note counts replacements.
fn with_replacement(encoding: &'static Encoding, bytes: &[u8], why: &str) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let note = had_errors.then(|| {
        let replaced = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
        format!(
            "{replaced} undecodable byte sequence(s) in {} text (from {why}) replaced with U+FFFD",
            encoding.name()
        )
    });
    Decoded { text: text.into_owned(), note }
}

/// A charset declared in an HTML file's `<meta>`.
enum Declared {
    Known(&'static Encoding),
    /// A label encoding_rs does not know, as written.
    Unknown(String),
}

/// The charset declared by a `<meta charset=…>` or `<meta http-equiv=Content-Type
/// content="…charset=…">` in the first 1024 bytes, if any. A declared UTF-16 means UTF-8
/// (the bytes were read as ASCII to find it), as in browsers.
fn prescan(bytes: &[u8]) -> Option<Declared> {
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = rest.get(at + 5..).unwrap_or_default();
        let end = tag.find('>').unwrap_or(tag.len());
        let attributes = tag.get(..end).unwrap_or_default();
        rest = tag.get(end..).unwrap_or_default();
        let Some(label) = charset_after(attributes, "charset") else {
            continue;
        };
        return Some(declared(&label));
    }
    None
}

/// The `encoding` of an `<?xml …?>` declaration at the very start, if any.
fn xml_declaration(bytes: &[u8]) -> Option<Declared> {
    let head = bytes.get(..256).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let declaration = head.strip_prefix("<?xml")?;
    let declaration = declaration.get(..declaration.find("?>")?)?;
    let label = charset_after(declaration, "encoding")?;
    Some(declared(&label))
}

/// A declared label, resolved as browsers do.
fn declared(label: &str) -> Declared {
    match Encoding::for_label(label.as_bytes()) {
        Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => Declared::Known(UTF_8),
        Some(encoding) => Declared::Known(encoding.output_encoding()),
        None => Declared::Unknown(label.to_string()),
    }
}

/// The value after `name=` (quoted or not) in a tag's lowercased attribute text; this also
/// finds `charset=` inside a `content` attribute.
fn charset_after(attributes: &str, name: &str) -> Option<String> {
    let at = attributes.find(name)?;
    let value = attributes.get(at + name.len()..)?.trim_start().strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let end =
        value.find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | '/')).unwrap_or(value.len());
    let label = value.get(..end)?.trim();
    (!label.is_empty()).then(|| label.to_string())
}

/// UTF-16 content found by [`utf16`].
pub(super) struct Utf16<'a> {
    /// UTF-16LE or UTF-16BE.
    pub encoding: &'static Encoding,
    /// The bytes after the byte-order mark, if any.
    body: &'a [u8],
    /// Whether a byte-order mark told the encoding (else it was guessed).
    bom: bool,
}

/// Strict UTF-16 decoding: a malformed file is skipped rather than half-replaced, since a
/// wrong UTF-16 guess would turn any text into noise.
fn decode_utf16(found: &Utf16<'_>) -> Result<Decoded, String> {
    let name = found.encoding.name();
    let text = found
        .encoding
        .decode_without_bom_handling_and_without_replacement(found.body)
        .ok_or_else(|| format!("not valid {name} (an unpaired surrogate or an odd number of bytes)"))?;
    if let Some(offset) = text.chars().take(BINARY_SNIFF_BYTES).position(|c| c == '\0') {
        return Err(format!("binary file (NUL character {offset} in its {name} text)"));
    }
    let note = (!found.bom).then(|| format!("{name} text without a byte-order mark; decoded as {name}"));
    Ok(Decoded { text: text.into_owned(), note })
}

/// UTF-16 if `bytes` start with a UTF-16 byte-order mark, or if, without one, nearly every
/// 16-bit unit in the first 8 KB has a zero high byte and a non-zero low byte (text that is
/// mostly ASCII or Latin-1, as UTF-16 LE or BE).
pub(super) fn utf16(bytes: &[u8]) -> Option<Utf16<'_>> {
    if let Some(body) = bytes.strip_prefix(b"\xff\xfe") {
        return Some(Utf16 { encoding: UTF_16LE, body, bom: true });
    }
    if let Some(body) = bytes.strip_prefix(b"\xfe\xff") {
        return Some(Utf16 { encoding: UTF_16BE, body, bom: true });
    }
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut le, mut be) = (0, 0);
    for unit in head.chunks_exact(2) {
        match *unit {
            [0, 0] => return None,
            [low, 0] if low != 0 => le += 1,
            [0, low] if low != 0 => be += 1,
            _ => {}
        }
    }
    let mostly = |count: usize| count * 10 >= units * 9;
    let encoding = if mostly(le) {
        UTF_16LE
    } else if mostly(be) {
        UTF_16BE
    } else {
        return None;
    };
    Some(Utf16 { encoding, body: bytes, bom: false })
}

/// `Err` with the skip reason if the first 8 KB of `bytes` hold a NUL byte.
pub(super) fn check_not_binary(bytes: &[u8]) -> Result<(), String> {
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    match head.iter().position(|&byte| byte == 0) {
        Some(offset) => Err(format!("binary file (NUL byte at offset {offset})")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8], html: bool) -> (String, Option<String>) {
        let decoded = decode(bytes, if html { Markup::Html } else { Markup::None }).unwrap();
        (decoded.text, decoded.note)
    }

    #[test]
    fn a_utf8_bom_wins_and_is_removed() {
        assert_eq!(text(b"\xef\xbb\xbfCaf\xc3\xa9", false), ("Café".to_string(), None));
    }

    #[test]
    fn meta_charset_is_read_in_html() {
        let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title>";
        let (decoded, note) = text(page, true);
        assert!(decoded.contains("Café"), "{decoded}");
        assert_eq!(note, None, "a declared charset is not a guess");
    }

    #[test]
    fn http_equiv_content_type_is_read_in_html() {
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>na\xefve</p>";
        assert!(text(page, true).0.contains("naïve"));
        let page =
            b"<meta http-equiv=content-type content=\"text/html;charset=shift_jis\"><p>\x93\xfa\x96\x7b</p>";
        assert!(text(page, true).0.contains("日本"));
    }

    #[test]
    fn a_declared_utf8_page_with_bad_bytes_is_decoded_with_a_note() {
        let (decoded, note) = text(b"<meta charset=utf-8><p>ok \xff end</p>", true);
        assert!(decoded.contains("ok \u{fffd} end"));
        assert!(note.unwrap().contains("1 undecodable byte sequence(s) in UTF-8"));
    }

    #[test]
    fn an_unknown_label_falls_back_to_detection() {
        let (decoded, note) = text(b"<meta charset=klingon><p>Caf\xe9 cr\xe8me br\xfbl\xe9e</p>", true);
        assert!(decoded.contains("Café crème brûlée"), "{decoded}");
        let note = note.unwrap();
        assert!(note.starts_with("unknown declared charset \"klingon\"; ignored"), "{note}");
    }

    #[test]
    fn undeclared_legacy_bytes_are_guessed() {
        let latin = b"Caf\xe9 au lait. Le gar\xe7on a r\xe9pondu \xe0 la question de l'\xe9l\xe8ve.";
        let (decoded, note) = text(latin, false);
        assert!(decoded.starts_with("Café au lait. Le garçon"), "{decoded}");
        assert_eq!(
            note.unwrap(),
            "not valid UTF-8 and no charset declared; decoded as windows-1252 (guessed)"
        );
        let cyrillic = "Привет, как дела? Это текст на русском языке.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(cyrillic);
        assert_eq!(text(&bytes, false).0, cyrillic);
    }

    #[test]
    fn an_xml_declaration_gives_the_encoding_of_a_feed() {
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Caf\xe9</title></rss>";
        let decoded = decode(feed, Markup::Xml).unwrap();
        assert!(decoded.text.contains("Café") && decoded.note.is_none(), "{decoded:?}");
    }

    #[test]
    fn the_meta_prescan_is_not_used_outside_html() {
        let (decoded, note) = text(b"<meta charset=shift_jis> Caf\xe9 cr\xe8me", false);
        assert!(decoded.contains("Café crème"), "{decoded}");
        assert!(note.unwrap().contains("windows-1252 (guessed)"));
    }

    #[test]
    fn utf16_and_binary_rules_are_unchanged() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Hé".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(text(&le, false), ("Hé".to_string(), None));
        assert!(decode(b"ab\0cd", Markup::None)
            .unwrap_err()
            .starts_with("binary file (NUL byte at offset 2)"));
        assert!(decode(b"\xff\xfeA", Markup::None).unwrap_err().contains("odd number of bytes"));
    }
}
