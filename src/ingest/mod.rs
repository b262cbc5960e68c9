//! Native only (Unix): turns files on disk into [`Document`]s for the indexer.
//!
//! [`ingest`] walks the paths it is given (folders recursively, in sorted byte order of
//! paths so builds are deterministic; hidden entries starting with `.` are ignored inside
//! folders), parses every supported file and hands the documents to a sink one at a time,
//! so the corpus is never held in memory. Everything that was not indexed is listed in the
//! [`Report`] with its reason: no valid document is lost silently.
//!
//! # Formats (chosen by extension, case-insensitive)
//! - `.txt`: optional `title:` / `date:` / `url:` header lines at the very top; a first
//!   line starting with `date YYYY-MM-DD` sets the date (the rest of that line is text);
//!   the first non-empty line is the title (see the title policy in `txt.rs`).
//! - `.md`, `.markdown`: optional `---` front matter (`title`, `date`, `url`); the title is
//!   the front-matter title, else the first level-1 heading, else as for `.txt`; the text is
//!   the markdown (parsed by `pulldown-cmark`, linear time) as readable text: links become
//!   their text, images their alt text, HTML is dropped (see `markdown.rs`).
//! - `.html`, `.htm`: parsed by html5ever; the article's text only, found and cleaned as
//!   Mozilla Readability does (`readability.rs`); title, date, author, source and url from
//!   JSON-LD, OpenGraph, `<meta>` and the canonical link, the title without the site name
//!   (`metadata.rs`).
//! - `.jsonl`: one object per line with `id`, `title`, `date`, `url`, `source`, `author` and
//!   `text` (or `body` / `content`). Bad lines are skipped one by one; the file is streamed
//!   line by line.
//! - `.csv`, `.tsv`: a row an article, columns found by their header names or mapped with
//!   [`IngestOptions::csv_columns`] (`csv.rs`).
//! - `.rss`, `.atom`, and `.xml` files that are feeds: an item or entry an article (`feed.rs`).
//! - `.docx`: the paragraphs of the Word document, zip bombs refused (`docx.rs`).
//! - `.pdf`: the text layer, extraction bounded in time (`pdf.rs`).
//!
//! Files named directly with another extension are reported as skipped; inside folders
//! they are ignored, and listed in [`Report::ignored`] and counted in [`Report::by_type`].
//!
//! # Walking (see `walk.rs`)
//! - Folders are opened by handle, each relative to its parent (`openat`), so depth costs
//!   nothing per folder and folders nested past `PATH_MAX` are read; a folder is visited
//!   once (by device and inode), so link loops end. Few descriptors are held at any time,
//!   however many folders are pending. A folder that cannot be read is reported with its
//!   reason. Paths in the report are the root as given joined with the names below it.
//! - Only regular files are read: files are opened non-blocking and the opened handle is
//!   checked, so a FIFO, socket or device (named directly, found in a folder, or swapped in
//!   for a file after the walk) is skipped as `not a regular file (a FIFO)`, never waited on.
//! - Symbolic links inside a walked folder are followed only if their target is inside that
//!   folder; others are reported (`symbolic link to outside the corpus folder: <target>; not
//!   followed`), unless [`IngestOptions::follow_links`] is set. Paths named directly are
//!   followed as given. A file reached both directly and through links is read once, under
//!   its direct path (else under the first link's path).
//!
//! # Rules shared by all formats
//! - A file is skipped (with its reason) if it cannot be read, is not a regular file, is
//!   larger than 64 MiB (`.jsonl`: a line larger than 64 MiB), has a NUL byte in its first
//!   8 KB (binary; not checked for `.docx` and `.pdf`), or is empty or only whitespace.
//! - Charsets (`charset.rs`): a BOM, a declaration (HTML `<meta>`, XML `encoding`), valid
//!   UTF-8, UTF-16 without a BOM, else chardetng's guess; a guess and any undecodable bytes
//!   are reported as a [`Warning`], never a reason to skip. A `.jsonl` file must be UTF-8
//!   (UTF-16 is skipped with that reason; a line that is not UTF-8 is skipped).
//! - A UTF-8 BOM is removed, CRLF and lone CR become LF.
//! - Text: whitespace inside a line collapses to one space, lines are trimmed, runs of
//!   blank lines collapse to one (a paragraph break), control characters other than
//!   newline are removed; every other character is kept as it is.
//! - Dates are `YYYY-MM-DD` calendar dates (an ISO datetime is cut to its date).
//! - Ids are the file stem (`.jsonl`: the `id` field). A repeated id is renamed to
//!   `<id>~2`, `<id>~3`, … with a [`Warning`]; the document is kept.

