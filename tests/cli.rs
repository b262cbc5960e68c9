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
fn a_bad_corpus_file_is_reported_and_skipped_and_every_good_one_is_indexed_and_every_file_counted() {
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
    std::fs::write(corpus.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let index = dir.join("out/index.dsr");

    let out = dossier(&["build", corpus.to_str().unwrap(), "-o", index.to_str().unwrap()], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let guessed = "latin1.txt: not valid UTF-8 and no charset declared; decoded as windows-1252 (guessed)";
    assert!(stderr.contains(guessed), "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("image.txt: binary file"), "{stderr}");
    assert!(stderr.contains("indexed 6 documents from 6 files, skipped 2, ignored 1"), "{stderr}");
    assert!(stderr.contains("\n  .png: 1 ignored (type not read)\n"), "{stderr}");
    assert!(stderr.contains("\n  .txt: 6 indexed (6 documents), 2 skipped\n"), "{stderr}");

    let out = dossier(&["search", "kellogg", "--json", "--index", index.to_str().unwrap()], &dir);
    assert_eq!(json_ids(&out).len(), 3);
    let out = dossier(&["search", "lait", "--json", "--index", index.to_str().unwrap()], &dir);
    assert_eq!(json_ids(&out).len(), 1, "the windows-1252 file is searchable");
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

#[test]
fn entities_json_mentions_give_each_mention_doc_field_byte_offsets_and_surface() {
    let out = dossier(&["entities", "--json", "--mentions"], root());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let zel =
        v.as_array().unwrap().iter().find(|e| e["id"] == "person:volodymyr-zelenskyy").expect("Zelenskyy");
    let mentions = zel["mentions"].as_array().expect("mentions");
    let total: u64 = zel["docs"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(mentions.len() as u64, total);
    let mut checked = 0;
    for m in mentions {
        let doc = m["doc"].as_str().unwrap();
        let shown = dossier(&["document", doc, "--json"], root());
        let d: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("document JSON");
        let text = d[m["field"].as_str().unwrap()].as_str().expect("field text");
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(&text.as_bytes()[s..e], m["surface"].as_str().unwrap().as_bytes(), "{m}");
        assert!(m["surface"].as_str().unwrap().contains("Zelensk"), "{m}");
        checked += 1;
    }
    assert!(checked > 5);
    // Without --mentions the output has no mention lists; --mentions alone is refused.
    let plain = dossier(&["entities", "--json"], root());
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("\"surface\""));
    assert!(!dossier(&["entities", "--mentions"], root()).status.success());
}

/// A folder of `n` small articles, `0000.txt`, `0001.txt`, …
fn many_files(name: &str, n: usize) -> std::path::PathBuf {
    let dir = scratch(name);
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..n {
        let text = format!("Story {i}\n\nEnvoy Keith Kellogg met officials in Kyiv on day {i} of the talks.");
        std::fs::write(corpus.join(format!("{i:04}.txt")), text).unwrap();
    }
    dir
}

fn build_with(dir: &std::path::Path, progress: Option<&str>, extra: &[&str]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.args(["build", "corpus", "-o", "index.dsr"]).args(extra).current_dir(dir);
    match progress {
        Some(v) => command.env("DOSSIER_PROGRESS", v),
        None => command.env_remove("DOSSIER_PROGRESS"),
    };
    let out = command.output().expect("dossier runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("indexed 400 documents from 400 files"), "{stderr}");
    stderr
}

#[test]
fn a_big_build_shows_progress_unless_quiet() {
    let dir = many_files("progress", 400);
    // Forced terminal line: redrawn in place with \r, then erased before the summary.
    let stderr = build_with(&dir, Some("always"), &[]);
    assert!(stderr.contains("\rindexing: "), "{stderr:?}");
    assert!(stderr.contains("/400 files · "), "{stderr:?}");
    assert!(stderr.contains("docs/s"), "{stderr:?}");
    assert!(stderr.contains("\r\x1b[K"), "the line is erased: {stderr:?}");
    // stderr is not a terminal here: one plain line per 10% of the input.
    let stderr = build_with(&dir, None, &[]);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("/400 files")).collect();
    assert_eq!(lines.len(), 10, "{stderr}");
    assert!(lines[9].starts_with("dossier: 400 documents · 400/400 files · 100% · "), "{stderr}");
    assert!(!stderr.contains('\r'), "{stderr:?}");
    // --quiet (and DOSSIER_PROGRESS=never): no progress at all, the summary stays.
    for (progress, extra) in
        [(Some("always"), &["--quiet"][..]), (None, &["-q"][..]), (Some("never"), &[][..])]
    {
        let stderr = build_with(&dir, progress, extra);
        assert!(!stderr.contains("files ·") && !stderr.contains('\r'), "{stderr:?}");
    }
}

#[test]
fn a_small_build_shows_no_progress() {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "corpus", "-o"])
        .arg(scratch("small-progress").join("index.dsr"))
        .current_dir(root())
        .env_remove("DOSSIER_PROGRESS")
        .output()
        .expect("dossier runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("files ·"), "{stderr}");
}

/// Builds the index of `corpus` into `out` with the binary.
fn build_index(corpus: &std::path::Path, out: &std::path::Path) {
    let built = dossier(&["build", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()], root());
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
}

/// The file names in `dir`, sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The file names `dossier::shard::split` makes of the index at `index`, sorted.
fn shard_names(index: &std::path::Path) -> Vec<String> {
    let files = dossier::shard::split(&std::fs::read(index).unwrap(), &Default::default()).unwrap();
    let mut names: Vec<String> = files.into_iter().map(|(n, _)| n).collect();
    names.sort();
    names
}

#[test]
fn shard_refuses_a_folder_holding_other_files_or_its_input_and_deletes_nothing() {
    let dir = scratch("shard-foreign");
    let out = dir.join("index");
    std::fs::create_dir(&out).unwrap();
    let index = out.join("index.dsr");
    build_index(&root().join("corpus"), &index);
    let input = std::fs::read(&index).unwrap();

    // The input in the output folder: refused, kept.
    let run = dossier(&["shard", index.to_str().unwrap(), "-o", out.to_str().unwrap()], &dir);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{stderr}");
    assert!(stderr.contains("holds the input") && stderr.contains(out.to_str().unwrap()), "{stderr}");
    assert_eq!(std::fs::read(&index).unwrap(), input);

    // An unrelated index in the output folder: refused, kept.
    let elsewhere = dir.join("stories.dsr");
    std::fs::rename(&index, &elsewhere).unwrap();
    std::fs::write(out.join("other.dsr"), b"someone else's index").unwrap();
    let run = dossier(&["shard", elsewhere.to_str().unwrap(), "-o", out.to_str().unwrap()], &dir);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{stderr}");
    assert!(
        stderr.contains("did not write (other.dsr)") && stderr.contains(out.to_str().unwrap()),
        "{stderr}"
    );
    assert_eq!(names_in(&out), ["other.dsr"]);
    assert_eq!(names_in(&dir), ["index", "stories.dsr"], "no temporary folder left");

    // A previous run's shards plus a file of the user's: refused too.
    let own = dir.join("own");
    let run = dossier(&["shard", elsewhere.to_str().unwrap(), "-o", own.to_str().unwrap()], &dir);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    std::fs::write(own.join("notes.txt"), b"mine").unwrap();
    let run = dossier(&["shard", elsewhere.to_str().unwrap(), "-o", own.to_str().unwrap()], &dir);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("(notes.txt)"));
    assert!(own.join("notes.txt").exists() && own.join("root.dsr").exists());
}

#[test]
fn shard_replaces_its_own_previous_output_with_the_new_set_only() {
    let dir = scratch("shard-rerun");
    let (whole, part) = (dir.join("whole.dsr"), dir.join("part.dsr"));
    build_index(&root().join("corpus"), &whole);
    build_index(&root().join("corpus/000_e9dab112098231ab.txt"), &part);
    let out = dir.join("site/index");

    for (index, other) in [(&whole, &part), (&whole, &part), (&part, &whole)] {
        let run = dossier(&["shard", index.to_str().unwrap(), "-o", out.to_str().unwrap()], &dir);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        // Exactly the new set: no stale shard of the earlier run.
        assert_eq!(names_in(&out), shard_names(index));
        let stale: Vec<String> = shard_names(other).into_iter().filter(|n| n != "root.dsr").collect();
        assert!(stale.iter().all(|n| !out.join(n).exists()), "a shard of the earlier set is left");
        assert_eq!(names_in(&dir.join("site")), ["index"], "no temporary folder left beside it");
    }
    // An empty folder is fine too.
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let run = dossier(&["shard", whole.to_str().unwrap(), "-o", empty.to_str().unwrap()], &dir);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(names_in(&empty), shard_names(&whole));
}

#[test]
fn a_corrected_search_says_what_it_showed_and_what_to_search_instead() {
    // Text: as the README's "Showing results for witkoff", with the query as typed. (Not
    // `witkof` itself: being typed, it is completed to `witkoff`, not corrected.)
    let out = dossier(&["search", "peskof"], root());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("Showing results for peskov · search instead for peskof\n"), "{stdout}");
    // JSON: still the array of results (scripts parse it), the correction on stderr.
    let out = dossier(&["search", "peskof", "--json"], root());
    assert_eq!(json_ids(&out).len(), 3, "Peskov is named in 001-003");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("dossier: showing results for \"peskov\" · search instead for \"peskof\""),
        "{stderr}"
    );
    // --exact searches the word as typed: no document has it.
    let out = dossier(&["search", "peskof", "--json", "--exact"], root());
    assert!(json_ids(&out).is_empty());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("showing results"));
    // No correction, nothing said.
    let out = dossier(&["search", "peskov", "--json"], root());
    assert_eq!(json_ids(&out).len(), 3);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("showing results"));
}

