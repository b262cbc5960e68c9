//! Native only: named-entity extraction at build time — people, organizations, places,
//! events, other named things, and dates — with their aliases and every mention.
//!
//! No model and no external data: a rule-based extractor built for news, linear in the size
//! of the corpus. [`Extractor::add`] reads one document at a time; [`Extractor::finish`]
//! merges what all documents said into entities.
//!
//! # Per document (`candidates.rs`, [`dates`])
//! 1. Words are tokenized with byte offsets (`tokens.rs`): possessives (`Trump’s`), acronyms
//!    (`U.S.`), abbreviations (`Gen.`, `Sept.`), hyphens (`Putin-Zelenskyy`) and sentence
//!    starts are recorded.
//! 2. Dates are found first ([`dates`]): explicit dates are normalized; days and months
//!    without a year, weekdays and `this month` are resolved against the document's own date
//!    (metadata, else its dateline) and skipped when it has none.
//! 3. Runs of capitalized words become candidates with cues (`candidates.rs`): the built-in
//!    gazetteer (`gazetteer.rs`); titles and roles, stripped from the name and marking it a
//!    person (`titles.rs`: `Interior Minister Ihor Klymenko` → `Ihor Klymenko`); demonyms,
//!    which are never places (`Ukrainian`); organization, place, event and other keywords
//!    (`Council`, `Forum`, `River`, `Summit`, `Agreement`); lowercase cue words (`envoy`,
//!    `initiative`, `region`, `summit`, `said`, `in`); first names (`words.rs`).
//! 4. Words that are capitalized only because they start a sentence are not names unless
//!    the corpus knows them as names; headline-case text (the title, `Also Read:` lines)
//!    only yields gazetteer entries and names known from the document's body; share bars
//!    (`Send Facebook Twitter … Permalink`) yield nothing.
//!
//! # Across documents (`merge.rs`)
//! - A surname alone (`Kellogg`) joins the full name (`Keith Kellogg`) of its document when
//!   that is the only person there with that surname, else the only such person in the
//!   corpus. When several people share it, only evidence decides: a title or role seen
//!   with one of them (`President Trump` → the `Donald Trump` seen with `President`), or,
//!   across the corpus, one of them holding 90% of the full-name mentions. Otherwise the
//!   bare surname stays an entity of its own (`Rutte`, between `Mark Rutte` and `Anna
//!   Rutte`): two people are never merged without evidence.
//! - Transliteration variants share a key (`Zelenskyy`, `Zelensky`, `Zelenskiy` →
//!   `zelensky`, see `keys.rs`); near variants (one edit) merge when the other name part is
//!   the same, or shared context (titles, co-occurring places) supports it.
//! - Abbreviations merge through the gazetteer (`US`, `U.S.`, `United States`; `UAE`,
//!   `United Arab Emirates`; `UN`, `U.N.`) or through initials within a document.
//! - The kind is the one with the most evidence over all mentions, strong cues (titles,
//!   roles, first names, keywords, gazetteer) outweighing weak ones (`said` after a name,
//!   `in` before it). Without a strong cue, a name is kept only if it looks like one: a
//!   multi-word name of words the corpus never writes in lowercase is a person, a single
//!   word capitalized more often than not and seen twice is an `Other` thing (or an
//!   organization if in capitals). Words the corpus mostly writes in lowercase are never
//!   single-word entities.
//! - The canonical name is the most complete form (most words, then most frequent), or
//!   the gazetteer's name.
//!
//! Choices: `Washington` is a place (also when it means the US government); `Kremlin`,
//! `White House` are organizations; forums are organizations (`Reagan National Defense
//! Forum`, as `Forum` is an organization keyword); `UN General Assembly` is an event (also
//! in `80th session of the UN General Assembly`); `X summit` is an event whose parts are
//! also mentioned (`US-Russia summit` → `US`, `Russia`); `Zaporizhzhia nuclear power plant`
//! mentions the place `Zaporizhzhia`; weapon systems and programmes are `Other` (`Patriot`,
//! `PURL`); a publication keeps its `The` (`The Gaze`); a keyword alone is no name (`the
//! Army`, `Parliament`: it would gather every country's).

