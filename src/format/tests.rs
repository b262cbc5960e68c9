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

    let only = |docs: &[u32]| {
        let mut seen = Vec::new();
        let mut buf = Vec::new();
        index.postings().positions_in(info, docs, &mut buf, |d, ps| seen.push((d, ps.to_vec()))).unwrap();
        seen
    };
    assert_eq!(only(&[1]), [(1, vec![1 + crate::indexer::FIELD_GAP + 3])], "the first posting's skipped");
    assert_eq!(only(&[0]), [(0, vec![0, body + 1])]);
    assert_eq!(only(&[0, 1, 5]).len(), 2);
    assert!(only(&[]).is_empty());
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

/// `sample()` cut into a root and shards: (root, shards by name).
fn sample_sharded() -> (Root, std::collections::HashMap<String, Vec<u8>>) {
    let mut files: std::collections::HashMap<_, _> =
        crate::shard::split(&sample(), &crate::shard::ShardOptions::default()).unwrap().into_iter().collect();
    let root = Root::read(files.remove(crate::shard::ROOT).unwrap()).unwrap();
    (root, files)
}

#[test]
fn error_damaged_part() {
    let (root, files) = sample_sharded();
    let name = root.manifest().doc_part_name(0);
    let mut bytes = files[&name].clone();
    let n = bytes.len();
    bytes[n / 2] ^= 0x40;
    let error = root.verify_part(&name, &bytes).unwrap_err();
    assert!(
        matches!(&error, Error::DamagedPart { name: n, error } if *n == name && matches!(**error, Error::Checksum { .. }))
    );
    assert!(error.to_string().starts_with(&format!("index part {name} is damaged: index checksum mismatch")));
}

#[test]
fn error_wrong_part() {
    let (root, files) = sample_sharded();
    let m = root.manifest();
    let (terms, docs) = (m.term_part_name(0), m.doc_part_name(0));
    let error = root.verify_part(&terms, &files[&docs]).unwrap_err();
    assert_eq!(error, Error::WrongPart { name: terms.clone(), holds: Some(docs.clone()) });
    assert_eq!(
        error.to_string(),
        format!(
            "index part {terms} holds {docs}: the site's index files are mixed up; rebuild or re-upload it"
        )
    );
    let error = root.verify_part(&m.dates, &files[&m.related]).unwrap_err();
    assert_eq!(error, Error::WrongPart { name: m.dates.clone(), holds: Some(m.related.clone()) });
    for (name, bytes) in &files {
        assert_eq!(root.verify_part(name, bytes), Ok(()), "{name}");
        assert_eq!(shards::verify_part(name, bytes), Ok(()), "{name}");
    }
}

#[test]
fn error_unknown_part() {
    let (root, files) = sample_sharded();
    let m = root.manifest();
    let past = m.doc_part_name(m.doc_parts);
    let padded = m.doc_part_name(0).replacen("d0", "d00", 1);
    for name in [past.as_str(), padded.as_str(), "root.dsr", "0123456789abcdef.dsr", ""] {
        let error = root.verify_part(name, &files[&m.dates]).unwrap_err();
        assert_eq!(error, Error::UnknownPart(name.to_string()));
    }
    assert!(Error::UnknownPart("x.dsr".into()).to_string().contains("not a part of this index"));
}

