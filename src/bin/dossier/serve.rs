//! `dossier serve DIR`: serves a dist/ folder the way a good static host does, for trying a
//! build locally (`./build.sh serve`) or sharing it on a newsroom network (`--public`).
//!
//! - Files are sent with their type (`.wasm` as `application/wasm`, `.js` as
//!   `text/javascript`, `.dsr` as `application/octet-stream`), and as their `.br` or `.gz`
//!   sibling (written by `dossier compress`) when the browser accepts it, with
//!   `Content-Encoding` and `Vary: Accept-Encoding`.
//! - The shards of a sharded index (`index/*.dsr` but `root.dsr`) are named by their content,
//!   so they are cached for a year as immutable; everything else is `no-cache`: revalidated
//!   with its `ETag` / `Last-Modified` on every visit, so a new build is seen at once.
//! - Only GET and HEAD; no folder listings (a folder serves its `index.html` or nothing);
//!   nothing outside DIR (no `..`, no symbolic link out of it), no dotfiles (the build's
//!   `.dossier-dist` manifest), nothing but regular files.
//! - Listens on 127.0.0.1:8080 unless told otherwise; an address other machines can reach
//!   only with `--public`.

use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, bail, Context, Result};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::services::ServeDir;

use crate::compress::sibling_of;

/// The port served without `--port`.
pub const DEFAULT_PORT: u16 = 8080;

/// The `Cache-Control` of a content-named shard: its name changes whenever its bytes do.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The `Cache-Control` of everything else: kept, but revalidated before each use.
pub const REVALIDATE: &str = "no-cache";

/// Runs `dossier serve DIR [--port N] [--bind ADDR] [--public]` until interrupted.
pub fn run(argv: &[String]) -> Result<()> {
    let args = crate::args::Args::parse(argv, &["--port", "--bind"], &["--public"])?;
    let [dir] = args.positional.as_slice() else {
        bail!("serve needs one folder: dossier serve DIR [--port N] [--bind ADDR]")
    };
    let port = match args.value("--port") {
        None => DEFAULT_PORT,
        Some(v) => {
            v.parse::<u16>().map_err(|_| anyhow!("--port needs a port number (0 to 65535), got {v:?}"))?
        }
    };
    let bind: IpAddr = match args.value("--bind") {
        None => IpAddr::from([127, 0, 0, 1]),
        Some(v) => v
            .parse()
            .map_err(|_| anyhow!("--bind needs an IP address such as 127.0.0.1 or ::1, got {v:?}"))?,
    };
    if !bind.is_loopback() && !args.flag("--public") {
        bail!(
            "refusing to serve on {bind}: other machines could reach it; add --public if that is \
             what you want (without --bind, only this machine can: 127.0.0.1)"
        );
    }
    let root = folder(Path::new(dir))?;
    let listener = listen(SocketAddr::new(bind, port))?;
    let addr = listener.local_addr().context("reading the address listened on")?;
    eprintln!("dossier: serving {dir} on http://{addr}/ (Ctrl-C to stop)");

    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_io().build().context("starting the server")?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, app(root)).await
    })?;
    Ok(())
}

/// The folder served, resolved: an error naming it if it is missing or not a folder.
fn folder(dir: &Path) -> Result<PathBuf> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => bail!("{} is not a folder", dir.display()),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            bail!("{}: no such folder (./build.sh build writes dist/)", dir.display())
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read the folder {}", dir.display())),
    }
    dir.canonicalize().with_context(|| format!("resolving {}", dir.display()))
}

/// Listens on `addr`, with the common failures said plainly.
fn listen(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).map_err(|e| {
        let port = addr.port();
        match e.kind() {
            ErrorKind::AddrInUse => match port.checked_add(1) {
                Some(next) => anyhow!("port {port} is in use; try --port {next}"),
                None => anyhow!("port {port} is in use; try another --port"),
            },
            ErrorKind::PermissionDenied => {
                anyhow!("port {port} needs privileges to listen on; try --port {DEFAULT_PORT}")
            }
            ErrorKind::AddrNotAvailable => anyhow!("{} is not an address of this machine", addr.ip()),
            _ => anyhow::Error::new(e).context(format!("listening on {addr}")),
        }
    })
}

/// The server: the files of `root`, behind [`guard`].
fn app(root: PathBuf) -> Router {
    let files =
        ServeDir::new(&root).precompressed_br().precompressed_gzip().append_index_html_on_directories(true);
    Router::new().fallback_service(files).layer(middleware::from_fn_with_state(Arc::new(root), guard))
}

/// Refuses what must not be served (404), then sets the `Cache-Control` of what is.
async fn guard(State(root): State<Arc<PathBuf>>, request: Request, next: Next) -> Response {
    let Some(segments) = segments(request.uri().path()) else { return not_found() };
    let cache = cache_control(&segments);
    let checked = tokio::task::spawn_blocking(move || servable(&root, &segments)).await;
    if !matches!(checked, Ok(true)) {
        return not_found();
    }
    let mut response = next.run(request).await;
    let status = response.status();
    let value = if status.is_success() || status == StatusCode::NOT_MODIFIED { cache } else { REVALIDATE };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// An empty 404, not cached.
fn not_found() -> Response {
    (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, REVALIDATE)]).into_response()
}

/// The decoded segments of a request path; `None` if one is a dotfile or dot-folder (`..`
/// and `.dossier-dist` among them), holds a separator or a NUL, or is not UTF-8.
fn segments(path: &str) -> Option<Vec<String>> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
    let mut out = Vec::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(['\\', '\0']) {
            return None;
        }
        out.push(segment.to_string());
    }
    Some(out)
}

/// The `Cache-Control` of a file: [`IMMUTABLE`] for a shard (`index/NAME.dsr` but
/// `root.dsr`), [`REVALIDATE`] for the rest.
fn cache_control(segments: &[String]) -> &'static str {
    match segments {
        [.., folder, name] if folder == "index" && name.ends_with(".dsr") && name != "root.dsr" => IMMUTABLE,
        _ => REVALIDATE,
    }
}

/// Whether the file the segments name (or, for a folder, its `index.html`) may be served:
/// neither it nor its `.br`/`.gz` sibling resolves outside `root` (a symbolic link out), and
/// each is a regular file or a folder (not a FIFO a read would hang on). A missing file is
/// servable here: the file service answers 404.
fn servable(root: &Path, segments: &[String]) -> bool {
    let path = segments.iter().fold(root.to_path_buf(), |p, s| p.join(s));
    let mut candidates = vec![path.clone()];
    if path.is_dir() {
        candidates.push(path.join("index.html"));
    }
    let siblings: Vec<PathBuf> =
        candidates.iter().flat_map(|c| [sibling_of(c, "br"), sibling_of(c, "gz")]).collect();
    candidates.extend(siblings);
    candidates.iter().all(|c| match c.canonicalize() {
        Ok(real) => {
            real.starts_with(root) && std::fs::metadata(&real).is_ok_and(|m| m.is_file() || m.is_dir())
        }
        // Missing, or a dangling link: nothing the file service can open (it answers 404).
        Err(_) => true,
    })
}
