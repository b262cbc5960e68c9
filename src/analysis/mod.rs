//! Text analysis: one normalize → tokenize path shared by the indexer and the query side, so
//! a term written at build time is byte-for-byte the term looked up at query time.
//!
//! Rules, in order:
//! - A *word* is a run of Unicode alphanumerics, joined across `'`/`’` (apostrophes), `-`
//!   (hyphens), `.` and `,` when an alphanumeric follows.
//! - Apostrophes: curly and straight ones are the same; a possessive `'s` is dropped
//!   (`Russia’s` → `russia`), other apostrophes vanish (`don't` → `dont`).
//! - Dots: single letters joined by dots are an acronym (`U.S.` → `us`, the same term as `US`);
//!   digits keep their decimal point (`19.2`); anything else splits at the dot.
//! - Commas join only digits and are dropped (`2,000` → `2000`).
//! - Hyphens: `expert-level` yields `expert` and `level` at consecutive positions, plus the
//!   compound `expertlevel` at the position of its first part, so the word is findable whole
//!   and by its parts.
//! - Every term is lowercased and its diacritics are folded (`Zaporizhzhia`, `Zé` → `ze`).
//! - Terms longer than [`MAX_TERM_BYTES`] are dropped (base64 blobs, URLs glued together).
//!
//! Token offsets are byte offsets into the analysed text; they point at the original
//! characters, not at the normalized term, and no later step modifies them.

mod fold;
pub mod stem;

pub use fold::push_folded;

/// Longest term kept, in bytes after normalization. Longer "words" are noise in news text
/// (tracking ids, base64, glued URLs) and would bloat the term dictionary.
pub const MAX_TERM_BYTES: usize = 64;

/// One term occurrence in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The normalized term (lowercase, folded, apostrophes and joiners removed).
    pub term: &'a str,
    /// Byte offset of the first character of the occurrence in the source text.
    pub start: usize,
    /// Byte offset one past the last character of the occurrence.
    pub end: usize,
    /// Word position, counted from 0; a hyphen compound shares its first part's position.
    pub position: u32,
}

/// Calls `emit` for every token of `text`, in order, with positions starting at `first_position`.
/// Returns the position after the last token (the number of positions used plus `first_position`).
///
/// Runs in one pass over `text` and allocates only a reusable term buffer for plain words;
/// plain ASCII words (most of English news) take a byte-level fast path.
pub fn tokenize(text: &str, first_position: u32, emit: impl FnMut(Token<'_>)) -> u32 {
    tokenize_filtered(text, first_position, |_, _| true, emit)
}

/// Like [`tokenize`], but a plain ASCII word is emitted only if `wanted(its first byte in
/// lowercase, its length)`; the others are skipped before any normalization (they still take
/// their position). Words with joiners or non-ASCII letters are always emitted. For finding
/// a few known terms in a long text (excerpts), where almost every word is unwanted.
pub fn tokenize_filtered(
    text: &str,
    first_position: u32,
    wanted: impl Fn(u8, usize) -> bool,
    mut emit: impl FnMut(Token<'_>),
) -> u32 {
    let bytes = text.as_bytes();
    let mut position = first_position;
    let mut buf = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let joined =
                bytes.get(i).is_some_and(|&n| n >= 0x80 || (is_joiner(n as char) && continues_word(text, i)));
            if !joined {
                if i - start <= MAX_TERM_BYTES {
                    if wanted(b.to_ascii_lowercase(), i - start) {
                        buf.clear();
                        buf.extend(bytes[start..i].iter().map(|c| c.to_ascii_lowercase() as char));
                        emit(Token { term: &buf, start, end: i, position });
                    }
                    position += 1;
                }
                continue;
            }
            i = word_end(text, start);
            position = analyse_word(text, start, i, position, &mut buf, &mut emit);
        } else if b < 0x80 {
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                let start = i;
                i = word_end(text, start);
                position = analyse_word(text, start, i, position, &mut buf, &mut emit);
            } else {
                i += c.len_utf8();
            }
        }
    }
    position
}

