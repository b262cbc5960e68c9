//! HTML (`.html`, `.htm`): visible text only, with a small forgiving tokenizer.
//!
//! Dropped: `<head>` content (but `<title>`, `<meta>` and `<link>` are read), `<script>`,
//! `<style>`, `<noscript>`, `<template>`, `<svg>`, `<iframe>`, comments, `<!DOCTYPE>`,
//! processing instructions and CDATA. Block elements produce line breaks (`<li>` starts a
//! `- ` line), `<pre>` keeps its newlines, entities are decoded. Malformed input never
//! fails: a `<` that does not start a tag is text, a tag or quoted attribute that never
//! ends drops the rest of the file, an unclosed `<script>` drops the rest of the file.

use super::{normalize_text, one_line, parse_date, txt, Parsed};

/// Elements whose content is never shown: skipped up to their closing tag.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "svg", "iframe", "xmp"];
/// Elements that may appear in `<head>` without ending it.
const HEAD_CONTENT: &[&str] =
    &["html", "head", "title", "meta", "link", "base", "script", "style", "noscript", "template"];
/// Elements that end a paragraph (blank line before and after).
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
    "figure",
    "main",
    "aside",
    "nav",
    "address",
];
/// Elements that end a line.
const LINE: &[&str] = &["br", "div", "li", "tr", "dd", "dt", "figcaption", "caption", "form", "fieldset"];

/// Parses a cleaned HTML file (LF line endings, no BOM).
pub(super) fn parse(html: &str) -> Parsed {
    let mut page = Page::default();
    page.read(html);
    page.finish()
}

/// The visible text of an HTML fragment (e.g. an HTML block in markdown), normalized.
pub(super) fn visible_text(html: &str) -> String {
    let mut page = Page::default();
    page.read(html);
    normalize_text(&page.text)
}

/// What has been extracted so far.
#[derive(Default)]
struct Page {
    /// Visible text, whitespace not yet normalized.
    text: String,
    title: Option<String>,
    /// The first non-empty `<h1>`.
    h1: Option<String>,
    /// Text of the `<h1>` being read, while the first one is open.
    h1_open: Option<String>,
    in_head: bool,
    pre_depth: usize,
    /// Break owed before the next visible character: 0, 1 (line) or 2 (paragraph) newlines.
    pending_break: usize,
    /// Raw `article:published_time` content.
    published: Option<String>,
    /// First valid `<time datetime>`.
    time: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

impl Page {
    fn read(&mut self, html: &str) {
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            let (text, markup) = rest.split_at(start);
            self.push_text(text);
            rest = match self.markup(markup) {
                Some(after) => after,
                None => {
                    self.push_text("<");
                    markup.get(1..).unwrap_or_default()
                }
            };
        }
        self.push_text(rest);
    }

