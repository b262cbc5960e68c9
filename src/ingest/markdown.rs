//! Markdown (`.md`, `.markdown`), turned into readable text by `pulldown-cmark` (CommonMark
//! with tables, strikethrough and task lists; linear time on any input).
//!
//! Optional front matter between `---` lines gives `title`, `date` and `url` (quotes
//! stripped). The title is the front-matter title, else the first level-1 heading (`# `, or
//! a `===` underline; it then leaves the text), else the `.txt` title policy. The text:
//! headings, paragraphs, block quotes and tables (a row's cells on one line) as paragraphs;
//! list items as `- ` lines (`N. ` in numbered lists); code blocks and code spans as they
//! are; links become their text (a `[text][ref]` whose reference is not defined too),
//! images their alt text; HTML tags, comments and `<script>`/`<style>` content are dropped
//! (the visible text of an HTML block is kept); entities are decoded.

use pulldown_cmark::{BrokenLink, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::html::visible_text;
use super::{date_or_warning, normalize_text, one_line, txt, Parsed};

/// Parses a cleaned markdown file (LF line endings, no BOM).
pub(super) fn parse(content: &str) -> Parsed {
    let (front, body) = front_matter(content);
    let mut parsed = Parsed::default();
    parsed.date = front.date.and_then(|date| date_or_warning(&date, &mut parsed.warnings));
    parsed.url = front.url;
    let mut writer = Writer { want_title: front.title.is_none(), ..Writer::default() };
    writer.render(body);
    let text = normalize_text(&writer.text);
    (parsed.title, parsed.text) = match front.title.or(writer.title) {
        Some(title) => (title, text),
        None => txt::title_from_text(text),
    };
    parsed
}

/// The keys read from front matter.
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// Splits off front matter (`---` … `---` or `...` at the very top); without a closing
/// line there is no front matter.
fn front_matter(content: &str) -> (FrontMatter, &str) {
    let Some(rest) = content.strip_prefix("---\n") else {
        return (FrontMatter::default(), content);
    };
    let mut front = FrontMatter::default();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return (front, rest.get(offset..).unwrap_or_default());
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut front.title,
            "date" => &mut front.date,
            "url" => &mut front.url,
            _ => continue,
        };
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
    (FrontMatter::default(), content)
}

/// `value` without one pair of surrounding `"` or `'`.
fn unquote(value: &str) -> &str {
    ['"', '\''].iter().find_map(|&quote| value.strip_prefix(quote)?.strip_suffix(quote)).unwrap_or(value)
}

/// Turns markdown events into text.
#[derive(Default)]
struct Writer {
    text: String,
    /// Break owed before the next text: 0, 1 (line) or 2 (paragraph) newlines.
    pending: usize,
    /// Written before the next text of a list item: `- ` or `N. `.
    prefix: Option<String>,
    /// Whether the first level-1 heading may become the title.
    want_title: bool,
    /// The title, once the first non-empty level-1 heading was read.
    title: Option<String>,
    /// Text of the level-1 heading being read, while it may become the title.
    heading: Option<String>,
    /// Open lists: the next number of each numbered one.
    lists: Vec<Option<u64>>,
    /// The last block closed was a whole list (a list right after it goes on the next line).
    after_list: bool,
    /// Inline `<script>` / `<style>` elements open (their text is dropped).
    hidden: usize,
    /// The HTML block being read.
    html: Option<String>,
}

