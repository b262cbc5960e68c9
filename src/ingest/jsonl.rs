//! JSON Lines (`.jsonl`): one document per line, streamed with a bounded line reader.
//!
//! Each non-blank line is an object with `id` (string or number), `title`, `date`
//! (`YYYY-MM-DD` or an ISO datetime), `url`, `source` (or `publisher` / `outlet`), `author`
//! (or `byline`) and `text` (or `body` / `content`); other fields are ignored. A bad line
//! (too long, not UTF-8, not JSON, not an object, no usable text) is skipped with its line
//! number and every other line is kept. A missing id becomes
//! `<file stem>:<line>` and a missing title is derived from the text, which stays whole.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use serde_json::{Map, Value};

use super::charset::{check_not_binary, utf16};
use super::{
    date_or_warning, file_stem, normalize_newlines, normalize_text, one_line, txt, Parsed, Run,
    BINARY_SNIFF_BYTES, MAX_FILE_BYTES,
};

/// Reads one opened `.jsonl` file (a regular file), sending documents, skips and warnings
/// to `run`.
pub(super) fn read(run: &mut Run, path: &Path, file: File) {
    let mut head = Vec::new();
    if let Err(error) = (&file).take(BINARY_SNIFF_BYTES as u64).read_to_end(&mut head) {
        return run.skip(path, None, format!("cannot read file: {error}"));
    }
    if let Some(found) = utf16(&head) {
        let reason = format!("{} text; a .jsonl file must be UTF-8", found.encoding.name());
        return run.skip(path, None, reason);
    }
    if let Err(reason) = check_not_binary(&head) {
        return run.skip(path, None, reason);
    }
    let mut reader = BufReader::new(io::Cursor::new(head).chain(file));
    let stem = file_stem(path);
    let mut buffer = Vec::new();
    let mut all_blank = true;
    for line_number in 1.. {
        buffer.clear();
        match read_line(&mut reader, &mut buffer, MAX_FILE_BYTES) {
            Ok(Line::End) => break,
            Ok(Line::Complete) => {
                let length = u64::try_from(buffer.len()).unwrap_or(u64::MAX);
                run.progress.bytes_done = run.progress.bytes_done.saturating_add(length);
                all_blank &= !line(run, path, &stem, line_number, &buffer);
            }
            Ok(Line::TooLong(length)) => {
                run.progress.bytes_done = run.progress.bytes_done.saturating_add(length);
                all_blank = false;
                let reason = format!("line too long ({length} bytes, limit 64 MiB)");
                run.skip(path, Some(line_number), reason);
            }
            Err(error) => {
                run.skip(path, Some(line_number), format!("cannot read line: {error}"));
                return;
            }
        }
    }
    if all_blank {
        run.skip(path, None, "empty file");
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A whole line (with its `\n`, if any) is in the buffer.
    Complete,
    /// The line was longer than the limit; it was consumed, this many bytes long.
    TooLong(u64),
    /// End of input.
    End,
}

/// Reads one line into `buffer` without ever holding more than `limit + 1` bytes of it.
fn read_line(reader: &mut impl BufRead, buffer: &mut Vec<u8>, limit: u64) -> io::Result<Line> {
    let read = reader.by_ref().take(limit.saturating_add(1)).read_until(b'\n', buffer)?;
    let read = u64::try_from(read).unwrap_or(u64::MAX);
    if read == 0 {
        return Ok(Line::End);
    }
    if read <= limit || buffer.last() == Some(&b'\n') {
        return Ok(Line::Complete);
    }
    let mut length = read;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(Line::TooLong(length));
        }
        let (consumed, done) = match chunk.iter().position(|&byte| byte == b'\n') {
            Some(newline) => (newline + 1, true),
            None => (chunk.len(), false),
        };
        reader.consume(consumed);
        length = length.saturating_add(u64::try_from(consumed).unwrap_or(u64::MAX));
        if done {
            return Ok(Line::TooLong(length));
        }
    }
}

/// Handles one line; returns `false` if it was blank.
fn line(run: &mut Run, path: &Path, stem: &str, line_number: usize, bytes: &[u8]) -> bool {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            run.skip(
                path,
                Some(line_number),
                format!("not valid UTF-8 (byte offset {})", error.valid_up_to()),
            );
            return true;
        }
    };
    let text = if line_number == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
    if text.trim().is_empty() {
        return false;
    }
    match record(text, stem, line_number) {
        Ok((id, parsed)) => run.document(path, Some(line_number), id, parsed),
        Err(reason) => run.skip(path, Some(line_number), reason),
    }
    true
}

/// Parses one record: its id and fields, or the reason it is skipped.
pub(super) fn record(line: &str, stem: &str, line_number: usize) -> Result<(String, Parsed), String> {
    let value: Value = serde_json::from_str(line).map_err(|error| format!("invalid JSON: {error}"))?;
    let Value::Object(fields) = value else {
        return Err(format!("not a JSON object (found {})", kind(&value)));
    };
    let mut parsed = Parsed { text: record_text(&fields)?, ..Parsed::default() };
    let id = record_id(&fields, stem, line_number, &mut parsed.warnings);
    parsed.title = match fields.get("title") {
        Some(Value::String(title)) if !title.trim().is_empty() => one_line(title),
        _ => txt::title_policy(parsed.text.lines().next().unwrap_or_default()).0,
    };
    parsed.date = match fields.get("date") {
        Some(Value::String(date)) => date_or_warning(date, &mut parsed.warnings),
        None | Some(Value::Null) => None,
        Some(other) => {
            parsed.warnings.push(format!("date is {}, not a string; ignored", kind(other)));
            None
        }
    };
    parsed.url = fields
        .get("url")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .map(String::from);
    let first_string = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| fields.get(*key).and_then(Value::as_str).map(one_line).filter(|v| !v.is_empty()))
    };
    parsed.source = first_string(&["source", "publisher", "outlet"]);
    parsed.author = first_string(&["author", "byline"]);
    Ok((id, parsed))
}

