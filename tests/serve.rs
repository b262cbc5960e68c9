//! `dossier serve` as a browser meets it, and `dossier compress`, which writes the siblings it
//! serves. The server runs on a free loopback port (`--port 0`) over a scratch folder, is
//! killed at the end of each test, and every request has a time limit.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::scratch;

/// The time limit of every request, and of the server's start.
const LIMIT: Duration = Duration::from_secs(10);

/// A running `dossier serve`, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `dossier serve dir --port 0` and reads the port it chose from its first line.
    fn start(dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["serve", s(dir), "--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dossier serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server { child, port: 0 };
        let line = rx.recv_timeout(LIMIT).expect("dossier serve says where it listens");
        let url = line.split("http://127.0.0.1:").nth(1).unwrap_or_else(|| panic!("no URL in {line:?}"));
        server.port = url.split('/').next().and_then(|p| p.parse().ok()).expect("a port");
        server
    }

    /// Sends `METHOD target` with extra header lines; the response, read within [`LIMIT`].
    fn request(&self, method: &str, target: &str, headers: &[&str]) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        stream.set_read_timeout(Some(LIMIT)).unwrap();
        stream.set_write_timeout(Some(LIMIT)).unwrap();
        let mut head = format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).expect("request sent");
        let started = Instant::now();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap_or_else(|e| panic!("{method} {target}: {e}"));
        assert!(started.elapsed() < LIMIT, "{method} {target} took too long");
        Response::parse(&bytes)
    }

    /// `GET target` with these headers.
    fn get(&self, target: &str, headers: &[&str]) -> Response {
        self.request("GET", target, headers)
    }
}

/// A parsed HTTP response.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn parse(bytes: &[u8]) -> Response {
        let end = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete head");
        let head = std::str::from_utf8(&bytes[..end]).expect("an ASCII head");
        let mut lines = head.split("\r\n");
        let status =
            lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|c| c.parse().ok()).expect("status");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Response { status, headers, body: bytes[end + 4..].to_vec() }
    }

    /// The value of a header, if sent.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Compressible text of about `n` bytes.
fn text(n: usize) -> Vec<u8> {
    "export const answer = 42; // the page's code\n".repeat(n / 45 + 1).into_bytes()
}

