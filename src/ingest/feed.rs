//! RSS and Atom feeds (`.rss`, `.atom`, and `.xml` files whose root is `<rss>`, `<feed>` or
//! `<rdf:RDF>`): an item (RSS) or entry (Atom) an article.
//!
//! Per item: the title; the link (RSS `<link>`, Atom `<link href>` whose `rel` is absent or
//! `alternate`); the date from `pubDate` (RFC 822, e.g. `Tue, 04 Mar 2025 08:00:00 GMT`),
//! `published`, `dc:date` or `updated`; the author from `author` (Atom `author/name`) or
//! `dc:creator`; the text from `content:encoded`, else `content`, else `description`, else
//! `summary`, stripped of HTML (escaped or CDATA HTML and Atom XHTML alike); the source from
//! the item's `<source>`, else the feed's own title. Ids are `<file stem>:<line of the item>`.
//! The XML is read by quick-xml, which never expands entities declared in a DTD (no
//! "billion laughs"); a well-formedness error ends the feed there, keeping the items read
//! before it, and is reported with its line.

use std::path::Path;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{html, normalize_text, one_line, parse_date, txt, Parsed, Run};

/// Whether a decoded `.xml` file is a feed: its first element is `<rss>`, `<feed>` or
/// `<rdf:RDF>`.
pub(super) fn is_feed(content: &str) -> bool {
    let mut reader = Reader::from_str(content);
    loop {
        match reader.read_event() {
            Ok(Event::Start(element) | Event::Empty(element)) => {
                let name = element.name().as_ref().to_ascii_lowercase();
                return matches!(name.as_str(), "rss" | "feed" | "rdf:rdf") || name.ends_with(":feed");
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// Which part of an item an element's text fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Published,
    Updated,
    Author,
    Encoded,
    Content,
    Description,
    Summary,
    Source,
    /// Text that is not used (Atom `author/email`, `media:title`, …).
    Ignored,
}

/// The field of an element inside an item, by its qualified name (lowercased) and the name
/// of its parent.
fn field(name: &str, parent: &str) -> Option<Field> {
    let (prefix, local) = match name.split_once(':') {
        Some((prefix, local)) => (prefix, local),
        None => ("", name),
    };
    let plain = prefix.is_empty() || prefix == "atom";
    Some(match (prefix, local) {
        (_, "name") if parent.ends_with("author") => Field::Author,
        (_, "email" | "uri") if parent.ends_with("author") => Field::Ignored,
        (_, "title") if plain => Field::Title,
        (_, "link") if plain => Field::Link,
        (_, "pubdate" | "published" | "issued") if plain => Field::Published,
        ("dc", "date") => Field::Published,
        (_, "updated" | "modified") if plain => Field::Updated,
        (_, "author") if plain => Field::Author,
        ("dc", "creator") => Field::Author,
        ("content", "encoded") => Field::Encoded,
        (_, "content") if plain => Field::Content,
        (_, "description") if plain => Field::Description,
        (_, "summary") if plain => Field::Summary,
        (_, "source") if plain => Field::Source,
        _ => return None,
    })
}

/// One item being read.
#[derive(Debug, Default)]
struct Item {
    /// 1-based line where it starts.
    line: usize,
    /// Text per [`Field`], in the order of the enum.
    values: [String; 10],
    /// The first Atom `<link href>` with `rel` absent or `alternate`.
    href: Option<String>,
    /// Whether its Atom `<content>` is `type="xhtml"`: child elements are markup, rebuilt
    /// as HTML so that paragraphs stay paragraphs, and text is escaped again.
    xhtml: bool,
}

impl Item {
    fn value(&self, field: Field) -> &str {
        self.values.get(field as usize).map_or("", |value| value.trim())
    }

    fn push(&mut self, field: Field, text: &str) {
        if let Some(value) = self.values.get_mut(field as usize) {
            value.push_str(text);
        }
    }

    /// The item as a document (the feed title is its source if it names none).
    fn parsed(&self, feed_title: &str) -> Parsed {
        let body = [Field::Encoded, Field::Content, Field::Description, Field::Summary]
            .into_iter()
            .map(|field| html::visible_text(self.value(field)))
            .find(|text| !text.is_empty())
            .unwrap_or_default();
        let mut parsed = Parsed { text: normalize_text(&body), ..Parsed::default() };
        parsed.title = one_line(&html::visible_text(self.value(Field::Title)));
        if parsed.title.is_empty() {
            parsed.title = txt::title_policy(parsed.text.lines().next().unwrap_or_default()).0;
        }
        parsed.date =
            [Field::Published, Field::Updated].into_iter().find_map(|field| feed_date(self.value(field)));
        let link = self.value(Field::Link);
        parsed.url = self.href.clone().or_else(|| (!link.is_empty()).then(|| link.to_string()));
        parsed.author = Some(rss_author(self.value(Field::Author))).filter(|author| !author.is_empty());
        let source = one_line(self.value(Field::Source));
        let source = if source.is_empty() { one_line(&html::visible_text(feed_title)) } else { source };
        parsed.source = Some(source).filter(|source| !source.is_empty());
        parsed
    }
}

/// An RSS `author` is often `email (Name)`: the name, else the value as it is.
fn rss_author(value: &str) -> String {
    let value = one_line(value);
    if let (true, Some((_, name))) = (value.contains('@'), value.split_once('(')) {
        let name = name.trim_end_matches(')').trim();
        if !name.is_empty() {
            return name.to_string();
        }
    }
    value
}

/// `YYYY-MM-DD` from an ISO date or an RFC 822 date (`Tue, 04 Mar 2025 08:00:00 GMT`,
/// `4 Mar 2025`).
pub(super) fn feed_date(value: &str) -> Option<String> {
    if let Some(date) = parse_date(value) {
        return Some(date);
    }
    let value = value.trim();
    let value = value.split_once(',').map_or(value, |(_, rest)| rest);
    let mut parts = value.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.get(..3)?.to_ascii_lowercase();
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let month = months.iter().position(|m| *m == month)? + 1;
    let year: u32 = parts.next()?.parse().ok()?;
    let year = match year {
        0..=49 => year + 2000,
        50..=99 => year + 1900,
        year => year,
    };
    parse_date(&format!("{year:04}-{month:02}-{day:02}"))
}

/// The text an entity or character reference stands for: a character reference or one of
/// XML's five predefined entities; any other (an HTML entity such as `&nbsp;`, which the
/// HTML stripping decodes later, or one a DTD declares) is kept as written.
pub(super) fn reference(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.xml10_content();
    match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(text) => text.to_string(),
        None => format!("&{name};"),
    }
}

/// The value of an attribute, unescaped, if present and well formed.
pub(super) fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    let attribute = element.try_get_attribute(name).ok()??;
    attribute.normalized_value(XmlVersion::Implicit1_0).ok().map(|value| value.into_owned())
}

/// Reads a decoded feed, sending one document per item to `run`.
pub(super) fn read(run: &mut Run, path: &Path, content: &str) {
    let stem = super::file_stem(path);
    let mut reader = Reader::from_str(content);
    let mut stack: Vec<String> = Vec::new();
    let mut item: Option<Item> = None;
    let mut item_depth = 0;
    let mut feed_title = String::new();
    let mut items = 0;
    let (mut line, mut counted) = (1, 0);
    let mut line_at = |offset: u64| {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(content.len());
        if offset > counted {
            line += content
                .as_bytes()
                .get(counted..offset)
                .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count());
            counted = offset;
        }
        line
    };
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let line = line_at(reader.error_position());
                let kept = if items > 0 {
                    format!("; the {items} item(s) before it are kept")
                } else {
                    String::new()
                };
                run.skip(
                    path,
                    Some(line),
                    format!("XML error: {error}; the rest of the feed is skipped{kept}"),
                );
                return;
            }
        };
        match event {
            Event::Start(element) => {
                let name = element.name().as_ref().to_ascii_lowercase();
                let local = name.rsplit(':').next().unwrap_or(&name).to_string();
                if item.is_none() && matches!(local.as_str(), "item" | "entry") {
                    item = Some(Item { line: line_at(before), ..Item::default() });
                    item_depth = stack.len();
                } else if let Some(item) = &mut item {
                    atom_link(item, &name, &element);
                    let field = current_field(&stack, item_depth);
                    if field == Some(Field::Content) && item.xhtml {
                        item.push(Field::Content, &format!("<{local}>"));
                    } else if field.is_none() && local == "content" {
                        item.xhtml = attribute(&element, "type").is_some_and(|kind| kind == "xhtml");
                    }
                }
                stack.push(name);
            }
            Event::Empty(element) => {
                if let Some(item) = &mut item {
                    let name = element.name().as_ref().to_ascii_lowercase();
                    atom_link(item, &name, &element);
                    if item.xhtml && current_field(&stack, item_depth) == Some(Field::Content) {
                        let local = name.rsplit(':').next().unwrap_or(&name);
                        item.push(Field::Content, &format!("<{local}>"));
                    }
                }
            }
            Event::End(_) => {
                let closed = stack.pop().unwrap_or_default();
                if item.is_some() && stack.len() == item_depth {
                    if let Some(done) = item.take() {
                        items += 1;
                        let id = format!("{stem}:{}", done.line);
                        run.document(path, Some(done.line), id, done.parsed(&feed_title));
                    }
                } else if let Some(item) = &mut item {
                    if item.xhtml && current_field(&stack, item_depth) == Some(Field::Content) {
                        let local = closed.rsplit(':').next().unwrap_or(&closed);
                        item.push(Field::Content, &format!("</{local}>"));
                    }
                }
            }
            Event::Text(text) => {
                push_text(&mut item, &stack, item_depth, &mut feed_title, &text.xml10_content())
            }
            Event::CData(data) => {
                push_text(&mut item, &stack, item_depth, &mut feed_title, &data.xml10_content())
            }
            Event::GeneralRef(r) => push_text(&mut item, &stack, item_depth, &mut feed_title, &reference(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    if items == 0 {
        run.skip(path, None, "no items (no <item> or <entry> elements)");
    }
}

/// The field that text at this point of the item fills: that of the innermost open
/// element that has one (so `author/email` is ignored while `author` is the author).
fn current_field(stack: &[String], item_depth: usize) -> Option<Field> {
    let inside = stack.get(item_depth + 1..)?;
    (0..inside.len()).rev().find_map(|at| {
        let name = inside.get(at)?;
        let parent = if at == 0 { "" } else { inside.get(at - 1)?.as_str() };
        field(name, parent)
    })
}

/// Text goes to the item field it is in, or, outside items, to the feed's title.
fn push_text(
    item: &mut Option<Item>,
    stack: &[String],
    item_depth: usize,
    feed_title: &mut String,
    text: &str,
) {
    match item {
        Some(item) => match current_field(stack, item_depth) {
            Some(Field::Content) if item.xhtml => {
                let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                item.push(Field::Content, &escaped);
            }
            Some(Field::Ignored) | None => {}
            Some(field) => item.push(field, text),
        },
        None => {
            let channel_title = match stack {
                [.., parent, last] => last == "title" && matches!(parent.as_str(), "channel" | "feed"),
                _ => false,
            };
            if channel_title {
                feed_title.push_str(text);
            }
        }
    }
}

/// An Atom `<link href>` with `rel` absent or `alternate` gives the item's url.
fn atom_link(item: &mut Item, name: &str, element: &BytesStart<'_>) {
    if item.href.is_some() || !(name == "link" || name == "atom:link") {
        return;
    }
    let rel = attribute(element, "rel").unwrap_or_default();
    if rel.is_empty() || rel == "alternate" {
        item.href = attribute(element, "href").filter(|href| !href.trim().is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc822_and_iso_dates() {
        assert_eq!(feed_date("Tue, 04 Mar 2025 08:00:00 GMT").as_deref(), Some("2025-03-04"));
        assert_eq!(feed_date("4 March 2025").as_deref(), Some("2025-03-04"));
        assert_eq!(feed_date("Sat, 1 Jan 00 00:00 +0000").as_deref(), Some("2000-01-01"));
        assert_eq!(feed_date("2024-11-02T10:00:00Z").as_deref(), Some("2024-11-02"));
        assert_eq!(feed_date("Mon, 31 Feb 2025 10:00 GMT"), None);
        assert_eq!(feed_date("yesterday"), None);
    }

    #[test]
    fn rss_authors_lose_their_email() {
        assert_eq!(rss_author("ana@example.com (Ana Ruiz)"), "Ana Ruiz");
        assert_eq!(rss_author("Ana Ruiz"), "Ana Ruiz");
    }

    #[test]
    fn feeds_are_told_from_other_xml() {
        assert!(is_feed("<?xml version='1.0'?><rss version='2.0'><channel/></rss>"));
        assert!(is_feed("<feed xmlns='http://www.w3.org/2005/Atom'></feed>"));
        assert!(is_feed("<rdf:RDF></rdf:RDF>"));
        assert!(!is_feed("<?xml version='1.0'?><sitemap/>"));
    }
}