mod candidates;
pub mod corrections;
pub mod dates;
mod gazetteer;
mod gazetteer_data;
mod keys;
mod merge;
mod titles;
mod tokens;
mod words;

#[cfg(test)]
mod tests;

pub use crate::format::entities::Kind;

use candidates::{Known, Mode, Piece, Scanner, AMBIG_FIRST, PENDING};
use keys::FastMap;
use merge::{Cand, DateCand};
use tokens::{CAP, HYPHEN, JOIN, LOWER, SENT, UPPER};

/// Which field of a document a mention is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The title.
    Title,
    /// The body text.
    Text,
}

/// One occurrence of an entity in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    /// Document ordinal (as given to [`Extractor::add`]).
    pub doc: u32,
    /// The field the mention is in.
    pub field: Field,
    /// Byte offset of the mention's start in that field.
    pub start: u32,
    /// Byte offset one past its end.
    pub end: u32,
}

/// An entity: one canonical name, its kind, the surface forms seen, and every mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name (the most complete form), or for dates the normalized value.
    pub name: String,
    /// The entity's kind.
    pub kind: Kind,
    /// Every distinct surface form seen (titles stripped), including `name` if it was seen;
    /// most frequent first, then in byte order.
    pub aliases: Vec<String>,
    /// Every mention, sorted.
    pub mentions: Vec<Mention>,
    /// How each mention is written: an index into `aliases`, parallel to `mentions`.
    pub forms: Vec<u32>,
}

/// How often a word was seen lowercase, and capitalized alone (not next to another
/// capitalized word) and not at a sentence start.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counts {
    /// Lowercase occurrences.
    pub lower: u32,
    /// Capitalized occurrences alone, not sentence-initial.
    pub capitalized: u32,
}

/// Collects candidate mentions document by document, then merges them into entities.
#[derive(Default)]
pub struct Extractor {
    scanner: Scanner,
    cands: Vec<Cand>,
    dates: Vec<DateCand>,
    /// Word counts, keyed by [`keys::word_hash`].
    vocabulary: FastMap<u64, Counts>,
    /// Number of [`Extractor::add`] calls so far (documents are grouped by call).
    calls: u32,
    pieces: Vec<Piece>,
    found: Vec<dates::Found>,
    lines: Vec<(usize, usize)>,
    known: Known,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("documents", &self.calls)
            .field("candidates", &self.cands.len())
            .field("dates", &self.dates.len())
            .finish_non_exhaustive()
    }
}

impl Extractor {
    /// An empty extractor.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Adds one document's candidate mentions. `date` is the document's `YYYY-MM-DD`
    /// metadata date; without it, a dateline at the start of `text` is used (see
    /// [`dates::dateline`]). Linear in the size of the document.
    pub fn add(&mut self, doc: u32, title: &str, text: &str, date: Option<&str>) {
        let call = self.calls;
        self.calls += 1;
        let own_date = dates::document_date(text, date).as_deref().and_then(dates::Day::parse);
        // Body text: running text first, then its headline-case lines against what it knows.
        self.pieces.clear();
        self.found.clear();
        self.lines.clear();
        self.scanner.field(text, Mode::Body, own_date, &mut self.found, &mut self.pieces, &mut self.lines);
        self.count_words();
        self.known.clear();
        for piece in self.pieces.iter().filter(|p| p.gaz.is_none()) {
            let pending = piece.flags & (PENDING | AMBIG_FIRST) != 0;
            remember(&mut self.known, &piece.key, pending);
            if piece.words > 1 {
                if let Some(surname) = merge::surname(&piece.key, piece.flags) {
                    remember(&mut self.known, surname, pending);
                }
            }
        }
        let lines = std::mem::take(&mut self.lines);
        self.scanner.headlines(text, &lines, &self.known, &mut self.pieces);
        self.lines = lines;
        self.collect(call, doc, Field::Text, text);
        // Title: headline case.
        self.pieces.clear();
        self.found.clear();
        self.lines.clear();
        self.scanner.field(
            title,
            Mode::Headline,
            own_date,
            &mut self.found,
            &mut self.pieces,
            &mut self.lines,
        );
        let lines = std::mem::take(&mut self.lines);
        self.scanner.headlines(title, &lines, &self.known, &mut self.pieces);
        self.lines = lines;
        self.collect(call, doc, Field::Title, title);
    }

