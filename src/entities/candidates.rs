//! Capitalized sequences → candidate names with cues.
//!
//! A *run* is a sequence of capitalized words on one line joined by spaces or hyphens, with
//! `of (the)` and name particles (`al-`, `de`) inside, broken by punctuation, lowercase
//! words, dates and possessives (`Trump’s` ends its run). Each run is cut into *units*:
//! gazetteer matches (longest first, `U.N. Security Council`), title words, capitalized
//! function words, demonyms and other words. Then:
//!
//! 1. Title phrases (see [`super::titles`]) are found and removed; the name right after one
//!    gets a person cue (`President Donald Trump`, `Gen Randy George`).
//! 2. Function words and demonyms cut the rest into segments (`Ukrainian`, `The`, `In`);
//!    a demonym starting an organization stays (`Russian Foreign Ministry`).
//! 3. Segments become pieces: gazetteer entries, and names. A place and a name ending in an
//!    organization keyword make one organization (`US Army`, `Atlantic Council`); a first
//!    name and a place make a person (`George Washington`); hyphen-joined names alone are
//!    separate mentions (`Putin-Zelenskyy`, `US-Russia`).
//! 4. Cues around each piece add evidence for a kind: keywords in the name (`Council`,
//!    `Forum`, `River`, `Summit`), lowercase words after it (`PURL initiative`, `Kyiv
//!    region`, `said`), before it (`envoy`, `in`, `the`), or a following `summit` (which also
//!    makes the event `Washington summit`).
//! 5. A name at the start of a sentence may just be a capitalized word: a single word is kept
//!    *pending* (accepted only if the corpus knows it as a name, see [`super::merge`]); for
//!    longer names the first word may be dropped later (`Rescue Efforts` → `Efforts`, …).
//!
//! Headline-case text (titles, lines mostly in capitals, "Also Read:" boilerplate) only
//! yields gazetteer entries and names already known from the document's body.

use super::dates;
use super::gazetteer::{gazetteer, Gazetteer};
use super::keys::{push_translit, signature_bit, FastMap};
use super::tokens::{
    Tok, Tokens, ABBR_DOT, CAP, CLASSED, DATE, DOTTED, GARBLED, HYPHEN, JOIN, JUMBLED, LINE, LOWER, POSS,
    SENT, UPPER,
};
use super::words::{
    self, Class, COMPASS, COMPLEMENT, DEMONYM, EVENT_CUE, EVENT_KW, FAMILY_FIRST, FIRST_NAME, ORG_HEAD,
    ORG_KW, OTHER_CUE, OTHER_KW, PARTICLE, PLACE_CUE, PLACE_HEAD, PLACE_KW, PLACE_PREP, ROLE, SAY, STOP,
    SUFFIX, TITLE, TITLE_MOD,
};
use super::Kind;

/// Evidence index of each kind.
pub const PERSON: usize = 0;
/// See [`PERSON`].
pub const ORG: usize = 1;
/// See [`PERSON`].
pub const PLACE: usize = 2;
/// See [`PERSON`].
pub const EVENT: usize = 3;
/// See [`PERSON`].
pub const OTHER: usize = 4;

/// The kinds in evidence order.
pub const KINDS: [Kind; 5] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Event, Kind::Other];

/// Evidence for each kind (indexed by [`PERSON`] …).
pub type Evidence = [i16; 5];

/// At the start of a sentence and a single word: needs confirmation from the corpus.
pub const PENDING: u16 = 1;
/// At the start of a sentence: the first word may be a capitalized common word.
pub const AMBIG_FIRST: u16 = 1 << 1;
/// Found in headline-case text (a title): matched against known names only.
pub const HEADLINE: u16 = 1 << 2;
/// Right after a title phrase.
pub const TITLE_CUE: u16 = 1 << 3;
/// A single word in capitals (`PURL`, `NATO`).
pub const ACRONYM: u16 = 1 << 4;
/// Surname first (`Xi Jinping`).
pub const FAMILY: u16 = 1 << 5;
/// Followed by a possessive.
pub const POSSESSIVE: u16 = 1 << 6;
/// Made of several names joined by hyphens or a name and a keyword (not a person name).
pub const COMPOUND: u16 = 1 << 7;
/// Cue-free multi-word name whose every word is capitalized normally: may default to a person.
pub const NAME_SHAPE: u16 = 1 << 8;

/// One candidate mention in a field.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte offset of its start.
    pub start: u32,
    /// Byte offset of its end (possessive and abbreviation dot excluded).
    pub end: u32,
    /// Index of its first word (before a leading `The` added for publications).
    pub first: u32,
    /// Start of its second word (for [`AMBIG_FIRST`]), else `start`.
    pub cut: u32,
    /// Gazetteer entry, if it is one.
    pub gaz: Option<u32>,
    /// Evidence for each kind.
    pub ev: Evidence,
    /// Flags ([`PENDING`], …).
    pub flags: u16,
    /// Name key: transliteration forms of its words joined by spaces (leading `the` dropped).
    pub key: String,
    /// Byte index in `key` where the second word starts (0 if single).
    pub key_cut: usize,
    /// Lookup forms of its words, space-separated.
    pub norms: String,
    /// Number of words (particles included).
    pub words: u16,
    /// Signature bits of cue words (titles), for variant merging.
    pub context: u64,
    /// Start of a capitalized `The` right before it (kept for publications: `The Gaze`).
    pub the_start: Option<u32>,
}

/// How a field's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Running text.
    Body,
    /// Headline case: only known names and gazetteer entries.
    Headline,
}

/// What a unit of a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Gaz(u32),
    Title,
    Mod,
    Stop,
    Demonym,
    Word,
    /// `of`, `the` (after `of`) or a particle, lowercase, inside a run.
    Connector,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    first: usize,
    /// Exclusive.
    end: usize,
    kind: UnitKind,
}

