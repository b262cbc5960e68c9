//! Variant merging: candidate mentions from every document → entities.
//!
//! In order, all through hash maps keyed by normalized names (no pairwise pass over the
//! corpus):
//! 1. Sentence-initial single words are kept only if the corpus knows them as names
//!    (`Kellogg’s visit` is, `Rescue workers` is not); a sentence-initial first word of a
//!    longer name is dropped when the corpus mostly writes it in lowercase.
//! 2. Within a document, a surname alone joins the document's one full name with that
//!    surname; with several, the one seen with the same title or role, else none (it is
//!    then ambiguous there). An acronym joins the one multi-word organization with those
//!    initials.
//! 3. Full names with the same key are one group; groups whose first names are equal and
//!    surnames one edit apart merge, as do groups whose surnames are equal and first names
//!    close (same initial, one or two edits) when their contexts overlap (co-occurring
//!    places, titles); `First Last` joins the only `First X Last`.
//! 4. Remaining single words join the only person in the corpus with that surname (or one
//!    edit from it, with shared context); with several, the one sharing its title or role,
//!    else the one with 90% of their mentions; else the only organization with those
//!    initials; else they form their own entity (a person, when it is a surname shared by
//!    several people).
//! 5. Each entity's kind is the one with the most evidence; entities without evidence are
//!    kept only if they look like names (a person-shaped multi-word name, or a word
//!    capitalized more often than not, seen twice).

use super::candidates::{
    Evidence, Piece, ACRONYM, AMBIG_FIRST, COMPOUND, FAMILY, HEADLINE, KINDS, NAME_SHAPE, PENDING, PERSON,
    TITLE_CUE,
};
use std::borrow::Cow;

use super::dates;
use super::gazetteer::gazetteer;
use super::keys::{deletions, parts_hash, within_distance, word_hash, FastMap, FastSet};
use super::words;
use super::{Counts, Entity, Field, Kind, Mention};

/// One candidate mention, as stored between [`super::Extractor::add`] and
/// [`super::Extractor::finish`].
#[derive(Debug, Clone)]
pub struct Cand {
    /// Ordinal of the `add` call (one per document).
    call: u32,
    mention: Mention,
    /// Start of the second word (absolute), for a sentence-initial first word.
    cut: u32,
    surface: Box<str>,
    key: Box<str>,
    key_cut: u32,
    /// Lookup forms of its words (multi-word names), space-separated.
    norms: Box<str>,
    gaz: Option<u32>,
    ev: Evidence,
    flags: u16,
    words: u16,
    context: u64,
    /// The capitalized `The` (and spaces) right before it, if any.
    the: Option<Box<str>>,
    /// Where in its field it stands: [`HEAD`], [`TAIL`] or neither.
    edge: u8,
}

/// A mention in the first [`HEAD_BYTES`] of a document's text (a dateline: `MOSCOW, March 3.
/// /TASS/.`).
const HEAD: u8 = 1;
/// A mention in the last [`TAIL_BYTES`] of a document's text (a source line: `Source: Al
/// Jazeera`, `(China Daily European Weekly 01/27/2017 page32)`).
const TAIL: u8 = 2;
const HEAD_BYTES: u32 = 48;
const TAIL_BYTES: u32 = 120;
/// A name written at the same edge of at least this many documents, and of at least half
/// the documents that write it, is that outlet's boilerplate there.
const BOILERPLATE_DOCS: u32 = 10;

impl Cand {
    /// The candidate for a piece of `text` (field `field` of document `doc`).
    pub fn new(call: u32, doc: u32, field: Field, text: &str, piece: Piece) -> Option<Cand> {
        let surface = text.get(piece.start as usize..piece.end as usize)?;
        if surface.trim().is_empty() || piece.key.is_empty() {
            return None;
        }
        let mut edge = 0;
        if field == Field::Text {
            let tail = u32::try_from(text.len()).unwrap_or(u32::MAX).saturating_sub(piece.end);
            if piece.start < HEAD_BYTES {
                edge |= HEAD;
            }
            if tail < TAIL_BYTES {
                edge |= TAIL;
            }
        }
        Some(Cand {
            edge,
            call,
            mention: Mention { doc, field, start: piece.start, end: piece.end },
            cut: piece.cut,
            surface: surface.into(),
            key: piece.key.into(),
            key_cut: u32::try_from(piece.key_cut).unwrap_or(0),
            norms: piece.norms.into(),
            gaz: piece.gaz,
            ev: piece.ev,
            flags: piece.flags,
            words: piece.words,
            context: piece.context,
            the: piece
                .the_start
                .and_then(|the| text.get(the as usize..piece.start as usize))
                .filter(|the| the.len() <= 8)
                .map(Into::into),
        })
    }

    /// Lookup form of its first word.
    fn first_norm(&self) -> &str {
        self.norms.split(' ').next().unwrap_or_default()
    }

    /// Drops the first word (a capitalized common word at a sentence start).
    fn cut_first(&mut self) {
        let offset = self.cut.saturating_sub(self.mention.start) as usize;
        let (Some(surface), Some(key)) = (self.surface.get(offset..), self.key.get(self.key_cut as usize..))
        else {
            return;
        };
        if offset == 0 || key.is_empty() || surface.is_empty() {
            return;
        }
        let keywords = words::ORG_KW | words::PLACE_KW | words::EVENT_KW | words::OTHER_KW;
        if self.words == 2 && words::class(self.norms.rsplit(' ').next().unwrap_or_default()) & keywords != 0
        {
            return;
        }
        self.surface = surface.into();
        self.key = key.into();
        self.norms = self.norms.split_once(' ').map_or("", |(_, rest)| rest).into();
        self.mention.start = self.cut;
        self.words = self.words.saturating_sub(1).max(1);
        self.flags &= !AMBIG_FIRST;
        if self.words == 1 {
            self.flags &= !super::candidates::NAME_SHAPE;
        }
    }
}

