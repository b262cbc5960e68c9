//! The `dossier` binary, as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::{Command, Output};

use common::{root, scratch, seed};

fn dossier(args: &[&str], cwd: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).current_dir(cwd).output().expect("dossier runs")
}

fn json_ids(out: &Output) -> Vec<String> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    v.as_array().expect("an array").iter().map(|r| r["id"].as_str().expect("id").to_string()).collect()
}

#[test]
fn search_kellogg_json_prints_the_three_ids_in_rank_order() {
    let out = dossier(&["search", "kellogg", "--json"], root());
    assert_eq!(json_ids(&out), [seed("000"), seed("004"), seed("002")]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for r in v.as_array().unwrap() {
        assert!(r["title"].is_string() && r["score"].as_f64().unwrap() > 0.0);
    }
}

#[test]
fn a_bad_corpus_file_is_reported_and_skipped_and_every_good_one_is_indexed() {
    let dir = scratch("bad-corpus");
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(root().join("corpus")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
    }
    std::fs::write(corpus.join("latin1.txt"), b"Caf\xe9 au lait\nUn texte en Latin-1.").unwrap();
    std::fs::write(corpus.join("empty.txt"), b"").unwrap();
    std::fs::write(corpus.join("image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let index = dir.join("out/index.dsr");

    let out = dossier(&["build", corpus.to_str().unwrap(), "-o", index.to_str().unwrap()], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("latin1.txt: not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("image.txt: binary file"), "{stderr}");
    assert!(stderr.contains("indexed 5 documents from 5 files, skipped 3"), "{stderr}");

    let out = dossier(&["search", "kellogg", "--json", "--index", index.to_str().unwrap()], &dir);
    assert_eq!(json_ids(&out).len(), 3);
}

#[test]
fn a_corrupted_index_file_is_refused_with_a_clear_message() {
    let dir = scratch("corrupt-index");
    let index = dir.join("index.dsr");
    let out =
        dossier(&["build", root().join("corpus").to_str().unwrap(), "-o", index.to_str().unwrap()], &dir);
    assert!(out.status.success());
    let mut bytes = std::fs::read(&index).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&index, &bytes).unwrap();
    let out = dossier(&["search", "kellogg", "--index", index.to_str().unwrap()], &dir);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum mismatch"));
}

#[test]
fn unknown_commands_and_options_fail_with_usage() {
    let out = dossier(&["frobnicate"], root());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("USAGE"));
    let out = dossier(&["search", "x", "--bogus"], root());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option --bogus"));
}

#[test]
fn entities_json_lists_each_entity_with_type_aliases_and_mentions_per_document() {
    let out = dossier(&["entities", "--json"], root());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let zel =
        v.as_array().unwrap().iter().find(|e| e["id"] == "person:volodymyr-zelenskyy").expect("Zelenskyy");
    assert_eq!(zel["name"], "Volodymyr Zelenskyy");
    assert_eq!(zel["type"], "person");
    let aliases: Vec<&str> = zel["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    for spelling in ["Zelenskyy", "Zelensky", "Zelenskiy"] {
        assert!(aliases.contains(&spelling), "{aliases:?}");
    }
    assert_eq!(zel["docs"].as_object().unwrap().len(), 5);
    assert!(zel["docs"][seed("003")].as_u64().unwrap() > 1);
}
