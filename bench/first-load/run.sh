#!/usr/bin/env bash
# First results on the reference slow link (10 Mbit/s, 40 ms), Dossier embedded vs sharded vs
# Pagefind, on the seeds and on NewsArticles cut to several sizes: where an embedded index
# stops paying (the threshold for build.sh's automatic choice) and how far from Pagefind we are.
#
#   bench/first-load/run.sh [SIZES...]   (default: the first 250, 1000 and all 3,824 lines of NewsArticles)
#   writes bench/out/first-load/ (corpora, sites, sites.json, results.json) and prints the table
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(250 1000 3824)
OUT=bench/out/first-load
export CARGO_TARGET_DIR=target/bench-first # its own target dir: no clash with other builds
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
mkdir -p "$OUT"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
source bench/pagefind/install.sh
gunzip -c ../shared/bench/newsarticles.jsonl.gz > "$OUT/news.jsonl"

site() { # label engine dir corpus queries-json
  printf '{"label":"%s","engine":"%s","dir":"%s","corpus":"%s","queries":%s}' "$1" "$2" "$3" "$4" "$5"
}
entries=()
build_pair() { # name corpus label queries-json
  local name=$1 corpus=$2 label=$3 queries=$4
  say "$label: Dossier embedded and sharded"
  ./build.sh build --corpus "$corpus" --out "$OUT/$name-embedded" --embedded >/dev/null
  ./build.sh build --corpus "$corpus" --out "$OUT/$name-sharded" --sharded >/dev/null
  entries+=("$(site "Dossier embedded" Dossier "$OUT/$name-embedded" "$label" "$queries")")
  entries+=("$(site "Dossier sharded" Dossier "$OUT/$name-sharded" "$label" "$queries")")
  say "$label: Pagefind"
  node bench/pagefind/build.mjs "$corpus" >/dev/null
  rm -rf "$OUT/$name-pagefind"; mv bench/out/pagefind-site "$OUT/$name-pagefind"
  entries+=("$(site "Pagefind" Pagefind "$OUT/$name-pagefind" "$label" "$queries")")
}

# The seeds as JSONL (Pagefind's builder reads JSONL).
node -e '
  const fs = require("fs"), path = require("path");
  const lines = fs.readdirSync("corpus").sort().map((f) => {
    const [title, ...rest] = fs.readFileSync(path.join("corpus", f), "utf8").split("\n");
    return JSON.stringify({ id: f.replace(/\.[^.]+$/, ""), title, text: rest.join("\n") });
  });
  fs.writeFileSync(process.argv[1], lines.join("\n") + "\n");' "$OUT/seeds.jsonl"
build_pair seeds "$OUT/seeds.jsonl" "seeds (5)" '["kellogg"]'
for n in "${sizes[@]}"; do
  head -n "$n" "$OUT/news.jsonl" > "$OUT/news-$n.jsonl"
  build_pair "news-$n" "$OUT/news-$n.jsonl" "NewsArticles $n" '["trump","merkel election","\"supreme court\""]'
done
(IFS=,; echo "[${entries[*]}]") > "$OUT/sites.json"
say "measuring in Chromium over the reference link"
node bench/first-load/run.mjs "$OUT/sites.json" --runs 3