#[test]
fn error_part_failed() {
    let (root, files) = sample_sharded();
    let mut loaded = LoadedShards::new();
    for (name, bytes) in &files {
        loaded.add(&root, name, bytes.clone()).unwrap();
    }
    let part = root.manifest().doc_part_name(0);
    let mut failing = LoadedShards::new();
    failing.fail(&part, "HTTP 404");
    let index = Index::open_sharded(&root, &failing).unwrap();
    let want = Error::PartFailed { name: part.clone(), reason: "HTTP 404".into() };
    assert_eq!(index.docs().get(0).err(), Some(want.clone()));
    assert_eq!(want.to_string(), format!("index part {part} failed to load: HTTP 404"));
    // A failed document part spares need_docs (its documents report it); a failed term
    // part fails need().
    assert_eq!(index.need_docs([0]), Ok(()));
    let terms = root.manifest().term_part_name(0);
    failing.fail(&terms, "HTTP 500");
    failing.retry(&part);
    let index = Index::open_sharded(&root, &failing).unwrap();
    assert!(index.postings().get("kellogg").is_none());
    assert_eq!(index.need(), Err(Error::PartFailed { name: terms, reason: "HTTP 500".into() }));
    index.docs().touch(0);
    assert_eq!(index.need(), Err(Error::NeedShards(vec![part])), "retried: asked for again");
    // Loaded shards answer; a loaded shard is never marked failed.
    loaded.fail(&root.manifest().doc_part_name(0), "HTTP 404");
    let index = Index::open_sharded(&root, &loaded).unwrap();
    assert_eq!(index.docs().get(0).map(|d| d.id), Ok("a"));
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

mod entity_sections {
    use crate::format::entities::{write_entities, Entities, EntityInput, Field, Kind, StoredMention};

    fn m(doc: u32, field: Field, start: u32, end: u32) -> StoredMention {
        StoredMention { doc, field, start, end }
    }

    #[test]
    fn round_trip_records_details_per_document_lists_and_aliases() {
        let zel = ["Volodymyr Zelenskyy".to_string(), "Zelensky".into(), "Zelenskiy".into()];
        let kel = ["Keith Kellogg".to_string(), "Kellogg".into()];
        let kyiv_a = ["Kyiv".to_string()];
        let kyiv_b = ["Kyiv".to_string()];
        let zel_m = [
            m(2, Field::Text, 40, 49),
            m(0, Field::Title, 0, 9),
            m(0, Field::Text, 10, 19),
            m(0, Field::Text, 100, 109),
        ];
        let kel_m = [m(1, Field::Text, 5, 12)];
        let inputs = [
            EntityInput {
                id: "person:volodymyr-zelenskyy",
                name: "Volodymyr Zelenskyy",
                kind: Kind::Person,
                aliases: &zel,
                mentions: &zel_m,
            },
            EntityInput {
                id: "person:keith-kellogg",
                name: "Keith Kellogg",
                kind: Kind::Person,
                aliases: &kel,
                mentions: &kel_m,
            },
            EntityInput {
                id: "place:kyiv",
                name: "Kyiv",
                kind: Kind::Place,
                aliases: &kyiv_a,
                mentions: &[],
            },
            EntityInput {
                id: "place:kyiv-2",
                name: "Kyiv",
                kind: Kind::Place,
                aliases: &kyiv_b,
                mentions: &[],
            },
        ];
        let s = write_entities(&inputs, 3).unwrap();
        let e = Entities::open(&s.ents, &s.dent, &s.eids, &s.eals, 3).unwrap();
        assert_eq!(e.len(), 4);
        let r = e.get(0).unwrap();
        assert_eq!(
            (r.id, r.name, r.kind, r.mentions, r.documents),
            ("person:volodymyr-zelenskyy", "Volodymyr Zelenskyy", Kind::Person, 4, 2)
        );
        let (aliases, mentions) = e.detail(0).unwrap();
        assert_eq!(aliases, ["Volodymyr Zelenskyy", "Zelensky", "Zelenskiy"]);
        assert_eq!(e.aliases(0).unwrap(), aliases);
        assert_eq!(
            mentions,
            [
                m(0, Field::Title, 0, 9),
                m(0, Field::Text, 10, 19),
                m(0, Field::Text, 100, 109),
                m(2, Field::Text, 40, 49)
            ]
        );
        assert_eq!(e.in_doc(0).unwrap(), [(0, 3)]);
        assert_eq!(e.in_doc(1).unwrap(), [(1, 1)]);
        assert_eq!(e.in_doc(2).unwrap(), [(0, 1)]);
        assert_eq!(e.in_doc(9).unwrap(), []);
        assert_eq!(e.ordinal("person:keith-kellogg"), Some(1));
        assert_eq!(e.ordinal("nobody"), None);
        assert_eq!(e.by_alias("zelensky"), Some(0));
        assert_eq!(e.by_alias("kellogg"), Some(1));
        assert_eq!(e.by_alias("kyiv"), None, "a word naming two entities is not an alias of either");
        assert!(e.get(4).is_err());
    }

    #[test]
    fn corrupt_entity_bytes_are_errors_not_panics() {
        let aliases = ["A".to_string()];
        let mentions = [m(0, Field::Text, 0, 1)];
        let inputs = [EntityInput {
            id: "other:a",
            name: "A",
            kind: Kind::Other,
            aliases: &aliases,
            mentions: &mentions,
        }];
        let s = write_entities(&inputs, 1).unwrap();
        for i in 0..s.ents.len() {
            let mut ents = s.ents.clone();
            ents[i] ^= 0xff;
            if let Ok(e) = Entities::open(&ents, &s.dent, &s.eids, &s.eals, 1) {
                let _ = e.get(0);
                let _ = e.detail(0);
            }
        }
        for i in 0..s.dent.len() {
            let mut dent = s.dent.clone();
            dent[i] ^= 0xff;
            if let Ok(e) = Entities::open(&s.ents, &dent, &s.eids, &s.eals, 1) {
                let _ = e.in_doc(0);
            }
        }
        assert!(Entities::open(&s.ents[..3], &s.dent, &s.eids, &s.eals, 1).is_err());
        assert!(write_entities(&inputs, 0).is_err(), "a mention of a document that does not exist");
    }
}

#[test]
fn a_postings_buffer_encodes_what_the_writer_writes_and_refuses_disorder() {
    let postings = [Posting { doc: 3, tf_title: 1, tf_body: 1 }, Posting { doc: 9, tf_title: 0, tf_body: 2 }];
    let positions = [0, 40, 41, 300];
    let mut buffer = postings::PostingsBuffer::default();
    buffer.push(postings[0], &positions[..2]).unwrap();
    buffer.push(postings[1], &positions[2..]).unwrap();
    assert_eq!((buffer.len(), buffer.postings()), (2, postings.to_vec()));
    let (mut direct, mut buffered) = (postings::PostingsWriter::new(), postings::PostingsWriter::new());
    direct.add("kellogg", &postings, &positions).unwrap();
    buffered.add_buffer("kellogg", &buffer).unwrap();
    let (a, b) = (direct.finish().unwrap(), buffered.finish().unwrap());
    assert_eq!((a.term, a.post, a.posn), (b.term, b.post, b.posn));

    let one = |doc, tf_body| Posting { doc, tf_title: 0, tf_body };
    assert!(buffer.push(one(9, 1), &[5]).is_err(), "the same document again");
    assert!(buffer.push(one(10, 2), &[5]).is_err(), "fewer positions than tf");
    assert!(buffer.push(one(10, 2), &[7, 5]).is_err(), "positions out of order");
    assert_eq!(buffer.postings().len(), 2, "a refused posting adds nothing");
}