    /// Handles the construct at the start of `s` (which starts with `<`) and returns the
    /// input after it, or `None` if this `<` is just text.
    fn markup<'a>(&mut self, s: &'a str) -> Option<&'a str> {
        if let Some(comment) = s.strip_prefix("<!--") {
            return Some(after(comment, "-->"));
        }
        if starts_with_ignore_case(s, "<![CDATA[") {
            return Some(after(s, "]]>"));
        }
        if s.starts_with("<!") || s.starts_with("<?") {
            return Some(after(s, ">"));
        }
        if let Some(end_tag) = s.strip_prefix("</") {
            let (name, rest) = tag_name(end_tag)?;
            self.end_tag(&name);
            return Some(after(rest, ">"));
        }
        let (name, rest) = tag_name(s.get(1..)?)?;
        match attributes(rest) {
            Some((attributes, rest)) => Some(self.start_tag(&name, &attributes, rest)),
            None => Some(""),
        }
    }

    /// Handles a start tag and returns the input after it (and after its content, for
    /// elements whose content is raw text or hidden).
    fn start_tag<'a>(&mut self, name: &str, attributes: &[(String, String)], rest: &'a str) -> &'a str {
        if !HEAD_CONTENT.contains(&name) {
            self.in_head = false;
        }
        match name {
            "head" => self.in_head = true,
            "title" => {
                let (raw, rest) = raw_text(rest, name);
                let title = one_line(&decode_entities(raw));
                if self.title.is_none() && !title.is_empty() {
                    self.title = Some(title);
                }
                return rest;
            }
            "meta" => self.meta(attributes),
            "link" => self.link(attributes),
            "time" if self.time.is_none() => {
                self.time = attribute(attributes, "datetime").and_then(parse_date)
            }
            "h1" if self.h1.is_none() && self.h1_open.is_none() => self.h1_open = Some(String::new()),
            "pre" => self.pre_depth += 1,
            "td" | "th" => self.push_text(" "),
            _ if HIDDEN.contains(&name) => return raw_text(rest, name).1,
            _ => {}
        }
        self.push_break(name);
        if name == "li" {
            self.push_text("- ");
        }
        rest
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "head" => self.in_head = false,
            "h1" => self.close_h1(),
            "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
            _ => {}
        }
        self.push_break(name);
    }

    fn close_h1(&mut self) {
        if let Some(h1) = self.h1_open.take() {
            let h1 = one_line(&h1);
            if !h1.is_empty() {
                self.h1 = Some(h1);
            }
        }
    }

    fn meta(&mut self, attributes: &[(String, String)]) {
        let key = attribute(attributes, "property").or_else(|| attribute(attributes, "name"));
        let content = attribute(attributes, "content").map(str::trim).filter(|content| !content.is_empty());
        let (Some(key), Some(content)) = (key, content) else {
            return;
        };
        let slot = match key.to_ascii_lowercase().as_str() {
            "article:published_time" => &mut self.published,
            "og:url" => &mut self.og_url,
            _ => return,
        };
        slot.get_or_insert_with(|| content.to_string());
    }

    fn link(&mut self, attributes: &[(String, String)]) {
        let rel = attribute(attributes, "rel").unwrap_or_default();
        let canonical = rel.split_whitespace().any(|token| token.eq_ignore_ascii_case("canonical"));
        let href = attribute(attributes, "href").map(str::trim).filter(|href| !href.is_empty());
        if let (true, Some(href), None) = (canonical, href, &self.canonical) {
            self.canonical = Some(href.to_string());
        }
    }

    /// Appends raw (entity-encoded) visible text.
    fn push_text(&mut self, raw: &str) {
        if self.in_head || raw.is_empty() {
            return;
        }
        let keep_newlines = self.pre_depth > 0;
        for c in decode_entities(raw).chars() {
            let c = match c {
                '\n' if keep_newlines => '\n',
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if self.pending_break > 0 {
                if c.is_whitespace() {
                    continue;
                }
                self.text.extend(std::iter::repeat_n('\n', self.pending_break));
                self.pending_break = 0;
            }
            self.text.push(c);
            if let Some(h1) = &mut self.h1_open {
                h1.push(c);
            }
        }
    }

    /// Owes the line or paragraph break an element produces, if any (breaks do not add up).
    fn push_break(&mut self, name: &str) {
        let newlines = if PARAGRAPH.contains(&name) {
            2
        } else if LINE.contains(&name) {
            1
        } else {
            return;
        };
        if !self.in_head {
            self.pending_break = self.pending_break.max(newlines);
            if let Some(h1) = &mut self.h1_open {
                h1.push(' ');
            }
        }
    }

    fn finish(mut self) -> Parsed {
        self.close_h1();
        let text = normalize_text(&self.text);
        let date = self.published.as_deref().and_then(parse_date).or(self.time);
        let url = self.canonical.or(self.og_url);
        let (title, text) = match self.title.or(self.h1) {
            Some(title) => (title, text),
            None => txt::title_from_text(text),
        };
        Parsed { title, date, url, text, warnings: Vec::new() }
    }
}