/// Reusable buffers for candidate extraction.
#[derive(Debug, Default)]
pub struct Scanner {
    /// The current field's words.
    pub tokens: Tokens,
    units: Vec<Unit>,
    key: String,
    skip: Vec<bool>,
}

/// Lines starting with these words are boilerplate: the words are skipped and the rest of
/// the line is read as a headline.
const BOILERPLATE: &[&[&str]] = &[
    &["also", "read"],
    &["read", "more"],
    &["read", "also"],
    &["see", "also"],
    &["related"],
    &["more", "on"],
    &["watch"],
    &["click", "here"],
    &["subscribe"],
    &["sign", "up"],
    &["follow", "us"],
    &["advertisement"],
    &["recommended"],
    &["editors", "note"],
    &["image", "copyright"],
    &["image", "caption"],
    &["media", "caption"],
    &["share", "this"],
];

/// Names known in a document, by key: `true` if only from pending (sentence-initial) mentions.
pub type Known = FastMap<String, bool>;

/// Longest run considered (words); longer ones are not names (hostile or tabular text).
const MAX_RUN: usize = 40;
/// Longest name (words).
const MAX_NAME: usize = 8;

impl Scanner {
    /// Reads one field: dates into `dates`, candidate pieces into `out`. In [`Mode::Body`],
    /// headline-case lines are left for [`Scanner::headlines`] and returned as word ranges.
    pub fn field(
        &mut self,
        text: &str,
        mode: Mode,
        doc_date: Option<dates::Day>,
        dates_out: &mut Vec<dates::Found>,
        out: &mut Vec<Piece>,
        headline_lines: &mut Vec<(usize, usize)>,
    ) {
        self.tokens.tokenize(text);
        dates::scan(&mut self.tokens, text, doc_date, dates_out);
        self.skip.clear();
        self.skip.resize(self.tokens.toks.len(), false);
        skip_share_bars(&self.tokens, &mut self.skip);
        let lines = line_ranges(&self.tokens.toks);
        for (first, end) in lines {
            let boiler = boilerplate(&self.tokens, first, end);
            for flag in self.skip.get_mut(first..first + boiler).unwrap_or_default() {
                *flag = true;
            }
            let all_caps = all_caps(&self.tokens.toks, first, end);
            if mode == Mode::Headline
                || boiler > 0
                || all_caps
                || headline_case(&self.tokens, text, first, end)
            {
                headline_lines.push((first + boiler, end));
                continue;
            }
            self.runs(text, first, end, Mode::Body, None, out);
        }
    }

    /// Reads headline-case word ranges of the last field read, keeping only gazetteer
    /// entries and names in `known`.
    pub fn headlines(&mut self, text: &str, lines: &[(usize, usize)], known: &Known, out: &mut Vec<Piece>) {
        for &(first, end) in lines {
            self.runs(text, first, end, Mode::Headline, Some(known), out);
        }
    }

    /// Finds the runs of words `first..end` and turns them into pieces.
    fn runs(
        &mut self,
        text: &str,
        first: usize,
        end: usize,
        mode: Mode,
        known: Option<&Known>,
        out: &mut Vec<Piece>,
    ) {
        let gaz = gazetteer();
        let all_caps = all_caps(&self.tokens.toks, first, end);
        let mut at = first;
        while at < end {
            let Some(tok) = self.tokens.toks.get(at) else { break };
            let particle_start = tok.is(PARTICLE)
                && self.tokens.toks.get(at + 1).is_some_and(|n| n.flags & HYPHEN != 0 && n.capitalized())
                && gaz.longest(&self.tokens, at, &mut self.key, all_caps).is_some();
            if tok.flags & DATE != 0
                || !(tok.capitalized() || particle_start)
                || self.skip.get(at).copied().unwrap_or(false)
            {
                at += 1;
                continue;
            }
            let run_end = self.units(gaz, at, end, all_caps);
            if self.units.len() <= MAX_RUN {
                self.run(text, at, run_end, mode, known, out);
            }
            at = run_end.max(at + 1);
        }
    }

