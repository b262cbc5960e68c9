//! HTML (`.html`, `.htm`): parsed by html5ever (through `scraper`) exactly as a browser
//! builds its tree, so malformed markup, unclosed tags, entities and raw-text elements
//! (`<script>`, `<style>`, `<textarea>`, …) are read the way browsers read them.
//!
//! The article is found and cleaned by `readability.rs` (navigation, header, footer,
//! asides, forms, cookie and newsletter boxes, related lists, share bars and comments are
//! dropped); title, date, author, source and url come from `metadata.rs` (JSON-LD,
//! OpenGraph, `<meta>`, canonical link, `<title>` without the site name). If the article
//! has no text, the whole body (still cleaned) is used, then the body as it is.
//!
//! Rendering: block elements produce line breaks (`<li>` starts a `- ` line), `<pre>` keeps
//! its newlines, table cells are separated by a space. The tree is walked without
//! recursion, so any nesting depth is fine.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::{metadata, normalize_text, readability, txt, Parsed};

/// Elements whose content is never shown, even in an HTML fragment.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "svg", "iframe", "xmp", "head", "title"];
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

/// Parses a cleaned HTML file (LF line endings, no BOM): the article's text and the page's
/// metadata.
pub(super) fn parse(html: &str) -> Parsed {
    let page = Html::parse_document(html);
    let meta = metadata::read(&page);
    let mut text = render(&readability::content(&page), Prune::Clutter);
    if text.is_empty() {
        let body: Vec<_> = readability::body(&page).into_iter().collect();
        text = render(&body, Prune::Clutter);
        if text.is_empty() {
            text = render(&body, Prune::Hidden);
        }
    }
    let (title, text) = if meta.title.is_empty() { txt::title_from_text(text) } else { (meta.title, text) };
    Parsed {
        title,
        date: meta.date,
        url: meta.url,
        author: meta.author,
        source: meta.source,
        text,
        warnings: meta.warnings,
    }
}

/// The visible text of an HTML fragment (an HTML block in markdown, a feed item's
/// content), normalized; nothing but hidden elements is dropped.
pub(super) fn visible_text(html: &str) -> String {
    let page = Html::parse_fragment(html);
    render(&[page.tree.root()], Prune::Hidden)
}

/// What rendering leaves out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prune {
    /// Page furniture ([`readability::is_clutter`]) and hidden elements.
    Clutter,
    /// Only elements that are never shown ([`HIDDEN`]).
    Hidden,
}

/// The normalized text of `roots` and what is under them.
fn render(roots: &[NodeRef<'_, Node>], prune: Prune) -> String {
    let mut out = Text::default();
    for root in roots {
        let mut skipping = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    let name = readability::name(node);
                    let dropped =
                        HIDDEN.contains(&name) || (prune == Prune::Clutter && readability::is_clutter(node));
                    if dropped {
                        skipping = Some(node.id());
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => out.push(text),
                        Node::Element(_) => out.open(name),
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none() {
                        out.close(readability::name(node));
                    }
                }
            }
        }
        out.pending_break = out.pending_break.max(2);
    }
    normalize_text(&out.text)
}

/// Text being rendered.
#[derive(Default)]
struct Text {
    /// Visible text, whitespace not yet normalized.
    text: String,
    pre_depth: usize,
    /// Break owed before the next visible character: 0, 1 (line) or 2 (paragraph) newlines.
    pending_break: usize,
}

impl Text {
    fn open(&mut self, name: &str) {
        match name {
            "pre" => self.pre_depth += 1,
            "td" | "th" => self.push(" "),
            _ => {}
        }
        self.push_break(name);
        if name == "li" {
            self.push("- ");
        }
    }

    fn close(&mut self, name: &str) {
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        self.push_break(name);
    }

    /// Appends text; whitespace becomes a space except newlines inside `<pre>`.
    fn push(&mut self, text: &str) {
        let keep_newlines = self.pre_depth > 0;
        for c in text.chars() {
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
        self.pending_break = self.pending_break.max(newlines);
    }
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
        let decoded = |html: &str| visible_text(html);
        assert_eq!(
            decoded("&lt;&gt;&quot;&apos;&ndash;&mdash;&hellip;&eacute;&copy;&euro;&pound;"),
            "<>\"'–—…é©€£"
        );
        assert_eq!(decoded("&#8217;&#x2019;&#X41;&#65"), "’’AA");
        assert_eq!(decoded("&#0;&#xD800;&#99999999999;&#x110000;"), "\u{fffd}".repeat(4));
        assert_eq!(decoded("&#151;&#146;"), "—’");
        assert_eq!(decoded("AT&T &unknown; & &#; &#x;"), "AT&T &unknown; & &#; &#x;");
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