    /// Moves the pieces and dates found in one field into the candidate lists.
    fn collect(&mut self, call: u32, doc: u32, field: Field, text: &str) {
        let text = tokens::clip(text);
        for piece in self.pieces.drain(..) {
            if let Some(cand) = Cand::new(call, doc, field, text, piece) {
                self.cands.push(cand);
            }
        }
        for found in self.found.drain(..) {
            if let Some(surface) = text.get(found.start as usize..found.end as usize) {
                let mention = Mention { doc, field, start: found.start, end: found.end };
                self.dates.push(DateCand { value: found.value, surface: surface.into(), mention });
            }
        }
    }

    /// Counts lowercase and capitalized (not sentence-initial) occurrences of the words of
    /// the field just scanned.
    fn count_words(&mut self) {
        let tokens = &self.scanner.tokens;
        let toks = &tokens.toks;
        let joined = |t: &tokens::Tok| t.flags & (JOIN | HYPHEN) != 0;
        for (i, tok) in toks.iter().enumerate() {
            let after_capital =
                joined(tok) && i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| p.capitalized());
            let before_capital = toks.get(i + 1).is_some_and(|n| joined(n) && n.capitalized());
            // Lowercase, but not the end of a hyphenated name (`Kim Jong-nam`).
            let lower = tok.flags & LOWER != 0 && !(after_capital && tok.flags & HYPHEN != 0);
            // Capitalized inside a sentence and alone: used as a one-word name.
            let alone = !after_capital && !before_capital;
            let capitalized = tok.flags & (CAP | UPPER) != 0 && tok.flags & SENT == 0 && alone;
            if !lower && !capitalized || tok.is(words::STOP) {
                continue;
            }
            // The commonest function words: their counts are never asked for (and the class
            // of a lowercase word far from capitals is not even looked up).
            let norm = tokens.norm(i);
            if norm.len() < 3 || norm.len() > 40 || lower && function_word(norm) {
                continue;
            }
            let bump = |counts: &mut Counts| {
                if lower {
                    counts.lower = counts.lower.saturating_add(1);
                } else {
                    counts.capitalized = counts.capitalized.saturating_add(1);
                }
            };
            bump(self.vocabulary.entry(keys::word_hash(norm)).or_default());
        }
    }

    /// Merges variants and returns the entities, sorted by kind, then name.
    pub fn finish(self) -> Vec<Entity> {
        merge::finish(self.cands, self.dates, &self.vocabulary)
    }
}

/// The commonest lowercase function words of news text (their counts are not kept: they
/// are common by definition).
pub(super) fn function_word(norm: &str) -> bool {
    matches!(
        norm,
        "the"
            | "and"
            | "for"
            | "was"
            | "but"
            | "are"
            | "has"
            | "had"
            | "not"
            | "you"
            | "his"
            | "her"
            | "its"
            | "our"
            | "who"
            | "she"
            | "him"
            | "they"
            | "that"
            | "with"
            | "from"
            | "have"
            | "been"
            | "this"
            | "were"
            | "said"
            | "will"
            | "would"
            | "their"
            | "which"
            | "about"
            | "also"
            | "more"
            | "than"
            | "there"
            | "when"
            | "what"
            | "into"
            | "after"
            | "other"
            | "some"
            | "could"
            | "them"
            | "these"
            | "over"
            | "only"
            | "can"
            | "all"
            | "one"
            | "two"
            | "out"
            | "new"
            | "year"
            | "years"
            | "says"
            | "just"
            | "being"
    )
}

/// Records a known name key (not pending wins over pending).
fn remember(known: &mut Known, key: &str, pending: bool) {
    match known.get_mut(key) {
        Some(was_pending) => *was_pending &= pending,
        None => {
            known.insert(key.to_string(), pending);
        }
    }
}
