//! Hostile uses of the commands: outputs that must never be torn or overwrite an input, index
//! files that are not index files, bad flag values, and `build.sh --out` pointed at a folder
//! it did not write. Each case runs the real `dossier` binary (or build.sh's `scripts/dist.sh`)
//! with a time limit, so a hang fails instead of stalling CI. The outcomes are written to
//! `docs/hostile-commands.md` (rewrite it with `DOSSIER_BLESS=1`; the test fails if the
//! committed table no longer matches).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{root, scratch};
use dossier::query::Searcher;

/// One row of the table.
struct Row {
    case: &'static str,
    input: String,
    outcome: String,
}

/// Runs `dossier args` in `cwd`; `None` if it has not finished after `limit` (then killed).
fn dossier_within(args: &[&str], cwd: &Path, limit: Duration) -> Option<Output> {
    let child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    finish_within(child, limit)
}

fn finish_within(mut child: Child, limit: Duration) -> Option<Output> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// Runs `dossier args`, which must finish within a minute.
fn dossier(args: &[&str], cwd: &Path) -> Output {
    dossier_within(args, cwd, Duration::from_secs(60)).unwrap_or_else(|| panic!("dossier {args:?} hung"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The error a failed run printed, with the scratch folder taken out of paths.
fn error_of(out: &Output, dir: &Path) -> String {
    assert!(!out.status.success(), "expected a failure, got success: {}", stderr(out));
    stderr(out).trim().replace(&format!("{}/", dir.display()), "")
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A corpus of `n` generated articles (a few MB of index), as one JSONL file.
fn generated_corpus(dir: &Path, n: usize) -> PathBuf {
    let words = ["ceasefire", "talks", "minister", "Kyiv", "Moscow", "sanctions", "energy", "grain", "port"];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut jsonl = String::new();
    for i in 0..n {
        let text: Vec<String> =
            (0..250).map(|j| format!("{}{}", words[next() as usize % words.len()], j % 7)).collect();
        let record =
            serde_json::json!({"id": format!("a{i}"), "title": format!("Story {i}"), "text": text.join(" ")});
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    fs::write(&path, jsonl).expect("corpus written");
    path
}

/// Whether `bytes` are a whole, verified index.
fn opens(bytes: &[u8]) -> bool {
    Searcher::open(bytes).is_ok()
}

#[test]
fn hostile_uses_of_the_commands_lose_nothing_and_hang_nothing() {
    let dir = scratch("hostile-commands");
    let mut rows = Vec::new();
    let seeds = root().join("corpus");
    let index = dir.join("seeds.dsr");
    let built = dossier(&["build", s(&seeds), "-o", s(&index), "--quiet"], &dir);
    assert!(built.status.success(), "{}", stderr(&built));

    rows.push(crash_safety(&dir));
    rows.push(output_is_an_input(&dir));
    rows.extend(index_files_that_are_not_indexes(&dir, &index));
    rows.extend(bad_flag_values(&dir, &index));
    rows.extend(dist_folders(&dir));
    check_table(&rows);
}

/// A build killed at random points while it runs (SIGKILL: no cleanup), with a reader
/// watching the output all along: the previous index stays readable, every time.
fn crash_safety(dir: &Path) -> Row {
    let corpus = generated_corpus(dir, 600);
    let out = dir.join("out/index.dsr");
    let started = Instant::now();
    let first = dossier(&["build", s(&corpus), "-o", s(&out), "--quiet"], dir);
    assert!(first.status.success(), "{}", stderr(&first));
    let full = started.elapsed();
    let good = fs::read(&out).expect("index");
    assert!(opens(&good));

    // The builds are deterministic, so any other size seen at the path is a torn file. Size
    // is polled (cheap, every ~50 µs) to catch the moment a writer truncates and refills it.
    let watching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let watcher = {
        let (watching, out, size) = (watching.clone(), out.clone(), good.len() as u64);
        std::thread::spawn(move || {
            let (mut polls, mut torn) = (0usize, 0usize);
            while watching.load(std::sync::atomic::Ordering::Relaxed) {
                polls += 1;
                torn += usize::from(fs::metadata(&out).map_or(true, |m| m.len() != size));
                std::thread::sleep(Duration::from_micros(50));
            }
            (polls, torn)
        })
    };
    let (trials, completed) = (12, 3);
    let mut killed = 0;
    for trial in 0..trials + completed {
        // Kill times spread over the whole build; the last builds run to the end.
        let at = (trial < trials).then(|| full.mul_f64(0.1 + 0.9 * f64::from(trial) / f64::from(trials)));
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", s(&corpus), "-o", s(&out), "--quiet"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dossier runs");
        if let Some(at) = at {
            std::thread::sleep(at);
            if child.try_wait().expect("wait").is_none() {
                killed += 1;
                let _ = child.kill();
            }
        }
        let _ = child.wait();
        let now = fs::read(&out).expect("the index is still there");
        assert!(opens(&now), "trial {trial}: killed after {at:?}, the index no longer opens");
    }
    watching.store(false, std::sync::atomic::Ordering::Relaxed);
    let (polls, torn) = watcher.join().expect("watcher");
    assert_eq!(torn, 0, "a reader saw a torn index {torn} times in {polls} looks");
    assert!(killed > 0 && polls > 0, "{killed} builds killed, {polls} looks");
    Row {
        case: "build killed while it runs (crash safety)",
        input: format!("`dossier build … -o index.dsr` over a good index, SIGKILL at {trials} points from 10% to 100% of a build's time, then {completed} whole builds, a reader watching the file throughout"),
        outcome: "the previous index opens and verifies after every kill, and the reader never saw a torn file (outputs go to a temporary file, synced, then renamed)".into(),
    }
}

/// `dossier build notes.txt -o notes.txt`: the article is not replaced by its index.
fn output_is_an_input(dir: &Path) -> Row {
    let notes = dir.join("notes.txt");
    fs::write(&notes, "Notes\nKellogg met Witkoff.").expect("notes");
    let out = dossier(&["build", s(&notes), "-o", s(&notes)], dir);
    let error = error_of(&out, dir);
    assert!(error.contains("notes.txt: the output is an input"), "{error}");
    assert_eq!(fs::read_to_string(&notes).expect("notes"), "Notes\nKellogg met Witkoff.");
    Row {
        case: "output path equal to an input",
        input: "`dossier build notes.txt -o notes.txt`".into(),
        outcome: format!("refused, file untouched: `{error}`"),
    }
}

/// `--index` given something that is not an index: refused from its first bytes, never read
/// whole, never waited on; errors name the file, once.
fn index_files_that_are_not_indexes(dir: &Path, index: &Path) -> Vec<Row> {
    let mut rows = Vec::new();
    let search =
        |path: &str| dossier_within(&["search", "kellogg", "--index", path], dir, Duration::from_secs(20));

    let zero = search("/dev/zero").expect("/dev/zero is refused, not read until out of memory");
    let error = error_of(&zero, dir);
    assert!(error.contains("/dev/zero: not a regular file"), "{error}");
    rows.push(Row {
        case: "a device as `--index`",
        input: "`--index /dev/zero`".into(),
        outcome: format!("refused at once: `{error}`"),
    });

    let fifo = dir.join("index.fifo");
    rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::from_raw_mode(0o600)).expect("mkfifo");
    let out = search(s(&fifo)).expect("a FIFO is refused, not waited on forever");
    let error = error_of(&out, dir);
    assert!(error.contains("index.fifo: not a regular file"), "{error}");
    rows.push(Row {
        case: "a FIFO as `--index`",
        input: "`--index index.fifo` (nobody writes to it)".into(),
        outcome: format!("refused at once: `{error}`"),
    });

    let big = dir.join("big.bin");
    fs::File::create(&big).and_then(|f| f.set_len(3 << 30)).expect("sparse file");
    let out = search(s(&big)).expect("a 3 GB file is refused from its first bytes");
    let error = error_of(&out, dir);
    assert!(error.contains("big.bin: not a Dossier index"), "{error}");
    rows.push(Row {
        case: "a 3 GB file that is not an index",
        input: "`--index big.bin` (sparse, zeros)".into(),
        outcome: format!("refused from its first 8 bytes: `{error}`"),
    });

    let mut bytes = fs::read(index).expect("index");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    let corrupt = dir.join("corrupt.dsr");
    fs::write(&corrupt, &bytes).expect("corrupt index");
    let out = search(s(&corrupt)).expect("finishes");
    let error = error_of(&out, dir);
    assert!(error.starts_with("dossier: corrupt.dsr: index checksum mismatch"), "{error}");
    let error = match (error.find("(stored"), error.find("):")) {
        (Some(a), Some(b)) => format!("{}(stored …, computed …){}", &error[..a], &error[b + 1..]),
        _ => error,
    };
    assert_eq!(error.matches("checksum mismatch").count(), 1, "printed once: {error}");
    rows.push(Row {
        case: "a corrupted index",
        input: "`--index corrupt.dsr` (one byte flipped)".into(),
        outcome: format!("refused, named, said once: `{error}`"),
    });

    let shards = dir.join("shards");
    let out = dossier(&["shard", s(index), "-o", s(&shards)], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = search(s(&shards.join("root.dsr"))).expect("finishes");
    let error = error_of(&out, dir);
    assert!(error.contains("root.dsr: not a whole index (it is the root of a sharded index"), "{error}");
    rows.push(Row {
        case: "a sharded index's root as `--index`",
        input: "`--index shards/root.dsr`".into(),
        outcome: format!("refused with what it is: `{error}`"),
    });
    let part = fs::read_dir(&shards)
        .expect("shards")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('t')))
        .expect("a term part");
    let out = search(s(&part)).expect("finishes");
    let error = error_of(&out, dir);
    assert!(error.contains("not a whole index (it is one shard of a sharded index"), "{error}");
    rows.push(Row {
        case: "one shard as `--index`",
        input: "`--index shards/t0-….dsr`".into(),
        outcome: format!(
            "refused with what it is: `{}`",
            error.replace(&s(&part)[dir.to_str().map_or(0, str::len) + 1..], "shards/t0-….dsr")
        ),
    });
    rows
}

/// Flag values that are not what the flag takes: the flag is named; dates past the u32
/// range no longer wrap around.
fn bad_flag_values(dir: &Path, index: &Path) -> Vec<Row> {
    let mut rows = Vec::new();
    for (flag, value, expected) in [
        ("--offset", "abc", "--offset needs a whole number, got \"abc\""),
        ("--limit", "-1", "--limit needs a whole number, got \"-1\""),
        ("--from", "2017-13", "--from needs a date as YYYY, YYYY-MM or YYYY-MM-DD, got \"2017-13\""),
    ] {
        let out = dossier(&["search", "kellogg", "--index", s(index), flag, value], dir);
        let error = error_of(&out, dir);
        assert!(error.contains(expected), "{error}");
        rows.push(Row {
            case: "a bad flag value",
            input: format!("`{flag} {value}`"),
            outcome: format!("refused: `{error}`"),
        });
    }
    let count = |flag: &str, year: &str| -> usize {
        let out = dossier(&["search", "", "--index", s(index), "--json", flag, year], dir);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        v.as_array().expect("array").len()
    };
    // 429,497 × 10,000 wrapped past u32::MAX: `--from` let everything through, `--to` nothing.
    let dated = count("--from", "1");
    assert!(dated > 0, "the seeds have a dated story");
    assert_eq!(count("--from", "429497"), 0);
    assert_eq!(count("--to", "429497"), dated);
    rows.push(Row {
        case: "a year past the date range",
        input: "`search \"\" --from 429497`, `--to 429497` (browse every dated document)".into(),
        outcome: "no document is from after it, every one is before it (it wrapped around a u32 before)"
            .into(),
    });
    rows
}

/// `build.sh --out DIR`: a folder it did not write is refused, not deleted; its own previous
/// output is replaced, removing only what it wrote. (`scripts/dist.sh`, which build.sh uses.)
fn dist_folders(dir: &Path) -> Vec<Row> {
    let dist = |script: &str| -> Output {
        let child = Command::new("bash")
            .arg("-c")
            .arg(format!("set -euo pipefail; source scripts/dist.sh; {script}"))
            .current_dir(root())
            .env("D", dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("bash runs");
        finish_within(child, Duration::from_secs(20)).expect("dist.sh finishes")
    };
    let stage = |name: &str, files: &[&str]| {
        let folder = dir.join(name);
        for f in files {
            let path = folder.join(f);
            fs::create_dir_all(path.parent().expect("parent")).expect("folder");
            fs::write(&path, format!("{name}/{f}")).expect("file");
        }
    };
    let mut rows = Vec::new();

    // A web root that is not a build's output: refused, every file kept.
    stage("webroot", &["index.html", "blog/post.html", "CNAME"]);
    stage("new1", &["index.html", "pkg/dossier_bg.wasm"]);
    let out = dist("write_manifest \"$D/new1\"; swap_in \"$D/new1\" \"$D/webroot\"");
    let error = error_of(&out, dir);
    assert!(error.contains("holds files build.sh did not write; refusing to replace it"), "{error}");
    assert!(error.contains("CNAME") && error.contains("blog/post.html"), "{error}");
    assert_eq!(
        fs::read_to_string(dir.join("webroot/blog/post.html")).expect("kept"),
        "webroot/blog/post.html"
    );
    rows.push(Row {
        case: "`build.sh --out` a folder it did not write",
        input: "`--out webroot` holding `index.html`, `blog/post.html`, `CNAME`".into(),
        outcome: format!(
            "refused before building, nothing deleted: `{}`",
            error.lines().next().unwrap_or_default()
        ),
    });

    // Its own previous output: replaced; a file that only the old build wrote is gone.
    stage("dist", &["index.html", "index/old-shard.dsr"]);
    let out = dist("write_manifest \"$D/dist\"; write_manifest \"$D/new1\"; swap_in \"$D/new1\" \"$D/dist\"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(dir.join("dist/index.html")).expect("new"), "new1/index.html");
    assert!(!dir.join("dist/index/old-shard.dsr").exists(), "the old build's files are removed");
    let leftovers: Vec<_> = fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".dist.old"))
        .collect();
    assert!(leftovers.is_empty(), "the old folder is removed once empty");

    // Someone added a file to the build's output: refused, kept.
    fs::write(dir.join("dist/notes.txt"), "mine").expect("user file");
    stage("new2", &["index.html"]);
    let out = dist("write_manifest \"$D/new2\"; swap_in \"$D/new2\" \"$D/dist\"");
    let error = error_of(&out, dir);
    assert!(error.contains("notes.txt"), "{error}");
    assert_eq!(fs::read_to_string(dir.join("dist/notes.txt")).expect("kept"), "mine");
    rows.push(Row {
        case: "`build.sh --out` its own output",
        input: "`--out dist` written by build.sh; then again after a file was added to it".into(),
        outcome: "replaced, removing only the files the manifest (`.dossier-dist`) lists; once a file was added: refused, nothing deleted".into(),
    });

    let out = dist("check_out_replaceable \"$D/not-yet\"");
    assert!(out.status.success(), "an absent folder is fine: {}", stderr(&out));
    let out = dist("check_out_replaceable \"$D/notes.txt\"");
    let error = error_of(&out, dir);
    assert!(error.contains("exists and is not a folder"), "{error}");
    rows
}

/// Compares the rows with `docs/hostile-commands.md` (or rewrites it under `DOSSIER_BLESS`).
fn check_table(rows: &[Row]) {
    let mut md = String::from(
        "# Hostile uses of the commands: what was tried and what happened\n\n\
         Produced by `tests/hostile_commands.rs` (regenerate with\n\
         `DOSSIER_BLESS=1 cargo test --test hostile_commands`); corpus and query inputs are in\n\
         [hostile-inputs.md](hostile-inputs.md).\n\n\
         | case | input | outcome |\n|---|---|---|\n",
    );
    for r in rows {
        md.push_str(&format!("| {} | {} | {} |\n", r.case, r.input, r.outcome.replace('|', "\\|")));
    }
    common::check_generated_doc("docs/hostile-commands.md", &md);
}