    /// Cuts the run starting at word `start` into `self.units`; returns its end (exclusive).
    fn units(&mut self, gaz: &Gazetteer, start: usize, end: usize, all_caps: bool) -> usize {
        self.units.clear();
        let toks = &self.tokens.toks;
        let mut at = start;
        while at < end {
            let Some(tok) = toks.get(at) else { break };
            if let Some((entry, n)) = gaz.longest(&self.tokens, at, &mut self.key, all_caps) {
                self.units.push(Unit { first: at, end: at + n, kind: UnitKind::Gaz(entry) });
                at += n;
            } else {
                self.units.push(Unit { first: at, end: at + 1, kind: classify(tok) });
                at += 1;
            }
            if self.units.len() > MAX_RUN {
                // Too long to be names: skip to the end of the run without analysing it.
                while toks.get(at).is_some_and(|t| t.flags & (JOIN | HYPHEN) != 0 && t.capitalized())
                    && at < end
                {
                    at += 1;
                }
                return at;
            }
            let Some(last) = toks.get(at - 1) else { break };
            if last.flags & POSS != 0 || at >= end {
                break;
            }
            let Some(next) = toks.get(at) else { break };
            if next.flags & (JOIN | HYPHEN) == 0 || next.flags & DATE != 0 {
                break;
            }
            if next.capitalized() {
                // `The enigma: James Comey Comey's …`: a heading glued to the next sentence
                // (the text lost its line break) repeats the name's last word.
                let repeated = self.units.len() >= 2 && self.tokens.norm(at) == self.tokens.norm(at - 1);
                if repeated && next.flags & HYPHEN == 0 {
                    break;
                }
                continue;
            }
            let after = toks
                .get(at + 1)
                .filter(|t| t.capitalized() && t.flags & (JOIN | HYPHEN) != 0 && t.flags & DATE == 0);
            let norm = self.tokens.norm(at);
            if next.flags & LOWER != 0 && norm == "of" && at + 1 < end {
                let the = self.tokens.norm(at + 1) == "the"
                    && toks.get(at + 1).is_some_and(|t| t.flags & LOWER != 0);
                let target = if the { at + 2 } else { at + 1 };
                let target_ok = toks
                    .get(target)
                    .is_some_and(|t| t.capitalized() && t.flags & JOIN != 0 && t.flags & DATE == 0);
                if target_ok && target < end {
                    self.units.push(Unit { first: at, end: target, kind: UnitKind::Connector });
                    at = target;
                    continue;
                }
                break;
            }
            let after_word = matches!(self.units.last().map(|u| u.kind), Some(UnitKind::Word));
            if next.flags & LOWER != 0
                && norm == "and"
                && after_word
                && after.is_some_and(|t| t.flags & JOIN != 0)
                && at + 1 < end
            {
                self.units.push(Unit { first: at, end: at + 1, kind: UnitKind::Connector });
                at += 1;
                continue;
            }
            let after_title = matches!(self.units.last().map(|u| u.kind), Some(UnitKind::Title));
            let after_keyword = after_word && toks.get(at - 1).is_some_and(|t| t.is(ORG_KW));
            if next.flags & LOWER != 0
                && norm == "for"
                && (after_title || after_keyword)
                && after.is_some()
                && at + 1 < end
            {
                self.units.push(Unit { first: at, end: at + 1, kind: UnitKind::Connector });
                at += 1;
                continue;
            }
            if next.flags & LOWER != 0 && next.is(PARTICLE) && after.is_some() && at + 1 < end {
                self.units.push(Unit { first: at, end: at + 1, kind: UnitKind::Connector });
                at += 1;
                continue;
            }
            if next.flags & (HYPHEN | LOWER) == HYPHEN | LOWER {
                let previous = self.units.last().map(|u| u.kind);
                let short = norm.chars().count() <= 3 && !HYPHEN_WORDS.contains(&norm) && !next.is(STOP);
                let title_suffix = matches!(previous, Some(UnitKind::Title)) && next.is(TITLE_MOD | TITLE);
                if title_suffix || (short && matches!(previous, Some(UnitKind::Word))) {
                    if let Some(unit) = self.units.last_mut() {
                        unit.end = at + 1;
                    }
                    at += 1;
                    if toks.get(at).is_some_and(|t| {
                        t.capitalized() && t.flags & (JOIN | HYPHEN) != 0 && t.flags & DATE == 0
                    }) {
                        continue;
                    }
                }
            }
            break;
        }
        at
    }

    /// Turns the units of one run (words `start..end`) into pieces.
    fn run(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        mode: Mode,
        known: Option<&Known>,
        out: &mut Vec<Piece>,
    ) {
        let toks = &self.tokens.toks;
        let units = &mut self.units;
        mark_titles(&self.tokens, units);
        let pieces_at = out.len();
        let max_name = if mode == Mode::Headline { MAX_RUN } else { MAX_NAME };
        let mut u = 0;
        let mut after_title: Option<u64> = None;
        while let Some(unit) = units.get(u).copied() {
            match unit.kind {
                UnitKind::Title => {
                    let mut bits = 0;
                    while let Some(t) = units.get(u).filter(|t| t.kind == UnitKind::Title) {
                        if toks.get(t.first).is_some_and(|tok| tok.is(TITLE)) {
                            bits |= signature_bit(self.tokens.norm(t.first));
                        }
                        u += 1;
                    }
                    after_title = Some(bits);
                    continue;
                }
                UnitKind::Stop | UnitKind::Connector => {
                    after_title = None;
                    u += 1;
                    continue;
                }
                _ => {}
            }
            // A segment: units u..v, up to a title, a function word or a connector that
            // does not belong to a name.
            let mut v = u;
            while let Some(s) = units.get(v) {
                let stops = match s.kind {
                    UnitKind::Title | UnitKind::Stop => true,
                    UnitKind::Connector => !connector_inside(&self.tokens, units, u, v),
                    _ => false,
                };
                if stops {
                    break;
                }
                v += 1;
            }
            let the_before = u
                .checked_sub(1)
                .and_then(|p| units.get(p))
                .filter(|p| p.kind == UnitKind::Stop && self.tokens.norm(p.first) == "the")
                .and_then(|p| toks.get(p.first))
                .filter(|t| t.flags & CAP != 0)
                .map(|t| t.start);
            let segment_first = out.len();
            segment(&self.tokens, units.get(u..v).unwrap_or_default(), after_title.take(), max_name, out);
            if let (Some(the_start), Some(piece)) = (the_before, out.get_mut(segment_first)) {
                if piece.gaz.is_none() && piece.first as usize == unit.first && piece.words == 1 {
                    piece.the_start = Some(the_start);
                    piece.ev[ORG] += 1;
                }
            }
            u = v.max(u + 1);
        }
        match mode {
            Mode::Body => self.body_cues(text, start, end, pieces_at, out),
            Mode::Headline => {
                let Some(known) = known else { return };
                let pieces: Vec<Piece> = out.drain(pieces_at..).collect();
                for mut piece in pieces {
                    if piece.gaz.is_some() {
                        piece.flags |= HEADLINE;
                        out.push(piece);
                    } else {
                        known_parts(&self.tokens, &piece, known, out);
                    }
                }
            }
        }
    }

