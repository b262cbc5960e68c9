#!/usr/bin/env bash
# Dossier: build, serve and test. Installs what a fresh Debian machine lacks.
#
#   ./build.sh [build]            index corpus/, compile the wasm with it, write dist/
#   ./build.sh serve              build, then serve dist/ on http://127.0.0.1:8080
#   ./build.sh test               build, then run every test (lint, native, wasm, browser)
#   options: --corpus DIR|FILE (repeatable; default corpus/)  --port N  --out DIR (default dist)
#            --sharded: root + shards in dist/index/, fetched lazily (automatic for an index
#            over $DOSSIER_EMBED_LIMIT bytes, default 256 KB); --embedded: never shard
#            (dist/dossier.html embeds the index either way, up to 48 MB)
#            --follow-links: follow symbolic links out of the corpus folder (default: only within)
#            --corrections FILE: apply a newsroom's entity corrections (docs/corrections.md)
#            --csv-columns MAP: CSV/TSV columns for fields, e.g. text=story,title=hed
#   --out DIR is replaced only if build.sh wrote it (its .dossier-dist manifest); never wiped
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

command=build
corpus=()
port=8080
out=dist
mode=auto
build_flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    build|serve|test) command=$1 ;;
    --corpus) corpus+=("${2:?--corpus needs a folder or file}"); shift ;;
    --port) port=${2:?--port needs a number}; shift ;;
    --out) out=${2:?--out needs a folder}; shift ;;
    --sharded) mode=sharded ;;
    --embedded) mode=embedded ;;
    --follow-links) build_flags+=(--follow-links) ;;
    --corrections) build_flags+=(--corrections "${2:?--corrections needs a file}"); shift ;;
    --csv-columns) build_flags+=(--csv-columns "${2:?--csv-columns needs field=column pairs}"); shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#corpus[@]} -gt 0 ] || corpus=(corpus)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# dist/ is replaced, never wiped: check_out_replaceable, write_manifest, swap_in.
source scripts/dist.sh

