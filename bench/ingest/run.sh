#!/usr/bin/env bash
# Ingest throughput per input format: generates a folder per format (bench/ingest/generate.py,
# news-site HTML template, windows-1252 HTML, txt, md, jsonl, csv, rss, docx, pdf), times
# `ingest` alone on each (files -> documents, no indexing; examples/ingest_bench.rs, release
# build, best of 3 runs) and writes bench/ingest/README.md with MB/s, files/s and documents/s.
#
#   bench/ingest/run.sh [SCALE]     SCALE multiplies the article counts (default 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-1}
data=${DOSSIER_BENCH_DATA:-target/bench-ingest}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
rm -rf "$data"
python3 bench/ingest/generate.py "$data" "$scale"
cargo build --release --quiet --example ingest_bench
bin="$CARGO_TARGET_DIR/release/examples/ingest_bench"
out=bench/ingest/README.md
tmp=$(mktemp)
cat > "$tmp" <<HEAD
# Ingest throughput per format

\`bench/ingest/run.sh $scale\` on $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), commit $(git rev-parse --short HEAD).

What is timed: \`dossier::ingest\` alone (walk, read, decode, parse, extract; no indexing) on a
generated folder per format, release build, best of 3 runs (warm page cache). Inputs
(\`generate.py\`, seeded): **html** a news-site template per article (nav, cookie banner, JSON-LD,
share bar, related list, footer; the article is about half of the page), **html-1252** the same
declared windows-1252, **txt**, **md** (front matter, links), **jsonl** and **csv** one file of
articles, **rss** feeds of 100 items (\`content:encoded\` HTML), **docx** (zip, one paragraph
per \`w:p\`), **pdf** (one page, Helvetica text layer). MB are input bytes (10^6).

| format | files | MB | documents | skipped | time | MB/s | files/s | documents/s |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
HEAD
for format in html html-1252 txt md jsonl csv rss docx pdf; do
  read -r files bytes docs skipped secs _ < <("$bin" "$data/$format" 3)
  awk -v f="$format" -v n="$files" -v b="$bytes" -v d="$docs" -v s="$skipped" -v t="$secs" 'BEGIN {
    printf "| %s | %d | %.1f | %d | %d | %.3f s | %.1f | %.0f | %.0f |\n", f, n, b / 1e6, d, s, t, b / 1e6 / t, n / t, d / t }' >> "$tmp"
  echo "$format: $files files, $docs documents in $secs s" >&2
done
mv "$tmp" "$out"
echo "wrote $out" >&2