/// One date mention.
#[derive(Debug, Clone)]
pub struct DateCand {
    /// Its normalized value.
    pub value: dates::Value,
    /// The text as written.
    pub surface: Box<str>,
    /// Where it is.
    pub mention: Mention,
}

/// The surname in a name key: its last word (before a suffix like `jr`), or its first word
/// for family-first names (`xi jinping`).
pub fn surname(key: &str, flags: u16) -> Option<&str> {
    if flags & FAMILY != 0 {
        return key.split(' ').next();
    }
    let mut words = key.rsplit(' ');
    let last = words.next()?;
    if matches!(last, "jr" | "sr" | "i" | "iv") {
        return words.next().or(Some(last));
    }
    Some(last)
}

/// The surname with the particles before it, when it has some (`marine le pen` → `le pen`),
/// as long as a given name stays in front of them (`al gore` has none). The Arabic article
/// is left out: English writes `Assad` alone, but `Le Pen` whole.
pub fn particle_surname(key: &str, flags: u16) -> Option<&str> {
    let last = surname(key, flags)?;
    if flags & FAMILY != 0 {
        return None;
    }
    let offset = last.as_ptr() as usize - key.as_ptr() as usize;
    let mut start = offset;
    while start > 0 {
        let before = key.get(..start - 1)?;
        let Some(space) = before.rfind(' ') else { break };
        let word = before.get(space + 1..)?;
        if words::class(word) & words::PARTICLE == 0 || matches!(word, "al" | "el") {
            break;
        }
        start = space + 1;
    }
    (start < offset).then(|| key.get(start..offset + last.len())).flatten()
}

/// The given name in a person's name key: its first word, or its last for family-first
/// names (`xi jinping` → `jinping`).
fn given_name(key: &str, flags: u16) -> &str {
    if flags & FAMILY != 0 {
        key.rsplit(' ').next().unwrap_or_default()
    } else {
        key.split(' ').next().unwrap_or_default()
    }
}

/// A given name written alone, without a title: `Ivanka` may be Ivanka Trump, but `Prince
/// Harry` is not Harry Styles.
fn first_name_alone(c: &Cand) -> bool {
    c.words == 1 && c.flags & TITLE_CUE == 0 && words::class(c.first_norm()) & words::FIRST_NAME != 0
}

/// Evidence from a strong cue (a title, a role, a first name, a keyword) starts here; below
/// it, a kind is a guess (`said` after a name, `in` before it).
const STRONG: i16 = 3;

/// Acronyms that are words, not organizations.
const COMMON_ACRONYMS: &[&str] = &[
    "gdp", "dna", "gmt", "utc", "lgbt", "lgbtq", "lgbti", "ngo", "ngos", "est", "edt", "pst", "pdt", "cst",
    "cet", "aids", "hiv", "ceo", "ceos", "cfo", "coo", "suv", "suvs", "atm", "usb", "vip", "faq", "diy",
    "sms", "mps", "meps", "ufo", "ipo", "html", "pdf", "url", "app", "tv", "omg", "lol", "asap", "rip",
    "covid", "sars", "mers", "bbq", "diy", "phd", "mba", "pr", "nhs", "vat", "gps", "led", "lcd", "ied",
    "ieds", "rpg", "mri", "icu", "ptsd", "adhd", "std", "stds", "usd", "rmb", "eur", "gbp", "cny", "jpy",
    "bbb", "sim", "dvd", "aaa", "fdi",
];

/// Whether evidence leans to a person (or says nothing).
fn person_leaning(ev: &Evidence) -> bool {
    let person = ev[PERSON];
    ev.iter().skip(1).all(|&other| person >= other)
}

/// A signature bit for a gazetteer entry.
fn gaz_bit(id: u32) -> u64 {
    1u64 << (id.wrapping_mul(0x9e37_79b9) >> 26)
}

/// Initials of a multi-word key, ignoring function words (`islamic state of iraq and syria` → `isis`).
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "on" | "in"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Union-find over groups.
struct Groups {
    parent: Vec<usize>,
    members: Vec<Vec<u32>>,
    signature: Vec<u64>,
}

impl Groups {
    fn new_group(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.members.push(Vec::new());
        self.signature.push(0);
        self.parent.len() - 1
    }