mod charset;
mod csv;
mod docx;
mod feed;
mod html;
mod jsonl;
mod markdown;
mod metadata;
mod pdf;
mod readability;
mod txt;
mod walk;

pub use csv::{parse_column_map, CsvField};
pub use walk::open_regular;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest file read whole, and largest `.jsonl` line: 64 MiB.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// How much of the start of a file is searched for a NUL byte to detect binary files.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// One document ready to be indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Unique id within the corpus (file stem, or the `id` field of a JSONL record).
    pub id: String,
    /// Title, one line.
    pub title: String,
    /// Publication date as `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Canonical address of the article, if known.
    pub url: Option<String>,
    /// Author or authors (joined with `, `), if known.
    pub author: Option<String>,
    /// Where it was published: the publisher or site name the file gives (JSON-LD
    /// `publisher`, `og:site_name`, a `source` field or column, a feed's title), else the
    /// host of its url (without `www.`), if any.
    pub source: Option<String>,
    /// Body text: lines separated by `\n`, paragraphs by a blank line.
    pub text: String,
}

impl Document {
    /// A document without date, url, author or source.
    pub fn new(id: impl Into<String>, title: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            title: title.into(),
            date: None,
            url: None,
            author: None,
            source: None,
            text: text.into(),
        }
    }
}

/// One input that was not indexed (or one JSONL line), with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file (or folder) concerned.
    pub path: PathBuf,
    /// 1-based line number, for one line of a `.jsonl` file.
    pub line: Option<usize>,
    /// Why it was skipped, e.g. `empty file`.
    pub reason: String,
}

/// Something worth telling the user that did not lose a document (e.g. duplicate id renamed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file concerned.
    pub path: PathBuf,
    /// 1-based line number, for one line of a `.jsonl` file.
    pub line: Option<usize>,
    /// What happened.
    pub message: String,
}

/// What an [`ingest`] run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Documents handed to the sink.
    pub documents: usize,
    /// Files that produced at least one document.
    pub files: usize,
    /// Inputs (files, folders or JSONL lines) that were not indexed, in the order met.
    pub skipped: Vec<Skipped>,
    /// Notes that did not lose a document, in the order met.
    pub warnings: Vec<Warning>,
    /// Files found in folders whose type is not read (e.g. `.png`), in the order met.
    pub ignored: Vec<PathBuf>,
    /// What happened to the files of each type: the lowercased extension with its dot
    /// (`.html`), or `(no extension)`.
    pub by_type: BTreeMap<String, TypeCount>,
}

/// How the files of one type (extension) fared in an [`ingest`] run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeCount {
    /// Files that produced at least one document.
    pub indexed: usize,
    /// Documents from those files.
    pub documents: usize,
    /// Entries of [`Report::skipped`]: whole files, or records (lines, rows, items) of them.
    pub skipped: usize,
    /// Files of a type that is not read, found in folders ([`Report::ignored`]).
    pub ignored: usize,
}

/// The key of [`Report::by_type`] for a path: its lowercased extension with the dot.
pub fn file_type(path: &Path) -> String {
    match path.extension() {
        Some(extension) => format!(".{}", extension.to_string_lossy().to_lowercase()),
        None => "(no extension)".to_string(),
    }
}

