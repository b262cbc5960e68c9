//! Words with byte offsets, their lookup forms and classes, and what separates them: the
//! one pass over a field's text that everything else reads.
//!
//! A word is a run of letters and digits (combining marks included), joined across an
//! apostrophe followed by a letter (`O’Brien`) and, for numbers, across `.` or `,` between
//! digits (`19.2`, `2,000`). A possessive `’s` / `'s` (or a lone `’` after `s`) ends the word
//! and is recorded as [`POSS`]; letters joined by dots are one acronym (`U.S.`, `U.N.`)
//! and a capital letter with a dot is an initial (`F.`); the dot after a known abbreviation
//! (`Gen.`, `Sept.`) is recorded as [`ABBR_DOT`] and does not end a sentence. Hyphens split
//! words (`Putin-Zelenskyy` is two words) but are recorded as [`HYPHEN`] on the second.

use super::keys::push_norm;
use super::words::{self, Class};

/// First letter uppercase and some lowercase letter (or a single capital letter).
pub const CAP: u16 = 1;
/// At least two characters, an uppercase letter and no lowercase letter (`NATO`, `G7`, `US`).
pub const UPPER: u16 = 1 << 1;
/// First letter lowercase.
pub const LOWER: u16 = 1 << 2;
/// Starts with a digit.
pub const DIGIT: u16 = 1 << 3;
/// Letters joined by dots (`U.S.`), or an initial (`F.`); the dots are part of the word.
pub const DOTTED: u16 = 1 << 4;
/// Followed by a possessive `’s` (excluded from the word).
pub const POSS: u16 = 1 << 5;
/// Followed by the dot of an abbreviation (`Gen.`), excluded from the word.
pub const ABBR_DOT: u16 = 1 << 6;
/// Starts a sentence: first of its line, or after `.`, `!`, `?`, `:` (through quotes).
pub const SENT: u16 = 1 << 7;
/// First word of a line.
pub const LINE: u16 = 1 << 8;
/// Separated from the previous word by spaces only.
pub const JOIN: u16 = 1 << 9;
/// Joined to the previous word by a hyphen.
pub const HYPHEN: u16 = 1 << 10;
/// Taken by a date expression (set by the date scanner).
pub const DATE: u16 = 1 << 11;
/// A comma follows (possibly after closing quotes).
pub const COMMA_AFTER: u16 = 1 << 12;
/// Holds U+FFFD: letters were lost in an encoding accident.
pub const GARBLED: u16 = 1 << 13;
/// Its class has been looked up (capitalized words and the words around them; other
/// lowercase words are never asked for theirs).
pub const CLASSED: u16 = 1 << 15;
/// Mixed case with more than one capital inside (`JveWBihQFg` from a URL; `McLaughlin` and
/// `DeVos` are not): a code, not a name.
pub const JUMBLED: u16 = 1 << 14;

/// One word.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tok {
    /// Byte offset of its first character.
    pub start: u32,
    /// Byte offset one past its last character (before a possessive or abbreviation dot).
    pub end: u32,
    /// Byte offset one past its possessive or abbreviation dot, if any (else `end`).
    pub full_end: u32,
    /// Its lookup form is `norms[norm_start..norm_end]`.
    pub norm_start: u32,
    /// See `norm_start`.
    pub norm_end: u32,
    /// Flags: [`CAP`], [`POSS`], [`SENT`], ….
    pub flags: u16,
    /// Its word classes ([`words::class`] of its lookup form).
    pub class: Class,
}

impl Tok {
    /// Whether it has a class among `classes`.
    pub fn is(&self, classes: Class) -> bool {
        self.class & classes != 0
    }

    /// Capitalized, all capitals or a dotted acronym/initial: may be part of a name.
    pub fn capitalized(&self) -> bool {
        self.flags & (CAP | UPPER) != 0 || self.flags & (DOTTED | LOWER) == DOTTED
    }
}

