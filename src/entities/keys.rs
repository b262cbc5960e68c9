//! Normalized keys: how two spellings of a word or name are recognized as the same.
//!
//! - [`push_norm`]: the lookup form of one token: lowercase, diacritics folded, dots and
//!   apostrophes removed (`U.S.` → `us`, `O’Brien` → `obrien`, `Zé` → `ze`). Lexicon and
//!   gazetteer keys are in this form.
//! - [`push_translit`]: the matching form of a name token, which also absorbs the usual
//!   transliteration variants: doubled letters collapse, and a final `-iy`, `-yy`, `-ij`,
//!   `-yi`, `-ii` or consonant + `-i` becomes `-y` (`Zelenskyy`, `Zelensky`, `Zelenskiy`,
//!   `Zelenski` → `zelensky`; `Dmitri` = `Dmitry`; `Kellogg` → `kelog`).
//! - [`within_distance`]: bounded Levenshtein distance, for the variants the key misses.
//!
//! Also a small fast hasher ([`FastMap`]) for the many short string keys of extraction.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::analysis::push_folded;

/// Appends the lookup form of `word` to `out` (lowercase, folded, no dots or apostrophes).
pub fn push_norm(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_alphanumeric() {
            push_folded(c, out);
        }
    }
}

/// The lookup form of `word` as a new string.
#[cfg(test)]
pub fn norm(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_norm(word, &mut out);
    out
}

/// Appends the transliteration-tolerant form of a name token (already in lookup form) to `out`.
pub fn push_translit(normed: &str, out: &mut String) {
    let start = out.len();
    let mut last = None;
    for c in normed.chars() {
        if Some(c) != last || c.is_ascii_digit() {
            out.push(c);
        }
        last = Some(c);
    }
    let word = out.get(start..).unwrap_or_default();
    let fix = match word.as_bytes() {
        [.., _, _, b'i' | b'y', b'y' | b'j'] | [.., _, _, b'y', b'i'] => Some(2),
        [.., _, c, b'i'] if !is_vowel(*c) && c.is_ascii_alphabetic() => Some(1),
        _ => None,
    };
    if let Some(cut) = fix {
        out.truncate(out.len() - cut);
        out.push('y');
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The transliteration-tolerant form of one raw token.
#[cfg(test)]
pub fn translit(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_translit(&norm(word), &mut out);
    out
}

/// Whether the Levenshtein distance between `a` and `b` is at most `max` (ASCII-ish keys;
/// compares by chars, bails out early, O(len × max)).
pub fn within_distance(a: &str, b: &str, max: usize) -> bool {
    const FAR: usize = usize::MAX / 4;
    let b: Vec<char> = b.chars().collect();
    if a.chars().count().abs_diff(b.len()) > max {
        return false;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.chars().enumerate() {
        current.clear();
        current.push(i + 1);
        let mut best = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let diagonal = previous.get(j).copied().unwrap_or(FAR) + usize::from(ca != cb);
            let up = previous.get(j + 1).copied().unwrap_or(FAR) + 1;
            let left = current.last().copied().unwrap_or(FAR) + 1;
            let value = diagonal.min(up).min(left);
            current.push(value);
            best = best.min(value);
        }
        if best > max {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().is_some_and(|&distance| distance <= max)
}

/// Every string obtained by deleting one character of `key` (for edit-distance indexes).
pub fn deletions(key: &str) -> impl Iterator<Item = String> + '_ {
    key.char_indices().map(move |(at, c)| {
        let mut out = String::with_capacity(key.len());
        out.push_str(key.get(..at).unwrap_or_default());
        out.push_str(key.get(at + c.len_utf8()..).unwrap_or_default());
        out
    })
}

/// FxHash: a fast non-cryptographic hasher for short keys (inputs are not adversarial
/// enough to matter at build time, and every map here is bounded by the corpus).
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            for (slot, &byte) in word.iter_mut().zip(chunk) {
                *slot = byte;
            }
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            for (slot, &byte) in word.iter_mut().zip(rest) {
                *slot = byte;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // Murmur3's finalizer: spreads the entropy over all bits (hashbrown uses the top 7
        // bits as tags and the low bits as positions).
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A 64-bit hash of a word: vocabulary counts are keyed by it (no string stored).
pub fn word_hash(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish()
}

/// A 64-bit hash of several words taken together.
pub fn parts_hash(parts: &[&str]) -> u64 {
    let mut hasher = FxHasher::default();
    for part in parts {
        hasher.write(part.as_bytes());
        hasher.write_u8(0xff);
    }
    hasher.finish()
}

/// One bit (of 64) standing for `key`, for small co-occurrence signatures.
pub fn signature_bit(key: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(key.as_bytes());
    1u64 << (hasher.finish() >> 58)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_form_drops_dots_apostrophes_and_diacritics() {
        assert_eq!(norm("U.S."), "us");
        assert_eq!(norm("O’Brien"), "obrien");
        assert_eq!(norm("Erdoğan"), "erdogan");
        assert_eq!(norm("ZELENSKYY"), "zelenskyy");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        for variant in ["Zelenskyy", "Zelensky", "Zelenskiy", "Zelenski", "ZELENSKYY"] {
            assert_eq!(translit(variant), "zelensky", "{variant}");
        }
        assert_eq!(translit("Dmitri"), translit("Dmitry"));
        assert_eq!(translit("Vitalii"), translit("Vitaly"));
        assert_ne!(translit("Kellogg"), translit("Kelley"));
        assert_ne!(translit("Mark"), translit("Mary"));
    }

    #[test]
    fn bounded_distance() {
        assert!(within_distance("sergei", "sergey", 1));
        assert!(!within_distance("kelog", "keley", 1));
        assert!(within_distance("", "a", 1));
        assert!(!within_distance("abc", "abcdef", 2));
        assert_eq!(deletions("abc").collect::<Vec<_>>(), ["bc", "ac", "ab"]);
    }
}
