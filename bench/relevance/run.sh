#!/usr/bin/env bash
# Relevance on NewsArticles: Dossier vs MiniSearch vs Pagefind on the judged queries.
#
#   bench/relevance/run.sh              build what is missing, score, rewrite the README's results
#   bench/relevance/run.sh --no-readme  score only (tables to stdout, bench/out/relevance/scores.json)
#
# Builds: npm devDependencies (minisearch), the corpus JSONL, the Dossier CLI (release) and its
# index of the corpus (bench/out/relevance/index.dsr), the Pagefind bundle (bench/pagefind/build.mjs).
# About two minutes when everything is built except the index and the Pagefind bundle.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=$(realpath ../shared/bench)
OUT=bench/out
CORPUS=$OUT/newsarticles.jsonl
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ ! -d node_modules/minisearch ]; then
  say "installing npm devDependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
PAGEFIND_VERSION=1.6.0 # as bench/run.sh: outside package.json
if [ "$(node -p "require('./$OUT/pagefind-npm/node_modules/pagefind/package.json').version" 2>/dev/null)" != "$PAGEFIND_VERSION" ]; then
  say "installing pagefind $PAGEFIND_VERSION into $OUT/pagefind-npm/"
  mkdir -p "$OUT/pagefind-npm"
  npm install --prefix "$OUT/pagefind-npm" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "pagefind@$PAGEFIND_VERSION"
fi
if [ ! -x /usr/bin/time ]; then
  say "installing Debian's time (bench/pagefind/build.mjs measures with it)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq time >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null; fi
fi
mkdir -p "$OUT/relevance"
if [ ! -s "$CORPUS" ] || [ "$DATA/newsarticles.jsonl.gz" -nt "$CORPUS" ]; then
  say "decompressing $DATA/newsarticles.jsonl.gz"
  gunzip -c "$DATA/newsarticles.jsonl.gz" > "$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS"
fi

say "building the Dossier CLI (CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo build --release --quiet --bin dossier
BIN=$CARGO_TARGET_DIR/release/dossier
say "indexing the corpus with it"
"$BIN" build "$CORPUS" -o "$OUT/relevance/index.dsr" --quiet
if [ ! -f "$OUT/pagefind-site/pagefind/pagefind.js" ] || [ "$CORPUS" -nt "$OUT/pagefind-site/pagefind/pagefind.js" ]; then
  say "Pagefind: rendering one page per article and indexing them"
  node bench/pagefind/build.mjs "$CORPUS"
fi

say "the scorer's own test"
node --test bench/relevance/score.test.mjs >/dev/null
say "scoring"
DOSSIER_BIN=$BIN node bench/relevance/score.mjs --corpus "$CORPUS" --index "$OUT/relevance/index.dsr" "$@"