    /// Adds the cues around run `start..end` to its pieces `out[from..]`, the event of a
    /// following `summit`, and marks sentence-initial ambiguity.
    fn body_cues(&self, text: &str, start: usize, end: usize, from: usize, out: &mut Vec<Piece>) {
        let toks = &self.tokens.toks;
        let Some(run_first) = toks.get(start) else { return };
        let run_last_end = toks.get(end.saturating_sub(1)).map_or(0, |t| t.end);
        let before = cue_before(&self.tokens, start);
        let after = cue_after(&self.tokens, end);
        let mut event = None;
        let count = out.len();
        for piece in out.get_mut(from..).unwrap_or_default() {
            if piece.first as usize == start {
                piece.ev[PERSON] += before.person;
                if piece.words == 1 && piece.flags & POSSESSIVE == 0 {
                    piece.ev[PLACE] += before.place;
                    piece.ev[ORG] += before.article;
                }
                piece.ev[EVENT] += before.event;
                piece.context |= before.context;
            }
            if piece.end == run_last_end && piece.flags & POSSESSIVE == 0 {
                piece.ev[OTHER] += after.other;
                piece.ev[PLACE] += after.place;
                piece.ev[PERSON] += after.person;
                let is_event =
                    piece.gaz.and_then(|id| gazetteer().entry(id)).is_some_and(|e| e.kind == Kind::Event);
                if after.event.is_some() && !is_event {
                    event = after.event;
                }
            }
            // Sentence-initial ambiguity.
            let Some(first_tok) = toks.get(piece.first as usize) else { continue };
            if first_tok.flags & SENT == 0
                || piece.gaz.is_some()
                || piece.flags & COMPOUND != 0
                || piece.start != first_tok.start
            {
                continue;
            }
            if piece.words == 1 {
                piece.flags |= PENDING;
            } else if !first_tok.is(FIRST_NAME) && piece.cut > piece.start {
                piece.flags |= AMBIG_FIRST;
            }
        }
        if let Some(summit_end) = event.filter(|_| count > from) {
            let mut piece = new_piece(start, run_first.start, summit_end);
            piece.ev[EVENT] += 5;
            piece.flags |= COMPOUND;
            piece.words = u16::try_from(end - start + 1).unwrap_or(u16::MAX);
            for i in start..=end {
                push_key_word(&self.tokens, i, &mut piece.key);
            }
            if text.get(piece.start as usize..piece.end as usize).is_some() {
                out.push(piece);
            }
        }
    }
}

/// Marks title phrases in a run's units: title words and modifiers with at least one title
/// word, plus `of (the)` and complements after a title (`Chief of Staff`, `Sergeant Major of
/// the Army`). A title word right after a first name is part of the name (`Stephen King`);
/// modifiers outside a title phrase are ordinary words.
fn mark_titles(tokens: &Tokens, units: &mut [Unit]) {
    let toks = &tokens.toks;
    for u in 1..units.len() {
        let previous = units.get(u - 1).copied();
        if let (Some(previous), Some(unit)) = (previous, units.get_mut(u)) {
            let after_first_name = previous.kind == UnitKind::Word
                && toks.get(previous.end - 1).is_some_and(|t| t.is(FIRST_NAME));
            let joined = toks.get(unit.first).is_some_and(|t| t.flags & JOIN != 0);
            if unit.kind == UnitKind::Title && after_first_name && joined {
                unit.kind = UnitKind::Word;
            }
        }
    }
    let is_titleish = |kind: UnitKind| matches!(kind, UnitKind::Title | UnitKind::Mod);
    let mut u = 0;
    while u < units.len() {
        if !units.get(u).is_some_and(|unit| is_titleish(unit.kind)) {
            u += 1;
            continue;
        }
        let mut v = u;
        let mut has_title = false;
        while let Some(unit) = units.get(v).copied() {
            if is_titleish(unit.kind) {
                has_title |= unit.kind == UnitKind::Title;
                v += 1;
                continue;
            }
            let complement = |w: usize| {
                units.get(w).is_some_and(|c| match c.kind {
                    UnitKind::Word | UnitKind::Mod | UnitKind::Title => {
                        toks.get(c.first).is_some_and(|t| t.is(COMPLEMENT | TITLE_MOD))
                    }
                    UnitKind::Gaz(id) => gazetteer().entry(id).is_some_and(|e| e.kind == Kind::Place),
                    _ => false,
                })
            };
            let connector = matches!(tokens.norm(unit.first), "of" | "for");
            if has_title && unit.kind == UnitKind::Connector && connector && complement(v + 1) {
                v += 2;
                while complement(v) {
                    v += 1;
                }
                continue;
            }
            break;
        }
        for unit in units.get_mut(u..v).unwrap_or_default() {
            if !matches!(unit.kind, UnitKind::Gaz(_)) {
                unit.kind = if has_title { UnitKind::Title } else { UnitKind::Word };
            }
        }
        u = v.max(u + 1);
    }
}

/// Words that, hyphen-joined after a name, are not part of it (`US-led`).
const HYPHEN_WORDS: &[&str] = &[
    "led", "run", "era", "old", "day", "age", "war", "end", "way", "set", "top", "new", "own", "pro", "bid",
    "won", "aid", "ban", "law", "tax", "cap", "hit", "big", "due", "low", "key", "one", "two", "six", "ten",
    "far",
];