/// The normalized text from `text`, `body` or `content` (first non-empty), or the skip reason.
fn record_text(fields: &Map<String, Value>) -> Result<String, String> {
    let mut found_empty = false;
    let mut not_string = None;
    for key in ["text", "body", "content"] {
        match fields.get(key) {
            Some(Value::String(text)) => {
                let text = normalize_text(&normalize_newlines(text));
                if !text.is_empty() {
                    return Ok(text);
                }
                found_empty = true;
            }
            Some(Value::Null) => found_empty = true,
            Some(other) => not_string = not_string.or(Some((key, kind(other)))),
            None => {}
        }
    }
    Err(if found_empty {
        "empty text".to_string()
    } else if let Some((key, kind)) = not_string {
        format!("\"{key}\" is {kind}, not a string")
    } else {
        "no text (expected a \"text\", \"body\" or \"content\" field)".to_string()
    })
}

/// The `id` field as a string, or `<stem>:<line>` with a warning.
fn record_id(
    fields: &Map<String, Value>,
    stem: &str,
    line_number: usize,
    warnings: &mut Vec<String>,
) -> String {
    let problem = match fields.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => return id.trim().to_string(),
        Some(Value::Number(id)) => return id.to_string(),
        None | Some(Value::Null) => "missing id".to_string(),
        Some(Value::String(_)) => "empty id".to_string(),
        Some(other) => format!("id is {}, not a string or number", kind(other)),
    };
    let id = format!("{stem}:{line_number}");
    warnings.push(format!("{problem}; using \"{id}\""));
    id
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<(String, Parsed), String> {
        record(line, "feed", 7)
    }

    #[test]
    fn full_record() {
        let (id, parsed) = parse(
            r#"{"id":"a1","title":" T  1 ","date":"2025-08-29T10:00:00Z","url":"https://e.com","subtitle":"x","text":"Hello\r\nworld"}"#,
        )
        .unwrap();
        assert_eq!(id, "a1");
        assert_eq!(parsed.title, "T 1");
        assert_eq!(parsed.date.as_deref(), Some("2025-08-29"));
        assert_eq!(parsed.url.as_deref(), Some("https://e.com"));
        assert_eq!(parsed.text, "Hello\nworld");
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn numeric_id_body_field_and_derived_title() {
        let lead = "A lead sentence that is long enough. ".repeat(6);
        let (id, parsed) = parse(&format!(r#"{{"id":42,"body":"{lead}\nMore."}}"#)).unwrap();
        assert_eq!(id, "42");
        assert_eq!(parsed.title, "A lead sentence that is long enough.");
        assert_eq!(parsed.text, format!("{}\nMore.", lead.trim()));
    }

    #[test]
    fn missing_id_and_bad_date_warn() {
        let (id, parsed) = parse(r#"{"content":"Text","date":"2025-02-29"}"#).unwrap();
        assert_eq!(id, "feed:7");
        assert_eq!(parsed.date, None);
        assert_eq!(parsed.title, "Text");
        assert_eq!(parsed.warnings.len(), 2);
        let (_, parsed) = parse(r#"{"id":"","text":"x","date":7}"#).unwrap();
        assert_eq!(
            parsed.warnings,
            ["empty id; using \"feed:7\"", "date is a number, not a string; ignored"]
        );
    }

    #[test]
    fn bad_records_give_reasons() {
        let reason = |line: &str| parse(line).err().unwrap_or_default();
        assert!(reason("{\"id\":").starts_with("invalid JSON: "));
        assert_eq!(reason("[1,2]"), "not a JSON object (found an array)");
        assert_eq!(reason(r#"{"id":"x","text":"  "}"#), "empty text");
        assert_eq!(reason(r#"{"id":"x","text":null}"#), "empty text");
        assert_eq!(reason(r#"{"id":"x","text":5}"#), "\"text\" is a number, not a string");
        assert_eq!(reason(r#"{"id":"x"}"#), "no text (expected a \"text\", \"body\" or \"content\" field)");
    }

    #[test]
    fn long_lines_are_skipped_without_being_held() {
        let input = b"short\n0123456789abcdef\nlast".to_vec();
        let mut reader = io::BufReader::with_capacity(4, io::Cursor::new(input));
        let mut buffer = Vec::new();
        let mut lines = Vec::new();
        loop {
            buffer.clear();
            match read_line(&mut reader, &mut buffer, 8).unwrap() {
                Line::End => break,
                Line::Complete => lines.push(String::from_utf8_lossy(&buffer).into_owned()),
                Line::TooLong(length) => lines.push(format!("too long: {length}")),
            }
        }
        assert_eq!(lines, ["short\n", "too long: 17", "last"]);
    }
}