    fn find(&mut self, mut g: usize) -> usize {
        while let Some(&p) = self.parent.get(g) {
            if p == g {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(g) {
                *slot = grand;
            }
            g = p;
        }
        g
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (keep, gone) = if a < b { (a, b) } else { (b, a) };
        if let Some(slot) = self.parent.get_mut(gone) {
            *slot = keep;
        }
        let signature = self.signature.get(gone).copied().unwrap_or(0);
        if let Some(slot) = self.signature.get_mut(keep) {
            *slot |= signature;
        }
    }

    fn add(&mut self, g: usize, cand: u32, signature: u64) {
        if let Some(members) = self.members.get_mut(g) {
            members.push(cand);
        }
        if let Some(slot) = self.signature.get_mut(g) {
            *slot |= signature;
        }
    }
}

/// Merges candidates into entities (see the module documentation).
pub fn finish(mut cands: Vec<Cand>, dates: Vec<DateCand>, vocabulary: &FastMap<u64, Counts>) -> Vec<Entity> {
    let counts = |word: &str| vocabulary.get(&word_hash(word)).copied().unwrap_or_default();
    // A word written in lowercase at least as often as capitalized inside sentences.
    let common = |word: &str| {
        let c = counts(word);
        super::function_word(word) || c.lower > 0 && c.lower >= c.capitalized
    };

    // Words (almost) never written in lowercase in the corpus, particles aside: one stray
    // lowercase `zhang` in an e-mail address does not make `Zhang` a common word.
    let never_lower = |norms: &str| {
        !norms.is_empty()
            && norms.split(' ').all(|w| {
                let c = counts(w);
                words::class(w) & words::PARTICLE != 0
                    || c.lower == 0
                    || c.lower.saturating_mul(5) < c.capitalized
            })
    };
    // Surely a person's name: a strong person cue, or a person-shaped name of words that
    // are never written in lowercase.
    let person_like = |c: &Cand| {
        c.gaz.is_none()
            && c.flags & COMPOUND == 0
            && person_leaning(&c.ev)
            && (c.ev[PERSON] >= STRONG || (c.flags & NAME_SHAPE != 0 && never_lower(&c.norms)))
    };

    // 0. Outlet boilerplate: a name (not a place: datelines name where the story is) that
    //    most of its documents write at the same edge of the text is dropped there; a
    //    person is not (a corpus of stories about one man names him first).
    let mut alive = vec![true; cands.len()];
    drop_boilerplate(&cands, &person_like, &mut alive);

    // 1. Names the corpus knows; sentence-initial words confirmed or cut.
    let mut known: FastSet<u64> = FastSet::default();
    for (cand, _) in cands
        .iter()
        .zip(&alive)
        .filter(|(c, &alive)| alive && c.gaz.is_none() && c.flags & (PENDING | AMBIG_FIRST | HEADLINE) == 0)
    {
        known.insert(word_hash(&cand.key));
        if cand.words > 1 && cand.flags & COMPOUND == 0 {
            if let Some(last) = surname(&cand.key, cand.flags) {
                known.insert(word_hash(last));
            }
            // `Ivanka said` at a sentence start, after `Ivanka Trump`.
            if person_like(cand) {
                known.insert(word_hash(given_name(&cand.key, cand.flags)));
            }
        }
    }
    for (cand, alive) in cands.iter_mut().zip(alive.iter_mut()) {
        if cand.flags & PENDING != 0 && (!known.contains(&word_hash(&cand.key)) || common(cand.first_norm()))
        {
            *alive = false;
        }
        if cand.flags & AMBIG_FIRST != 0 {
            if known.contains(&word_hash(&cand.key)) || !common(cand.first_norm()) {
                cand.flags &= !AMBIG_FIRST;
            } else {
                cand.cut_first();
            }
        }
    }
    drop(known);

    // Surnames with particles that full names use (`le pen` of `Marine Le Pen`): written
    // alone, they are a surname (`Le Pen said`), not a name of their own.
    let particle_surnames: FastSet<u64> = cands
        .iter()
        .zip(&alive)
        .filter(|(c, &alive)| alive && c.words >= 3 && person_like(c))
        .filter_map(|(c, _)| particle_surname(&c.key, c.flags))
        .map(word_hash)
        .collect();
    let surname_form =
        |c: &Cand| c.words == 1 || c.words == 2 && particle_surnames.contains(&word_hash(&c.key));

    // 2. Per document: signatures, surnames and acronyms linked to full names.
    let n = cands.len();
    let mut link: Vec<Option<u32>> = vec![None; n];
    let mut ambiguous = vec![false; n];
    let mut among: FastMap<usize, Vec<(u32, u32)>> = FastMap::default();
    let mut call_signature: FastMap<u32, u64> = FastMap::default();
    let mut acronym_links: Vec<(Box<str>, u32)> = Vec::new();
    let mut start = 0;
    while start < n {
        let call = cands.get(start).map_or(0, |c| c.call);
        let mut end = start;
        while cands.get(end).is_some_and(|c| c.call == call) {
            end += 1;
        }
        let range = start..end;
        let mut signature = 0u64;
        // Surname → the full names with it in this document (one candidate each, with the
        // titles and roles seen with that name here).
        let mut people: FastMap<&str, Vec<(u32, u64, u32)>> = FastMap::default();
        let mut acronyms: FastMap<String, (u32, bool)> = FastMap::default();
        // Given name → the full names with it here (`Ivanka` after `Ivanka Trump`).
        let mut given: FastMap<&str, Vec<u32>> = FastMap::default();
        for i in range.clone() {
            let Some(cand) = cands.get(i).filter(|_| alive.get(i).copied().unwrap_or(false)) else {
                continue;
            };
            if let Some(id) = cand.gaz {
                signature |= gaz_bit(id);
                continue;
            }
            if surname_form(cand) {
                continue;
            }
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            if person_like(cand) {
                let first = given_name(&cand.key, cand.flags);
                let names = given.entry(first).or_default();
                if !names.iter().any(|&n| cands.get(n as usize).is_some_and(|o| o.key == cand.key)) {
                    names.push(index);
                }
                let lasts = [surname(&cand.key, cand.flags), particle_surname(&cand.key, cand.flags)];
                for last in lasts.into_iter().flatten() {
                    let names = people.entry(last).or_default();
                    let same = names
                        .iter_mut()
                        .find(|(n, _, _)| cands.get(*n as usize).is_some_and(|o| o.key == cand.key));
                    match same {
                        Some(name) => {
                            name.1 |= cand.context;
                            name.2 += 1;
                        }
                        None => names.push((index, cand.context, 1)),
                    }
                }
            } else if cand.key.contains(' ') {
                let letters = initials(&cand.key);
                if letters.chars().count() >= 2 {
                    let entry = acronyms.entry(letters).or_insert((index, false));
                    if cands.get(entry.0 as usize).is_some_and(|other| other.key != cand.key) {
                        entry.1 = true;
                    }
                }
            }
        }
        call_signature.insert(call, signature);
        for i in range {
            let Some(cand) = cands.get(i).filter(|_| alive.get(i).copied().unwrap_or(false)) else {
                continue;
            };
            if cand.gaz.is_some() || !surname_form(cand) {
                continue;
            }
            if let Some(names) = people.get(&*cand.key) {
                // Several people here share the surname: only a shared title or role
                // (`President Trump` after `President Donald Trump`) tells which.
                let sharing: Vec<u32> = if cand.context == 0 {
                    Vec::new()
                } else {
                    names.iter().filter(|(_, context, _)| context & cand.context != 0).map(|n| n.0).collect()
                };
                let full = match (names.as_slice(), sharing.as_slice()) {
                    ([(only, _, _)], _) | (_, [only]) => Some(*only),
                    _ => None,
                };
                match full {
                    Some(full) => {
                        if let Some(slot) = link.get_mut(i) {
                            *slot = Some(full);
                        }
                    }
                    None => {
                        if let Some(slot) = ambiguous.get_mut(i) {
                            *slot = true;
                        }
                        // Left to the corpus (step 4): the full names here, with how often
                        // each is written here.
                        among.insert(i, names.iter().map(|n| (n.0, n.2)).collect());
                    }
                }
                continue;
            }
            if first_name_alone(cand) {
                if let Some(&[full]) = given.get(&*cand.key).map(Vec::as_slice) {
                    if let Some(slot) = link.get_mut(i) {
                        *slot = Some(full);
                    }
                }
                continue;
            }
            if cand.flags & ACRONYM != 0 {
                if let Some(&(full, false)) = acronyms.get(cand.first_norm()) {
                    if let Some(slot) = link.get_mut(i) {
                        *slot = Some(full);
                    }
                    acronym_links.push((cand.first_norm().into(), full));
                }
            }
        }
        start = end;
    }

    // 3. Groups: gazetteer entries, full names, linked surnames.
    let mut groups = Groups { parent: Vec::new(), members: Vec::new(), signature: Vec::new() };
    let mut by_gaz: FastMap<u32, usize> = FastMap::default();
    let mut by_key: FastMap<Box<str>, usize> = FastMap::default();
    let mut singles: Vec<usize> = Vec::new();
    for i in 0..n {
        let Some(cand) = cands.get(i).filter(|_| alive.get(i).copied().unwrap_or(false)) else { continue };
        let signature = call_signature.get(&cand.call).copied().unwrap_or(0) | cand.context;
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let group = if let Some(id) = cand.gaz {
            *by_gaz.entry(id).or_insert_with(|| groups.new_group())
        } else if !surname_form(cand) {
            key_group(&mut groups, &mut by_key, &cand.key)
        } else if let Some(full) = link.get(i).copied().flatten() {
            let key = cands.get(full as usize).map_or(&cand.key, |f| &f.key);
            key_group(&mut groups, &mut by_key, key)
        } else {
            singles.push(i);
            continue;
        };
        groups.add(group, index, signature);
    }

    // Summed evidence of a group's own members.
    let group_evidence = |groups: &Groups, g: usize| -> Evidence {
        let mut ev = [0i16; 5];
        for &m in groups.members.get(g).map(Vec::as_slice).unwrap_or_default() {
            if let Some(c) = cands.get(m as usize) {
                for (sum, value) in ev.iter_mut().zip(c.ev) {
                    *sum = sum.saturating_add(value);
                }
            }
        }
        ev
    };

    // 3b. Variant merging among multi-word person names.
    struct Name<'a> {
        group: usize,
        first: &'a str,
        last: &'a str,
        words: usize,
        /// `Jr`, `Sr`, `II`: a son or father, never the same person as the name without.
        suffix: bool,
        /// The surname with its particles (`le pen`), if it has some.
        particle: Option<&'a str>,
    }
    let mut names: Vec<Name> = Vec::new();
    let mut key_groups: Vec<usize> = by_key.values().copied().collect();
    key_groups.sort_unstable();
    for group in key_groups {
        let Some(first_member) =
            groups.members.get(group).and_then(|m| m.first()).and_then(|&m| cands.get(m as usize))
        else {
            continue;
        };
        let key: &str = &first_member.key;
        let members = groups.members.get(group).map(Vec::as_slice).unwrap_or_default();
        let any_person = members.iter().filter_map(|&m| cands.get(m as usize)).any(&person_like);
        if first_member.words < 2 || !any_person || !person_leaning(&group_evidence(&groups, group)) {
            continue;
        }
        let words = key.split(' ').count();
        let first = key.split(' ').next().unwrap_or_default();
        let last = surname(key, first_member.flags).unwrap_or_default();
        let first =
            if first_member.flags & FAMILY != 0 { key.rsplit(' ').next().unwrap_or_default() } else { first };
        let suffix = matches!(key.rsplit(' ').next(), Some("jr" | "sr" | "ii" | "iii" | "iv"));
        let particle = particle_surname(key, first_member.flags);
        names.push(Name { group, first, last, words, suffix, particle });
    }
    names.sort_by_key(|name| name.group);
    // Same first name, surnames one edit apart.
    // Keyed by a hash of (first name, surname variant, words): a collision only costs a check.
    let mut by_first_variant: FastMap<u64, Vec<usize>> = FastMap::default();
    let variant_key = |first: &str, variant: &str, words: usize| {
        let words = match words {
            2 => "2",
            3 => "3",
            4 => "4",
            _ => "n",
        };
        parts_hash(&[first, variant, words])
    };
    for (i, name) in names.iter().enumerate() {
        if name.last.chars().count() >= 5 {
            by_first_variant.entry(variant_key(name.first, name.last, name.words)).or_default().push(i);
            for variant in deletions(name.last) {
                by_first_variant.entry(variant_key(name.first, &variant, name.words)).or_default().push(i);
            }
        }
    }
    let mut bucket_keys: Vec<_> = by_first_variant.keys().cloned().collect();
    bucket_keys.sort();
    for bucket_key in &bucket_keys {
        let bucket = by_first_variant.get(bucket_key).map(Vec::as_slice).unwrap_or_default();
        for (x, &a) in bucket.iter().enumerate().take(16) {
            for &b in bucket.iter().skip(x + 1).take(16) {
                if let (Some(na), Some(nb)) = (names.get(a), names.get(b)) {
                    if na.first == nb.first
                        && na.last != nb.last
                        && na.suffix == nb.suffix
                        && within_distance(na.last, nb.last, 1)
                    {
                        groups.union(na.group, nb.group);
                    }
                }
            }
        }
    }
    // Same surname, close first names, shared context.
    let mut by_last: FastMap<(&str, usize), Vec<usize>> = FastMap::default();
    for (i, name) in names.iter().enumerate() {
        by_last.entry((name.last, name.words)).or_default().push(i);
    }
    let mut last_keys: Vec<_> = by_last.keys().copied().collect();
    last_keys.sort();
    for last_key in &last_keys {
        let bucket = by_last.get(last_key).map(Vec::as_slice).unwrap_or_default();
        for (x, &a) in bucket.iter().enumerate().take(32) {
            for &b in bucket.iter().skip(x + 1).take(32) {
                let (Some(na), Some(nb)) = (names.get(a), names.get(b)) else { continue };
                if na.first == nb.first || na.words != 2 || na.suffix != nb.suffix {
                    continue;
                }
                let shortest = na.first.chars().count().min(nb.first.chars().count());
                let same_initial = na.first.chars().next() == nb.first.chars().next();
                let distance = if shortest >= 7 { 2 } else { 1 };
                let sa = groups.signature.get(na.group).copied().unwrap_or(0);
                let sb = groups.signature.get(nb.group).copied().unwrap_or(0);
                let shared = (sa & sb).count_ones();
                // `Steve Bannon` = `Stephen Bannon`: a short form of the same given name.
                let nickname = words::given_name_root(na.first) == words::given_name_root(nb.first);
                if nickname && shared >= 1
                    || same_initial
                        && shortest >= 5
                        && within_distance(na.first, nb.first, distance)
                        && shared >= 2
                {
                    groups.union(na.group, nb.group);
                }
            }
        }
    }
    // `First Middle Last` with middle names one edit apart (`Recep Tayyep Erdogan`), not
    // initials (`George W. Bush` is not `George H. Bush`).
    let mut by_ends: FastMap<(&str, &str), Vec<usize>> = FastMap::default();
    for (i, name) in names.iter().enumerate().filter(|(_, name)| name.words == 3 && !name.suffix) {
        by_ends.entry((name.first, name.last)).or_default().push(i);
    }
    let middle = |i: usize| {
        let group = names.get(i).map_or(0, |name| name.group);
        groups.members.get(group).and_then(|m| m.first()).and_then(|&m| cands.get(m as usize)).and_then(|c| {
            let mut words = c.key.split(' ');
            words.nth(1)
        })
    };
    let mut unions: Vec<(usize, usize)> = Vec::new();
    let mut ends_keys: Vec<_> = by_ends.keys().copied().collect();
    ends_keys.sort();
    for ends in &ends_keys {
        let bucket = by_ends.get(ends).map(Vec::as_slice).unwrap_or_default();
        for (x, &a) in bucket.iter().enumerate().take(16) {
            for &b in bucket.iter().skip(x + 1).take(16) {
                let (Some(ma), Some(mb)) = (middle(a), middle(b)) else { continue };
                if ma.chars().count().min(mb.chars().count()) >= 4 && within_distance(ma, mb, 1) {
                    unions.extend(names.get(a).zip(names.get(b)).map(|(na, nb)| (na.group, nb.group)));
                }
            }
        }
    }
    for (a, b) in unions {
        groups.union(a, b);
    }
    // `First Last` joins the only `First X Last` (`Jim Mattis` that of `James Norman Mattis`).
    let mut three: FastMap<(&str, &str), Vec<usize>> = FastMap::default();
    for name in names.iter().filter(|name| name.words == 3 && !name.suffix) {
        three.entry((words::given_name_root(name.first), name.last)).or_default().push(name.group);
    }
    for name in names.iter().filter(|name| name.words == 2 && !name.suffix) {
        if let Some(longer) = three.get(&(words::given_name_root(name.first), name.last)) {
            let mut roots: Vec<usize> = longer.iter().map(|&g| groups.find(g)).collect();
            roots.sort_unstable();
            roots.dedup();
            if let [only] = roots.as_slice() {
                groups.union(name.group, *only);
            }
        }
    }