/// Whether the connector unit `v` of the segment starting at `u` stays inside a name: `of`
/// after an organization or place head word (`Ministry of Defence`, `Gulf of Mexico`,
/// `Coalition of the Willing`), or a particle (`al-Assad`).
fn connector_inside(tokens: &Tokens, units: &[Unit], u: usize, v: usize) -> bool {
    let toks = &tokens.toks;
    let Some(unit) = units.get(v) else { return false };
    let norm = tokens.norm(unit.first);
    if norm == "and" {
        // `Ways and Means Committee`, `Office of Management and Budget`: inside an
        // organization's name only.
        let word = |w: usize| units.get(w).is_some_and(|n| n.kind == UnitKind::Word);
        if !word(v.wrapping_sub(1)) || !word(v + 1) {
            return false;
        }
        let mut last = v + 1;
        while word(last + 1) {
            last += 1;
        }
        let keyword = units
            .get(last)
            .and_then(|l| toks.get(l.end - 1))
            .is_some_and(|t| t.is(ORG_KW | EVENT_KW | OTHER_KW));
        let head_of = units.get(u).and_then(|h| toks.get(h.first)).is_some_and(|t| t.is(ORG_HEAD))
            && units
                .get(u..v)
                .unwrap_or_default()
                .iter()
                .any(|c| c.kind == UnitKind::Connector && tokens.norm(c.first) == "of");
        return keyword || head_of;
    }
    if norm == "for" {
        // `Syrian Observatory for Human Rights`: after an organization keyword only.
        let before = v.checked_sub(1).and_then(|p| units.get(p));
        let keyword = before
            .is_some_and(|b| b.kind == UnitKind::Word && toks.get(b.end - 1).is_some_and(|t| t.is(ORG_KW)));
        return keyword
            && matches!(units.get(v + 1).map(|n| n.kind), Some(UnitKind::Word | UnitKind::Gaz(_)));
    }
    if norm != "of" {
        return toks.get(unit.first).is_some_and(|t| t.is(PARTICLE));
    }
    let head = units.get(u).and_then(|h| toks.get(h.first));
    let before = v.checked_sub(1).and_then(|p| units.get(p)).and_then(|p| toks.get(p.end - 1));
    let head_ok = head.is_some_and(|t| t.is(ORG_HEAD | PLACE_HEAD))
        || before.is_some_and(|t| t.is(ORG_HEAD | PLACE_HEAD));
    head_ok && matches!(units.get(v + 1).map(|n| n.kind), Some(UnitKind::Word | UnitKind::Gaz(_)))
}

/// The kind of a single capitalized word.
fn classify(tok: &Tok) -> UnitKind {
    if tok.flags & LOWER != 0 {
        return UnitKind::Connector;
    }
    if tok.end - tok.start == 1 && tok.flags & DOTTED == 0 {
        return UnitKind::Stop;
    }
    if tok.is(STOP) && tok.flags & DOTTED == 0 {
        return UnitKind::Stop;
    }
    if tok.is(TITLE) {
        return UnitKind::Title;
    }
    if tok.is(TITLE_MOD) {
        return UnitKind::Mod;
    }
    if tok.is(DEMONYM) {
        return UnitKind::Demonym;
    }
    UnitKind::Word
}

/// A fresh piece covering `start..end`.
fn new_piece(first: usize, start: u32, end: u32) -> Piece {
    Piece {
        start,
        end,
        first: u32::try_from(first).unwrap_or(u32::MAX),
        cut: start,
        gaz: None,
        ev: [0; 5],
        flags: 0,
        key: String::new(),
        key_cut: 0,
        norms: String::new(),
        words: 0,
        context: 0,
        the_start: None,
    }
}

/// Appends the transliteration form of word `i` to a name key (space-separated).
fn push_key_word(tokens: &Tokens, i: usize, key: &mut String) {
    let norm = tokens.norm(i);
    if norm.is_empty() {
        return;
    }
    if !key.is_empty() {
        key.push(' ');
    }
    push_translit(norm, key);
}

/// A name made of a first name and the entry that follows it (`Jordan Peterson`, `George
/// Washington`): a name piece with strong evidence for a person.
fn person_piece(tokens: &Tokens, first: usize, end: usize) -> Option<Piece> {
    let mut piece = name_piece(tokens, first, end);
    if let Some(p) = piece.as_mut() {
        p.ev[PERSON] += 3;
    }
    piece
}

