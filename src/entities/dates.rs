//! Dates: explicit dates normalized, relative ones resolved against the document's own date.
//!
//! Recognized (month names full or abbreviated, with or without a dot):
//! - `2025-08-29`, `August 29, 2025`, `Aug. 29 2025`, `29 August 2025` → `2025-08-29`
//! - `September 22 to 29`, `Sept. 22–29`, `22-29 September`, `September 30 to October 2` →
//!   `2025-09-22/2025-09-29` (a range)
//! - `February 2022` → `2022-02`; `in 2014` (after a preposition, not before a plural noun,
//!   so `to 2000 troops` is not a year) → `2014`
//! - without a year (`Sept. 9`, `in January`), the year is the one that puts the date
//!   nearest the document's date (ties go to the past); skipped if the document has no date
//! - weekdays (`Friday`, `on Thursday`): the most recent such day on or before the
//!   document's date (news is written in the past tense); after `next`, or in a sentence
//!   that speaks of the future (`is due to`, `will`, `is expected`) before the weekday, the
//!   first such day on or after it; after `last`, strictly before it
//! - `today`, `yesterday`, `tomorrow`; `this month`, `last month`, `next month`, `this
//!   year`, `last year`, `next year`
//!
//! A document's own date is its metadata date, else the date of its dateline
//! ([`dateline`]: `KYIV, Aug. 29, 2025 (Reuters) —`, `29 August 2025 —`); a dateline
//! without a year gives none.