    // 4. Single words: the corpus's only person with that surname, or organization with
    //    those initials, else their own entity.
    let mut by_surname: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut fuzzy: FastMap<u64, Vec<usize>> = FastMap::default();
    for name in &names {
        let root = groups.find(name.group);
        by_surname.entry(name.last).or_default().push(root);
        if let Some(particle) = name.particle {
            by_surname.entry(particle).or_default().push(root);
        }
        if name.last.chars().count() >= 6 {
            for variant in deletions(name.last) {
                fuzzy.entry(word_hash(&variant)).or_default().push(root);
            }
            fuzzy.entry(word_hash(name.last)).or_default().push(root);
        }
    }
    // Given name → the people with it (one root each).
    let mut by_given: FastMap<&str, Vec<usize>> = FastMap::default();
    for name in &names {
        by_given.entry(name.first).or_default().push(groups.find(name.group));
    }
    for roots in by_surname.values_mut().chain(fuzzy.values_mut()).chain(by_given.values_mut()) {
        roots.sort_unstable();
        roots.dedup();
    }
    let mut acronym_roots: FastMap<&str, Vec<usize>> = FastMap::default();
    for (acronym, full) in &acronym_links {
        if let Some(key) = cands.get(*full as usize).map(|c| &c.key) {
            if let Some(&g) = by_key.get(key) {
                let root = groups.find(g);
                acronym_roots.entry(acronym).or_default().push(root);
            }
        }
    }
    for roots in acronym_roots.values_mut() {
        roots.sort_unstable();
        roots.dedup();
    }
    // An acronym written without its expansion takes it only where the corpus writes them
    // together often enough: `GDP` beside `GENIVI Development Platform` in one document
    // and alone in 69 others is someone else (gross domestic product).
    let mut acronym_docs: FastMap<&str, (u32, u32, u32)> = FastMap::default();
    for (i, cand) in cands.iter().enumerate() {
        if cand.flags & ACRONYM == 0 || !alive.get(i).copied().unwrap_or(false) {
            continue;
        }
        let (linked, alone, last_call) = acronym_docs.entry(cand.first_norm()).or_insert((0, 0, u32::MAX));
        if *last_call != cand.call {
            *last_call = cand.call;
            match link.get(i).copied().flatten() {
                Some(_) => *linked += 1,
                None => *alone += 1,
            }
        }
    }
    let expansion_owns = |acronym: &str| {
        let (linked, alone, _) = acronym_docs.get(acronym).copied().unwrap_or_default();
        !COMMON_ACRONYMS.contains(&acronym) && linked > 0 && alone <= 2 * linked + 1
    };
    // For each person root: how many mentions it has, and the titles and roles seen with it.
    let mut roots_seen: FastMap<usize, (usize, u64)> = FastMap::default();
    for name in &names {
        let root = groups.find(name.group);
        let members = groups.members.get(name.group).map(Vec::as_slice).unwrap_or_default();
        let entry = roots_seen.entry(root).or_default();
        entry.0 += members.len();
        for cand in members.iter().filter_map(|&m| cands.get(m as usize)) {
            entry.1 |= cand.context;
        }
    }
    let mut shared_surname: FastSet<usize> = FastSet::default();
    let surname_of_root: FastMap<usize, &str> =
        names.iter().map(|name| (groups.find(name.group), name.last)).collect();
    for &i in &singles {
        let Some(cand) = cands.get(i) else { continue };
        let signature = call_signature.get(&cand.call).copied().unwrap_or(0) | cand.context;
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let unique = |roots: Option<&Vec<usize>>| match roots.map(Vec::as_slice) {
            Some([only]) => Some(*only),
            _ => None,
        };
        let mut target = None;
        if let Some(names_here) = among.get(&i) {
            target = dominant_here(names_here, cand.context, &cands, &by_key, &mut groups, &roots_seen);
        } else if !ambiguous.get(i).copied().unwrap_or(false)
            && (cand.words > 1 || !common(cand.first_norm()))
        {
            let exact = by_surname.get(&*cand.key);
            target =
                unique(exact).or_else(|| exact.and_then(|roots| resolve(roots, cand.context, &roots_seen)));
            if target.is_none() && exact.is_none() && cand.key.chars().count() >= 6 {
                let mut found: Vec<usize> = Vec::new();
                for variant in std::iter::once(cand.key.to_string()).chain(deletions(&cand.key)) {
                    for &root in fuzzy.get(&word_hash(&variant)).map(Vec::as_slice).unwrap_or_default() {
                        let root = groups.find(root);
                        let close = surname_of_root
                            .get(&root)
                            .is_some_and(|last| within_distance(last, &cand.key, 1));
                        let context = groups.signature.get(root).copied().unwrap_or(0) & signature;
                        if close && context.count_ones() >= 2 && !found.contains(&root) {
                            found.push(root);
                        }
                    }
                }
                if let [only] = found.as_slice() {
                    target = Some(*only);
                }
            }
            if target.is_none() && cand.flags & ACRONYM != 0 && expansion_owns(cand.first_norm()) {
                target = unique(acronym_roots.get(cand.first_norm()));
            }
            if target.is_none() && first_name_alone(cand) {
                target = unique(by_given.get(&*cand.key));
            }
        }
        let ambiguous_person = ambiguous.get(i).copied().unwrap_or(false)
            || by_surname.get(&*cand.key).is_some_and(|roots| roots.len() > 1) && target.is_none();
        let group = match target {
            Some(root) => root,
            // Short words are kept apart by spelling (`God` is not `Good`), long ones by
            // their transliteration key (`Zelenskiy` = `Zelensky`).
            None if cand.key.chars().count() < 6 => {
                key_group(&mut groups, &mut by_key, &format!("={}", cand.first_norm()))
            }
            None => key_group(&mut groups, &mut by_key, &cand.key),
        };
        if ambiguous_person && target.is_none() {
            // The surname of several people: surely a person, though which one is unknown.
            shared_surname.insert(group);
        }
        groups.add(group, index, signature);
    }