/// A name piece for words `first..end` (exclusive), with its key and structural cues.
fn name_piece(tokens: &Tokens, first: usize, end: usize) -> Option<Piece> {
    let toks = &tokens.toks;
    let first_tok = toks.get(first)?;
    let last_tok = toks.get(end.checked_sub(1)?)?;
    let mut piece = new_piece(first, first_tok.start, last_tok.end);
    let words = end - first;
    piece.words = u16::try_from(words).unwrap_or(u16::MAX);
    for i in first..end {
        if i == first && tokens.norm(i) == "the" {
            continue;
        }
        if i == first + 1 {
            piece.key_cut = piece.key.len() + usize::from(!piece.key.is_empty());
        }
        push_key_word(tokens, i, &mut piece.key);
    }
    if piece.key.is_empty() || (words == 1 && tokens.norm(first).chars().count() < 2) {
        return None;
    }
    if (first..end).all(|i| toks.get(i).is_some_and(|t| t.is(SUFFIX))) {
        return None;
    }
    // A word with letters lost in an encoding accident is no name on its own.
    let surface =
        tokens.norms.get(first_tok.norm_start as usize..last_tok.norm_end as usize).unwrap_or_default();
    if words == 1 && surface.chars().count() < 3 {
        return None;
    }
    for i in first..end {
        if !piece.norms.is_empty() {
            piece.norms.push(' ');
        }
        piece.norms.push_str(tokens.norm(i));
    }
    if words > 1 {
        if let Some(second) = toks.get(first + 1).filter(|t| t.capitalized()) {
            piece.cut = second.start;
        }
    }
    if last_tok.flags & POSS != 0 {
        piece.flags |= POSSESSIVE;
    }
    // Keywords.
    let last_class = name_last_class(tokens, first, end);
    let has_of =
        (first..end).any(|i| tokens.norm(i) == "of" && toks.get(i).is_some_and(|t| t.flags & LOWER != 0));
    if last_class & ORG_KW != 0 || (has_of && first_tok.is(ORG_HEAD)) {
        piece.ev[ORG] += 4;
    }
    if last_class & PLACE_KW != 0 || (first_tok.is(PLACE_HEAD) && words > 1) {
        piece.ev[PLACE] += 4;
    }
    if last_class & EVENT_KW != 0 {
        piece.ev[EVENT] += 4;
    }
    if last_class & OTHER_KW != 0 {
        piece.ev[OTHER] += 4;
    }
    if first_tok.is(COMPASS) && words > 1 && piece.ev[ORG] == 0 {
        piece.ev[PLACE] += 3;
    }
    let keyword = piece.ev[ORG] + piece.ev[PLACE] + piece.ev[EVENT] + piece.ev[OTHER] > 0;
    if keyword {
        piece.flags |= COMPOUND;
        // A keyword alone is not a name (`Army`, `Council`).
        if words == 1 {
            return None;
        }
    }
    if !keyword {
        if first_tok.is(FIRST_NAME) {
            piece.ev[PERSON] += if words > 1 { 3 } else { 1 };
        }
        if first_tok.is(FAMILY_FIRST) && (2..=3).contains(&words) {
            piece.flags |= FAMILY;
        }
        let shaped = (2..=4).contains(&words)
            && !first_tok.is(PARTICLE)
            && (first..end).all(|i| {
                toks.get(i).is_some_and(|t| {
                    (t.flags & CAP != 0
                        || t.is(PARTICLE)
                        || t.flags & DOTTED != 0
                        || t.is(SUFFIX)
                        || t.flags & (HYPHEN | LOWER) == HYPHEN | LOWER)
                        && t.flags & GARBLED == 0
                        && t.flags & JUMBLED == 0
                })
            })
            && tokens
                .norms
                .get(toks.get(first).map_or(0, |t| t.norm_start as usize)..last_tok.norm_end as usize)
                .is_some_and(|norms| norms.chars().all(char::is_alphabetic));
        if shaped {
            piece.flags |= NAME_SHAPE;
        }
    }
    if words == 1 && first_tok.flags & UPPER != 0 {
        piece.flags |= ACRONYM;
    }
    Some(piece)
}

/// Classes of the last word of a name, skipping a suffix (`Jr`).
fn name_last_class(tokens: &Tokens, first: usize, end: usize) -> Class {
    let toks = &tokens.toks;
    let mut last = end.saturating_sub(1);
    while last > first && toks.get(last).is_some_and(|t| t.is(SUFFIX)) {
        last -= 1;
    }
    toks.get(last).map_or(0, |t| t.class)
}

/// A gazetteer piece for words `first..end`.
fn gaz_piece(tokens: &Tokens, entry: u32, first: usize, end: usize) -> Option<Piece> {
    let toks = &tokens.toks;
    let first_tok = toks.get(first)?;
    let last_tok = toks.get(end.checked_sub(1)?)?;
    let mut piece = new_piece(first, first_tok.start, last_tok.end);
    piece.gaz = Some(entry);
    piece.words = u16::try_from(end - first).unwrap_or(u16::MAX);
    for i in first..end {
        push_key_word(tokens, i, &mut piece.key);
    }
    if last_tok.flags & POSS != 0 {
        piece.flags |= POSSESSIVE;
    }
    Some(piece)
}