/// How far an [`ingest_with_progress`] run is: given to its callback after every document
/// and every file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents handed to the sink so far.
    pub documents: usize,
    /// Supported files finished so far (read whole, or skipped).
    pub files_done: usize,
    /// Supported files to read, found before the first one is read.
    pub files_total: usize,
    /// Bytes of those files consumed so far (JSONL files count line by line).
    pub bytes_done: u64,
    /// Total size of those files.
    pub bytes_total: u64,
}

impl Progress {
    /// Share of the input consumed, from 0 to 1: by bytes, or by files if they are all empty.
    pub fn fraction(&self) -> f64 {
        if self.bytes_total > 0 {
            (self.bytes_done as f64 / self.bytes_total as f64).min(1.0)
        } else if self.files_total > 0 {
            self.files_done as f64 / self.files_total as f64
        } else {
            1.0
        }
    }
}

/// Displays a path with an optional line number: `path[:line]`.
struct Location<'a>(&'a Path, Option<usize>);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.display())?;
        match self.1 {
            Some(line) => write!(f, ":{line}"),
            None => Ok(()),
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", Location(&self.path, self.line), self.reason)
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", Location(&self.path, self.line), self.message)
    }
}

/// How an [`ingest_with_options`] run treats what it finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Follow symbolic links found inside folders wherever they lead (the CLI's
    /// `--follow-links`). Off by default: a link inside a walked folder is followed only if
    /// its target is inside that folder, else it is reported as skipped ("symbolic link to
    /// outside the corpus folder: …; not followed"). Paths named directly are always followed,
    /// and loops are walked once either way.
    pub follow_links: bool,
    /// CSV/TSV columns that fill a field instead of the default names (the CLI's
    /// `--csv-columns text=story,title=hed`; see [`parse_column_map`]). A file that lacks a
    /// mapped column is skipped, naming its columns.
    pub csv_columns: Vec<(CsvField, String)>,
}

/// Walks files and folders (recursively, in sorted byte order of paths so builds are
/// deterministic), parses each supported file (.txt .md .markdown .html .htm .jsonl .csv
/// .tsv .rss .atom .xml .docx .pdf; other extensions are reported as skipped when named
/// directly, and listed in [`Report::ignored`] inside folders — hidden files/dirs starting
/// with '.' are not looked at inside folders), and hands
/// every document to `sink` one at a time (streaming: the corpus is never held in memory).
///
/// Paths named directly are processed in the order given. Never fails: every problem is
/// in the returned [`Report`]. Uses the default [`IngestOptions`].
pub fn ingest(paths: &[PathBuf], sink: &mut dyn FnMut(Document)) -> Report {
    ingest_with_progress(paths, sink, &mut |_| {})
}

/// [`ingest`], calling `progress` after every document and every file. Folders are walked
/// first, so that the totals are known before the first file is read; the documents and the
/// report are the same as [`ingest`]'s.
pub fn ingest_with_progress(
    paths: &[PathBuf],
    sink: &mut dyn FnMut(Document),
    progress: &mut dyn FnMut(&Progress),
) -> Report {
    ingest_with_options(paths, &IngestOptions::default(), sink, progress)
}