    // 5. Entities.
    let mut members_of: FastMap<usize, Vec<u32>> = FastMap::default();
    for g in 0..groups.parent.len() {
        let root = groups.find(g);
        let members = groups.members.get(g).cloned().unwrap_or_default();
        members_of.entry(root).or_default().extend(members);
    }
    let mut roots: Vec<usize> = members_of.keys().copied().collect();
    roots.sort_unstable();
    let mut entities = Vec::new();
    for root in roots {
        let Some(members) = members_of.get(&root) else { continue };
        let shared = shared_surname.contains(&root);
        if let Some(entity) = entity(&cands, members, shared, &common, &never_lower) {
            entities.push(entity);
        }
    }
    entities.extend(date_entities(dates));
    entities
        .sort_by(|a, b| (a.kind, &a.name, a.mentions.first()).cmp(&(b.kind, &b.name, b.mentions.first())));
    entities
}

/// The person a bare surname refers to among several `roots` sharing it, if the evidence
/// says: the only one seen with the same title or role (`President Trump`), else the one
/// with at least 90% of their mentions.
fn resolve(roots: &[usize], context: u64, seen: &FastMap<usize, (usize, u64)>) -> Option<usize> {
    let size = |root: &usize| seen.get(root).map_or(0, |s| s.0);
    let titles = |root: &usize| seen.get(root).map_or(0, |s| s.1);
    if context != 0 {
        let sharing: Vec<usize> = roots.iter().copied().filter(|r| titles(r) & context != 0).collect();
        if let [only] = sharing.as_slice() {
            return Some(*only);
        }
    }
    let total: usize = roots.iter().map(size).sum();
    let best = roots.iter().copied().max_by_key(|r| (size(r), std::cmp::Reverse(*r)))?;
    (size(&best) * 10 >= total * 9).then_some(best)
}

