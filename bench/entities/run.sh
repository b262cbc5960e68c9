#!/usr/bin/env bash
# Entity extraction benchmark: Dossier's extractor against the spaCy reference on the
# NewsArticles corpus (../shared/bench): timing (build with and without entities) and
# agreement (precision, recall, F1 per kind, with where each side errs).
# Writes bench/entities/README.md from the run. Needs cargo and python3 (stdlib only).
#
#   bench/entities/run.sh                      # data from ../shared/bench
#   DOSSIER_BENCH_DATA=/path/to/bench bench/entities/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${DOSSIER_BENCH_DATA:-../shared/bench}"
out=bench/out/entities
mkdir -p "$out"

load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "entities bench: decompressing the corpus into $out/" >&2
gzip -dc "$data/newsarticles.jsonl.gz" > "$out/newsarticles.jsonl"

echo "entities bench: building and running examples/entity_eval.rs (release)" >&2
cargo run --quiet --release --example entity_eval -- "$out/newsarticles.jsonl" \
  > "$out/ours.jsonl" 2> "$out/timing.txt"
cat "$out/timing.txt" >&2

echo "entities bench: comparing with spaCy" >&2
python3 bench/entities/compare.py "$out/ours.jsonl" "$data/newsarticles.spacy_ents.jsonl.gz" \
  "$out/newsarticles.jsonl" > "$out/compare.md"

value() { sed -n "s/^$1: \([0-9.]*\).*/\1/p" "$out/timing.txt" | head -1; }
{
  cat bench/entities/header.md
  echo
  echo "## Run"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`$(git describe --always --dirty 2>/dev/null || echo unknown)\`," \
    "$(nproc) CPU ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(rustc --version)," \
    "load average before the run: $load (timings on a shared machine vary; the ratio, from" \
    "interleaved runs, is the steadiest figure)."
  echo
  echo "## Timing (release build, best of 5 interleaved runs each)"
  echo
  echo "| pass | seconds |"
  echo "|---|---:|"
  echo "| ingest (JSONL → documents) | $(value ingest) |"
  echo "| build without entities (ingest + \`Indexer::without_entities\`) | $(value 'build without entities (ingest + index)') |"
  echo "| build with entities (ingest + \`Indexer::new\`: extraction and entity sections) | $(value 'build with entities (ingest + index + entities)') |"
  echo "| extraction alone (\`Extractor::add\` × documents + \`finish\`) | $(value extract) |"
  echo "| **ratio build with / without** | **$(value ratio)** |"
  echo
  grep -E '^(documents|entities):' "$out/timing.txt" | sed 's/^/- /'
  echo
  echo "## Agreement with spaCy"
  echo
  cat "$out/compare.md"
  echo
  # The merge-set section, written by bench/entities/merge.sh (kept when this script reruns).
  if [ -f bench/entities/merge.md ]; then cat bench/entities/merge.md; echo; fi
  cat bench/entities/notes.md
} > bench/entities/README.md
echo "entities bench: wrote bench/entities/README.md" >&2
