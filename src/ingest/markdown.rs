//! Markdown (`.md`, `.markdown`), stripped to readable text.
//!
//! Optional front matter between `---` lines gives `title`, `date` and `url` (quotes
//! stripped). The title is the front-matter title, else the first `# ` heading (which then
//! leaves the text), else the `.txt` title policy. Stripping: heading markers, emphasis,
//! strikethrough, inline-code backticks, link syntax (`[text](url)` → `text`), images,
//! reference definitions, rules, HTML tags and comments are removed; bullets become `- `
//! lines; table rows become their cells; fenced code is kept as text; entities are decoded.

use super::html::decode_entities;
use super::{date_or_warning, normalize_text, one_line, txt, Parsed};

/// Parses a cleaned markdown file (LF line endings, no BOM).
pub(super) fn parse(content: &str) -> Parsed {
    let (front, body) = front_matter(content);
    let mut parsed = Parsed::default();
    parsed.date = front.date.and_then(|date| date_or_warning(&date, &mut parsed.warnings));
    parsed.url = front.url;
    let mut title = front.title;
    let mut text = String::with_capacity(body.len());
    let mut fence = None;
    let mut in_comment = false;
    for line in body.lines() {
        if let Some(marker) = fence {
            if fence_marker(line) == Some(marker) {
                fence = None;
            } else {
                text.push_str(line);
                text.push('\n');
            }
            continue;
        }
        fence = fence_marker(line);
        if fence.is_some() {
            continue;
        }
        let uncommented = strip_comments(line, &mut in_comment);
        if uncommented.trim().is_empty() && !line.trim().is_empty() {
            continue; // a line that held only (part of) a comment
        }
        match block(&uncommented) {
            Block::Drop => continue,
            Block::Heading(1, heading) if title.is_none() && !heading.trim().is_empty() => {
                title = Some(one_line(&heading))
            }
            Block::Heading(_, line) | Block::Text(line) => text.push_str(&line),
        }
        text.push('\n');
    }
    let text = normalize_text(&text);
    (parsed.title, parsed.text) = match title {
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

/// `` ` `` or `~` if the line opens or closes a code fence.
fn fence_marker(line: &str) -> Option<char> {
    let line = line.trim_start();
    ['`', '~'].into_iter().find(|&marker| line.starts_with(&marker.to_string().repeat(3)))
}

/// Removes `<!-- … -->` comments, which may span lines (`in_comment` carries the state).
fn strip_comments(mut line: &str, in_comment: &mut bool) -> String {
    let mut kept = String::new();
    loop {
        if *in_comment {
            let Some(end) = line.find("-->") else {
                return kept;
            };
            *in_comment = false;
            line = line.get(end + 3..).unwrap_or_default();
        }
        let Some(start) = line.find("<!--") else {
            kept.push_str(line);
            return kept;
        };
        kept.push_str(line.get(..start).unwrap_or_default());
        *in_comment = true;
        line = line.get(start + 4..).unwrap_or_default();
    }
}

/// One line outside code fences, after block-level stripping.
enum Block {
    /// Not text at all (rules, setext underlines, table separators, reference definitions).
    Drop,
    /// An ATX heading: level and stripped text.
    Heading(usize, String),
    /// Any other line, stripped (may be empty: a paragraph break).
    Text(String),
}

fn block(line: &str) -> Block {
    let mut line = line.trim();
    while let Some(quoted) = line.strip_prefix('>') {
        line = quoted.trim_start();
    }
    if line.is_empty() {
        return Block::Text(String::new());
    }
    if is_rule(line) || is_table_separator(line) || is_reference_definition(line) {
        return Block::Drop;
    }
    if let Some((level, heading)) = heading(line) {
        return Block::Heading(level, inline(heading));
    }
    if let Some(item) = bullet(line) {
        return Block::Text(format!("- {}", inline(item)));
    }
    if line.starts_with('|') {
        let cells: Vec<String> =
            line.split('|').map(str::trim).filter(|cell| !cell.is_empty()).map(inline).collect();
        return Block::Text(cells.join(" "));
    }
    Block::Text(inline(line))
}

/// `---`, `***`, `___`, `===` (three or more, spaces allowed): rules and setext underlines.
fn is_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '=') && marks.clone().all(|c| c == first) && marks.count() >= 2
}

/// `|---|:---:|`
fn is_table_separator(line: &str) -> bool {
    line.contains('|') && line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// `[label]: https://…`
fn is_reference_definition(line: &str) -> bool {
    let Some(target) =
        line.strip_prefix('[').and_then(|rest| rest.split_once("]:")).map(|(_, target)| target)
    else {
        return false;
    };
    let target = target.split_whitespace().next().unwrap_or_default();
    target.contains("://") || target.starts_with(['/', '#', '<']) || target.starts_with("mailto:")
}

/// `## Heading ##` → (2, "Heading").
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    let rest = line.get(level..)?;
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    let closed = without_closing.is_empty() || without_closing.ends_with([' ', '\t']);
    Some((level, if closed { without_closing.trim_end() } else { rest }))
}

/// The item text of a `-`, `*` or `+` bullet (task boxes removed).
fn bullet(line: &str) -> Option<&str> {
    let item = ["- ", "* ", "+ "].iter().find_map(|marker| line.strip_prefix(marker))?.trim_start();
    Some(["[ ] ", "[x] ", "[X] "].iter().find_map(|task| item.strip_prefix(task)).unwrap_or(item))
}