/// [`ingest_with_progress`] with options (e.g. following symbolic links anywhere).
pub fn ingest_with_options(
    paths: &[PathBuf],
    options: &IngestOptions,
    sink: &mut dyn FnMut(Document),
    progress: &mut dyn FnMut(&Progress),
) -> Report {
    let mut walker = walk::Walker::new(options);
    let mut steps = Vec::new();
    for path in paths {
        walker.plan(path, &mut steps);
    }
    let mut run = Run::new(walker, sink, progress);
    run.csv_columns.clone_from(&options.csv_columns);
    for step in &steps {
        if let Step::File(input) = step {
            run.progress.files_total += 1;
            run.progress.bytes_total = run.progress.bytes_total.saturating_add(input.size);
        }
    }
    for step in steps {
        match step {
            Step::Skip(path, reason) => run.skip(&path, None, reason),
            Step::Ignore(path) => {
                run.report.by_type.entry(file_type(&path)).or_default().ignored += 1;
                run.report.ignored.push(path);
            }
            Step::File(input) => {
                let before = run.progress.bytes_done;
                run.file(&input);
                run.progress.files_done += 1;
                run.progress.bytes_done = before.saturating_add(input.size);
                (run.on_progress)(&run.progress);
            }
        }
    }
    run.report
}

/// What [`ingest_with_options`] does with each input, decided before any file is read (in
/// the order it is done, so the report lists problems in the order met).
enum Step {
    /// Read this supported file.
    File(Input),
    /// Report this path as skipped, with the reason.
    Skip(PathBuf, String),
    /// A file of a type that is not read, found in a folder: counted, not read.
    Ignore(PathBuf),
}

/// A supported file to read.
struct Input {
    /// Its path as shown in reports (the root as given joined with the names below it).
    path: PathBuf,
    /// How to open it.
    source: walk::Source,
    format: Format,
    /// Its size when it was found.
    size: u64,
}

/// The supported input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Txt,
    Markdown,
    Html,
    Jsonl,
    Csv,
    Tsv,
    /// `.rss`, `.atom`.
    Feed,
    /// `.xml`: read if it is a feed.
    Xml,
    Docx,
    Pdf,
}

impl Format {
    /// The format of a file, from its extension.
    fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "tsv" => Some(Format::Tsv),
            "rss" | "atom" => Some(Format::Feed),
            "xml" => Some(Format::Xml),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// What a parser extracted from one document, before its id is assigned.
#[derive(Debug, Default)]
struct Parsed {
    /// May be empty: the id is used then.
    title: String,
    date: Option<String>,
    url: Option<String>,
    author: Option<String>,
    /// Publisher or site name; the url's host is used if there is none.
    source: Option<String>,
    /// Normalized text; if empty, the title is used (or the document skipped if both are).
    text: String,
    /// Messages for [`Warning`]s.
    warnings: Vec<String>,
}

/// Where an id was first used, to name it when a later document repeats it.
struct FirstUse {
    /// Index into [`Run::files`].
    file: usize,
    line: Option<usize>,
    /// Next `~N` suffix to try for a repeat.
    next_suffix: usize,
}

/// The state of one [`ingest`] call.
struct Run<'a> {
    walker: walk::Walker,
    sink: &'a mut dyn FnMut(Document),
    on_progress: &'a mut dyn FnMut(&Progress),
    progress: Progress,
    report: Report,
    ids: HashMap<String, FirstUse>,
    /// Files that produced documents, in order.
    files: Vec<PathBuf>,
    /// [`IngestOptions::csv_columns`].
    csv_columns: Vec<(CsvField, String)>,
}

