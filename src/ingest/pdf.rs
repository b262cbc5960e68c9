//! PDF (`.pdf`): the text layer, read by `lopdf`; the title and author from the document
//! information dictionary when they look like a real title (not a file name or
//! "Microsoft Word - …"), else the title comes from the text as for `.txt`.
//!
//! Bounds: the file is at most 64 MiB (as every file); each content stream decompresses to
//! at most lopdf's bound (its `DEFAULT_MAX_DECOMPRESSED_SIZE`); extraction runs on its own
//! thread under [`TIME_LIMIT`] and inside `catch_unwind`, so a PDF that makes the parser
//! loop or panic is reported and skipped, never a hang or a crash (an abandoned thread
//! runs on until the process exits). Skipped with their reason: a file without a `%PDF-`
//! header, a truncated (no `%%EOF`) or damaged PDF from which no text can be read, an
//! encrypted PDF that needs a password, a PDF without a text layer (a scan). A truncated PDF
//! whose pages still give text is indexed with a warning.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use super::{normalize_newlines, normalize_text, one_line, txt, Parsed};

/// How long text extraction of one PDF may take.
pub(super) const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Parses the bytes of a `.pdf` file within [`TIME_LIMIT`]; `Err` holds the skip reason.
pub(super) fn parse(bytes: Vec<u8>) -> Result<Parsed, String> {
    parse_within(bytes, TIME_LIMIT)
}

/// [`parse`] with another time limit.
pub(super) fn parse_within(bytes: Vec<u8>, limit: Duration) -> Result<Parsed, String> {
    let head = bytes.get(..1024).unwrap_or(&bytes);
    if !head.windows(5).any(|window| window == b"%PDF-") {
        return Err("not a PDF (no %PDF- header)".to_string());
    }
    let (sender, receiver) = mpsc::channel();
    thread::Builder::new()
        .name("dossier-pdf".to_string())
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(|| extract(&bytes)));
            let _ = sender.send(result);
        })
        .map_err(|error| format!("cannot start PDF extraction: {error}"))?;
    match receiver.recv_timeout(limit) {
        Ok(Ok(result)) => result,
        Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => {
            Err("the PDF parser failed on this file (a damaged PDF)".to_string())
        }
        Err(RecvTimeoutError::Timeout) => {
            Err(format!("PDF text extraction took longer than {limit:?}; abandoned"))
        }
    }
}

/// Loads the PDF and extracts the text of every page.
fn extract(bytes: &[u8]) -> Result<Parsed, String> {
    let metadata = lopdf::Document::load_metadata_mem(bytes).map_err(|error| damaged(&error))?;
    if metadata.encrypted && metadata.page_count == 0 {
        return Err("encrypted PDF (it needs a password)".to_string());
    }
    let document = lopdf::Document::load_mem(bytes).map_err(|error| damaged(&error))?;
    if document.is_encrypted() {
        return Err("encrypted PDF (it needs a password)".to_string());
    }
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let mut text = String::new();
    let mut failed = 0;
    for chunk in document.extract_text_chunks(&pages) {
        match chunk {
            Ok(chunk) => {
                text.push_str(&chunk);
                text.push_str("\n\n");
            }
            Err(_) => failed += 1,
        }
    }
    let text = normalize_text(&normalize_newlines(&text));
    let tail = bytes.get(bytes.len().saturating_sub(1024)..).unwrap_or(bytes);
    let truncated = !tail.windows(5).any(|window| window == b"%%EOF");
    if text.is_empty() && truncated {
        return Err("truncated PDF (no %%EOF at its end) and no text could be read from it".to_string());
    }
    if text.is_empty() {
        return Err(if failed > 0 {
            format!("no page's text could be read ({failed} of {} failed)", pages.len())
        } else {
            "no text layer (a scanned PDF?)".to_string()
        });
    }
    let mut parsed = Parsed { text, ..Parsed::default() };
    if truncated {
        parsed.warnings.push("truncated PDF (no %%EOF at its end); its text may be incomplete".to_string());
    }
    if failed > 0 {
        parsed.warnings.push(format!("the text of {failed} of {} pages could not be read", pages.len()));
    }
    parsed.author = metadata.author.map(|author| one_line(&author)).filter(|author| !author.is_empty());
    match metadata.title.map(|title| one_line(&title)).filter(|title| real_title(title)) {
        Some(title) => parsed.title = title,
        None => (parsed.title, parsed.text) = txt::title_from_text(std::mem::take(&mut parsed.text)),
    }
    Ok(parsed)
}

/// The skip reason for a PDF lopdf cannot load.
fn damaged(error: &lopdf::Error) -> String {
    format!("damaged or truncated PDF: {error}")
}

/// Whether an information-dictionary title is a title rather than what tools put there.
fn real_title(title: &str) -> bool {
    let lower = title.to_ascii_lowercase();
    let file_name = [".doc", ".docx", ".pdf", ".indd", ".txt", ".qxd"].iter().any(|ext| lower.ends_with(ext));
    !title.is_empty() && !file_name && !lower.starts_with("microsoft word - ") && lower != "untitled"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_titles_are_not_titles() {
        assert!(real_title("Annual report on press freedom"));
        assert!(!real_title("Microsoft Word - draft3.docx"));
        assert!(!real_title("scan_0001.pdf"));
        assert!(!real_title("Untitled"));
    }

    #[test]
    fn extraction_past_the_time_limit_is_abandoned() {
        let mut content = String::from("BT /F1 12 Tf 72 720 Td 14 TL\n");
        for i in 0..20_000 {
            content.push_str(&format!("(line {i} of a long page) Tj T*\n"));
        }
        content.push_str("ET");
        let pdf = format!(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
             3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length {} >>\nstream\n{content}\nendstream\nendobj\n\
             trailer\n<< /Root 1 0 R >>\n%%EOF\n",
            content.len()
        );
        let reason = parse_within(pdf.into_bytes(), Duration::from_nanos(1)).unwrap_err();
        assert_eq!(reason, "PDF text extraction took longer than 1ns; abandoned");
    }

    #[test]
    fn a_file_without_a_header_is_not_a_pdf() {
        assert_eq!(parse(b"not really a pdf".to_vec()).unwrap_err(), "not a PDF (no %PDF- header)");
    }
}