use super::tokens::{self, Tokens, DATE, DIGIT, HYPHEN, JOIN, LOWER, SENT};
use super::words::{MONTH, WEEKDAY};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Day {
    /// The day if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Day { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly).
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let digits = text.get(range)?;
            digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok())?
        };
        Day::new(i32::try_from(number(0..4)?).ok()?, number(5..7)?, number(8..10)?)
    }

    /// Days since 1970-01-01.
    pub fn ordinal(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = if year >= 0 { year } else { year - 399 } / 400;
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    pub fn from_ordinal(ordinal: i64) -> Day {
        let z = ordinal + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Day {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        u32::try_from((self.ordinal() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A normalized date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    /// One day.
    Day(Day),
    /// A month: year and month.
    Month(i32, u32),
    /// A year.
    Year(i32),
    /// Several days, first to last.
    Range(Day, Day),
}

impl Value {
    /// The entity name: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYY-MM-DD/YYYY-MM-DD`.
    pub fn name(self) -> String {
        match self {
            Value::Day(day) => day.iso(),
            Value::Month(year, month) => format!("{year:04}-{month:02}"),
            Value::Year(year) => format!("{year:04}"),
            Value::Range(first, last) => format!("{}/{}", first.iso(), last.iso()),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A document's own date from a dateline at the start of its text, as `YYYY-MM-DD`: an
/// optional place in capitals and commas (`KYIV,`), maybe a weekday, then a date with its
/// year, then an agency in parentheses, a dash, a colon or the end of the line. `None` if
/// there is no dateline or its year is not given (`KYIV, Aug 29 (Reuters) -`).
pub fn dateline(text: &str) -> Option<String> {
    let line = text.trim_start().lines().next().unwrap_or_default();
    let mut cut = line.len().min(200);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let line = line.get(..cut)?;
    let mut tokens = Tokens::default();
    tokens.tokenize(line);
    for at in 0..tokens.toks.len().min(10) {
        if let Some((value, last)) = explicit(&tokens, line, at) {
            let Value::Day(day) = value?.resolve(None)? else {
                return None;
            };
            let after = tokens.toks.get(last).map_or(line.len(), |t| t.full_end as usize);
            let rest = line.get(after..).unwrap_or_default().trim_start_matches([' ', ',', '.']);
            let ends = rest.is_empty() || rest.starts_with(['(', '-', '–', '—', ':', '/', '|']);
            return ends.then(|| day.iso());
        }
        let tok = tokens.toks.get(at)?;
        let place_word = tok.capitalized() || tok.is(WEEKDAY);
        if !place_word || tok.flags & LOWER != 0 {
            return None;
        }
    }
    None
}

/// A document's own date: its metadata date if valid, else its [`dateline`]'s.
pub fn document_date(text: &str, metadata: Option<&str>) -> Option<String> {
    metadata.and_then(Day::parse).map(Day::iso).or_else(|| dateline(text))
}

/// A date expression before the document date is applied.
#[derive(Debug, Clone, Copy)]
enum Raw {
    /// Month and day, maybe with a year.
    Day(Option<i32>, u32, u32),
    /// Two days; the year applies to both.
    Range(Option<i32>, (u32, u32), (u32, u32)),
    /// A month, maybe with a year.
    Month(Option<i32>, u32),
}

impl Raw {
    /// The value, taking a missing year from `date` (nearest); `None` if unresolvable.
    fn resolve(self, date: Option<Day>) -> Option<Value> {
        match self {
            Raw::Month(Some(year), month) => Some(Value::Month(year, month)),
            Raw::Month(None, month) => {
                let date = date?;
                let here = i64::from(date.year) * 12 + i64::from(date.month);
                let year = nearest([date.year - 1, date.year, date.year + 1], |year| {
                    Some(i64::from(year) * 12 + i64::from(month) - here)
                })?;
                Some(Value::Month(year, month))
            }
            Raw::Day(Some(year), month, day) => Day::new(year, month, day).map(Value::Day),
            Raw::Day(None, month, day) => {
                let date = date?;
                let here = date.ordinal();
                let year = nearest([date.year - 1, date.year, date.year + 1], |year| {
                    Day::new(year, month, day).map(|d| d.ordinal() - here)
                })?;
                Day::new(year, month, day).map(Value::Day)
            }
            Raw::Range(year, (m1, d1), (m2, d2)) => {
                let year = match year {
                    Some(year) => year,
                    None => match Raw::Day(None, m1, d1).resolve(date)? {
                        Value::Day(first) => first.year,
                        _ => return None,
                    },
                };
                let first = Day::new(year, m1, d1)?;
                let last = Day::new(year, m2, d2).or_else(|| Day::new(year + 1, m2, d2))?;
                let last = if last < first { Day::new(year + 1, m2, d2)? } else { last };
                (last > first && last.ordinal() - first.ordinal() < 366).then_some(Value::Range(first, last))
            }
        }
    }
}

/// The year among `years` whose `distance` is smallest in absolute value (ties: the past).
fn nearest(years: [i32; 3], distance: impl Fn(i32) -> Option<i64>) -> Option<i32> {
    let mut best: Option<(i64, i64, i32)> = None;
    for year in years {
        if let Some(d) = distance(year) {
            let rank = (d.abs(), i64::from(d > 0), year);
            if best.is_none_or(|b| (rank.0, rank.1) < (b.0, b.1)) {
                best = Some(rank);
            }
        }
    }
    best.map(|(_, _, year)| year)
}

/// Month number of a month word (lookup form).
fn month_of(norm: &str) -> Option<u32> {
    const NAMES: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let prefix = norm.get(..3)?;
    let month = NAMES.iter().position(|&name| name == prefix)?;
    u32::try_from(month + 1).ok()
}

/// The day number of a word like `9`, `29`, `22nd`.
fn day_number(tokens: &Tokens, at: usize) -> Option<u32> {
    let tok = tokens.toks.get(at)?;
    if tok.flags & DIGIT == 0 {
        return None;
    }
    let norm = tokens.norm(at);
    let digits = norm.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = norm.get(digits.len()..).unwrap_or_default();
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// The year of a four-digit word (1800–2100), written without separators.
fn year_number(tokens: &Tokens, text: &str, at: usize) -> Option<i32> {
    let tok = tokens.toks.get(at)?;
    let raw = text.get(tok.start as usize..tok.end as usize)?;
    if raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = raw.parse().ok()?;
    (1800..=2100).contains(&year).then_some(year)
}

/// Whether word `at` follows the previous one with only spaces, or with one of `separators`
/// (and spaces) between them.
fn follows(tokens: &Tokens, text: &str, at: usize, separators: &[char]) -> bool {
    let Some(tok) = tokens.toks.get(at) else {
        return false;
    };
    if tok.flags & JOIN != 0 {
        return true;
    }
    let Some(previous) = at.checked_sub(1).and_then(|p| tokens.toks.get(p)) else {
        return false;
    };
    let gap = text.get(previous.full_end as usize..tok.start as usize).unwrap_or_default();
    let core = gap.trim_matches(' ');
    !gap.contains('\n') && core.chars().count() == 1 && core.chars().all(|c| separators.contains(&c))
}

/// A capitalized month word at `at`.
fn month_at(tokens: &Tokens, at: usize) -> Option<u32> {
    let tok = tokens.toks.get(at)?;
    (tok.is(MONTH) && tok.capitalized()).then(|| month_of(tokens.norm(at)))?
}

/// An optional year after word `after` (`, 2025` or ` 2025`): the year and its word index.
fn year_after(tokens: &Tokens, text: &str, after: usize) -> Option<(i32, usize)> {
    let at = after + 1;
    let year = year_number(tokens, text, at)?;
    follows(tokens, text, at, &[',']).then_some((year, at))
}

const DASHES: &[char] = &['-', '–', '—', '‐'];

/// An explicit date starting at word `at`: its raw value and its last word. The value is
/// `None` when the words are a date that cannot be normalized (they are still taken).
fn explicit(tokens: &Tokens, text: &str, at: usize) -> Option<(Option<Raw>, usize)> {
    // 2025-08-29
    if let Some(year) = year_number(tokens, text, at) {
        let month = tokens.toks.get(at + 1).filter(|t| t.flags & HYPHEN != 0).map(|_| tokens.norm(at + 1));
        let day = tokens.toks.get(at + 2).filter(|t| t.flags & HYPHEN != 0).map(|_| tokens.norm(at + 2));
        if let (Some(month), Some(day)) = (month, day) {
            if month.len() == 2 && day.len() == 2 {
                let (month, day) = (month.parse().ok()?, day.parse().ok()?);
                return Some((Day::new(year, month, day).map(|_| Raw::Day(Some(year), month, day)), at + 2));
            }
        }
        return None;
    }
    // September 22 [to 29 | to October 2] [, 2025] | February 2022
    if let Some(month) = month_at(tokens, at) {
        if let Some(day) = day_number(tokens, at + 1).filter(|_| follows(tokens, text, at + 1, &[])) {
            let mut last = at + 1;
            let mut range = None;
            let next = if dashed(tokens, text, at + 2) {
                Some(at + 2)
            } else if matches!(tokens.norm(at + 2), "to" | "through" | "until" | "and")
                && follows(tokens, text, at + 2, &[])
            {
                follows(tokens, text, at + 3, &[]).then_some(at + 3)
            } else {
                None
            };
            if let Some(next) = next {
                if let Some(day2) = day_number(tokens, next) {
                    range = Some((month, day2));
                    last = next;
                } else if let Some(month2) = month_at(tokens, next) {
                    if let Some(day2) =
                        day_number(tokens, next + 1).filter(|_| follows(tokens, text, next + 1, &[]))
                    {
                        range = Some((month2, day2));
                        last = next + 1;
                    }
                }
            }
            let year = year_after(tokens, text, last);
            if let Some((_, year_at)) = year {
                last = year_at;
            }
            let year = year.map(|(year, _)| year);
            let raw = match range {
                Some(end) => Raw::Range(year, (month, day), end),
                None => Raw::Day(year, month, day),
            };
            return Some((Some(raw), last));
        }
        if let Some(year) =
            year_number(tokens, text, at + 1).filter(|_| follows(tokens, text, at + 1, &[',']))
        {
            return Some((Some(Raw::Month(Some(year), month)), at + 1));
        }
        return None;
    }
    // 29 August [2025] | 22-29 September [2025] | 22 to 29 September
    let first_day = day_number(tokens, at)?;
    let mut last_day = None;
    let mut month_word = at + 1;
    if let Some(day2) = day_number(tokens, at + 1).filter(|_| dashed(tokens, text, at + 1)) {
        last_day = Some(day2);
        month_word = at + 2;
    } else if matches!(tokens.norm(at + 1), "to" | "and") && follows(tokens, text, at + 1, &[]) {
        if let Some(day2) = day_number(tokens, at + 2).filter(|_| follows(tokens, text, at + 2, &[])) {
            last_day = Some(day2);
            month_word = at + 3;
        }
    }
    let month = month_at(tokens, month_word).filter(|_| follows(tokens, text, month_word, &[]))?;
    let mut last = month_word;
    let year = year_after(tokens, text, last);
    if let Some((_, year_at)) = year {
        last = year_at;
    }
    let year = year.map(|(year, _)| year);
    let raw = match last_day {
        Some(last_day) => Raw::Range(year, (month, first_day), (month, last_day)),
        None => Raw::Day(year, month, first_day),
    };
    Some((Some(raw), last))
}

/// Whether word `at` follows the previous one after a dash (not a plain space).
fn dashed(tokens: &Tokens, text: &str, at: usize) -> bool {
    tokens.toks.get(at).is_some_and(|t| t.flags & JOIN == 0) && follows(tokens, text, at, DASHES)
}

/// Prepositions after which a bare month is a date (`in January`).
const MONTH_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "from",
    "until",
    "till",
    "by",
    "before",
    "after",
    "during",
    "early",
    "late",
    "mid",
    "of",
    "through",
    "throughout",
    "between",
    "last",
    "next",
    "this",
];

/// Prepositions after which a bare year is a date (`in 2014`).
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "before",
    "after",
    "during",
    "early",
    "late",
    "mid",
    "through",
    "throughout",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Words after which a number may be a year or a count: the year needs a following word
/// that does not look like the counted noun (`the 2016 election`, not `to 2000 troops`).
const WEAK_YEAR_PREPOSITIONS: &[&str] =
    &["to", "and", "or", "the", "around", "of", "by", "from", "between", "circa", "last", "next", "this"];

/// Lowercase words that may follow a year after a weak preposition.
const AFTER_YEAR: &[&str] = &[
    "and",
    "or",
    "to",
    "in",
    "at",
    "on",
    "when",
    "as",
    "but",
    "with",
    "for",
    "after",
    "before",
    "while",
    "the",
    "a",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "election",
    "elections",
    "presidential",
    "campaign",
    "budget",
    "season",
    "summit",
    "census",
    "olympics",
    "world",
    "vote",
    "race",
    "war",
    "attack",
    "attacks",
    "invasion",
    "law",
    "report",
    "agreement",
    "deal",
    "crisis",
    "games",
    "cup",
    "until",
    "through",
];

/// Words that put a weekday in the future when they come before it in its sentence.
const FUTURE: &[&str] =
    &["will", "due", "expected", "scheduled", "plans", "upcoming", "next", "shall", "set"];

/// One date found by [`scan`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// Byte offset of its start.
    pub start: u32,
    /// Byte offset of its end.
    pub end: u32,
    /// Its value.
    pub value: Value,
}

/// Finds the dates in a tokenized text, marks their words [`DATE`] (so they are not taken
/// for names) and returns those it could normalize against `date`.
pub(crate) fn scan(tokens: &mut Tokens, text: &str, date: Option<Day>, found: &mut Vec<Found>) {
    let mut at = 0;
    while at < tokens.toks.len() {
        // Dates start with a digit, a capitalized word or a relative word.
        let starts = tokens.toks.get(at).is_some_and(|t| t.flags & DIGIT != 0 || t.capitalized())
            || matches!(tokens.norm(at), "today" | "yesterday" | "tomorrow" | "this" | "last" | "next");
        if !starts {
            at += 1;
            continue;
        }
        let Some((raw, last)) = at_word(tokens, text, at, date) else {
            at += 1;
            continue;
        };
        let start = tokens.toks.get(at).map_or(0, |t| t.start);
        let end = tokens.toks.get(last).map_or(start, |t| if t.is(MONTH) { t.full_end } else { t.end });
        for tok in tokens.toks.get_mut(at..=last).unwrap_or_default() {
            tok.flags |= DATE;
        }
        if let Some(value) = raw {
            found.push(Found { start, end, value });
        }
        at = last + 1;
    }
}

/// The date (if any) at word `at`: its value when resolvable, and its last word.
fn at_word(tokens: &Tokens, text: &str, at: usize, date: Option<Day>) -> Option<(Option<Value>, usize)> {
    if let Some((raw, last)) = explicit(tokens, text, at) {
        return Some((raw.and_then(|raw| raw.resolve(date)), last));
    }
    let tok = tokens.toks.get(at)?;
    let norm = tokens.norm(at);
    let previous = at.checked_sub(1).filter(|_| tok.flags & JOIN != 0).map(|p| tokens.norm(p)).unwrap_or("");
    // Bare month after a preposition: "in January", "since March".
    if let Some(month) = month_at(tokens, at) {
        let full_name = norm.len() >= 4 || norm == "may";
        let mid = tok.flags & HYPHEN != 0 && at.checked_sub(1).is_some_and(|p| tokens.norm(p) == "mid");
        let after_preposition = MONTH_PREPOSITIONS.contains(&previous)
            && !(norm == "may" && matches!(previous, "from" | "by" | "of"));
        let followed_by_hyphen = tokens.toks.get(at + 1).is_some_and(|t| t.flags & HYPHEN != 0);
        if !full_name || followed_by_hyphen || !(after_preposition || mid) {
            return None;
        }
        let value = date.and_then(|date| {
            let year = match previous {
                "last" if month >= date.month => date.year - 1,
                "last" => date.year,
                "next" if month <= date.month => date.year + 1,
                "next" => date.year,
                "this" => date.year,
                _ => return Raw::Month(None, month).resolve(Some(date)),
            };
            Some(Value::Month(year, month))
        });
        return Some((value, at));
    }
    // Weekday.
    if tok.is(WEEKDAY) && tok.capitalized() {
        let value = date.and_then(|date| weekday(tokens, at, previous, date));
        return Some((value, at));
    }
    // Bare year after a preposition: "in 2014", "the 2022 summit".
    if let Some(year) = year_number(tokens, text, at) {
        let weak = WEAK_YEAR_PREPOSITIONS.contains(&previous);
        if year < 1900 || !(weak || YEAR_PREPOSITIONS.contains(&previous)) {
            return None;
        }
        if let Some(next) = tokens.toks.get(at + 1) {
            let next_norm = tokens.norm(at + 1);
            let gap = text.get(tok.end as usize..next.start as usize).unwrap_or_default();
            let lower_next = next.flags & (JOIN | LOWER) == JOIN | LOWER;
            let plural = lower_next && next_norm.ends_with('s') && next_norm.len() > 3;
            let counted = weak && lower_next && !AFTER_YEAR.contains(&next_norm);
            if plural || counted || next.flags & HYPHEN != 0 || gap.starts_with('%') || next_norm == "percent"
            {
                return None;
            }
        }
        return Some((Some(Value::Year(year)), at));
    }
    // today, yesterday, tomorrow; this/last/next month/year.
    let relative = match norm {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(offset) = relative {
        let value = date.map(|date| Value::Day(Day::from_ordinal(date.ordinal() + offset)));
        return Some((value, at));
    }
    if matches!(norm, "this" | "last" | "next")
        && tokens.toks.get(at + 1).is_some_and(|t| t.flags & JOIN != 0)
    {
        let shift: i32 = match norm {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let value = match tokens.norm(at + 1) {
            "month" => date.map(|date| {
                let index = date.year * 12 + date.month as i32 - 1 + shift;
                Value::Month(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
            }),
            "year" => date.map(|date| Value::Year(date.year + shift)),
            _ => return None,
        };
        return Some((value, at + 1));
    }
    None
}

/// Resolves the weekday at word `at` against the document date.
fn weekday(tokens: &Tokens, at: usize, previous: &str, date: Day) -> Option<Value> {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let norm = tokens.norm(at);
    let target = i64::try_from(DAYS.iter().position(|&d| d == norm)?).ok()?;
    let today = i64::from(date.weekday());
    let back = (today - target).rem_euclid(7);
    let forward = (target - today).rem_euclid(7);
    let future = previous == "next" || (previous != "last" && future_sentence(tokens, at));
    let offset = if previous == "last" {
        if back == 0 {
            -7
        } else {
            -back
        }
    } else if future {
        forward
    } else {
        -back
    };
    Some(Value::Day(Day::from_ordinal(date.ordinal() + offset)))
}

/// Whether a future marker precedes word `at` in its sentence (up to 15 words back).
fn future_sentence(tokens: &Tokens, at: usize) -> bool {
    let mut i = at;
    let mut seen = 0;
    while i > 0 && seen < 15 {
        let Some(tok) = tokens.toks.get(i) else {
            return false;
        };
        if tok.flags & SENT != 0 {
            return false;
        }
        i -= 1;
        seen += 1;
        if FUTURE.contains(&tokens.norm(i)) {
            return true;
        }
    }
    false
}

/// Every date the scanner finds in `text` for a document dated `date` (`YYYY-MM-DD`), as
/// `(surface, value)` pairs: a convenience for tests and tools.
pub fn find(text: &str, date: Option<&str>) -> Vec<(String, String)> {
    let mut tokens = Tokens::default();
    tokens.tokenize(text);
    let mut found = Vec::new();
    scan(&mut tokens, text, date.and_then(Day::parse), &mut found);
    let text = tokens::clip(text);
    found
        .iter()
        .map(|f| (text.get(f.start as usize..f.end as usize).unwrap_or_default().to_string(), f.value.name()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, date: Option<&str>) -> Vec<(String, String)> {
        find(text, date)
    }

    fn pair(surface: &str, value: &str) -> (String, String) {
        (surface.to_string(), value.to_string())
    }

    #[test]
    fn calendar() {
        let day = Day::new(2025, 8, 29).unwrap();
        assert_eq!(day.weekday(), 4);
        assert_eq!(Day::from_ordinal(day.ordinal()), day);
        assert_eq!(Day::from_ordinal(0).iso(), "1970-01-01");
        assert_eq!(Day::new(2023, 2, 29), None);
        assert_eq!(Day::parse("2024-02-29").map(Day::iso).as_deref(), Some("2024-02-29"));
        assert_eq!(Day::parse("2024-2-29"), None);
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(values("It happened on 2025-08-29 in Kyiv.", None), [pair("2025-08-29", "2025-08-29")]);
        assert_eq!(values("since February 2022.", None), [pair("February 2022", "2022-02")]);
        assert_eq!(values("On August 29, 2025, they met.", None), [pair("August 29, 2025", "2025-08-29")]);
        assert_eq!(values("On 29 August 2025 they met.", None), [pair("29 August 2025", "2025-08-29")]);
        assert_eq!(
            values("annexed in 2014; sent 2000 troops; up to 2000 people", None),
            [pair("2014", "2014")]
        );
    }

    #[test]
    fn dates_without_a_year_need_the_document_date() {
        assert!(values("From Sept. 9, leaders meet.", None).is_empty());
        assert_eq!(
            values("From Sept. 9, leaders meet.", Some("2025-08-29")),
            [pair("Sept. 9", "2025-09-09")]
        );
        assert_eq!(values("on December 28", Some("2025-01-05")), [pair("December 28", "2024-12-28")]);
        assert_eq!(values("in January", Some("2025-12-20")), [pair("January", "2026-01")]);
    }

    #[test]
    fn ranges() {
        let text = "the General Assembly from September 22 to 29, with";
        assert!(values(text, None).is_empty());
        assert_eq!(values(text, Some("2025-08-29")), [pair("September 22 to 29", "2025-09-22/2025-09-29")]);
        assert_eq!(values("Sept. 22–29", Some("2025-09-01")), [pair("Sept. 22–29", "2025-09-22/2025-09-29")]);
        assert_eq!(
            values("from September 30 to October 2, 2025", None),
            [pair("September 30 to October 2, 2025", "2025-09-30/2025-10-02")]
        );
        assert_eq!(
            values("22-29 September 2025", None),
            [pair("22-29 September 2025", "2025-09-22/2025-09-29")]
        );
    }

    #[test]
    fn weekdays_and_relative_dates() {
        let date = Some("2025-08-29");
        assert_eq!(values("Zelenskyy said Friday that", date), [pair("Friday", "2025-08-29")]);
        assert_eq!(values("overnight from Wednesday to Thursday", date).len(), 2);
        assert_eq!(values("He noted Thursday that", date), [pair("Thursday", "2025-08-28")]);
        assert_eq!(
            values("Putin is due to attend a meeting in China from Sunday.", date),
            [pair("Sunday", "2025-08-31")]
        );
        assert_eq!(values("They met last Friday.", date), [pair("Friday", "2025-08-22")]);
        assert_eq!(values("in Alaska this month", date), [pair("this month", "2025-08")]);
        assert_eq!(values("last month", date), [pair("last month", "2025-07")]);
        assert_eq!(values("yesterday", date), [pair("yesterday", "2025-08-28")]);
        assert!(values("on Friday", None).is_empty());
    }

    #[test]
    fn datelines() {
        assert_eq!(dateline("KYIV, Aug. 29, 2025 (Reuters) - Ukraine said").as_deref(), Some("2025-08-29"));
        assert_eq!(dateline("29 August 2025 — The talks").as_deref(), Some("2025-08-29"));
        assert_eq!(dateline("WASHINGTON, Friday, August 29, 2025 — x").as_deref(), Some("2025-08-29"));
        assert_eq!(dateline("2025-08-29: Kyiv").as_deref(), Some("2025-08-29"));
        assert_eq!(dateline("KYIV, Aug 29 (Reuters) - Ukraine said"), None);
        assert_eq!(dateline("MOSCOW, February 7. /TASS/. The Kremlin"), None);
        assert_eq!(dateline("Ukrainian President Volodymyr Zelenskyy said on 29 August 2025 that"), None);
        assert_eq!(dateline(""), None);
        assert_eq!(document_date("x", Some("2025-01-02")).as_deref(), Some("2025-01-02"));
        assert_eq!(document_date("29 August 2025 — x", Some("bad")).as_deref(), Some("2025-08-29"));
    }
}
