#!/usr/bin/env bash
# The benchmark, in one command: Dossier (wasm) vs MiniSearch, FlexSearch and Pagefind on NewsArticles.
#
#   bench/run.sh                 install what is missing, build the Dossier site on the corpus, measure
#   bench/run.sh --no-build      measure the last build again
#   bench/run.sh --no-browser    skip the Chromium part (page loads, in-browser latency)
#   other options go to measure.mjs: --engines dossier,minisearch  --no-readme
#   node bench/measure.mjs --render   rewrite the README section from bench/out/*.json
#
# Writes bench/out/{results,parts,pagefind,browser}.json and the results section of
# bench/README.md, prints the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath ../shared/bench)
OUT=bench/out
CORPUS=$OUT/newsarticles.jsonl
export CARGO_TARGET_DIR=target/bench # its own target dir: no clash with other builds

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

build=1
browser=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --no-browser) browser=0 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done

# --- what the run needs --------------------------------------------------------------------
if [ ! -d node_modules/minisearch ] || [ ! -d node_modules/flexsearch ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm devDependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
source bench/pagefind/install.sh
if [ ! -x /usr/bin/time ]; then
  say "installing Debian's time (for peak RSS)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq time >/dev/null
fi
mkdir -p "$OUT"
if [ ! -s "$CORPUS" ] || [ "$DATA/newsarticles.jsonl.gz" -nt "$CORPUS" ]; then
  say "decompressing $DATA/newsarticles.jsonl.gz"
  gunzip -c "$DATA/newsarticles.jsonl.gz" > "$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS"
fi

# --- Dossier site with the corpus embedded --------------------------------------------------
if [ $build = 1 ]; then
  say "building Dossier on the corpus (CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
  start=$(date +%s%N)
  # Embedded: the query-latency comparison runs the wasm with the whole index in memory (the
  # served default for a corpus this size is sharded; bench/first-load compares both loads).
  ./build.sh --corpus "$CORPUS" --out "$OUT/dist" --embedded
  git describe --always --dirty > "$OUT/dist.VERSION" # what was built, for the report (beside dist/: build.sh replaces only folders it wrote whole)
  export BENCH_SITE_BUILD_MS=$(( ($(date +%s%N) - start) / 1000000 ))
elif [ ! -f "$OUT/dist/pkg/dossier_bg.wasm" ]; then
  echo "bench/run.sh: no build in $OUT/dist yet; run without --no-build" >&2
  exit 2
fi

# --- measure ---------------------------------------------------------------------------------
rm -f "$OUT"/parts.json "$OUT"/pagefind.json "$OUT"/browser.json # only this run's numbers in the README
say "Dossier's index by part (brotli 11 of every section; cached in $OUT/cache)"
node bench/index-parts.mjs
say "Pagefind: rendering one page per article and indexing them"
node bench/pagefind/build.mjs "$CORPUS"
if [ $browser = 1 ]; then
  say "in headless Chromium: page loads to first results, query latency (a few minutes)"
  node bench/browser/run.mjs
fi
say "measuring in node (a few minutes)"
node --expose-gc bench/measure.mjs "$CORPUS" "${args[@]}"