/// Strips inline markdown from one line and decodes entities.
fn inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        let next = chars.get(at + 1).copied();
        at = match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(next);
                at + 2
            }
            '`' => code_span(&chars, at, &mut out),
            '!' if next == Some('[') => image(&chars, at).unwrap_or_else(|| {
                out.push('!');
                at + 1
            }),
            '[' => link(&chars, at, &mut out),
            '<' => angle(&chars, at, &mut out),
            '*' | '_' => emphasis(&chars, at, &mut out),
            '~' if next == Some('~') => at + 2,
            _ => {
                out.push(c);
                at + 1
            }
        };
    }
    decode_entities(&out)
}

fn collect(chars: &[char], range: std::ops::Range<usize>) -> String {
    chars.get(range).unwrap_or_default().iter().collect()
}

/// Index of the bracket closing the one at `open` (nesting counted).
fn closing(chars: &[char], open: usize, close: char) -> Option<usize> {
    let open_char = *chars.get(open)?;
    let mut depth = 0usize;
    for (at, &c) in chars.iter().enumerate().skip(open) {
        if c == open_char {
            depth += 1;
        } else if c == close {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(at);
            }
        }
    }
    None
}

/// After a link label closing at `label_end`: the end of a `(url)` or `[ref]` target.
fn link_target_end(chars: &[char], label_end: usize) -> Option<usize> {
    match chars.get(label_end + 1)? {
        '(' => closing(chars, label_end + 1, ')'),
        '[' => closing(chars, label_end + 1, ']'),
        _ => None,
    }
}

/// `[text](url)` / `[text][ref]` → text; anything else keeps its `[`.
fn link(chars: &[char], at: usize, out: &mut String) -> usize {
    let Some(label_end) = closing(chars, at, ']') else {
        out.push('[');
        return at + 1;
    };
    match link_target_end(chars, label_end) {
        Some(end) => {
            out.push_str(&inline(&collect(chars, at + 1..label_end)));
            end + 1
        }
        None => {
            out.push('[');
            at + 1
        }
    }
}

/// `![alt](src)` / `![alt][ref]` → nothing; the index after it.
fn image(chars: &[char], at: usize) -> Option<usize> {
    let label_end = closing(chars, at + 1, ']')?;
    Some(link_target_end(chars, label_end)? + 1)
}

/// `` `code` `` → its content verbatim; an unmatched backtick run stays.
fn code_span(chars: &[char], at: usize, out: &mut String) -> usize {
    let run = chars.get(at..).unwrap_or_default().iter().take_while(|&&c| c == '`').count();
    let content_start = at + run;
    let mut scan = content_start;
    while scan < chars.len() {
        let closing_run = chars.get(scan..).unwrap_or_default().iter().take_while(|&&c| c == '`').count();
        if closing_run == run {
            out.push_str(&collect(chars, content_start..scan));
            return scan + run;
        }
        scan += closing_run.max(1);
    }
    out.push_str(&collect(chars, at..content_start));
    content_start
}

/// `<https://…>` → the address; `<tag …>` → nothing; else a literal `<`.
fn angle(chars: &[char], at: usize, out: &mut String) -> usize {
    let end = chars.get(at..).unwrap_or_default().iter().position(|&c| c == '>').map(|offset| at + offset);
    let Some(end) = end else {
        out.push('<');
        return at + 1;
    };
    let inner = collect(chars, at + 1..end);
    let is_autolink = !inner.contains(' ')
        && (inner.contains("://") || inner.starts_with("mailto:") || inner.contains('@'));
    if is_autolink {
        out.push_str(&inner);
    } else if !inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
        out.push('<');
        return at + 1;
    }
    end + 1
}

/// Emphasis markers are dropped; a run between spaces (`a * b`) or inside a word with
/// underscores (`snake_case`) stays.
fn emphasis(chars: &[char], at: usize, out: &mut String) -> usize {
    let marker = chars.get(at).copied().unwrap_or('*');
    let run = chars.get(at..).unwrap_or_default().iter().take_while(|&&c| c == marker).count();
    let before = at.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let after = chars.get(at + run).copied();
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let in_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let literal = (spaced(before) && spaced(after)) || (marker == '_' && in_word(before) && in_word(after));
    if literal {
        out.extend(std::iter::repeat_n(marker, run));
    }
    at + run
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

    #[test]
    fn inline_markup_is_stripped() {
        assert_eq!(
            inline(
                "**Bold** and _it_ with `a*b` and [a [nested] link](http://x.y/(z)) ![img](i.png) ~~old~~"
            ),
            "Bold and it with a*b and a [nested] link  old"
        );
        assert_eq!(
            inline("snake_case a * b \\*lit\\* <b>tag</b> <https://e.com> 3 < 4 &amp; [ref][1] [x]"),
            "snake_case a * b *lit* tag https://e.com 3 < 4 & ref [x]"
        );
        assert_eq!(inline("``code with ` tick`` `unclosed"), "code with ` tick `unclosed");
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
            "quoted text\n\n- one\n- two\n- done\n1. first\n\na b\n1 2\n\nSetext\n\nlet x = *y;\nafter"
        );
    }
}