/// The input after the first `needle`, or `""` if there is none.
fn after<'a>(s: &'a str, needle: &str) -> &'a str {
    s.find(needle).and_then(|at| s.get(at + needle.len()..)).unwrap_or_default()
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A lowercased tag name at the start of `s` (must start with an ASCII letter), and the rest.
fn tag_name(s: &str) -> Option<(String, &str)> {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end =
        s.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '_'))).unwrap_or(s.len());
    let (name, rest) = s.split_at(end);
    Some((name.to_ascii_lowercase(), rest))
}

/// Parses attributes up to the `>` that ends the tag (quotes respected): the attributes
/// (lowercased names, decoded values) and the input after `>`, or `None` if the tag never ends.
fn attributes(mut s: &str) -> Option<(Vec<(String, String)>, &str)> {
    let mut attributes = Vec::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if let Some(rest) = s.strip_prefix('>') {
            return Some((attributes, rest));
        }
        let end = s.find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/')).unwrap_or(s.len());
        if s.is_empty() {
            return None;
        }
        if end == 0 {
            s = s.get(1..)?; // a stray `=`
            continue;
        }
        let (name, rest) = s.split_at(end);
        let rest = rest.trim_start();
        let (value, rest) = match rest.strip_prefix('=') {
            Some(value) => attribute_value(value.trim_start())?,
            None => (String::new(), rest),
        };
        attributes.push((name.to_ascii_lowercase(), value));
        s = rest;
    }
}

/// A quoted or unquoted attribute value (decoded) and the rest; `None` if a quote never closes.
fn attribute_value(s: &str) -> Option<(String, &str)> {
    if let Some(quote) = s.chars().next().filter(|&c| c == '"' || c == '\'') {
        let (value, rest) = s.get(1..)?.split_once(quote)?;
        return Some((decode_entities(value), rest));
    }
    let end = s.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(s.len());
    let (value, rest) = s.split_at(end);
    Some((decode_entities(value), rest))
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

/// Splits `s` at the closing tag `</name…>` (any case): the content before it and the input
/// after it. Without a closing tag, everything is content.
fn raw_text<'a>(s: &'a str, name: &str) -> (&'a str, &'a str) {
    for (at, _) in s.match_indices("</") {
        let tail = s.get(at + 2..).unwrap_or_default();
        let after_name = tail.get(name.len()..);
        let name_ends = after_name.is_some_and(|t| {
            t.is_empty() || t.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
        });
        if starts_with_ignore_case(tail, name) && name_ends {
            return (s.get(..at).unwrap_or_default(), after(tail, ">"));
        }
    }
    (s, "")
}

/// Decodes character references: named ones common in news, decimal and hex (invalid code
/// points become U+FFFD, 0x80–0x9F are read as Windows-1252 like browsers do). Unknown
/// references are left as they are.
pub(super) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        let (before, reference) = rest.split_at(amp);
        out.push_str(before);
        let (decoded, length) = entity(reference).unwrap_or(('&', 1));
        out.push(decoded);
        rest = reference.get(length..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The character for the reference at the start of `s` (which starts with `&`) and its byte length.
fn entity(s: &str) -> Option<(char, usize)> {
    let body = s.get(1..)?;
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, "&#x".len()),
            None => (number, 10, "&#".len()),
        };
        let length = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
        let code = u32::from_str_radix(digits.get(..length).filter(|d| !d.is_empty())?, radix).ok();
        let semicolon = usize::from(digits.get(length..).is_some_and(|t| t.starts_with(';')));
        return Some((numeric_character(code), prefix + length + semicolon));
    }
    let end = body.bytes().take(32).position(|b| b == b';')?;
    Some((named_character(body.get(..end)?)?, end + 2))
}

fn numeric_character(code: Option<u32>) -> char {
    const WINDOWS_1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match code {
        Some(code @ 0x80..=0x9f) => {
            let index = usize::try_from(code - 0x80).unwrap_or(0);
            WINDOWS_1252.get(index).copied().unwrap_or(char::REPLACEMENT_CHARACTER)
        }
        Some(code) if code != 0 => char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::REPLACEMENT_CHARACTER,
    }
}

