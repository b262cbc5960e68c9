use super::*;
use crate::indexer::Indexer;
use crate::ingest::Document;

fn sample() -> Vec<u8> {
    let mut ix = Indexer::new();
    let mut a =
        Document::new("a", "Kellogg in Kyiv", "Keith Kellogg met Zelenskyy in Kyiv.\nSecond paragraph.");
    a.date = Some("2025-08-29".into());
    a.url = Some("https://example.com/a".into());
    ix.add(a).unwrap();
    ix.add(Document::new("b", "Talks", "Witkoff met Putin; Kellogg did not.")).unwrap();
    ix.finish().unwrap()
}

#[test]
fn round_trips_documents_terms_and_positions() {
    let bytes = sample();
    let index = Index::open(&bytes).unwrap();
    index.verify().unwrap();
    assert_eq!(index.meta().doc_count, 2);
    let doc = index.docs().get(0).unwrap();
    assert_eq!((doc.id, doc.title, doc.url), ("a", "Kellogg in Kyiv", Some("https://example.com/a")));
    assert_eq!(doc.date_string().as_deref(), Some("2025-08-29"));
    assert_eq!(index.docs().ordinal("b"), Some(1));
    assert_eq!(index.docs().ordinal("zzz"), None);

    let info = index.postings().get("kellogg").unwrap();
    assert_eq!(info.doc_freq, 2);
    let mut postings = Vec::new();
    index.postings().read_postings(info, &mut postings).unwrap();
    assert_eq!(
        postings,
        [Posting { doc: 0, tf_title: 1, tf_body: 1 }, Posting { doc: 1, tf_title: 0, tf_body: 1 }]
    );
    let mut positions = Vec::new();
    index.postings().read_positions(info, &postings, &mut positions).unwrap();
    let body = 3 + crate::indexer::FIELD_GAP;
    assert_eq!(positions, [0, body + 1, 1 + crate::indexer::FIELD_GAP + 3]);
}

#[test]
fn same_input_gives_identical_bytes() {
    assert_eq!(sample(), sample());
}

#[test]
fn error_bad_magic() {
    let mut bytes = sample();
    bytes[0] = b'X';
    assert_eq!(Index::open(&bytes).err(), Some(Error::BadMagic));
    assert_eq!(Index::open(b"PK\x03\x04 not an index at all").err(), Some(Error::BadMagic));
}

#[test]
fn error_version() {
    let mut bytes = sample();
    bytes[8..12].copy_from_slice(&7u32.to_le_bytes());
    assert_eq!(Index::open(&bytes).err(), Some(Error::Version { expected: FORMAT_VERSION, got: 7 }));
    assert!(Error::Version { expected: 1, got: 7 }.to_string().contains("rebuild"));
}

#[test]
fn error_truncated() {
    let bytes = sample();
    for len in [0, 3, 8, 15, 19, 40, bytes.len() / 2, bytes.len() - 1] {
        match Index::open(&bytes[..len]) {
            Err(Error::Truncated { .. }) | Err(Error::Corrupt { .. }) | Err(Error::MissingSection(_)) => {}
            other => panic!("length {len}: {:?}", other.map(|_| ())),
        }
    }
}

#[test]
fn error_checksum() {
    let mut bytes = sample();
    let n = bytes.len();
    bytes[n / 2] ^= 0x40;
    let opened = Index::open(&bytes);
    if let Ok(index) = opened {
        assert!(matches!(index.verify(), Err(Error::Checksum { .. })));
    }
    assert!(matches!(verify_checksum(&bytes), Err(Error::Checksum { .. })));
}

#[test]
fn error_missing_section() {
    let mut w = IndexWriter::new();
    w.section(META, Meta::default().write()).unwrap();
    let bytes = w.finish().unwrap();
    assert_eq!(Index::open(&bytes).err(), Some(Error::MissingSection("TERM".into())));
}

#[test]
fn error_corrupt_section() {
    let mut w = IndexWriter::new();
    w.section(META, vec![1, 2, 3]).unwrap();
    let bytes = w.finish().unwrap();
    assert!(matches!(Index::open(&bytes), Err(Error::Corrupt { .. })));
}

#[test]
fn every_single_byte_corruption_is_an_error_or_harmless_never_a_panic() {
    let bytes = sample();
    let info = Index::open(&bytes).unwrap().postings().get("kellogg").unwrap();
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            // Checksum verification catches every single-byte change.
            assert!(verify_checksum(&b).is_err(), "byte {i} flip {flip:#x} not detected");
            // Structural decoding without the checksum must not panic either (the fst itself
            // is only traversed after verification, so it is left out here).
            if let Ok(index) = Index::open(&b) {
                let _ = index.docs().get(0);
                let _ = index.docs().get(1);
                let (mut p, mut pos) = (Vec::new(), Vec::new());
                if index.postings().read_postings(info, &mut p).is_ok() {
                    let _ = index.postings().read_positions(info, &p, &mut pos);
                }
            }
        }
    }
}
