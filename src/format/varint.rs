//! Unsigned LEB128 integers: 7 bits a byte, least significant group first, high bit set on
//! every byte except the last. A u32 takes 1–5 bytes.

/// Appends `v` to `out`.
pub fn write(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A cursor reading varints from a byte slice; every read is bounds-checked.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader positioned at `at` in `bytes` (past the end is allowed; reads then fail).
    pub fn new(bytes: &'a [u8], at: usize) -> Reader<'a> {
        Reader { bytes, at }
    }

    /// Reads one varint that must fit in a u32; `None` if the bytes end or it overflows.
    pub fn u32(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            let bits = u32::from(b & 0x7f);
            if shift == 28 && bits > 0x0f {
                return None;
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// Skips `n` varints without decoding them; `None` if the bytes end first.
    pub fn skip(&mut self, n: usize) -> Option<()> {
        let mut left = n;
        while left > 0 {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            left -= usize::from(b & 0x80 == 0);
        }
        Some(())
    }

    /// The byte offset of the next read.
    pub fn position(&self) -> usize {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_edge_values() {
        let values = [0u32, 1, 127, 128, 16383, 16384, u32::MAX - 1, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            write(&mut bytes, u64::from(v));
        }
        let mut r = Reader::new(&bytes, 0);
        for v in values {
            assert_eq!(r.u32(), Some(v));
        }
        assert_eq!(r.u32(), None, "reading past the end fails");
    }

    #[test]
    fn skips_whole_varints() {
        let mut bytes = Vec::new();
        for v in [300u64, 1, u64::from(u32::MAX), 7] {
            write(&mut bytes, v);
        }
        let mut r = Reader::new(&bytes, 0);
        assert_eq!(r.skip(3), Some(()));
        assert_eq!(r.u32(), Some(7));
        assert_eq!(Reader::new(&bytes, 0).skip(5), None, "skipping past the end fails");
    }

    #[test]
    fn rejects_overflow_and_unterminated_input() {
        assert_eq!(Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x7f], 0).u32(), None);
        assert_eq!(Reader::new(&[0x80, 0x80], 0).u32(), None);
        assert_eq!(Reader::new(&[0xff; 12], 0).u32(), None);
    }
}