fn named_character(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sect" => '§',
        "para" => '¶',
        "dagger" => '†',
        "prime" => '′',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "iexcl" => '¡',
        "iquest" => '¿',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "atilde" => 'ã',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "Iacute" => 'Í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "oacute" => 'ó',
        "Oacute" => 'Ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "szlig" => 'ß',
        "uacute" => 'ú',
        "Uacute" => 'Ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "yacute" => 'ý',
        "yuml" => 'ÿ',
        "scaron" => 'š',
        "Scaron" => 'Š',
        "zcaron" => 'ž',
        "Zcaron" => 'Ž',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_title_date_and_url() {
        let html = r#"<!DOCTYPE html><html><head><title>Page &amp; Title</title>
            <meta property="article:published_time" content="2025-08-29T10:00:00Z">
            <link rel="canonical" href="https://example.com/a"><style>p { color: red }</style></head>
            <body><h1>Headline</h1><p>First <b>bold</b>
            paragraph.</p><ul><li>one</li><li>two</li></ul></body></html>"#;
        let parsed = parse(html);
        assert_eq!(parsed.title, "Page & Title");
        assert_eq!(parsed.date.as_deref(), Some("2025-08-29"));
        assert_eq!(parsed.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(parsed.text, "Headline\n\nFirst bold paragraph.\n\n- one\n- two");
    }

    #[test]
    fn title_falls_back_to_h1_then_first_line() {
        assert_eq!(parse("<h1>The <i>H1</i></h1><p>Body</p>").title, "The H1");
        let parsed = parse("<p>Short line</p><p>Body</p>");
        assert_eq!((parsed.title.as_str(), parsed.text.as_str()), ("Short line", "Body"));
    }

    #[test]
    fn hostile_markup_is_dropped() {
        let html = r#"<title>T</title><P onclick="a > b">Hi <IMG SRC=x onerror="alert('>')"> there</P><SCRIPT>alert("<p>x</p>")</SCRIPT>
            <!-- <p>comment</p> --><![CDATA[ raw ]]><?php echo 1 ?><svg><text>svg</text></svg>
            <noscript>enable js</noscript>a < b &amp;&amp; c<x-y>d</X-Y> <script>never closed <p>lost</p>"#;
        let parsed = parse(html);
        assert_eq!(parsed.text, "Hi there\n\na < b && cd");
    }

    #[test]
    fn unterminated_tags_and_quotes_drop_the_rest() {
        assert_eq!(parse("<title>T</title><p>kept</p><a href=\"never closed>lost").text, "kept");
        assert_eq!(parse("<title>T</title><p>kept</p><div class=x").text, "kept");
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("&lt;&gt;&quot;&apos;&ndash;&mdash;&hellip;&eacute;&copy;&euro;&pound;"),
            "<>\"'–—…é©€£"
        );
        assert_eq!(decode_entities("&#8217;&#x2019;&#X41;&#65"), "’’AA");
        assert_eq!(decode_entities("&#0;&#xD800;&#99999999999;&#x110000;"), "\u{fffd}".repeat(4));
        assert_eq!(decode_entities("&#151;&#146;"), "—’");
        assert_eq!(decode_entities("AT&T &unknown; & &#; &#x;"), "AT&T &unknown; & &#; &#x;");
    }

    #[test]
    fn pre_keeps_newlines_and_time_gives_date() {
        let parsed = parse("<h1>T</h1><time datetime=\"2024-02-29\">Feb 29</time><pre>a  b\nc</pre>");
        assert_eq!(parsed.date.as_deref(), Some("2024-02-29"));
        assert_eq!(parsed.text, "T\n\nFeb 29\n\na b\nc");
    }

    #[test]
    fn og_url_and_invalid_meta_date() {
        let html = "<meta property='og:url' content='https://e.com/x'><meta property=article:published_time content=2025-02-30>\
                    <time datetime=2025-03-01T00:00>x</time><p>text</p>";
        let parsed = parse(html);
        assert_eq!(parsed.url.as_deref(), Some("https://e.com/x"));
        assert_eq!(parsed.date.as_deref(), Some("2025-03-01"));
    }
}