#[test]
fn a_query_of_exclusions_is_a_query_not_an_unknown_option() {
    // Putin is named in 001, 003 and 004 (read from the texts): the others are listed.
    let out = dossier(&["search", "-putin", "--json"], root());
    assert_eq!(json_ids(&out), [seed("000"), seed("002")]);
    let out = dossier(&["search", "--frobnicate", "x"], root());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option --frobnicate"));
}

#[test]
fn build_applies_a_corrections_file_and_reports_what_it_could_not() {
    let dir = scratch("corrections");
    let index = dir.join("index.dsr");
    let file = dir.join("corrections.json");
    std::fs::write(
        &file,
        r#"{"format": "dossier-corrections", "version": 1, "corrections": [
            {"op": "merge", "into": "person:keith-kellogg", "from": "person:steve-witkoff"},
            {"op": "rename", "entity": "person:keith-kellogg", "name": "The Envoys"},
            {"op": "hide", "entity": "person:dmitry-peskov"},
            {"op": "hide", "entity": "person:no-such-person"}
        ]}"#,
    )
    .unwrap();
    let corpus = root().join("corpus");
    let (corpus, index_arg, file_arg) =
        (corpus.to_str().unwrap(), index.to_str().unwrap(), file.to_str().unwrap());
    let out = dossier(&["build", corpus, "-o", index_arg, "--corrections", file_arg], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("corrections.json: correction 4 skipped: no entity person:no-such-person"),
        "{stderr}"
    );
    let out = dossier(&["entities", "--json", "--index", index_arg], &dir);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let entities = v.as_array().expect("array");
    let envoys = entities.iter().find(|e| e["name"] == "The Envoys").expect("renamed, merged entity");
    let aliases: Vec<&str> =
        envoys["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    for form in ["Keith Kellogg", "Kellogg", "Steve Witkoff", "Witkoff"] {
        assert!(aliases.contains(&form), "{form} in {aliases:?}");
    }
    assert!(!entities.iter().any(|e| e["name"] == "Dmitry Peskov"), "hidden");
    assert!(!entities.iter().any(|e| e["name"] == "Steve Witkoff"), "merged away");

    // A file that is not a corrections file is an error naming it; the index is untouched.
    let before = std::fs::read(&index).unwrap();
    for (bad, says) in [
        ("{\"format\": \"dossier-corrections\", \"version\": 2, \"corrections\": []}", "version 2"),
        ("[1, 2]", "not a corrections file"),
    ] {
        std::fs::write(&file, bad).unwrap();
        let out = dossier(&["build", corpus, "-o", index_arg, "--corrections", file_arg], &dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(stderr.contains("corrections.json") && stderr.contains(says), "{stderr}");
        assert_eq!(std::fs::read(&index).unwrap(), before);
    }
}

#[test]
fn csv_columns_maps_other_column_names_and_a_bad_map_is_refused() {
    let dir = scratch("csv-columns");
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("cms.csv"),
        "slug,hed,copy\nx-1,Mayor resigns,The mayor resigned on Monday.\n",
    )
    .unwrap();
    let index = dir.join("index.dsr");
    let (corpus_arg, index_arg) = (corpus.to_str().unwrap(), index.to_str().unwrap());
    let out = dossier(&["build", corpus_arg, "-o", index_arg], &dir);
    assert!(!out.status.success(), "no text column, nothing to index");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no text column"), "{stderr}");
    assert!(stderr.contains("\n  .csv: 1 skipped\n"), "{stderr}");
    let out = dossier(
        &["build", corpus_arg, "-o", index_arg, "--csv-columns", "text=copy,title=hed,id=slug"],
        &dir,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = dossier(&["search", "mayor", "--json", "--index", index_arg], &dir);
    assert_eq!(json_ids(&out), ["x-1"]);
    let out = dossier(&["build", corpus_arg, "-o", index_arg, "--csv-columns", "body=copy"], &dir);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--csv-columns: unknown field \"body\""), "{stderr}");
}