/// Marks dead the mentions of outlet boilerplate (see step 0 of [`finish`]).
fn drop_boilerplate(cands: &[Cand], person_like: &dyn Fn(&Cand) -> bool, alive: &mut [bool]) {
    // Per name: documents writing it, at the head, at the tail (each document once).
    let mut seen: FastMap<u64, [u32; 3]> = FastMap::default();
    let mut last: FastMap<u64, (u32, u8)> = FastMap::default();
    let is_place =
        |c: &Cand| c.gaz.and_then(|id| gazetteer().entry(id)).is_some_and(|e| e.kind == Kind::Place);
    let surnames: FastSet<u64> = cands
        .iter()
        .filter(|c| c.words > 1 && person_like(c))
        .filter_map(|c| surname(&c.key, c.flags))
        .map(word_hash)
        .collect();
    let person = |c: &Cand| person_like(c) || c.words == 1 && surnames.contains(&word_hash(&c.key));
    for cand in cands.iter().filter(|c| !is_place(c) && !person(c)) {
        let key = word_hash(&cand.key);
        let (call, edges) = last.entry(key).or_insert((u32::MAX, 0));
        let counts = seen.entry(key).or_default();
        if *call != cand.call {
            *call = cand.call;
            *edges = 0;
            counts[0] += 1;
        }
        for (bit, slot) in [(HEAD, 1), (TAIL, 2)] {
            if cand.edge & bit != 0 && *edges & bit == 0 {
                *edges |= bit;
                counts[slot] += 1;
            }
        }
    }
    let boilerplate = |docs: u32, at_edge: u32| at_edge >= BOILERPLATE_DOCS && at_edge * 2 >= docs;
    for (cand, alive) in cands.iter().zip(alive.iter_mut()) {
        let Some(&[docs, head, tail]) = seen.get(&word_hash(&cand.key)) else { continue };
        if cand.edge & HEAD != 0 && boilerplate(docs, head)
            || cand.edge & TAIL != 0 && boilerplate(docs, tail)
        {
            *alive = false;
        }
    }
}