/// A tokenized text: words plus the arena holding their lookup forms. Reused across fields
/// so that tokenizing allocates nothing once warmed up.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The words, in order.
    pub toks: Vec<Tok>,
    /// Lookup forms of all words, back to back.
    pub norms: String,
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "cmdr", "brig", "gov",
    "sen", "rep", "rev", "st", "mt", "ft", "jr", "sr", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "cpl", "pvt", "no", "calif", "fla",
    "tex", "ariz", "wis", "mich", "minn", "conn", "colo", "okla", "tenn", "nev", "neb", "kan", "ore", "ala",
    "ark", "penn",
];

impl Tokens {
    /// The lookup form of word `i` (empty if out of range).
    pub fn norm(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.norms.get(t.norm_start as usize..t.norm_end as usize))
            .unwrap_or_default()
    }

    /// Tokenizes `text` (at most `u32::MAX` bytes are read), replacing previous content.
    pub fn tokenize(&mut self, text: &str) {
        self.toks.clear();
        self.norms.clear();
        let text = clip(text);
        let mut chars = text.char_indices().peekable();
        let mut gap_start = 0usize;
        let mut prev_full_end: Option<usize> = None;
        while let Some(&(start, c)) = chars.peek() {
            if !is_word_char(c) {
                chars.next();
                continue;
            }
            let (end, full_end, mut flags) = scan_word(text, start);
            // Every word holds at least the character it starts with, so the scan always moves
            // on (a zero-length word would be met again forever).
            let end = end.max(start + c.len_utf8());
            let full_end = full_end.max(end);
            let gap = text.get(gap_start..start).unwrap_or_default();
            flags |= gap_flags(gap, prev_full_end.is_none());
            let word = text.get(start..end).unwrap_or_default();
            flags |= case_flags(word);
            if word.contains('\u{fffd}') {
                flags |= GARBLED;
            }
            let inner_capitals = word.chars().skip(1).filter(|c| c.is_uppercase()).count();
            if inner_capitals > 1 && word.chars().any(char::is_lowercase) {
                flags |= JUMBLED;
            }
            let norm_start = self.norms.len();
            push_norm(word, &mut self.norms);
            let norm = self.norms.get(norm_start..).unwrap_or_default();
            let mut full_end = full_end;
            if full_end == end && text.get(end..end + 1) == Some(".") && ABBREVIATIONS.contains(&norm) {
                flags |= ABBR_DOT;
                full_end = end + 1;
            }
            let capital = flags & (CAP | UPPER) != 0 || flags & (DOTTED | LOWER) == DOTTED;
            let class = if capital && !norm.is_empty() { words::class(norm) } else { 0 };
            if capital {
                flags |= CLASSED;
            }
            if let Some(previous) = self.toks.last_mut() {
                if comma_follows(text.get(previous.full_end as usize..start).unwrap_or_default()) {
                    previous.flags |= COMMA_AFTER;
                }
            }
            self.toks.push(Tok {
                start: start as u32,
                end: end as u32,
                full_end: full_end as u32,
                norm_start: norm_start as u32,
                norm_end: self.norms.len() as u32,
                flags,
                class,
            });
            gap_start = full_end;
            prev_full_end = Some(full_end);
            while chars.peek().is_some_and(|&(at, _)| at < full_end) {
                chars.next();
            }
        }
        self.classify_neighbours();
    }
}

impl Tokens {
    /// Looks up the classes of the lowercase words within three words of a capitalized one:
    /// the only ones whose class is ever asked (cues around names, particles inside them).
    fn classify_neighbours(&mut self) {
        let count = self.toks.len();
        for i in 0..count {
            if !self.toks.get(i).is_some_and(Tok::capitalized) {
                continue;
            }
            for j in i.saturating_sub(3)..(i + 4).min(count) {
                let Some(tok) = self.toks.get(j) else { continue };
                if tok.flags & CLASSED != 0 {
                    continue;
                }
                let norm = self.norms.get(tok.norm_start as usize..tok.norm_end as usize).unwrap_or_default();
                let class = if norm.is_empty() { 0 } else { words::class(norm) };
                if let Some(tok) = self.toks.get_mut(j) {
                    tok.class = class;
                    tok.flags |= CLASSED;
                }
            }
        }
    }
}

/// `text` cut to at most `u32::MAX` bytes, at a character boundary.
pub fn clip(text: &str) -> &str {
    let mut limit = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    text.get(..limit).unwrap_or_default()
}

/// Letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036f}').contains(&c) || c == '\u{fffd}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A double quote between two letters stands for a lost apostrophe (`didn"t`, `Trump"s`),
/// a blemish of text whose curly quotes were mangled.
fn is_lost_apostrophe(c: char, rest_after: &str, letters: usize) -> bool {
    c == '"' && letters > 0 && rest_after.chars().next().is_some_and(char::is_alphabetic)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Scans the word starting at `start`: returns its end, its end including a possessive, and
/// the flags found ([`POSS`], [`DOTTED`]).
fn scan_word(text: &str, start: usize) -> (usize, usize, u16) {
    let rest = text.get(start..).unwrap_or_default();
    let mut chars = rest.char_indices().peekable();
    let mut end = start;
    let mut letters = 0usize;
    let mut all_digits = true;
    while let Some((at, c)) = chars.next() {
        if is_word_char(c) {
            end = start + at + c.len_utf8();
            letters += 1;
            all_digits &= c.is_ascii_digit();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let after_c = rest.get(at + c.len_utf8()..).unwrap_or_default();
        if is_apostrophe(c) || is_lost_apostrophe(c, after_c, letters) {
            let after_s = rest.get(at + c.len_utf8()..).unwrap_or_default();
            let mut after = after_s.chars();
            let (first, second) = (after.next(), after.next());
            if matches!(first, Some('s' | 'S')) && !second.is_some_and(is_word_char) {
                return (end, start + at + c.len_utf8() + 1, POSS);
            }
            if first.is_some_and(char::is_alphabetic) && !all_digits {
                if c == '"'
                    && !matches!(after_s.get(..2), Some("t " | "t," | "t." | "ll" | "ve" | "re"))
                    && first != Some('d')
                    && first != Some('m')
                {
                    return (end, end, 0);
                }
                continue;
            }
            let word = rest.get(..at).unwrap_or_default();
            if word.ends_with(['s', 'S']) && !first.is_some_and(is_word_char) && letters > 2 {
                return (end, start + at + c.len_utf8(), POSS);
            }
            return (end, end, 0);
        }
        if c == '.' && letters == 1 && !all_digits {
            return dotted(text, start);
        }
        if matches!(c, '.' | ',') && all_digits && next.is_some_and(|n| n.is_ascii_digit()) {
            continue;
        }
        return (end, end, 0);
    }
    (end, end, 0)
}

/// A word of one letter followed by a dot: a dotted acronym (`U.S.`, `e.g.`) or an initial.
fn dotted(text: &str, start: usize) -> (usize, usize, u16) {
    let rest = text.get(start..).unwrap_or_default();
    let mut end = start;
    let mut chars = rest.char_indices();
    let mut count = 0;
    loop {
        match (chars.next(), chars.clone().next()) {
            (Some((_, letter)), Some((dot_at, '.'))) if letter.is_alphabetic() => {
                chars.next();
                count += 1;
                end = start + dot_at + 1;
            }
            _ => break,
        }
    }
    let first_upper = rest.chars().next().is_some_and(char::is_uppercase);
    if count == 0 || (count == 1 && !first_upper) {
        // No letter-dot pair (a digit or symbol that is not a letter, like `١.` or `½.`), or a
        // lowercase letter and a dot ending a sentence: a word of one character, no more.
        let one = rest.chars().next().map_or(0, char::len_utf8);
        return (start + one, start + one, 0);
    }
    let after = text.get(end..).unwrap_or_default();
    if let Some(c) = after.chars().next() {
        if is_apostrophe(c) && after.get(c.len_utf8()..c.len_utf8() + 1) == Some("s") {
            return (end, end + c.len_utf8() + 1, DOTTED | POSS);
        }
    }
    (end, end, DOTTED)
}

/// Flags from the text between the previous word and this one.
fn gap_flags(gap: &str, first: bool) -> u16 {
    if first {
        return SENT | LINE;
    }
    if !gap.is_empty() && gap.bytes().all(|b| b == b' ') {
        return JOIN;
    }
    if gap.chars().count() == 1 && gap.chars().all(is_hyphen) {
        return HYPHEN;
    }
    if gap.contains('\n') {
        return SENT | LINE;
    }
    let core = gap.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»' | '(' | '[' | '*' | '_')
    });
    if core.ends_with(['.', '!', '?', ':', '…']) {
        return SENT;
    }
    0
}

/// Whether a comma (maybe after closing quotes) starts this gap.
fn comma_follows(gap: &str) -> bool {
    gap.trim_start_matches(['"', '”', '’', '\'', ')']).starts_with(',')
}

/// [`CAP`], [`UPPER`], [`LOWER`] or [`DIGIT`] of a word.
fn case_flags(word: &str) -> u16 {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    if first.is_numeric() {
        return DIGIT;
    }
    if first.is_lowercase() {
        return LOWER;
    }
    if !first.is_uppercase() {
        return 0;
    }
    let mut lower = false;
    let mut count = 1;
    let rest = chars.as_str();
    for c in chars {
        count += 1;
        if c.is_lowercase() {
            lower = true;
            break;
        }
    }
    // A plural acronym (`CEOs`, `NGOs`) is in capitals.
    let plural_acronym =
        rest.len() >= 2 && rest.strip_suffix('s').is_some_and(|r| !r.chars().any(char::is_lowercase));
    if (lower && !plural_acronym) || count == 1 {
        CAP
    } else {
        UPPER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, u16)> {
        let mut t = Tokens::default();
        t.tokenize(text);
        t.toks.iter().map(|w| (text[w.start as usize..w.end as usize].to_string(), w.flags)).collect()
    }

    #[test]
    fn possessives_acronyms_and_abbreviations() {
        let w = words("U.S. President Donald Trump’s envoy, Gen. Randy George's aide. Witkoffs’ plan");
        let names: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "U.S.",
                "President",
                "Donald",
                "Trump",
                "envoy",
                "Gen",
                "Randy",
                "George",
                "aide",
                "Witkoffs",
                "plan"
            ]
        );
        assert!(w[0].1 & DOTTED != 0 && w[0].1 & SENT != 0);
        assert!(w[1].1 & JOIN != 0);
        assert!(w[3].1 & POSS != 0);
        assert!(w[5].1 & ABBR_DOT != 0);
        assert!(w[6].1 & JOIN != 0 && w[6].1 & SENT == 0);
        assert!(w[7].1 & POSS != 0);
        assert!(w[9].1 & SENT != 0 && w[9].1 & POSS != 0);
    }

    #[test]
    fn hyphens_numbers_and_lines() {
        let w = words("Putin-Zelenskyy meeting\nO’Brien paid $2,000 (19.2%) in 2025-08-29 “Read");
        let names: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "Putin",
                "Zelenskyy",
                "meeting",
                "O’Brien",
                "paid",
                "2,000",
                "19.2",
                "in",
                "2025",
                "08",
                "29",
                "Read"
            ]
        );
        assert!(w[1].1 & HYPHEN != 0);
        assert!(w[3].1 & LINE != 0);
        assert!(w[11].1 & SENT == 0);
    }

    #[test]
    fn a_digit_or_symbol_before_a_full_stop_is_one_word() {
        // Word characters that are not letters, alone before a dot: each was a zero-length
        // token that the tokenizer met again forever (the build hung until out of memory).
        for text in ["١.", "½.", "①.", "\u{fffd}.", "x ٣. y", "²."] {
            let (tx, rx) = std::sync::mpsc::channel();
            let owned = text.to_string();
            std::thread::spawn(move || {
                let _ = tx.send(words(&owned));
            });
            let found = rx.recv_timeout(std::time::Duration::from_secs(10));
            let found = found.unwrap_or_else(|_| panic!("tokenizing {text:?} did not finish"));
            let first = text.chars().find(|c| is_word_char(*c) && *c != 'x').map(String::from);
            assert!(found.iter().any(|(w, _)| Some(w) == first.as_ref()), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn hostile_text_is_tokenized() {
        for text in ["", "’", "'s", "a.", "U.", "...", "\u{200f}שלום\u{200f} 🙂 Kyiv", "e.g. x", "A.B.C.’s"]
        {
            let _ = words(text);
        }
    }
}
