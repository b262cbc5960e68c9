//! CSV and TSV (`.csv`, `.tsv`): a row an article, as CMS and spreadsheet exports give them.
//!
//! The first row names the columns. Each field is taken from the first column whose name
//! (case, spaces, `-` and `_` ignored) is in its list in [`CsvField::names`] — e.g. the text
//! from `text`, `body`, `content`, `article` or `story` — unless
//! [`super::IngestOptions::csv_columns`] maps it to another column (the CLI's
//! `--csv-columns text=story,title=hed`). A file without a text column is skipped, naming
//! the columns it has. A row that cannot be read or has no text is skipped with its line
//! number; every other row is kept. A row without an id is `<file stem>:<line>`; without a
//! title, the title comes from its text as for JSONL. The file is decoded as any text file
//! (charset detection included); quoted fields may span lines.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::{date_or_warning, file_stem, normalize_text, one_line, txt, Parsed, Run};

/// A document field that a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CsvField {
    /// The document id.
    Id,
    /// The title.
    Title,
    /// The publication date.
    Date,
    /// The body text.
    Text,
    /// The article's address.
    Url,
    /// The publisher or outlet.
    Source,
    /// The author or byline.
    Author,
}

impl CsvField {
    /// Every field, in the order they are looked up.
    pub const ALL: [CsvField; 7] = [
        CsvField::Id,
        CsvField::Title,
        CsvField::Date,
        CsvField::Text,
        CsvField::Url,
        CsvField::Source,
        CsvField::Author,
    ];

    /// Column names that fill this field without a mapping, compared after lowercasing and
    /// removing spaces, `-` and `_` (so `Published At` matches `publishedat`).
    pub fn names(self) -> &'static [&'static str] {
        match self {
            CsvField::Id => &["id", "articleid", "guid", "uuid", "docid"],
            CsvField::Title => &["title", "headline", "hed", "heading", "subject"],
            CsvField::Date => {
                &["date", "published", "pubdate", "publishdate", "publishedat", "publicationdate", "datetime"]
            }
            CsvField::Text => &["text", "body", "content", "article", "story", "fulltext", "articlebody"],
            CsvField::Url => &["url", "link", "permalink", "href"],
            CsvField::Source => &["source", "publisher", "outlet", "publication", "site", "media"],
            CsvField::Author => &["author", "byline", "authors", "writer"],
        }
    }

    /// The name used in `--csv-columns`.
    pub fn key(self) -> &'static str {
        match self {
            CsvField::Id => "id",
            CsvField::Title => "title",
            CsvField::Date => "date",
            CsvField::Text => "text",
            CsvField::Url => "url",
            CsvField::Source => "source",
            CsvField::Author => "author",
        }
    }
}

impl fmt::Display for CsvField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for CsvField {
    type Err = String;

    /// `id`, `title`, `date`, `text`, `url`, `source` or `author`.
    fn from_str(key: &str) -> Result<CsvField, String> {
        let key = key.trim().to_ascii_lowercase();
        CsvField::ALL.into_iter().find(|field| field.key() == key).ok_or_else(|| {
            format!("unknown field \"{key}\" (expected id, title, date, text, url, source or author)")
        })
    }
}

/// Parses a column map such as `text=story,title=hed`: `field=column` pairs separated by
/// commas. Fails, saying why, on an unknown field, a pair without `=` or an empty column.
pub fn parse_column_map(spec: &str) -> Result<Vec<(CsvField, String)>, String> {
    let mut map = Vec::new();
    for pair in spec.split(',').map(str::trim).filter(|pair| !pair.is_empty()) {
        let (field, column) = pair
            .split_once('=')
            .ok_or_else(|| format!("\"{pair}\" is not field=column (e.g. text=story)"))?;
        let column = column.trim();
        if column.is_empty() {
            return Err(format!("\"{pair}\" names no column"));
        }
        map.push((field.parse()?, column.to_string()));
    }
    Ok(map)
}

/// Compares column names: lowercase, without spaces, `-` and `_`.
fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_') && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which column holds each field.
#[derive(Debug, Default)]
struct Columns([Option<usize>; 7]);

impl Columns {
    /// Finds the columns in `headers`, mapped ones first; `Err` if a mapped column is absent.
    fn find(headers: &[String], map: &[(CsvField, String)]) -> Result<Columns, String> {
        let squashed: Vec<String> = headers.iter().map(|header| squash(header)).collect();
        let mut columns = Columns::default();
        for (index, field) in CsvField::ALL.into_iter().enumerate() {
            let found = match map.iter().find(|(mapped, _)| *mapped == field) {
                Some((_, column)) => {
                    Some(squashed.iter().position(|name| *name == squash(column)).ok_or_else(|| {
                        format!("no column \"{column}\" for {field} (columns: {})", headers.join(", "))
                    })?)
                }
                None => {
                    field.names().iter().find_map(|name| squashed.iter().position(|header| header == name))
                }
            };
            if let Some(slot) = columns.0.get_mut(index) {
                *slot = found;
            }
        }
        Ok(columns)
    }