# --- tools ---------------------------------------------------------------------------------
bindgen_version() { sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml; }

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  local want; want=$(bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (takes a few minutes, once)"
    cargo install wasm-bindgen-cli --version "=$want" --no-default-features
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm tools into node_modules/"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_browser() {
  if [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver (for browser tests)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# --- build ---------------------------------------------------------------------------------
TARGET=${CARGO_TARGET_DIR:-target}
INDEX=$TARGET/dossier/index.dsr
PKG=$TARGET/dossier/pkg

# The largest index embedded in dossier.html (the single file that opens from file://).
SINGLE_FILE_LIMIT=48000000

# Compiles the core to wasm with cargo profile $1, wasm-opt flag $2 and the index file $3
# embedded ("" for none), into the wasm-bindgen package folder $4.
build_wasm() {
  DOSSIER_INDEX="$3" cargo rustc --quiet --lib --profile "$1" \
    --target wasm32-unknown-unknown --crate-type cdylib
  rm -rf "$4"
  wasm-bindgen --target web --out-dir "$4" --out-name dossier \
    "$TARGET/wasm32-unknown-unknown/$1/dossier.wasm"
  node_modules/.bin/wasm-opt "$2" "$4/dossier_bg.wasm" -o "$4/dossier_bg.wasm"
}

build() {
  check_out_replaceable "$out"
  mkdir -p "$(dirname "$out")"
  ensure_build_tools
  say "indexing ${corpus[*]}"
  cargo build --release --quiet --bin dossier
  "$TARGET/release/dossier" build "${corpus[@]}" -o "$INDEX" ${build_flags[@]+"${build_flags[@]}"}

  # Above the limit a served site opens faster sharded: on a 10 Mbit/s, 40 ms link an
  # embedded index is already slower at 1.5 MB (bench/first-load/README.md).
  local limit=${DOSSIER_EMBED_LIMIT:-262144} size
  size=$(stat -c %s "$INDEX")
  if [ "$mode" = auto ] && [ "$size" -gt "$limit" ]; then
    say "the index is $(kb "$size"), over $(kb "$limit"): the served site loads it in pieces (--embedded to embed it)"
    mode=sharded
  fi
  if [ "$mode" = sharded ]; then
    say "compiling the core to wasm; the index goes to $out/index/ as shards"
    # Sharded: optimised for size (the wasm is most of what a visitor downloads before the
    # first results). See Cargo.toml.
    build_wasm wasm-small -Oz "" "$PKG"
  else
    say "compiling the core to wasm with the index embedded"
    # Embedded: optimised for speed (the code is ~1% of the file).
    build_wasm wasm -O3 "$(realpath "$INDEX")" "$PKG"
  fi
  # dossier.html, for file:// and e-mail, always embeds the index (up to 48 MB of it).
  local single=$PKG
  if [ "$mode" = sharded ] && [ "$size" -le "$SINGLE_FILE_LIMIT" ]; then
    say "compiling the core to wasm with the index embedded, for dossier.html"
    single=$PKG-single
    build_wasm wasm -O3 "$(realpath "$INDEX")" "$single"
  elif [ "$mode" = sharded ]; then
    single=
  fi

  say "writing $out/"
  # Written whole into a new folder beside $out, then swapped in: a failed or interrupted
  # build leaves the previous dist/ as it was.
  local stage
  stage=$(mktemp -d "$(dirname "$out")/.$(basename "$out").new-XXXXXX")
  trap 'rm -rf -- "$stage"' EXIT  # only the folder this build created
  cp -r www/. "$stage/"
  mkdir -p "$stage/pkg"
  cp "$PKG/dossier.js" "$PKG/dossier_bg.wasm" "$PKG/dossier.d.ts" "$stage/pkg/"
  [ "$mode" = sharded ] && "$TARGET/release/dossier" shard "$INDEX" -o "$stage/index"
  if [ "$single" = "$PKG" ]; then
    node scripts/single-file.mjs "$stage"
  elif [ -n "$single" ]; then
    # The single file from the page and the embedding wasm, in a scratch copy of the page.
    local page="$TARGET/dossier/single-page"
    rm -rf "$page"; mkdir -p "$page/pkg"
    cp -r www/. "$page/"
    cp "$single/dossier.js" "$single/dossier_bg.wasm" "$page/pkg/"
    node scripts/single-file.mjs "$page"
    mv "$page/dossier.html" "$stage/dossier.html"
  else
    say "no single-file dossier.html: the index is over $(kb "$SINGLE_FILE_LIMIT") (the served site needs a web server)"
  fi
  # .br and .gz siblings that static hosts and `dossier serve` send as they are.
  "$TARGET/release/dossier" compress "$stage"
  write_manifest "$stage"
  swap_in "$stage" "$out"
  trap - EXIT
  report_sizes
}

gz() { gzip -9c "$1" | wc -c; }
kb() { awk -v n="$1" 'BEGIN { printf "%.1f KB", n / 1000 }'; }
# The bytes a browser that accepts brotli gets for file $1: its .br sibling, or itself.
br_size() { if [ -f "$1.br" ]; then stat -c %s "$1.br"; else stat -c %s "$1"; fi; }

report_sizes() {
  # Shards are many (100,000 at 100k articles): they are summed, not each compressed here.
  # The .br and .gz siblings are left out of the sums: they are the same files, compressed.
  local raw zipped=0 f
  raw=$(find "$out" -type f -not -name '*.br' -not -name '*.gz' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  while IFS= read -r -d '' f; do
    zipped=$((zipped + $(if [ -f "$f.gz" ]; then stat -c %s "$f.gz"; else gz "$f"; fi)))
  done < <(find "$out" -type f -not -path "$out/index/*" -not -name '*.br' -not -name '*.gz' -print0)
  local wasm="$out/pkg/dossier_bg.wasm"
  if [ "$mode" = sharded ]; then
    local shards
    shards=$(find "$out/index" -type f -name '*.dsr' | wc -l)
    say "sizes: $out/ $(kb "$raw") raw; the page and wasm $(kb "$zipped") gzip, wasm $(kb "$(stat -c %s "$wasm")") raw, $(kb "$(gz "$wasm")") gzip; index $(kb "$(stat -c %s "$INDEX")") in $shards files in $out/index/"
  else
    say "sizes: $out/ $(kb "$raw") raw, $(kb "$zipped") gzip; wasm $(kb "$(stat -c %s "$wasm")") raw, $(kb "$(gz "$wasm")") gzip (index $(kb "$(stat -c %s "$INDEX")") of it)"
  fi
  # A first visit of the served site: the page's files (not dossier.html, the .d.ts or the
  # shards), as a browser accepting brotli gets them; the sharded index adds its root.
  local first=0 count=0
  while IFS= read -r -d '' f; do
    first=$((first + $(br_size "$f"))); count=$((count + 1))
  done < <(find "$out" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' \) \
             -not -path "$out/index/*" -not -path "$out/dossier.html" -print0)
  local root=""
  [ -f "$out/index/root.dsr" ] && root=", then $(kb "$(br_size "$out/index/root.dsr")") for index/root.dsr"
  say "first visit: $(kb "$first") brotli for the page ($count files: html, js, css, wasm, icon)$root"
  local single="$out/dossier.html"
  if [ -f "$single" ] && [ "$(stat -c %s "$single")" -gt 25000000 ]; then
    say "warning: $single is $(kb "$(stat -c %s "$single")"): too big to mail (over 25 MB); publish $out/ on a static host instead"
  fi
}

# --- serve ---------------------------------------------------------------------------------
serve() {
  # Says "serving dist/ on http://127.0.0.1:8080/ (Ctrl-C to stop)"; see src/bin/dossier/serve.rs.
  exec "$TARGET/release/dossier" serve "$out/" --port "$port"
}

# --- test ----------------------------------------------------------------------------------
run_tests() {
  ensure_browser
  say "lint: cargo fmt, clippy (native and wasm)"
  cargo fmt --check
  cargo clippy --quiet --all-targets -- -D warnings
  DOSSIER_INDEX="$(realpath "$INDEX")" cargo clippy --quiet --lib --test wasm --target wasm32-unknown-unknown -- -D warnings

  say "native tests"
  cargo test

  say "wasm tests under node (wasm-bindgen-test, the seeds index embedded)"
  DOSSIER_INDEX="$(realpath "$INDEX")" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test wasm

  say "wasm tests in headless Chromium (wasm-bindgen-test)"
  DOSSIER_INDEX="$(realpath "$INDEX")" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$(command -v chromedriver) \
    cargo test --target wasm32-unknown-unknown --test wasm

  say "end-to-end tests: the real page in headless Chromium"
  node --test --test-concurrency=1 tests/e2e/

  say "the relevance scorer (bench/relevance) on hand-computed cases"
  node --test bench/relevance/score.test.mjs

  say "the merge-set scorer (bench/entities) on hand-computed cases"
  python3 tests/merge_score_test.py

  say "hostile corpus: built twice (dist/ must be byte-identical), then attacked in Chromium"
  local a=target/hostile/dist-a b=target/hostile/dist-b
  CARGO_TARGET_DIR=target/hostile "$ROOT/build.sh" build --corpus tests/fixtures/hostile-corpus --out "$a" >/dev/null
  CARGO_TARGET_DIR=target/hostile "$ROOT/build.sh" build --corpus tests/fixtures/hostile-corpus --out "$b" >/dev/null
  if ! diff -r "$a" "$b" >/dev/null; then
    echo "build.sh: the same corpus built two different dist/ folders:" >&2
    diff -rq "$a" "$b" >&2
    exit 1
  fi
  echo "dist/ is byte-identical across builds ($(find "$a" -type f | wc -l) files)"
  DOSSIER_E2E_DIST="$a" node --test tests/e2e/hostile/documents-and-links-never-run.mjs

  say "a NewsArticles-sized corpus (3,800 generated articles) built with default options (sharded), searched in Chromium"
  local generated=target/sharded/corpus.jsonl sharded=target/sharded/dist
  node tests/e2e/sharded/make-corpus.mjs "$generated" 3800
  CARGO_TARGET_DIR=target/hostile "$ROOT/build.sh" build --corpus "$generated" --out "$sharded" >/dev/null
  [ -f "$sharded/index/root.dsr" ] || { echo "build.sh: the default build of 3,800 articles was not sharded" >&2; exit 1; }
  DOSSIER_E2E_DIST="$sharded" DOSSIER_INDEX=target/hostile/dossier/index.dsr DOSSIER_CLI=target/hostile/release/dossier \
    node --test tests/e2e/sharded/node-wasm.mjs
  DOSSIER_E2E_DIST="$sharded" node --test tests/e2e/sharded/lazy-shards.mjs
  DOSSIER_E2E_DIST="$sharded" node --test tests/e2e/sharded/entity-pages-at-scale.mjs
}

case "$command" in
  build) build ;;
  serve) build; serve ;;
  test)
    if [ "${corpus[*]}" != corpus ]; then echo "build.sh: test always uses corpus/" >&2; exit 2; fi
    build; run_tests ;;
esac