/// Returns the normalized terms of `text` in order (convenience for queries and tests).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    tokenize(text, 0, |t| out.push(t.term.to_string()));
    out
}

/// Normalizes a single word the way the tokenizer would (lowercase, folded, possessive and
/// apostrophes dropped), without splitting it. Used for entity aliases and prefix completions.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in strip_possessive(word).chars() {
        if c.is_alphanumeric() {
            push_folded(c, &mut out);
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || is_hyphen(c) || c == '.' || c == ','
}

/// True for an ASCII byte that no word runs across: neither alphanumeric nor a joiner. A text
/// tokenizes as the stretches between such bytes, each on its own (positions aside).
pub fn separates_words(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphanumeric() && !is_joiner(b as char)
}

/// True when the joiner character at byte `at` is followed by an alphanumeric character.
fn continues_word(text: &str, at: usize) -> bool {
    let mut chars = text[at..].chars();
    chars.next();
    chars.next().is_some_and(char::is_alphanumeric)
}

/// The end of the raw word starting at `start` (an alphanumeric character): alphanumeric runs
/// joined by joiner characters that are followed by an alphanumeric.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = start + i + c.len_utf8();
        } else if is_joiner(c) && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    end
}

/// Splits one raw word into tokens and emits them; returns the next free position.
fn analyse_word(
    text: &str,
    start: usize,
    end: usize,
    mut position: u32,
    buf: &mut String,
    emit: &mut impl FnMut(Token<'_>),
) -> u32 {
    let word = &text[start..end];
    // Hyphens split a word into parts; each part is analysed on its own.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut part_start = start;
    for (i, c) in word.char_indices() {
        if is_hyphen(c) {
            parts.push((part_start, start + i));
            part_start = start + i + c.len_utf8();
        }
    }
    parts.push((part_start, end));

    let first_position = position;
    let mut compound = String::new();
    let mut part_terms = 0;
    for &(ps, pe) in &parts {
        for (s, e) in split_dots(text, ps, pe) {
            buf.clear();
            normalize_part(&text[s..e], buf);
            if buf.is_empty() || buf.len() > MAX_TERM_BYTES {
                continue;
            }
            compound.push_str(buf);
            part_terms += 1;
            emit(Token { term: buf, start: s, end: e, position });
            position += 1;
        }
    }
    if parts.len() > 1 && part_terms > 1 && compound.len() <= MAX_TERM_BYTES {
        emit(Token { term: &compound, start, end, position: first_position });
    }
    position
}

/// Splits a hyphen-free part at dots, except in acronyms (`U.S`) and decimals (`19.2`).
fn split_dots(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let part = &text[start..end];
    if !part.contains('.') || is_acronym(part) || is_decimal(part) {
        return vec![(start, end)];
    }
    let mut out = Vec::new();
    let mut s = start;
    for (i, c) in part.char_indices() {
        if c == '.' {
            out.push((s, start + i));
            s = start + i + 1;
        }
    }
    out.push((s, end));
    out
}

fn is_acronym(part: &str) -> bool {
    part.split('.').all(|seg| {
        let mut chars = seg.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    })
}

fn is_decimal(part: &str) -> bool {
    part.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Lowercases, folds diacritics and drops joiners; strips a trailing possessive `'s`.
fn normalize_part(part: &str, out: &mut String) {
    let body = strip_possessive(part);
    for c in body.chars() {
        if c.is_alphanumeric() {
            push_folded(c, out);
        } else if c == '.' && part.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
            out.push('.');
        }
    }
}

fn strip_possessive(part: &str) -> &str {
    let mut chars = part.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, s)), Some((i, a))) if (s == 's' || s == 'S') && is_apostrophe(a) => &part[..i],
        _ => part,
    }
}

#[cfg(test)]
mod tests;