impl<'a> Run<'a> {
    fn new(
        walker: walk::Walker,
        sink: &'a mut dyn FnMut(Document),
        on_progress: &'a mut dyn FnMut(&Progress),
    ) -> Run<'a> {
        Run {
            walker,
            sink,
            on_progress,
            progress: Progress::default(),
            report: Report::default(),
            ids: HashMap::new(),
            files: Vec::new(),
            csv_columns: Vec::new(),
        }
    }

    /// One supported file.
    fn file(&mut self, input: &Input) {
        let path = input.path.as_path();
        let (file, size) = match self.walker.open_file(path, &input.source) {
            Ok(opened) => opened,
            Err(reason) => return self.skip(path, None, reason),
        };
        let text_parser: fn(&str) -> Parsed = match input.format {
            Format::Jsonl => return jsonl::read(self, path, file),
            Format::Txt => txt::parse,
            Format::Markdown => markdown::parse,
            Format::Html => html::parse,
            Format::Docx | Format::Pdf => return self.binary(path, input.format, file, size),
            Format::Csv | Format::Tsv | Format::Feed | Format::Xml => {
                return self.records(path, input.format, file, size)
            }
        };
        let markup = if input.format == Format::Html { charset::Markup::Html } else { charset::Markup::None };
        match read_bytes(file, size).and_then(|bytes| decode_text(&bytes, markup)) {
            Ok((content, note)) => {
                let mut parsed = text_parser(&content);
                parsed.warnings.splice(0..0, note);
                self.document(path, None, file_stem(path), parsed)
            }
            Err(reason) => self.skip(path, None, reason),
        }
    }

    /// A file of many records (CSV/TSV rows, feed items), decoded as text first.
    fn records(&mut self, path: &Path, format: Format, file: File, size: u64) {
        let markup = if matches!(format, Format::Feed | Format::Xml) {
            charset::Markup::Xml
        } else {
            charset::Markup::None
        };
        let (content, note) = match read_bytes(file, size).and_then(|bytes| decode_text(&bytes, markup)) {
            Ok(decoded) => decoded,
            Err(reason) => return self.skip(path, None, reason),
        };
        if let Some(note) = note {
            self.warn(path, None, note);
        }
        match format {
            Format::Csv => csv::read(self, path, &content, b',', &self.csv_columns.clone()),
            Format::Tsv => csv::read(self, path, &content, b'\t', &self.csv_columns.clone()),
            Format::Xml if !feed::is_feed(&content) => self.skip(
                path,
                None,
                "an XML file that is not an RSS or Atom feed (its root is not <rss> or <feed>)",
            ),
            _ => feed::read(self, path, &content),
        }
    }

    /// A DOCX or PDF file, read as bytes.
    fn binary(&mut self, path: &Path, format: Format, file: File, size: u64) {
        let parsed = read_bytes(file, size).and_then(|bytes| match format {
            Format::Docx => docx::parse(&bytes),
            _ => pdf::parse(bytes),
        });
        match parsed {
            Ok(parsed) => self.document(path, None, file_stem(path), parsed),
            Err(reason) => self.skip(path, None, reason),
        }
    }

    /// Assigns a unique id and hands the document to the sink (or skips it if it has no text).
    fn document(&mut self, path: &Path, line: Option<usize>, id: String, mut parsed: Parsed) {
        for message in std::mem::take(&mut parsed.warnings) {
            self.warn(path, line, message);
        }
        if parsed.text.is_empty() {
            if parsed.title.is_empty() {
                return self.skip(path, line, "no text content");
            }
            parsed.text = parsed.title.clone();
        }
        if self.files.last().map(PathBuf::as_path) != Some(path) {
            self.files.push(path.to_path_buf());
            self.report.files += 1;
            self.report.by_type.entry(file_type(path)).or_default().indexed += 1;
        }
        self.report.by_type.entry(file_type(path)).or_default().documents += 1;
        let id = self.unique_id(id, path, line);
        let title = if parsed.title.is_empty() { id.clone() } else { parsed.title };
        self.report.documents += 1;
        let source = parsed.source.or_else(|| parsed.url.as_deref().and_then(url_host));
        let (date, url, author, text) = (parsed.date, parsed.url, parsed.author, parsed.text);
        (self.sink)(Document { id, title, date, url, author, source, text });
        self.progress.documents = self.report.documents;
        (self.on_progress)(&self.progress);
    }

    /// `id`, or `id~N` with a warning if `id` was used before in this run.
    fn unique_id(&mut self, id: String, path: &Path, line: Option<usize>) -> String {
        let here = FirstUse { file: self.files.len().saturating_sub(1), line, next_suffix: 2 };
        let (first_file, first_line, mut suffix) = match self.ids.get(&id) {
            None => {
                self.ids.insert(id.clone(), here);
                return id;
            }
            Some(first) => (first.file, first.line, first.next_suffix),
        };
        let renamed = loop {
            let candidate = format!("{id}~{suffix}");
            suffix += 1;
            if !self.ids.contains_key(&candidate) {
                break candidate;
            }
        };
        if let Some(first) = self.ids.get_mut(&id) {
            first.next_suffix = suffix;
        }
        self.ids.insert(renamed.clone(), here);
        let first_path = self.files.get(first_file).map_or(Path::new("?"), PathBuf::as_path);
        let first = Location(first_path, first_line);
        self.warn(
            path,
            line,
            format!("duplicate id \"{id}\" (first used by {first}); renamed to \"{renamed}\""),
        );
        renamed
    }

    fn skip(&mut self, path: &Path, line: Option<usize>, reason: impl Into<String>) {
        let reason = reason.into();
        self.report.by_type.entry(file_type(path)).or_default().skipped += 1;
        self.report.skipped.push(Skipped { path: path.to_path_buf(), line, reason });
    }

    fn warn(&mut self, path: &Path, line: Option<usize>, message: impl Into<String>) {
        let message = message.into();
        self.report.warnings.push(Warning { path: path.to_path_buf(), line, message });
    }
}

