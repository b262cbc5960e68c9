//! Main-content extraction, in the manner of Mozilla Readability: which part of a page is
//! the article, and which elements inside it are page furniture.
//!
//! The content is, in this order: the element with `itemprop="articleBody"`; the
//! `<article>` with the most text; `<main>` or `role="main"` — each only if it holds at
//! least half as much text as the scored content below, so that a list of teaser
//! `<article>` cards does not win over an article marked up without one; else the element whose
//! paragraphs score highest (Readability's rule: a paragraph of 25 characters or more
//! scores 1, plus 1 per comma, plus 1 per 100 characters up to 3; its parent gets the
//! score, its grandparent half; a candidate's score is then weighed by `1 - link density`)
//! together with its siblings that score at least a fifth of it (at least 10) or are
//! paragraphs of more than 80 characters with few links. Without paragraphs, the body.
//!
//! Inside it, [`is_clutter`] drops: the elements in [`DROPPED_TAGS`]; `<header>` unless it
//! belongs to an `<article>` (where it holds the headline and byline); the ARIA roles in
//! [`DROPPED_ROLES`]; hidden elements (`hidden`, `aria-hidden="true"`, `display:none`);
//! and elements whose class or id has a word in [`CLUTTER_WORDS`] (cookie banners,
//! newsletter boxes, related lists, share bars, comments, promos, ads) or a word in
//! [`WEAK_CLUTTER_WORDS`] without one of [`CONTENT_WORDS`] (Readability's
//! `okMaybeItsACandidate`: `class="article-header"` stays, `class="site-header"` goes).
//! Words are the class/id split at `-`, `_`, spaces and lowercase-to-uppercase changes.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

/// Elements that are never article text.
pub(super) const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "nav", "aside",
    "footer", "form", "button", "select", "textarea", "input", "dialog", "menu",
];
/// ARIA roles of page furniture.
pub(super) const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];
/// Class or id words that mark an element as furniture, whatever else they say.
pub(super) const CLUTTER_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "related",
    "recommended",
    "recommendations",
    "share",
    "sharing",
    "sharebar",
    "social",
    "comment",
    "comments",
    "disqus",
    "promo",
    "promotion",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsor",
    "sponsored",
    "paywall",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "outbrain",
    "taboola",
    "trending",
    "popular",
    "mostread",
    "sidebar",
];
/// Class or id words that mark furniture unless a word of [`CONTENT_WORDS`] is also there.
pub(super) const WEAK_CLUTTER_WORDS: &[&str] = &[
    "banner",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "header",
    "footer",
    "masthead",
    "widget",
    "toolbar",
    "skip",
    "tags",
    "pagination",
    "pager",
];
/// Class or id words that keep an element despite a weak clutter word.
pub(super) const CONTENT_WORDS: &[&str] = &["article", "body", "content", "main", "story"];

/// Paragraphs shorter than this (in characters) are not scored.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// The elements whose text is the article, in document order.
pub(super) fn content<'a>(page: &'a Html) -> Vec<NodeRef<'a, Node>> {
    let root = page.tree.root();
    let elements = || root.descendants().filter(|node| node.value().is_element());
    let counts = Counts::of(root);
    let largest = |nodes: Vec<NodeRef<'a, Node>>| nodes.into_iter().max_by_key(|node| counts.text(node.id()));
    let found = largest(elements().filter(|node| attr(*node, "itemprop") == Some("articleBody")).collect())
        .or_else(|| {
            largest(elements().filter(|node| name(*node) == "article" && !inside_clutter(*node)).collect())
        })
        .or_else(|| {
            largest(
                elements()
                    .filter(|node| name(*node) == "main" || attr(*node, "role") == Some("main"))
                    .collect(),
            )
        });
    let scored = scored(root, &counts);
    if let Some(found) = found.filter(|node| counts.text(node.id()) > 0) {
        let scored_text: usize = scored.iter().flatten().map(|node| counts.text(node.id())).sum();
        if counts.text(found.id()) * 2 >= scored_text {
            return vec![found];
        }
    }
    scored.unwrap_or_else(|| body(page).into_iter().collect())
}

/// The `<body>` (or the document, for a fragment).
pub(super) fn body(page: &Html) -> Option<NodeRef<'_, Node>> {
    let root = page.tree.root();
    root.descendants().find(|node| name(*node) == "body").or(Some(root))
}

/// Readability's paragraph scoring (see the module doc): the best candidate and its good
/// siblings, or `None` if no paragraph is long enough.
fn scored<'a>(root: NodeRef<'a, Node>, counts: &Counts) -> Option<Vec<NodeRef<'a, Node>>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for paragraph in
        root.descendants().filter(|node| matches!(name(*node), "p" | "pre" | "td" | "blockquote"))
    {
        let length = counts.text(paragraph.id());
        if length < MIN_PARAGRAPH_CHARS || inside_clutter(paragraph) {
            continue;
        }
        let commas = text(paragraph).matches([',', '،', '、', '，']).count();
        let score = 1.0 + commas as f64 + (length / 100).min(3) as f64;
        let mut ancestors = paragraph.ancestors().filter(|node| node.value().is_element());
        if let Some(parent) = ancestors.next() {
            *scores.entry(parent.id()).or_default() += score;
        }
        if let Some(grandparent) = ancestors.next() {
            *scores.entry(grandparent.id()).or_default() += score / 2.0;
        }
    }
    let weighed = |(id, score): (&NodeId, &f64)| (*id, score * (1.0 - counts.link_density(*id)));
    let (best, best_score) =
        scores.iter().map(weighed).max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let best = root.tree().get(best)?;
    let Some(parent) = best.parent() else {
        return Some(vec![best]);
    };
    let threshold = (best_score * 0.2).max(10.0);
    let keep = |sibling: &NodeRef<'a, Node>| {
        if sibling.id() == best.id() {
            return true;
        }
        if !sibling.value().is_element() || is_clutter(*sibling) {
            return false;
        }
        let score =
            scores.get(&sibling.id()).map_or(0.0, |score| score * (1.0 - counts.link_density(sibling.id())));
        let long_paragraph = name(*sibling) == "p"
            && counts.text(sibling.id()) > 80
            && counts.link_density(sibling.id()) < 0.25;
        score >= threshold || long_paragraph
    };
    Some(parent.children().filter(keep).collect())
}

