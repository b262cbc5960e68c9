//! HTML metadata: the title, date, author, source and canonical address of a page, from
//! JSON-LD, OpenGraph and `<meta>` tags, `<link rel=canonical>`, `<title>` and the page.
//!
//! Each field is taken from the first of its sources that gives a usable value:
//! - title: JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`, the first `<h1>`;
//!   then the site-name suffix or prefix is removed (see [`strip_site_name`]);
//! - date: JSON-LD `datePublished`, then the `<meta>` names in [`DATE_METAS`], then
//!   `itemprop="datePublished"`, then the first `<time datetime>` (the first that is a valid
//!   date; invalid ones are passed over);
//! - author: JSON-LD `author` (names joined with `, `), then the `<meta>` names in
//!   [`AUTHOR_METAS`] (a value that is a URL is passed over);
//! - source: JSON-LD `publisher` name, `og:site_name`, `application-name`;
//! - url: `<link rel=canonical>`, `og:url`, JSON-LD `url` / `mainEntityOfPage`.
//!
//! JSON-LD objects count if their `@type` ends in `Article` (NewsArticle,
//! ReportageNewsArticle, …) or is `BlogPosting`/`LiveBlogPosting`/`Report`; they are
//! searched breadth-first through arrays, `@graph` and nested objects, so the page's own
//! article comes before articles it lists, and `{"@id": …}` references are resolved to the
//! named object they point to. A JSON-LD block that is not valid JSON gives a warning.

use std::collections::{HashMap, VecDeque};

use scraper::{ElementRef, Html};
use serde_json::Value;

use super::{one_line, parse_date};

/// `<meta name|property>` keys that hold a publication date, most specific first.
pub(super) const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
];
/// `<meta name|property>` keys that hold the author, most specific first (`byl` is the
/// "By …" byline some newspapers use).
pub(super) const AUTHOR_METAS: &[&str] =
    &["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];
/// Separators between a title and a site name, as in "Headline | Site".
const TITLE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " / "];

/// What the page says about itself.
#[derive(Debug, Default)]
pub(super) struct Metadata {
    /// Title, site name removed; empty if the page has none.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub author: Option<String>,
    /// Publisher or site name.
    pub source: Option<String>,
    pub url: Option<String>,
    /// Messages for warnings (e.g. a JSON-LD block that is not JSON).
    pub warnings: Vec<String>,
}

/// Fields of the first JSON-LD article object.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// Reads the metadata of a parsed page.
pub(super) fn read(page: &Html) -> Metadata {
    let mut metas: HashMap<String, Vec<String>> = HashMap::new();
    let mut warnings = Vec::new();
    let mut linked = LinkedData::default();
    let (mut title, mut h1, mut canonical, mut time, mut itemprop_date) = (None, None, None, None, None);
    for element in page.root_element().descendent_elements() {
        let attr = |name: &str| element.attr(name).map(str::trim).filter(|value| !value.is_empty());
        match element.value().name() {
            "title" if title.is_none() => title = Some(one_line(&text_of(element))).filter(|t| !t.is_empty()),
            "h1" if h1.is_none() => h1 = Some(one_line(&text_of(element))).filter(|t| !t.is_empty()),
            "meta" => {
                let key = attr("property").or(attr("name")).or(attr("itemprop"));
                if let (Some(key), Some(content)) = (key, attr("content")) {
                    metas.entry(key.to_ascii_lowercase()).or_default().push(content.to_string());
                }
            }
            "link" if canonical.is_none() => {
                let rel = attr("rel").unwrap_or_default();
                if rel.split_whitespace().any(|token| token.eq_ignore_ascii_case("canonical")) {
                    canonical = attr("href").map(str::to_string);
                }
            }
            "script" if attr("type").is_some_and(|kind| kind.to_ascii_lowercase().contains("ld+json")) => {
                match serde_json::from_str::<Value>(&text_of(element)) {
                    Ok(value) => linked_data(&value, &mut linked),
                    Err(error) => {
                        warnings.push(format!("JSON-LD block is not valid JSON ({error}); ignored"))
                    }
                }
            }
            "time" if time.is_none() => time = attr("datetime").and_then(parse_date),
            _ => {}
        }
        if itemprop_date.is_none()
            && attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
        {
            itemprop_date = attr("content").or(attr("datetime")).and_then(parse_date);
        }
    }
    let meta = |key: &str| metas.get(key).into_iter().flatten().map(String::as_str);
    let first_meta = |keys: &[&str]| keys.iter().find_map(|key| meta(key).next().map(one_line));
    let source = linked.publisher.clone().or_else(|| first_meta(&["og:site_name", "application-name"]));
    let url = canonical.or_else(|| first_meta(&["og:url"])).or(linked.url.clone());
    let title = linked
        .headline
        .clone()
        .or_else(|| first_meta(&["og:title", "twitter:title"]))
        .or(title)
        .or(h1)
        .map(|title| {
            let host = url.as_deref().and_then(super::url_host);
            let label = host.as_deref().and_then(|host| host.split('.').next());
            let sites: Vec<&str> = source.as_deref().into_iter().chain(label).collect();
            strip_site_name(&title, &sites)
        })
        .unwrap_or_default();
    let date = linked
        .date
        .as_deref()
        .and_then(parse_date)
        .or_else(|| DATE_METAS.iter().flat_map(|key| meta(key)).find_map(parse_date))
        .or(itemprop_date)
        .or(time);
    let author = linked.author.clone().or_else(|| {
        AUTHOR_METAS
            .iter()
            .flat_map(|key| meta(key))
            .map(|value| one_line(value.strip_prefix("By ").unwrap_or(value)))
            .find(|value| {
                !value.is_empty() && !value.starts_with("http://") && !value.starts_with("https://")
            })
    });
    Metadata { title, date, author, source, url, warnings }
}

