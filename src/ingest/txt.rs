//! Plain text (`.txt`), and the title policy shared by the other formats.
//!
//! Layout: optional `title:` / `date:` / `url:` header lines at the very top (metadata, not
//! text); then a first content line that may start with `date YYYY-MM-DD` (the date is taken,
//! the rest of the line is ordinary text); the first non-empty line is the title unless a
//! `title:` header gave one (see [`title_policy`]); everything else is the text.

use super::{date_or_warning, normalize_text, one_line, parse_date, Parsed};

/// A first line up to this many characters is the title itself.
const MAX_TITLE_LINE_CHARS: usize = 160;
/// A title derived from a longer first line is cut to this many characters plus `…`.
const MAX_DERIVED_TITLE_CHARS: usize = 120;

/// Parses a cleaned `.txt` file (LF line endings, no BOM).
pub(super) fn parse(content: &str) -> Parsed {
    let lines: Vec<&str> = content.lines().collect();
    let mut parsed = Parsed::default();
    let mut header_title = None;
    let mut at = next_content_line(&lines, 0);
    while let Some((key, value)) = lines.get(at).and_then(|line| header(line)) {
        match key {
            Header::Title => header_title = Some(one_line(value)),
            Header::Date => parsed.date = date_or_warning(value, &mut parsed.warnings),
            Header::Url => parsed.url = Some(value.to_string()),
        }
        at = next_content_line(&lines, at + 1);
    }
    let mut first = lines.get(at).copied().unwrap_or_default();
    if let Some((date, rest)) = date_prefix(first) {
        parsed.date.get_or_insert(date);
        first = rest;
        if rest.is_empty() {
            at = next_content_line(&lines, at + 1);
            first = lines.get(at).copied().unwrap_or_default();
        }
    }
    let (title, keep_first) = match header_title {
        Some(title) => (title, true),
        None => title_policy(first),
    };
    let mut body = if keep_first { first.to_string() } else { String::new() };
    for line in lines.get(at + 1..).unwrap_or_default() {
        body.push('\n');
        body.push_str(line);
    }
    parsed.title = title;
    parsed.text = normalize_text(&body);
    parsed
}

/// Index of the first non-blank line at or after `from` (or `lines.len()`).
fn next_content_line(lines: &[&str], from: usize) -> usize {
    let blanks =
        lines.get(from..).unwrap_or_default().iter().take_while(|line| line.trim().is_empty()).count();
    from + blanks
}

/// The metadata keys a header line may carry.
#[derive(Debug, PartialEq, Eq)]
enum Header {
    Title,
    Date,
    Url,
}

/// A `key: value` header line with a known key and a non-empty value.
fn header(line: &str) -> Option<(Header, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = match key.trim().to_ascii_lowercase().as_str() {
        "title" => Header::Title,
        "date" => Header::Date,
        "url" => Header::Url,
        _ => return None,
    };
    let value = value.trim();
    (!value.is_empty()).then_some((key, value))
}

/// Splits `date YYYY-MM-DD rest…` into the date and the rest of the line.
fn date_prefix(line: &str) -> Option<(String, &str)> {
    let line = line.trim_start();
    if !line.get(..4)?.eq_ignore_ascii_case("date") {
        return None;
    }
    let after_keyword = line.get(4..)?;
    if !after_keyword.starts_with(char::is_whitespace) {
        return None;
    }
    let after_keyword = after_keyword.trim_start();
    let date = parse_date(after_keyword.get(..10)?)?;
    let rest = after_keyword.get(10..)?;
    let ends_word = rest.is_empty() || rest.starts_with(char::is_whitespace);
    ends_word.then(|| (date, rest.trim()))
}

/// The title policy: a first line of at most 160 characters is the title and is not
/// repeated in the text (`false`). A longer line (a lead paragraph) gives its first
/// sentence, cut at a word boundary to 120 characters plus `…`, and stays in the text (`true`).
pub(super) fn title_policy(first_line: &str) -> (String, bool) {
    let line = one_line(first_line);
    if line.chars().count() <= MAX_TITLE_LINE_CHARS {
        return (line, false);
    }
    (shorten(first_sentence(&line), MAX_DERIVED_TITLE_CHARS), true)
}

/// Applies [`title_policy`] to the first line of normalized `text`: the title and the text
/// without that line if the line is the title.
pub(super) fn title_from_text(text: String) -> (String, String) {
    let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let (title, keep_first) = title_policy(first);
    if keep_first {
        return (title, text);
    }
    let rest = rest.trim_start().to_string();
    (title, rest)
}