/// The person a bare surname refers to in a document that writes several full names with
/// it (`Trump` beside `Donald Trump` and `Ivanka Trump`), when the shared title or role did
/// not tell: the one the corpus mostly means ([`resolve`]), unless another of them is written
/// out more often in this very document (an article about Ivanka Trump).
fn dominant_here(
    names_here: &[(u32, u32)],
    context: u64,
    cands: &[Cand],
    by_key: &FastMap<Box<str>, usize>,
    groups: &mut Groups,
    seen: &FastMap<usize, (usize, u64)>,
) -> Option<usize> {
    let mut roots: Vec<(usize, u32)> = Vec::new();
    for &(full, count) in names_here {
        let Some(&g) = cands.get(full as usize).and_then(|c| by_key.get(&c.key)) else { continue };
        let root = groups.find(g);
        match roots.iter_mut().find(|(r, _)| *r == root) {
            Some(slot) => slot.1 += count,
            None => roots.push((root, count)),
        }
    }
    let ids: Vec<usize> = roots.iter().map(|r| r.0).collect();
    let best = resolve(&ids, context, seen)?;
    let here = |root: usize| roots.iter().find(|r| r.0 == root).map_or(0, |r| r.1);
    roots.iter().all(|&(root, count)| root == best || count <= here(best)).then_some(best)
}

/// The group of a name key (created on first use).
fn key_group(groups: &mut Groups, by_key: &mut FastMap<Box<str>, usize>, key: &str) -> usize {
    if let Some(&g) = by_key.get(key) {
        return g;
    }
    let g = groups.new_group();
    by_key.insert(key.into(), g);
    g
}