impl Writer {
    fn render(&mut self, body: &str) {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        // `[text][ref]` with no definition of `ref` still reads as its text.
        let undefined_reference = |link: BrokenLink<'_>| {
            (link.link_type == LinkType::Reference).then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
        };
        for event in Parser::new_with_broken_link_callback(body, options, Some(undefined_reference)) {
            self.event(event);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.push(&text),
            Event::SoftBreak | Event::HardBreak => self.push("\n"),
            Event::Rule => self.block(2),
            Event::Html(html) => {
                if let Some(block) = &mut self.html {
                    block.push_str(&html);
                }
            }
            Event::InlineHtml(html) => self.inline_html(&html),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level: HeadingLevel::H1, .. } if self.want_title && self.title.is_none() => {
                self.heading = Some(String::new());
            }
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_) => {
                self.block(2)
            }
            Tag::HtmlBlock => {
                self.block(2);
                self.html = Some(String::new());
            }
            Tag::List(start) => {
                let next_to_list = self.lists.is_empty() && self.after_list;
                self.lists.push(start);
                if self.lists.len() > 1 || next_to_list {
                    self.pending = self.pending.min(1);
                    self.block(1);
                } else {
                    self.block(2);
                }
            }
            Tag::Item => {
                self.block(1);
                self.prefix = Some(match self.lists.last_mut() {
                    Some(Some(number)) => {
                        let prefix = format!("{number}. ");
                        *number = number.saturating_add(1);
                        prefix
                    }
                    _ => "- ".to_string(),
                });
            }
            Tag::TableHead | Tag::TableRow => self.block(1),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if let Some(heading) = self.heading.take() {
                    let heading = one_line(&heading);
                    if !heading.is_empty() {
                        self.title = Some(heading);
                    }
                }
                self.block(2);
            }
            TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::Table => self.block(2),
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    self.push(&visible_text(&html));
                }
                self.block(2);
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.block(2);
                if self.lists.is_empty() {
                    self.after_list = true;
                }
            }
            TagEnd::Item => {
                self.prefix = None;
                self.block(1);
            }
            TagEnd::TableCell => self.push(" "),
            TagEnd::TableHead | TagEnd::TableRow => self.block(1),
            _ => {}
        }
    }

    /// Owes a line (1) or paragraph (2) break before the next text (breaks do not add up).
    fn block(&mut self, newlines: usize) {
        self.pending = self.pending.max(newlines);
    }

    /// Appends text (to the title heading while it is read).
    fn push(&mut self, text: &str) {
        if self.hidden > 0 || text.is_empty() {
            return;
        }
        if let Some(heading) = &mut self.heading {
            heading.push_str(text);
            return;
        }
        self.after_list = false;
        if self.pending > 0 {
            if !self.text.is_empty() {
                self.text.extend(std::iter::repeat_n('\n', self.pending));
            }
            self.pending = 0;
        }
        if let Some(prefix) = self.prefix.take() {
            self.text.push_str(&prefix);
        }
        self.text.push_str(text);
    }

    /// Inline HTML is dropped; between `<script>` / `<style>` and their end tags, so is text.
    fn inline_html(&mut self, html: &str) {
        let tag: String =
            html.trim_start_matches('<').chars().take(7).collect::<String>().to_ascii_lowercase();
        let opens = |name: &str| tag.starts_with(name) && !html.ends_with("/>");
        if html.starts_with("</") {
            if tag.starts_with("/script") || tag.starts_with("/style") {
                self.hidden = self.hidden.saturating_sub(1);
            }
        } else if opens("script") || opens("style") {
            self.hidden += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_title_date_url() {
        let parsed = parse("---\ntitle: \"Quoted: Title\"\ndate: 2025-08-29T10:00:00Z\nurl: 'https://e.com/a'\ntags: [x]\n---\n# Heading\n\nBody.");
        assert_eq!(parsed.title, "Quoted: Title");
        assert_eq!(parsed.date.as_deref(), Some("2025-08-29"));
        assert_eq!(parsed.url.as_deref(), Some("https://e.com/a"));
        assert_eq!(parsed.text, "Heading\n\nBody.");
    }

    #[test]
    fn first_h1_is_the_title_and_leaves_the_text() {
        let parsed = parse("Intro line.\n\n# The *Title* #\n\n## Sub\n\nText.");
        assert_eq!(parsed.title, "The Title");
        assert_eq!(parsed.text, "Intro line.\n\nSub\n\nText.");
    }

    #[test]
    fn without_heading_the_txt_policy_applies() {
        let parsed = parse("Plain first line\n\nBody **here**.");
        assert_eq!((parsed.title.as_str(), parsed.text.as_str()), ("Plain first line", "Body here."));
    }

    #[test]
    fn unclosed_front_matter_is_text_and_bad_date_warns() {
        let parsed = parse("---\ntitle: x\nno end");
        assert_eq!((parsed.title.as_str(), parsed.text.as_str()), ("title: x", "no end"));
        let parsed = parse("---\ndate: yesterday\n---\nBody");
        assert_eq!(parsed.date, None);
        assert_eq!(parsed.warnings.len(), 1);
    }

    /// The text of `markdown` as a body after a title heading.
    fn text(markdown: &str) -> String {
        parse(&format!("# T\n\n{markdown}")).text
    }

    #[test]
    fn inline_markup_is_stripped() {
        assert_eq!(
            text("**Bold** and _it_ with `a*b` and [a [nested] link](http://x.y/(z)) ![img](i.png) ~~old~~"),
            "Bold and it with a*b and a [nested] link img old"
        );
        assert_eq!(
            text("snake_case a * b \\*lit\\* <b>tag</b> <https://e.com> 3 < 4 &amp; [ref][1] [x]"),
            "snake_case a * b *lit* tag https://e.com 3 < 4 & ref [x]"
        );
        assert_eq!(text("``code with ` tick`` `unclosed"), "code with ` tick `unclosed");
        assert_eq!(text("a <script>alert(1)</script> b <style>x{}</style>c"), "a b c");
    }

    #[test]
    fn a_link_whose_text_wraps_leaves_no_markup() {
        assert_eq!(text("see [a\nb](http://x) here"), "see a\nb here");
        assert_eq!(text("[a\nb][r]\n\n[r]: http://x"), "a\nb");
    }

    #[test]
    fn pathological_runs_parse_in_linear_time() {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // 256 KB runs: linear parsing takes well under a second (debug build), a
            // quadratic one would take hours; the watchdog is only there to fail, not to time.
            let brackets = "[".repeat(1 << 18);
            let stars = "*".repeat(1 << 18);
            let mixed = "[a](".repeat(1 << 15) + &"*_`<".repeat(1 << 15);
            let lengths: Vec<usize> = [brackets, stars, mixed]
                .iter()
                .map(|input| parse(&format!("x\n\na{input}b")).text.len())
                .collect();
            let _ = sender.send(lengths);
        });
        let lengths = receiver
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("markdown parsing took over 20 s");
        assert_eq!(lengths[0], (1 << 18) + 2, "a run of [ is text");
        assert!(lengths[1] > 0 && lengths[2] > 0, "{lengths:?}");
    }

    #[test]
    fn blocks() {
        let parsed = parse(
            "# T\n\n> quoted *text*\n\n* one\n+ two\n- [x] done\n1. first\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
             [1]: https://e.com\n\nSetext\n======\n\n```rust\nlet x = *y;\n```\n<!-- hidden\nstill hidden -->after",
        );
        assert_eq!(parsed.title, "T");
        assert_eq!(
            parsed.text,
            "quoted text\n\n- one\n- two\n- done\n1. first\n\na b\n1 2\n\nSetext\n\nlet x = *y;\n\nafter"
        );
    }
}