/// Text and link-text lengths (in characters, whitespace runs counted once) of every node.
struct Counts(HashMap<NodeId, (usize, usize)>);

impl Counts {
    /// Counts every node under `root` in one pass (no recursion, so any depth is fine).
    fn of(root: NodeRef<'_, Node>) -> Counts {
        let mut counts = HashMap::new();
        let mut stack: Vec<(NodeId, usize, usize)> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => stack.push((node.id(), 0, 0)),
                Edge::Close(node) => {
                    let Some((id, mut text, mut links)) = stack.pop() else { continue };
                    if let Node::Text(t) = node.value() {
                        text = t.split_whitespace().map(|word| word.chars().count() + 1).sum();
                    }
                    if name(node) == "a" {
                        links = text;
                    }
                    counts.insert(id, (text, links));
                    if let Some(parent) = stack.last_mut() {
                        parent.1 += text;
                        parent.2 += links;
                    }
                }
            }
        }
        Counts(counts)
    }

    fn text(&self, id: NodeId) -> usize {
        self.0.get(&id).map_or(0, |counts| counts.0)
    }

    /// Share of the text that is inside links, 0 to 1.
    fn link_density(&self, id: NodeId) -> f64 {
        match self.0.get(&id) {
            Some(&(text, links)) if text > 0 => links as f64 / text as f64,
            _ => 0.0,
        }
    }
}

/// Whether `node` is page furniture (see the module doc), judged on the node alone.
pub(super) fn is_clutter(node: NodeRef<'_, Node>) -> bool {
    let Some(element) = node.value().as_element() else {
        return false;
    };
    let tag = element.name();
    if is_hidden(node) || DROPPED_TAGS.contains(&tag) {
        return true;
    }
    if tag == "header" && !node.ancestors().any(|ancestor| name(ancestor) == "article") {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| DROPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let mut words = Vec::new();
    for value in [element.attr("class"), element.attr("id")].into_iter().flatten() {
        split_words(value, &mut words);
    }
    let has = |list: &[&str]| words.iter().any(|word| list.contains(&word.as_str()));
    has(CLUTTER_WORDS) || (has(WEAK_CLUTTER_WORDS) && !has(CONTENT_WORDS))
}

/// Whether `node` is hidden from readers: `hidden`, `aria-hidden="true"` or an inline
/// `display:none` / `visibility:hidden`.
pub(super) fn is_hidden(node: NodeRef<'_, Node>) -> bool {
    let Some(element) = node.value().as_element() else {
        return false;
    };
    if element.attr("hidden").is_some() || element.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String =
            style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Whether an ancestor of `node` is clutter.
fn inside_clutter(node: NodeRef<'_, Node>) -> bool {
    node.ancestors().any(is_clutter)
}

/// Lowercase words of a class or id value: split at non-alphanumerics and at
/// lowercase-to-uppercase changes (`relatedStories` → `related`, `stories`).
fn split_words(value: &str, words: &mut Vec<String>) {
    let mut word = String::new();
    let mut previous_lower = false;
    for c in value.chars() {
        if (!c.is_alphanumeric() || (c.is_uppercase() && previous_lower)) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        previous_lower = c.is_lowercase();
    }
    if !word.is_empty() {
        words.push(word);
    }
}

/// The element name of a node (empty for other nodes).
pub(super) fn name<'a>(node: NodeRef<'a, Node>) -> &'a str {
    node.value().as_element().map_or("", |element| element.name())
}

fn attr<'a>(node: NodeRef<'a, Node>, key: &str) -> Option<&'a str> {
    node.value().as_element().and_then(|element| element.attr(key))
}

/// All the text under `node`, as it is.
fn text(node: NodeRef<'_, Node>) -> String {
    node.descendants().filter_map(|node| node.value().as_text().map(|text| &**text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(value: &str) -> Vec<String> {
        let mut out = Vec::new();
        split_words(value, &mut out);
        out
    }

    #[test]
    fn class_words_split_at_dashes_and_camel_case() {
        assert_eq!(
            words("relatedStories article_share-bar"),
            ["related", "stories", "article", "share", "bar"]
        );
    }

    fn clutter(html: &str) -> bool {
        let page = Html::parse_fragment(html);
        let node = page.tree.root().descendants().find(|node| name(*node) == "div").unwrap();
        is_clutter(node)
    }

    #[test]
    fn clutter_words_weak_words_and_content_words() {
        assert!(clutter(r#"<div class="cookie-banner">"#));
        assert!(clutter(r#"<div id="newsletterSignup">"#));
        assert!(clutter(r#"<div class="article-share">"#), "a strong word wins over a content word");
        assert!(clutter(r#"<div class="site-header">"#));
        assert!(!clutter(r#"<div class="article-header">"#), "a content word keeps a weak word");
        assert!(!clutter(r#"<div class="commentary-text">"#), "words, not substrings");
        assert!(clutter(r#"<div role="navigation">"#));
        assert!(clutter(r#"<div style="display: none">"#));
        assert!(clutter(r#"<div aria-hidden="true">"#));
        assert!(!clutter(r#"<div class="story-body">"#));
        assert!(clutter(r#"<div class="post-footer">"#), "post is not a content word");
    }
}