/// The text of an element (for `<title>`, `<h1>`, `<script>`).
fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect()
}

/// Fills `out` from the first JSON-LD article object in `value` (breadth-first).
fn linked_data(value: &Value, out: &mut LinkedData) {
    if out.headline.is_some() || out.date.is_some() {
        return;
    }
    let mut names: HashMap<&str, &str> = HashMap::new();
    let mut articles = Vec::new();
    let mut queue = VecDeque::from([value]);
    while let Some(value) = queue.pop_front() {
        match value {
            Value::Array(items) => queue.extend(items),
            Value::Object(object) => {
                if let (Some(Value::String(id)), Some(Value::String(name))) =
                    (object.get("@id"), object.get("name"))
                {
                    names.insert(id, name);
                }
                if is_article(object.get("@type")) {
                    articles.push(object);
                }
                queue.extend(object.values());
            }
            _ => {}
        }
    }
    let Some(article) = articles.first() else {
        return;
    };
    let string = |key: &str| match article.get(key) {
        Some(Value::String(value)) => Some(one_line(value)).filter(|value| !value.is_empty()),
        _ => None,
    };
    out.headline = string("headline").or_else(|| string("name"));
    out.date = string("datePublished").or_else(|| string("dateCreated"));
    out.author = article.get("author").and_then(|author| people(author, &names));
    out.publisher = article.get("publisher").and_then(|publisher| name(publisher, &names));
    out.url = string("url").or_else(|| match article.get("mainEntityOfPage") {
        Some(Value::String(url)) => Some(url.clone()),
        Some(Value::Object(page)) => page.get("@id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    });
}

/// Whether a JSON-LD `@type` (a string or an array of them) names a kind of article.
fn is_article(kind: Option<&Value>) -> bool {
    let article = |kind: &str| {
        let kind = kind.rsplit(['/', ':']).next().unwrap_or(kind);
        kind.ends_with("Article") || matches!(kind, "BlogPosting" | "LiveBlogPosting" | "Report")
    };
    match kind {
        Some(Value::String(kind)) => article(kind),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(article),
        _ => false,
    }
}

/// The name of a person or organization: a string, an object with `name`, or an `@id`
/// reference to a named object.
fn name(value: &Value, names: &HashMap<&str, &str>) -> Option<String> {
    let name = match value {
        Value::String(name) => name.as_str(),
        Value::Object(object) => match (object.get("name"), object.get("@id")) {
            (Some(Value::String(name)), _) => name.as_str(),
            (_, Some(Value::String(id))) => names.get(id.as_str())?,
            _ => return None,
        },
        Value::Array(items) => return items.iter().find_map(|item| name(item, names)),
        _ => return None,
    };
    Some(one_line(name)).filter(|name| !name.is_empty())
}

/// Names of one or several people, joined with `, `.
fn people(value: &Value, names: &HashMap<&str, &str>) -> Option<String> {
    let all: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(|item| name(item, names)).collect(),
        single => name(single, names).into_iter().collect(),
    };
    (!all.is_empty()).then(|| all.join(", "))
}

/// The title without the site's name: "Headline | Site" → "Headline" (also with `-`, `–`,
/// `—`, `::`, `·`, `»`, `/`), and "Site | Headline" → "Headline", when the segment matches
/// one of `sites` (the site name, the first label of the url's host) ignoring case, spaces
/// and punctuation; without a match, a trailing segment of at most 3 words is removed when
/// at least 3 words remain before it (after a dash, which headlines also use, only if no
/// word of the segment starts in lowercase).
pub(super) fn strip_site_name(title: &str, sites: &[&str]) -> String {
    let title = one_line(title);
    let squash =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let same = |segment: &str| {
        let segment = squash(segment);
        !segment.is_empty() && sites.iter().any(|site| squash(site) == segment)
    };
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if same(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if same(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    let words = |s: &str| s.split_whitespace().count();
    let best = TITLE_SEPARATORS
        .iter()
        .filter_map(|separator| title.rsplit_once(separator).map(|(head, tail)| (separator, head, tail)))
        .max_by_key(|(_, head, _)| head.len());
    if let Some((separator, head, tail)) = best {
        let capitalized = tail.split_whitespace().all(|word| !word.starts_with(char::is_lowercase));
        let dash = matches!(*separator, " - " | " – " | " — ");
        if words(tail) <= 3 && words(head) >= 3 && (!dash || capitalized) {
            return head.trim().to_string();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        read(&Html::parse_document(html))
    }

    #[test]
    fn json_ld_news_article_gives_every_field() {
        let page = meta(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Port strike ends","datePublished":"2025-03-04T08:00:00+01:00",
            "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"}],
            "publisher":{"@type":"Organization","name":"The Harbour Times"},
            "mainEntityOfPage":{"@id":"https://harbour.example/port"}}</script><title>Other</title>"#,
        );
        assert_eq!(page.title, "Port strike ends");
        assert_eq!(page.date.as_deref(), Some("2025-03-04"));
        assert_eq!(page.author.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(page.source.as_deref(), Some("The Harbour Times"));
        assert_eq!(page.url.as_deref(), Some("https://harbour.example/port"));
    }

    #[test]
    fn json_ld_graph_with_references_and_type_arrays() {
        let page = meta(
            r##"<script type="application/ld+json">{"@graph":[
              {"@type":"WebPage","@id":"#page","name":"Page"},
              {"@type":"Organization","@id":"#org","name":"Daily Example"},
              {"@type":["ReportageNewsArticle"],"headline":"Flood waters recede","datePublished":"2024-11-02",
               "author":"Sam Okoro","publisher":{"@id":"#org"},
               "hasPart":{"@type":"NewsArticle","headline":"Related story","datePublished":"2020-01-01"}}]}
            </script>"##,
        );
        assert_eq!(page.title, "Flood waters recede");
        assert_eq!(page.date.as_deref(), Some("2024-11-02"));
        assert_eq!(page.author.as_deref(), Some("Sam Okoro"));
        assert_eq!(page.source.as_deref(), Some("Daily Example"));
    }

    #[test]
    fn json_ld_in_a_top_level_array() {
        let page = meta(
            r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"Article","headline":"In an array"}]</script>"#,
        );
        assert_eq!(page.title, "In an array");
    }

    #[test]
    fn invalid_json_ld_warns_and_meta_tags_are_used() {
        let page = meta(
            r#"<script type="application/ld+json">{"@type": "NewsArticle",</script>
            <meta property="og:title" content="Council approves budget">
            <meta property="og:site_name" content="Metro Post">
            <meta property="article:published_time" content="2025-06-30T18:00:00Z">
            <meta name="author" content="https://metro.example/staff/kim">
            <meta name="parsely-author" content="Kim Lee">
            <meta property="og:url" content="https://metro.example/budget">"#,
        );
        assert_eq!(page.title, "Council approves budget");
        assert_eq!(page.date.as_deref(), Some("2025-06-30"));
        assert_eq!(page.author.as_deref(), Some("Kim Lee"), "a URL is not an author name");
        assert_eq!(page.source.as_deref(), Some("Metro Post"));
        assert_eq!(page.url.as_deref(), Some("https://metro.example/budget"));
        assert_eq!(page.warnings.len(), 1);
        assert!(page.warnings[0].starts_with("JSON-LD block is not valid JSON"), "{:?}", page.warnings);
    }

    #[test]
    fn canonical_link_wins_over_og_url_and_itemprop_date_over_time() {
        let page = meta(
            r#"<link rel="canonical" href="https://e.example/a"><meta property="og:url" content="https://e.example/b">
            <span itemprop="datePublished" content="2023-05-06"></span><time datetime="2001-01-01">x</time>"#,
        );
        assert_eq!(page.url.as_deref(), Some("https://e.example/a"));
        assert_eq!(page.date.as_deref(), Some("2023-05-06"));
    }

    #[test]
    fn the_site_name_is_removed_from_the_title() {
        let site = &["The Harbour Times"][..];
        assert_eq!(strip_site_name("Port strike ends | The Harbour Times", site), "Port strike ends");
        assert_eq!(strip_site_name("Port strike ends - the harbour times", site), "Port strike ends");
        assert_eq!(strip_site_name("The Harbour Times — Port strike ends", site), "Port strike ends");
        assert_eq!(strip_site_name("Port strike ends at last | HT", &[]), "Port strike ends at last");
        assert_eq!(
            strip_site_name("Mayor resigns after audit – City News", &[]),
            "Mayor resigns after audit"
        );
        assert_eq!(strip_site_name("Council approves budget - Metro Post", &[]), "Council approves budget");
        assert_eq!(
            strip_site_name("Biden - Trump debate", &[]),
            "Biden - Trump debate",
            "a headline dash is kept"
        );
        assert_eq!(strip_site_name("Prices rise again - and fast", &[]), "Prices rise again - and fast");
        assert_eq!(strip_site_name("Yes | No", &[]), "Yes | No", "too short to tell");
        assert_eq!(strip_site_name("Café terraces – Le Quartier", &[]), "Café terraces – Le Quartier");
        assert_eq!(
            strip_site_name("Café terraces – Le Quartier", &["lequartier"]),
            "Café terraces",
            "the host"
        );
        assert_eq!(strip_site_name("Café Talks – Live", &[]), "Café Talks – Live");
    }
}