/// The line up to its first sentence end (`.`, `?` or `!`, maybe closing quotes, then a
/// space and a word not starting in lowercase), skipping abbreviations like `U.S.` or `Mr.`.
fn first_sentence(line: &str) -> &str {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (at, &(offset, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let mut end = at + 1;
        while chars.get(end).is_some_and(|&(_, c)| matches!(c, '"' | '\'' | '”' | '’' | ')')) {
            end += 1;
        }
        let followed_by_space = chars.get(end).is_some_and(|&(_, c)| c == ' ');
        let next_is_lowercase = chars.get(end + 1).is_some_and(|&(_, c)| c.is_lowercase());
        let before = line.get(..offset).unwrap_or_default();
        if followed_by_space && !next_is_lowercase && !(c == '.' && ends_with_abbreviation(before)) {
            let end_offset = chars.get(end).map_or(line.len(), |&(offset, _)| offset);
            return line.get(..end_offset).unwrap_or(line);
        }
    }
    line
}

/// Whether the word before a `.` is an abbreviation or an initial (`U.S`, `J`, `Mr`).
fn ends_with_abbreviation(before: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr",
        "sr", "vs", "mt", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    let word = before.rsplit(' ').next().unwrap_or_default();
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.contains('.')
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// `text` if it has at most `max_chars` characters, else cut at the last word boundary
/// within `max_chars` (trailing punctuation dropped) plus `…`.
fn shorten(text: &str, max_chars: usize) -> String {
    let Some((limit, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let (head, tail) = text.split_at(limit);
    let cut =
        if tail.starts_with(' ') { head } else { head.rsplit_once(' ').map_or(head, |(words, _)| words) };
    let cut =
        cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '–' | '—' | '-'));
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_first_line_is_the_title_and_not_repeated() {
        let parsed = parse("My Title\n\nFirst   paragraph.\tMore.\nSecond line.  \n\n\n\nNext paragraph.\n");
        assert_eq!(parsed.title, "My Title");
        assert_eq!(parsed.text, "First paragraph. More.\nSecond line.\n\nNext paragraph.");
        assert_eq!(parsed.date, None);
    }

    #[test]
    fn header_lines_are_metadata() {
        let parsed = parse(
            "URL: https://example.com/a\nDate: 2024-02-29\ntitle:  The  Title \n\nFirst line.\nSecond.",
        );
        assert_eq!(parsed.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(parsed.date.as_deref(), Some("2024-02-29"));
        assert_eq!(parsed.title, "The Title");
        assert_eq!(parsed.text, "First line.\nSecond.");
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn invalid_header_date_warns() {
        let parsed = parse("date: 2023-02-29\nTitle line\nBody.");
        assert_eq!(parsed.date, None);
        assert_eq!(parsed.warnings.len(), 1);
        assert_eq!(parsed.title, "Title line");
    }

    #[test]
    fn date_prefix_rest_of_line_is_text() {
        let lead = "Officials said Friday that talks would resume next week in Geneva after a pause of several months, \
                    according to people familiar with the plans. More text follows here.";
        let parsed = parse(&format!(" date 2025-08-29 {lead}\n\nSecond paragraph."));
        assert_eq!(parsed.date.as_deref(), Some("2025-08-29"));
        assert_eq!(parsed.text, format!("{lead}\n\nSecond paragraph."));
        assert!(parsed.title.starts_with("Officials said Friday"));
    }

    #[test]
    fn date_only_line_then_title() {
        let parsed = parse("date 2025-01-31\n\nHeadline\nBody.");
        assert_eq!(parsed.date.as_deref(), Some("2025-01-31"));
        assert_eq!(parsed.title, "Headline");
        assert_eq!(parsed.text, "Body.");
    }

    #[test]
    fn invalid_date_prefix_is_plain_text() {
        let parsed = parse("date 2025-13-01 is not a date\nBody.");
        assert_eq!(parsed.date, None);
        assert_eq!(parsed.title, "date 2025-13-01 is not a date");
    }

    #[test]
    fn long_first_line_gives_first_sentence_and_stays_in_text() {
        let line = "Senior US military officials have arrived in Ukraine to discuss efforts to end the war. \
                    The delegation, led by the Army Secretary, is expected to meet officials in Kyiv on Thursday.";
        let (title, keep) = title_policy(line);
        assert_eq!(
            title,
            "Senior US military officials have arrived in Ukraine to discuss efforts to end the war."
        );
        assert!(keep);
        let parsed = parse(&format!("{line}\nNext."));
        assert_eq!(parsed.text, format!("{line}\nNext."));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(first_sentence("He met U.S. President Trump. Then left."), "He met U.S. President Trump.");
        assert_eq!(first_sentence("Mr. Smith said \"no.\" Then left."), "Mr. Smith said \"no.\"");
        assert_eq!(first_sentence("Is it? yes it is. Done"), "Is it? yes it is.");
        assert_eq!(first_sentence("No end here"), "No end here");
    }

    #[test]
    fn long_sentences_are_cut_at_a_word_boundary() {
        let sentence = "word ".repeat(40);
        let title = shorten(sentence.trim(), 120);
        assert!(title.ends_with("word…"));
        assert!(title.chars().count() <= 121);
        assert_eq!(shorten("abcdefgh", 4), "abcd…");
        assert_eq!(shorten("ab cd, efgh", 6), "ab cd…");
        assert_eq!(shorten("short", 120), "short");
    }

    #[test]
    fn title_from_text_drops_a_short_first_line() {
        assert_eq!(title_from_text("Title\n\nBody".into()), ("Title".into(), "Body".into()));
        assert_eq!(title_from_text("Only".into()), ("Only".into(), String::new()));
    }
}