    /// The column of `field`, if found.
    fn get_index(&self, field: CsvField) -> Option<usize> {
        let index = CsvField::ALL.iter().position(|f| *f == field)?;
        *self.0.get(index)?
    }

    /// The trimmed, non-empty value of `field` in `row`.
    fn get<'a>(&self, field: CsvField, row: &'a ::csv::StringRecord) -> Option<&'a str> {
        row.get(self.get_index(field)?).map(str::trim).filter(|value| !value.is_empty())
    }
}

/// Reads a decoded `.csv` (`delimiter` `,`) or `.tsv` (`\t`) file, sending documents, skips
/// and warnings to `run`.
pub(super) fn read(run: &mut Run, path: &Path, content: &str, delimiter: u8, map: &[(CsvField, String)]) {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(content.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|header| header.trim().to_string()).collect(),
        Err(error) => return run.skip(path, Some(1), format!("cannot read the header row: {error}")),
    };
    let columns = match Columns::find(&headers, map) {
        Ok(columns) => columns,
        Err(reason) => return run.skip(path, None, reason),
    };
    if columns.get_index(CsvField::Text).is_none() {
        let names = CsvField::Text.names().join(", ");
        let reason = format!(
            "no text column (looked for {names}; map one with --csv-columns text=NAME); columns: {}",
            headers.join(", ")
        );
        return run.skip(path, None, reason);
    }
    let stem = file_stem(path);
    let mut rows = 0;
    let mut row = ::csv::StringRecord::new();
    loop {
        let line = usize::try_from(reader.position().line()).unwrap_or(usize::MAX);
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {
                rows += 1;
                match record(&columns, &row, &stem, line) {
                    Ok((id, parsed)) => run.document(path, Some(line), id, parsed),
                    Err(reason) => run.skip(path, Some(line), reason),
                }
            }
            Err(error) => {
                rows += 1;
                run.skip(path, Some(line), format!("cannot read row: {error}"));
                if !matches!(error.kind(), ::csv::ErrorKind::UnequalLengths { .. }) {
                    break;
                }
            }
        }
    }
    if rows == 0 {
        run.skip(path, None, "no rows after the header");
    }
}

/// One row as a document (its id and fields), or the reason it is skipped.
fn record(
    columns: &Columns,
    row: &::csv::StringRecord,
    stem: &str,
    line: usize,
) -> Result<(String, Parsed), String> {
    let text = normalize_text(columns.get(CsvField::Text, row).unwrap_or_default());
    if text.is_empty() {
        return Err("empty text".to_string());
    }
    let mut parsed = Parsed { text, ..Parsed::default() };
    let id = columns.get(CsvField::Id, row).map_or_else(|| format!("{stem}:{line}"), str::to_string);
    parsed.title = match columns.get(CsvField::Title, row) {
        Some(title) => one_line(title),
        None => txt::title_policy(parsed.text.lines().next().unwrap_or_default()).0,
    };
    parsed.date =
        columns.get(CsvField::Date, row).and_then(|date| date_or_warning(date, &mut parsed.warnings));
    parsed.url = columns.get(CsvField::Url, row).map(str::to_string);
    parsed.source = columns.get(CsvField::Source, row).map(one_line);
    parsed.author = columns.get(CsvField::Author, row).map(one_line);
    Ok((id, parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_maps_parse_and_fail_clearly() {
        assert_eq!(
            parse_column_map("text=story, title = hed").unwrap(),
            [(CsvField::Text, "story".to_string()), (CsvField::Title, "hed".to_string())]
        );
        assert!(parse_column_map("body=story").unwrap_err().starts_with("unknown field \"body\""));
        assert!(parse_column_map("text").unwrap_err().contains("is not field=column"));
        assert!(parse_column_map("text=").unwrap_err().contains("names no column"));
    }

    #[test]
    fn header_names_are_matched_loosely() {
        let headers: Vec<String> = ["ID", "Headline", "Published At", "Body", "Link", "Outlet", "By-line"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let columns = Columns::find(&headers, &[]).unwrap();
        assert_eq!(columns.0, [Some(0), Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)]);
        let mapped = Columns::find(&headers, &[(CsvField::Text, "outlet".into())]).unwrap();
        assert_eq!(mapped.get_index(CsvField::Text), Some(5));
        let missing = Columns::find(&headers, &[(CsvField::Text, "story".into())]).unwrap_err();
        assert!(missing.starts_with("no column \"story\" for text (columns: ID, Headline"), "{missing}");
    }
}
