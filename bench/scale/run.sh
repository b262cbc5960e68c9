#!/usr/bin/env bash
# Build-time, memory, index-size and query-latency curves on generated corpora, in one command.
#
#   bench/scale/run.sh                      sizes 10000 30000 100000 300000 1000000
#   bench/scale/run.sh 10000 30000          only these sizes
#   bench/scale/run.sh --render             rewrite the README table from bench/out/scale/*.json
#
# For each size: generates bench/out/scale/news-N.jsonl (generate.mjs, seed 1; kept for the
# next run), builds it with the release CLI under /usr/bin/time -v and DOSSIER_TIMINGS=1,
# gzips the index to count its compressed size, and times the queries of bench/queries.json
# natively (examples/scale_query.rs). Writes bench/out/scale/result-N.json and the results
# section of bench/scale/README.md.
#
# Limits: a build is stopped after LIMIT_MINUTES (15) or when its address space passes
# LIMIT_GB (20 GiB; `ulimit -v`, so the allocation fails and the build aborts), and larger
# sizes are then skipped; a size is also skipped when the power law fitted to the last two
# sizes predicts it would pass twice either limit. Either way the limit is recorded in the
# table, with the last phase or progress line the build printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out/scale
LIMIT_MINUTES=${LIMIT_MINUTES:-15}
LIMIT_GB=${LIMIT_GB:-20}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "${1:-}" = "--render" ]; then
  exec node bench/scale/report.mjs
fi
case "${1:-}" in -h|--help) sed -n '2,17p' "$0"; exit 0 ;; esac
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000 100000 300000 1000000)

if [ ! -x /usr/bin/time ]; then
  say "installing Debian's time (for peak RSS)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq time >/dev/null
fi
say "building the release CLI and examples/scale_query.rs"
cargo build --release --quiet --bin dossier --example scale_query
BIN=target/release/dossier
QUERY=target/release/examples/scale_query
mkdir -p "$OUT"

for n in "${sizes[@]}"; do
  corpus=$OUT/news-$n.jsonl
  index=$OUT/news-$n.dsr
  result=$OUT/result-$n.json
  if ! verdict=$(node bench/scale/report.mjs --predict "$n" "$LIMIT_MINUTES" "$LIMIT_GB"); then
    say "skipping $n documents: $verdict"
    node bench/scale/report.mjs --skip "$n" "$verdict"
    break
  fi
  if [ ! -s "$corpus" ]; then
    say "generating $n documents"
    node bench/scale/generate.mjs --docs "$n" --out "$corpus"
  fi
  say "building $n documents ($(du -h "$corpus" | cut -f1) of JSONL)"
  rm -f "$index"
  status=0
  (
    ulimit -v $((LIMIT_GB * 1024 * 1024))
    DOSSIER_TIMINGS=1 timeout "${LIMIT_MINUTES}m" /usr/bin/time -v "$BIN" build "$corpus" -o "$index"
  ) 2> "$OUT/build-$n.log" || status=$?
  grep -E '^(  |dossier)' "$OUT/build-$n.log" >&2 || true
  if [ $status -ne 0 ] || [ ! -s "$index" ]; then
    reason="build failed (exit $status): $(grep -E 'dossier:|memory allocation|Command terminated' "$OUT/build-$n.log" | head -2 | tr '\n' ' ')"
    [ $status -eq 124 ] && reason="build stopped after $LIMIT_MINUTES min; last: $(grep -E '^(dossier: [0-9,]+ documents|  [a-z])' "$OUT/build-$n.log" | tail -1 | sed 's/  */ /g')"
    say "$n documents: $reason"
    node bench/scale/report.mjs --skip "$n" "$reason" "$OUT/build-$n.log"
    break
  fi
  say "gzip size"
  gzip_bytes=$(gzip -c "$index" | wc -c)
  say "timing queries"
  "$QUERY" "$index" bench/queries.json --json > "$OUT/query-$n.json"
  node bench/scale/report.mjs --record "$n" "$corpus" "$index" "$gzip_bytes" "$OUT/build-$n.log" "$OUT/query-$n.json"
  [ "${KEEP_INDEXES:-0}" = 1 ] || [ "$n" -le 100000 ] || rm -f "$index" # big indexes take disk
done
node bench/scale/report.mjs