/// One entity from its members, or `None` if it does not look like one.
fn entity(
    cands: &[Cand],
    members: &[u32],
    shared_surname: bool,
    common: &dyn Fn(&str) -> bool,
    never_lower: &dyn Fn(&str) -> bool,
) -> Option<Entity> {
    let members: Vec<&Cand> = members.iter().filter_map(|&m| cands.get(m as usize)).collect();
    let first = members.first()?;
    // Strong cues decide; weak ones (`said`, `in`) only when there is no strong one.
    let mut strong_ev = [0i16; 5];
    let mut weak_ev = [0i16; 5];
    for cand in &members {
        let own = cand.ev.iter().copied().max().unwrap_or(0);
        let sums = if own >= STRONG { &mut strong_ev } else { &mut weak_ev };
        for (sum, value) in sums.iter_mut().zip(cand.ev) {
            *sum = sum.saturating_add(value);
        }
    }
    let strong = strong_ev.iter().any(|&v| v > 0);
    let strong_members = members.iter().filter(|c| c.ev.iter().any(|&v| v >= STRONG)).count();
    // A first name alone is a person only with a title (`Pope Francis`, `Prince George`).
    let first_name = words::class(first.first_norm()) & words::FIRST_NAME != 0;
    let titled = members.iter().any(|c| c.flags & TITLE_CUE != 0);
    let ev = if strong { strong_ev } else { weak_ev };
    let gaz = members.iter().find_map(|c| c.gaz).and_then(|id| gazetteer().entry(id));
    let max_words = members.iter().map(|c| c.words).max().unwrap_or(1);
    let body = members.iter().filter(|c| c.flags & HEADLINE == 0).count();
    let best = ev.iter().copied().max().unwrap_or(0);
    let position = ev.iter().position(|&v| v == best).unwrap_or(PERSON);
    let leading = KINDS.get(position).copied().unwrap_or(Kind::Other);
    // A title or a role alone is not a name (`ATTACKER:` in a table, `Minister`).
    if gaz.is_none() && max_words == 1 && words::class(first.first_norm()) & (words::ROLE | words::TITLE) != 0
    {
        return None;
    }
    // Two capitals are too ambiguous to be a name (`S.C.`, `AM`).
    let acronym = members.iter().all(|c| c.flags & ACRONYM != 0);
    if gaz.is_none() && max_words == 1 && acronym && first.first_norm().chars().count() < 3 {
        return None;
    }
    let kind = if let Some(entry) = gaz {
        entry.kind
    } else if body == 0 {
        return None;
    } else if shared_surname && max_words == 1 && !common(first.first_norm()) {
        Kind::Person
    } else if max_words > 1 {
        let shaped =
            members.iter().any(|c| c.flags & (NAME_SHAPE | HEADLINE) == NAME_SHAPE && never_lower(&c.norms));
        if strong {
            leading
        } else if shaped {
            Kind::Person
        } else if best > 0 && body >= 2 && !common(first.first_norm()) && leading != Kind::Person {
            leading
        } else {
            return None;
        }
    } else if strong && !common(first.first_norm()) && strong_members > body / 8 && (!first_name || titled) {
        leading
    } else if members.len() >= 2 && !common(first.first_norm()) {
        let acronyms = members.iter().filter(|c| c.flags & ACRONYM != 0).count();
        if acronyms * 2 >= members.len() {
            let letters = first.first_norm().chars().count();
            if letters < 3 || COMMON_ACRONYMS.contains(&first.first_norm()) {
                return None;
            }
            Kind::Organization
        } else if best > 0 && leading != Kind::Person {
            leading
        } else {
            Kind::Other
        }
    } else {
        return None;
    };
    // A single-word organization or thing keeps its `The` (`The Gaze`).
    let with_article = members.iter().filter(|c| c.the.is_some()).count();
    let keep_the = max_words == 1
        && matches!(kind, Kind::Organization | Kind::Other)
        && with_article * 2 >= members.len();
    // Surface forms, most frequent first.
    let mut forms: FastMap<Cow<'_, str>, (usize, usize, u16)> = FastMap::default();
    let mut written: Vec<(Mention, Cow<'_, str>)> = Vec::with_capacity(members.len());
    for cand in &members {
        let (mention, surface, words) = with_the(cand, keep_the);
        written.push((mention, surface.clone()));
        let entry = forms.entry(surface).or_insert((0, 0, words));
        entry.0 += 1;
        if cand.flags & HEADLINE == 0 {
            entry.1 += 1;
        }
    }
    let mut aliases: Vec<(&str, usize)> = forms.iter().map(|(s, &(count, _, _))| (&**s, count)).collect();
    aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let name = match gaz {
        Some(entry) => entry.name.to_string(),
        None => {
            let best = forms.iter().max_by(|a, b| {
                // The most complete form, an initial not counting as a word (`Donald Trump`,
                // written 6,000 times, over `Donald J. Trump`, 22), then the most written.
                let rank = |(s, &(_, body, _)): (&Cow<'_, str>, &(usize, usize, u16))| {
                    let all_caps = !s.chars().any(char::is_lowercase);
                    let initial = |w: &str| w.split('.').all(|part| part.chars().count() <= 1);
                    let full_words = s.split_whitespace().filter(|w| !initial(w)).count();
                    (full_words, !all_caps, body)
                };
                rank(*a).cmp(&rank(*b)).then(b.0.cmp(a.0))
            });
            best.map(|(s, _)| s.split_whitespace().collect::<Vec<_>>().join(" "))?
        }
    };
    let aliases: Vec<String> = aliases.into_iter().map(|(s, _)| s.to_string()).collect();
    let (mentions, forms) = mentions_and_forms(written, &aliases);
    Some(Entity { name, kind, aliases, mentions, forms })
}

/// Mentions sorted and deduplicated, each with the index of its surface in `aliases`.
fn mentions_and_forms<S: AsRef<str>>(
    mut written: Vec<(Mention, S)>,
    aliases: &[String],
) -> (Vec<Mention>, Vec<u32>) {
    written.sort_unstable_by_key(|w| w.0);
    written.dedup_by_key(|w| w.0);
    let index: FastMap<&str, u32> =
        aliases.iter().enumerate().map(|(i, a)| (a.as_str(), u32::try_from(i).unwrap_or(u32::MAX))).collect();
    written.into_iter().map(|(m, s)| (m, index.get(s.as_ref()).copied().unwrap_or(0))).unzip()
}

/// A candidate's mention, surface and word count, with its `The` when `keep_the`.
fn with_the(c: &Cand, keep_the: bool) -> (Mention, Cow<'_, str>, u16) {
    match c.the.as_deref().filter(|_| keep_the) {
        Some(the) => {
            let mut mention = c.mention;
            mention.start = mention.start.saturating_sub(u32::try_from(the.len()).unwrap_or(0));
            (mention, format!("{the}{}", c.surface).into(), c.words + 1)
        }
        None => (c.mention, Cow::Borrowed(&*c.surface), c.words),
    }
}

/// Date entities: one per normalized value.
fn date_entities(dates: Vec<DateCand>) -> Vec<Entity> {
    type Forms = FastMap<Box<str>, usize>;
    type Written = Vec<(Mention, Box<str>)>;
    let mut by_value: FastMap<dates::Value, (Forms, Written)> = FastMap::default();
    for date in dates {
        let entry = by_value.entry(date.value).or_default();
        *entry.0.entry(date.surface.clone()).or_default() += 1;
        entry.1.push((date.mention, date.surface));
    }
    by_value
        .into_iter()
        .map(|(value, (forms, written))| {
            let mut aliases: Vec<(Box<str>, usize)> = forms.into_iter().collect();
            aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let aliases: Vec<String> = aliases.into_iter().map(|(s, _)| s.into()).collect();
            let (mentions, forms) = mentions_and_forms(written, &aliases);
            Entity { name: value.name(), kind: Kind::Date, aliases, mentions, forms }
        })
        .collect()
}