/// The host of an absolute `http(s)` url, without `www.` and port: the source of last resort.
fn url_host(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .split_once("://")
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))?
        .1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The file name without its extension, used as the document id.
fn file_stem(path: &Path) -> String {
    path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Reads a whole (non-JSONL) opened regular file of `size` bytes, at most 64 MiB; `Err`
/// holds the skip reason.
fn read_bytes(file: File, size: u64) -> Result<Vec<u8>, String> {
    let too_large = |size: u64| format!("file too large ({size} bytes, limit 64 MiB)");
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read file: {error}"))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_FILE_BYTES {
        return Err(too_large(read));
    }
    Ok(bytes)
}

/// Decodes (see `charset.rs`), strips a BOM, normalizes line endings and rejects blank
/// content. The note tells a guessed encoding or undecodable bytes; `markup` says where a
/// charset may be declared.
fn decode_text(bytes: &[u8], markup: charset::Markup) -> Result<(String, Option<String>), String> {
    let decoded = charset::decode(bytes, markup)?;
    let text = normalize_newlines(decoded.text.strip_prefix('\u{feff}').unwrap_or(&decoded.text));
    if text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok((text, decoded.note))
}

/// CRLF and lone CR → LF.
fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// Normalizes body text: whitespace inside a line collapses to one space, lines are
/// trimmed, blank-line runs become one paragraph break, control characters are removed.
fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut breaks = 0;
    for c in text.chars() {
        if c == '\n' {
            space = false;
            if !out.is_empty() {
                breaks = (breaks + 1).min(2);
            }
        } else if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() {
            if breaks > 0 {
                out.push_str(if breaks == 1 { "\n" } else { "\n\n" });
            } else if space {
                out.push(' ');
            }
            breaks = 0;
            space = false;
            out.push(c);
        }
    }
    out
}

/// Normalizes text to a single line (for titles).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
    }
    out
}

/// `YYYY-MM-DD` if `value` is a valid calendar date, alone or at the start of an ISO datetime.
fn parse_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let rest = value.get(10..)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    if date.get(4..5) != Some("-") || date.get(7..8) != Some("-") {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = date.get(range)?;
        digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let valid = year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
    valid.then(|| date.to_string())
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// [`parse_date`], pushing a warning if a non-blank `value` is not a valid date.
fn date_or_warning(value: &str, warnings: &mut Vec<String>) -> Option<String> {
    let date = parse_date(value);
    if date.is_none() && !value.trim().is_empty() {
        warnings.push(format!("date \"{}\" is not a valid YYYY-MM-DD date; ignored", value.trim()));
    }
    date
}

#[cfg(test)]
mod tests;