/// Turns one segment (units other than titles and function words) into pieces.
fn segment(tokens: &Tokens, units: &[Unit], title: Option<u64>, max_name: usize, out: &mut Vec<Piece>) {
    let toks = &tokens.toks;
    let gaz = gazetteer();
    // Group the units: gazetteer entries alone, words (with connectors) together, demonyms
    // alone; an entry after `of` inside a name belongs to it (`Bank of England`).
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Group {
        Gaz(u32),
        Name,
        Demonym,
    }
    let mut groups: Vec<(Group, usize, usize)> = Vec::new();
    let mut previous_connector = false;
    for unit in units {
        let last_is_name = groups.last().is_some_and(|g| g.0 == Group::Name);
        let group = match unit.kind {
            UnitKind::Gaz(_) if last_is_name && previous_connector => Group::Name,
            UnitKind::Gaz(id) => Group::Gaz(id),
            UnitKind::Demonym => Group::Demonym,
            UnitKind::Connector if !last_is_name => {
                previous_connector = false;
                continue;
            }
            _ => Group::Name,
        };
        previous_connector = unit.kind == UnitKind::Connector;
        match groups.last_mut() {
            Some(last) if last.0 == Group::Name && group == Group::Name => last.2 = unit.end,
            _ => groups.push((group, unit.first, unit.end)),
        }
    }
    // A name cannot end with a connector.
    for group in &mut groups {
        while group.2 > group.1 + 1
            && toks.get(group.2 - 1).is_some_and(|t| t.flags & (LOWER | HYPHEN) == LOWER)
        {
            group.2 -= 1;
        }
    }
    // Hyphen-joined names alone are separate mentions: `Putin-Zelenskyy`.
    let mut split: Vec<(Group, usize, usize)> = Vec::with_capacity(groups.len());
    for &(group, first, end) in &groups {
        let hyphenated = group == Group::Name
            && end - first >= 2
            && (first + 1..end)
                .all(|i| toks.get(i).is_some_and(|t| t.flags & HYPHEN != 0 && t.capitalized()))
            && (first..end).all(|i| tokens.norm(i).chars().count() >= 3)
            && !toks.get(first).is_some_and(|t| t.is(PARTICLE))
            && !(first..end).all(|i| toks.get(i).is_some_and(|t| t.is(FIRST_NAME)));
        if hyphenated {
            split.extend((first..end).map(|i| (Group::Name, i, i + 1)));
        } else {
            split.push((group, first, end));
        }
    }
    let groups = split;
    let mut g = 0;
    let mut title = title;
    while g < groups.len() {
        let Some(&(group, first, end)) = groups.get(g) else { break };
        let next = groups.get(g + 1).copied();
        let adjacent = |n: Option<(Group, usize, usize)>| {
            n.filter(|n| toks.get(n.1).is_some_and(|t| t.flags & JOIN != 0))
        };
        let piece = match group {
            Group::Demonym => {
                // `Russian Foreign Ministry`: a demonym starting an organization stays.
                if let Some((Group::Name, _, n_end)) = adjacent(next) {
                    let keyword = name_last_class(tokens, first, n_end)
                        & (ORG_KW | EVENT_KW | OTHER_KW | PLACE_KW)
                        != 0;
                    if keyword && n_end - first <= max_name {
                        g += 2;
                        let piece = name_piece(tokens, first, n_end);
                        push(out, piece, title.take());
                        continue;
                    }
                }
                g += 1;
                title = None;
                continue;
            }
            Group::Gaz(id) => {
                let entry = gaz.entry(id);
                let single = end - first == 1;
                let first_name = single && toks.get(first).is_some_and(|t| t.is(FIRST_NAME));
                if let Some((Group::Name, n_first, n_end)) = adjacent(next) {
                    let class = name_last_class(tokens, n_first, n_end);
                    let keyword = class & (ORG_KW | PLACE_KW | EVENT_KW | OTHER_KW) != 0;
                    let not_person = entry.is_some_and(|e| e.kind != Kind::Person);
                    // `US Army`, `Atlantic Council`, `Iraq War`, `Kyiv Post`.
                    if keyword
                        && not_person
                        && n_end - n_first <= 3
                        && toks.get(n_first).is_some_and(|t| t.flags & HYPHEN == 0)
                    {
                        g += 2;
                        let piece = name_piece(tokens, first, n_end);
                        push(out, piece, title.take());
                        continue;
                    }
                    // `Jordan Peterson`, `Victoria Beckham`.
                    let next_first_name = toks.get(n_first).is_some_and(|t| t.is(FIRST_NAME));
                    if first_name
                        && !keyword
                        && n_end - n_first <= 2
                        && !next_first_name
                        && toks.get(n_first).is_some_and(|t| t.flags & HYPHEN == 0)
                    {
                        g += 2;
                        push(out, person_piece(tokens, first, n_end), title.take());
                        continue;
                    }
                }
                gaz_piece(tokens, id, first, end)
            }
            Group::Name => {
                // `George Washington`, `Michael Bloomberg`: first name + a one-word entry.
                if let Some((Group::Gaz(_), _, n_end)) = adjacent(next) {
                    let last_is_first_name = toks.get(end - 1).is_some_and(|t| t.is(FIRST_NAME));
                    let one_word = next.is_some_and(|n| n.2 - n.1 == 1);
                    if last_is_first_name && one_word && toks.get(end).is_some_and(|t| t.flags & HYPHEN == 0)
                    {
                        g += 2;
                        push(out, person_piece(tokens, first, n_end), title.take());
                        continue;
                    }
                }
                if end - first > max_name {
                    None
                } else {
                    name_piece(tokens, first, end)
                }
            }
        };
        push(out, piece, title.take());
        g += 1;
    }
}

/// Adds a piece, with the person cue of a preceding title phrase.
fn push(out: &mut Vec<Piece>, piece: Option<Piece>, title: Option<u64>) {
    let Some(mut piece) = piece else { return };
    if let Some(bits) = title {
        if piece.gaz.is_none() && piece.flags & COMPOUND == 0 {
            piece.ev[PERSON] += 4;
            piece.flags |= TITLE_CUE;
            piece.context |= bits;
        }
    }
    out.push(piece);
}

/// Cues from the words before a run.
#[derive(Debug, Default)]
struct Before {
    person: i16,
    place: i16,
    article: i16,
    event: i16,
    context: u64,
}

fn cue_before(tokens: &Tokens, start: usize) -> Before {
    let mut cues = Before::default();
    let Some(tok) = tokens.toks.get(start) else { return cues };
    if tok.flags & JOIN == 0 {
        return cues;
    }
    let Some(previous) = start.checked_sub(1).and_then(|p| tokens.toks.get(p)) else { return cues };
    if previous.flags & LOWER == 0 || previous.flags & POSS != 0 {
        return cues;
    }
    let norm = tokens.norm(start - 1);
    if previous.is(ROLE) {
        cues.person += 3;
        cues.context |= signature_bit(norm);
    }
    if previous.is(PLACE_PREP) {
        cues.place += 1;
    }
    if norm == "the" {
        cues.article += 1;
    }
    let session = |at: Option<usize>| at.is_some_and(|at| tokens.norm(at) == "session");
    if norm == "of" && session(start.checked_sub(2))
        || norm == "the" && tokens.norm(start.saturating_sub(2)) == "of" && session(start.checked_sub(3))
    {
        cues.event += 4;
    }
    cues
}

/// Cues from the words after a run (which ends before word `end`).
#[derive(Debug, Default)]
struct After {
    other: i16,
    place: i16,
    person: i16,
    /// End of a following `summit`.
    event: Option<u32>,
}

fn cue_after(tokens: &Tokens, end: usize) -> After {
    let mut cues = After::default();
    let toks = &tokens.toks;
    let Some(next) = toks.get(end) else { return cues };
    if next.flags & (JOIN | HYPHEN) == 0 || next.flags & LOWER == 0 {
        return cues;
    }
    if toks.get(end - 1).is_some_and(|t| t.flags & POSS != 0) {
        return cues;
    }
    if next.is(PLACE_CUE) {
        cues.place += 3;
    }
    if next.is(EVENT_CUE) && next.flags & JOIN != 0 {
        cues.event = Some(next.end);
    }
    if next.is(SAY) {
        cues.person += 1;
    }
    for i in end..end + 3 {
        let Some(t) = toks.get(i) else { break };
        if t.flags & LOWER == 0 || t.flags & (JOIN | HYPHEN) == 0 {
            break;
        }
        if t.is(OTHER_CUE) {
            cues.other += 3;
            break;
        }
        if t.flags & POSS != 0 || t.is(STOP) {
            break;
        }
    }
    cues
}