/// Bytes that do not compress (xorshift noise).
fn noise(n: usize) -> Vec<u8> {
    let mut x = 0x9e37_79b9_7f4a_7c15_u64;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// A small dist/: the page, a wasm, root and shards, a manifest, then compressed; beside it a
/// secret folder the server must never show.
fn site(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let dist = dir.join("dist");
    let secret = dir.join("secret");
    for d in [dist.join("pkg"), dist.join("index"), secret.clone()] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::write(dist.join("index.html"), b"<!doctype html><title>Dossier</title>\n".repeat(60)).unwrap();
    std::fs::write(dist.join("app.js"), text(4000)).unwrap();
    std::fs::write(dist.join("style.css"), b"body { margin: 0; color: #222 }\n".repeat(100)).unwrap();
    std::fs::write(dist.join("data.json"), b"{\"a\": [1, 2, 3]}\n".repeat(100)).unwrap();
    std::fs::write(dist.join("favicon.svg"), b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    std::fs::write(dist.join("logo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(dist.join("pkg/dossier_bg.wasm"), [b"\0asm\x01\0\0\0".as_slice(), &text(8000)].concat())
        .unwrap();
    std::fs::write(dist.join("index/root.dsr"), text(3000)).unwrap();
    std::fs::write(dist.join("index/0123abcd.dsr"), text(3000)).unwrap();
    std::fs::write(dist.join("index/noise.dsr"), noise(3000)).unwrap();
    std::fs::write(dist.join(".dossier-dist"), b"index.html\napp.js\n").unwrap();
    std::fs::write(secret.join("passwords.txt"), b"hunter2").unwrap();
    std::os::unix::fs::symlink(secret.join("passwords.txt"), dist.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(&secret, dist.join("leakdir")).unwrap();
    let out = dossier(&["compress", s(&dist)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, dist)
}

/// Runs `dossier args`, which must finish within a minute.
fn dossier(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("dossier {args:?} hung");
}

#[test]
fn every_file_is_sent_with_its_type() {
    let (_dir, dist) = site("serve-types");
    let server = Server::start(&dist);
    for (path, kind) in [
        ("/", "text/html"),
        ("/index.html", "text/html"),
        ("/app.js", "text/javascript"),
        ("/style.css", "text/css"),
        ("/data.json", "application/json"),
        ("/favicon.svg", "image/svg+xml"),
        ("/logo.png", "image/png"),
        ("/pkg/dossier_bg.wasm", "application/wasm"),
        ("/index/root.dsr", "application/octet-stream"),
        ("/index/0123abcd.dsr", "application/octet-stream"),
    ] {
        let r = server.get(path, &[]);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(kind), "{path}");
    }
}

#[test]
fn the_br_or_gz_sibling_is_sent_when_accepted_and_the_file_itself_otherwise() {
    let (_dir, dist) = site("serve-encoding");
    let server = Server::start(&dist);
    for path in ["/app.js", "/pkg/dossier_bg.wasm", "/index/0123abcd.dsr", "/index.html"] {
        let original = std::fs::read(dist.join(&path[1..])).unwrap();

        let r = server.get(path, &["Accept-Encoding: gzip, deflate, br"]);
        assert_eq!((r.status, r.header("content-encoding")), (200, Some("br")), "{path}");
        assert_eq!(r.header("vary").map(str::to_ascii_lowercase).as_deref(), Some("accept-encoding"));
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut r.body.as_slice(), &mut plain).expect("brotli");
        assert_eq!(plain, original, "{path}");

        let r = server.get(path, &["Accept-Encoding: gzip"]);
        assert_eq!((r.status, r.header("content-encoding")), (200, Some("gzip")), "{path}");
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(r.body.as_slice()).read_to_end(&mut plain).expect("gzip");
        assert_eq!(plain, original, "{path}");

        for identity in [&[][..], &["Accept-Encoding: identity"]] {
            let r = server.get(path, identity);
            assert_eq!((r.status, r.header("content-encoding")), (200, None), "{path}");
            assert_eq!(r.body, original, "{path}");
        }
    }
    // A shard that does not compress has no sibling: it is sent as it is.
    let r = server.get("/index/noise.dsr", &["Accept-Encoding: br, gzip"]);
    assert_eq!((r.status, r.header("content-encoding")), (200, None));
    assert_eq!(r.body, std::fs::read(dist.join("index/noise.dsr")).unwrap());
}

#[test]
fn shards_are_immutable_and_the_page_and_root_are_revalidated() {
    let (_dir, dist) = site("serve-cache");
    let server = Server::start(&dist);
    for shard in ["/index/0123abcd.dsr", "/index/noise.dsr"] {
        let r = server.get(shard, &["Accept-Encoding: br"]);
        assert_eq!(r.header("cache-control"), Some("public, max-age=31536000, immutable"), "{shard}");
    }
    for path in ["/", "/index.html", "/index/root.dsr", "/app.js", "/pkg/dossier_bg.wasm"] {
        let r = server.get(path, &["Accept-Encoding: br"]);
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
        assert!(r.header("etag").is_some() && r.header("last-modified").is_some(), "{path}");
        // Revalidation: the same validator gets 304 and no body.
        let etag = r.header("etag").unwrap().to_string();
        let again = server.get(path, &["Accept-Encoding: br", &format!("If-None-Match: {etag}")]);
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
    }
}

#[test]
fn escapes_dotfiles_links_out_and_missing_files_are_not_found() {
    let (_dir, dist) = site("serve-refused");
    let server = Server::start(&dist);
    for path in [
        "/../secret/passwords.txt",
        "/index/../../secret/passwords.txt",
        "/%2e%2e/secret/passwords.txt",
        "/pkg/%2E%2E/%2E%2E/secret/passwords.txt",
        "/..%2fsecret%2fpasswords.txt",
        "/.dossier-dist",
        "/%2edossier-dist",
        "/leak.txt",
        "/leakdir/passwords.txt",
        "/missing.js",
        "/index/missing.dsr",
        "/pkg/",
    ] {
        let r = server.get(path, &["Accept-Encoding: br, gzip"]);
        assert_eq!(r.status, 404, "{path}");
        assert!(!String::from_utf8_lossy(&r.body).contains("hunter2"), "{path}");
        assert_ne!(r.header("cache-control"), Some("public, max-age=31536000, immutable"), "{path}");
    }
}

#[test]
fn head_sends_the_headers_without_the_body_and_other_methods_are_refused() {
    let (_dir, dist) = site("serve-head");
    let server = Server::start(&dist);
    let get = server.get("/pkg/dossier_bg.wasm", &["Accept-Encoding: br"]);
    let head = server.request("HEAD", "/pkg/dossier_bg.wasm", &["Accept-Encoding: br"]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    for name in ["content-type", "content-encoding", "content-length", "cache-control", "etag"] {
        assert_eq!(head.header(name), get.header(name), "{name}");
    }
    for method in ["POST", "PUT", "DELETE"] {
        let r = server.request(method, "/app.js", &["Content-Length: 0"]);
        assert_eq!(r.status, 405, "{method}");
    }
}

#[test]
fn a_missing_folder_a_public_address_and_a_busy_port_are_refused_clearly() {
    let dir = scratch("serve-errors");
    let out = dossier(&["serve", s(&dir.join("nope"))]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("no such folder"), "{err}");

    let out = dossier(&["serve", s(&dir), "--bind", "0.0.0.0", "--port", "0"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("--public"), "{err}");

    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    let out = dossier(&["serve", s(&dir), "--port", &port.to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains(&format!("port {port} is in use; try --port {}", port + 1)), "{err}");

    let out = dossier(&["serve", s(&dir), "--port", "http"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--port needs a port number"));
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                let name = path.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn compress_writes_the_same_siblings_every_run_and_they_decompress_to_the_file() {
    let (dir, dist) = site("compress-twice");
    let first = tree(&dist);
    // Again, over its own output, and into a copy made at another time: the same bytes.
    let out = dossier(&["compress", s(&dist)]);
    assert!(out.status.success());
    assert_eq!(tree(&dist), first);
    std::thread::sleep(Duration::from_millis(1100));
    let copy = dir.join("copy");
    std::fs::create_dir(&copy).unwrap();
    for (name, bytes) in first.iter().filter(|(n, _)| !n.ends_with(".br") && !n.ends_with(".gz")) {
        let path = copy.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let out = dossier(&["compress", s(&copy), "--quiet"]);
    assert!(out.status.success() && out.stderr.is_empty());
    assert_eq!(tree(&copy), first);

    let files: std::collections::HashMap<&str, &[u8]> =
        first.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let mut siblings = 0;
    for (name, packed) in &first {
        if let Some(original) = name.strip_suffix(".br") {
            let mut plain = Vec::new();
            brotli::BrotliDecompress(&mut packed.as_slice(), &mut plain).expect("brotli");
            assert_eq!(plain, files[original], "{name}");
            siblings += 1;
        } else if let Some(original) = name.strip_suffix(".gz") {
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(packed.as_slice()).read_to_end(&mut plain).expect("gzip");
            assert_eq!(plain, files[original], "{name}");
            // No timestamp (bytes 4..8) and no file name flag (bit 3 of byte 3).
            assert_eq!((&packed[4..8], packed[3] & 0x08), (&[0u8; 4][..], 0), "{name}");
            siblings += 1;
        }
    }
    // index.html app.js style.css data.json wasm root.dsr 0123abcd.dsr: a .br and a .gz each.
    assert_eq!(siblings, 14);
    for skipped in ["favicon.svg", "logo.png", "index/noise.dsr", ".dossier-dist"] {
        assert!(!files.contains_key(format!("{skipped}.br").as_str()), "{skipped}");
        assert!(!files.contains_key(format!("{skipped}.gz").as_str()), "{skipped}");
    }
}

#[test]
fn compress_refuses_a_missing_folder() {
    let dir = scratch("compress-missing");
    let out = dossier(&["compress", s(&dir.join("nope"))]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the folder"));
}