/// The sub-sequences of a headline piece that are known names (longest first), plus first
/// names before a known surname (`Betsy DeVos` when `DeVos` is known).
fn known_parts(tokens: &Tokens, piece: &Piece, known: &Known, out: &mut Vec<Piece>) {
    let toks = &tokens.toks;
    let first = piece.first as usize;
    let end = first + usize::from(piece.words);
    let mut key = String::new();
    let mut i = first;
    while i < end {
        let mut matched = None;
        for n in (1..=(end - i).min(MAX_NAME)).rev() {
            key.clear();
            for w in i..i + n {
                push_key_word(tokens, w, &mut key);
            }
            let found = known.get(key.as_str()).copied().or_else(|| {
                let all_first =
                    n >= 2 && (i..i + n - 1).all(|w| toks.get(w).is_some_and(|t| t.is(FIRST_NAME)));
                let mut surname = String::new();
                push_key_word(tokens, i + n - 1, &mut surname);
                if all_first {
                    known.get(surname.as_str()).copied()
                } else {
                    None
                }
            });
            if let Some(pending) = found {
                matched = Some((n, pending));
                break;
            }
        }
        let Some((n, pending)) = matched else {
            i += 1;
            continue;
        };
        if let Some(mut part) = name_piece(tokens, i, i + n) {
            part.flags |= HEADLINE | if pending { PENDING } else { 0 };
            part.flags &= !AMBIG_FIRST;
            if i == first {
                part.the_start = piece.the_start.filter(|_| n == 1);
            }
            if i == first && piece.flags & TITLE_CUE != 0 {
                part.flags |= TITLE_CUE;
                part.ev[PERSON] += 4;
                part.context |= piece.context;
            }
            out.push(part);
        }
        i += n;
    }
}

/// Words of "share" bars (`Send Facebook Twitter Google+ Whatsapp Tumblr … Permalink`).
const SHARE_WORDS: &[&str] = &[
    "send",
    "share",
    "facebook",
    "twitter",
    "google",
    "whatsapp",
    "tumblr",
    "linkedin",
    "stumble",
    "digg",
    "reddit",
    "newsvine",
    "permalink",
    "email",
    "messenger",
    "pinterest",
    "print",
    "telegram",
    "vk",
    "xing",
    "mail",
];

/// Marks runs of four or more share-bar words as skipped: links, not mentions.
fn skip_share_bars(tokens: &Tokens, skip: &mut [bool]) {
    let mut start = 0;
    for i in 0..=tokens.toks.len() {
        let share = i < tokens.toks.len() && SHARE_WORDS.contains(&tokens.norm(i));
        if share {
            continue;
        }
        if i - start >= 4 {
            for flag in skip.get_mut(start..i).unwrap_or_default() {
                *flag = true;
            }
        }
        start = i + 1;
    }
}

/// Word ranges of the lines of a field.
fn line_ranges(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, tok) in toks.iter().enumerate() {
        if tok.flags & LINE != 0 && i > start {
            lines.push((start, i));
            start = i;
        }
    }
    if start < toks.len() {
        lines.push((start, toks.len()));
    }
    lines
}

/// Number of boilerplate words starting line `first..end` (0 if none).
fn boilerplate(tokens: &Tokens, first: usize, end: usize) -> usize {
    for words in BOILERPLATE {
        let n = words.len();
        if first + n <= end && words.iter().enumerate().all(|(k, w)| tokens.norm(first + k) == *w) {
            let capitalized = tokens.toks.get(first).is_some_and(|t| t.flags & (CAP | UPPER) != 0);
            if capitalized {
                return n;
            }
        }
    }
    0
}

/// Whether a line is in capitals (at least three words, no lowercase word).
fn all_caps(toks: &[Tok], first: usize, end: usize) -> bool {
    let words = toks.get(first..end).unwrap_or_default();
    let upper = words.iter().filter(|t| t.flags & UPPER != 0).count();
    upper >= 3 && !words.iter().any(|t| t.flags & (LOWER | CAP) == LOWER)
}

/// Whether a line is in headline case: no sentence end, at least three content words, and
/// at least 80% of them capitalized.
fn headline_case(tokens: &Tokens, text: &str, first: usize, end: usize) -> bool {
    let toks = &tokens.toks;
    let Some(last) = end.checked_sub(1).and_then(|l| toks.get(l)) else { return false };
    let line_end = text.get(last.full_end as usize..).unwrap_or_default();
    let line_end =
        line_end.split('\n').next().unwrap_or_default().trim_end_matches(['"', '”', '’', '\'', ' ', ')']);
    if line_end.ends_with('.') || last.flags & ABBR_DOT != 0 {
        return false;
    }
    let mut content = 0;
    let mut capitalized = 0;
    for (i, tok) in toks.get(first..end).unwrap_or_default().iter().enumerate() {
        let function_word = if tok.flags & LOWER != 0 && tok.flags & CLASSED == 0 {
            words::class(tokens.norm(first + i)) & STOP != 0
        } else {
            tok.is(STOP)
        };
        if function_word && tok.flags & UPPER == 0 || tok.flags & (CAP | UPPER | LOWER) == 0 {
            continue;
        }
        content += 1;
        if tok.flags & (CAP | UPPER) != 0 {
            capitalized += 1;
        }
    }
    content >= 3 && capitalized * 5 >= content * 4
}
