#!/usr/bin/env bash
# Fuzzing with a real budget: every property of tests/fuzz.rs (queries, index bytes, ingest
# parsers, and any text end to end through ingest -> index -> search -> entities), run alone
# with CASES cases each (default 5,000) in a release build. Writes bench/fuzz/results.md:
# cases, time and outcome per property. Failing inputs are kept by proptest in
# tests/fuzz.proptest-regressions and replayed first by every `cargo test`.
#
#   bench/fuzz/run.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:-5000}
out=bench/fuzz/results.md
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target/fuzz}
cargo test --release --test fuzz --no-run --quiet 2>/dev/null
names=$(cargo test --release --test fuzz --quiet -- --list 2>/dev/null | sed -n 's/: test$//p')
tmp=$(mktemp)
{
  echo "# Fuzz run: $cases cases per property"
  echo
  echo "\`bench/fuzz/run.sh $cases\` on $(date -u +%Y-%m-%d), $(nproc) cores, commit $(git rev-parse --short HEAD)."
  echo
  echo "| property | cases | time | outcome |"
  echo "|---|---:|---:|---|"
} > "$tmp"
status=0
for name in $names; do
  start=$(date +%s.%N)
  if DOSSIER_FUZZ_CASES=$cases cargo test --release --test fuzz --quiet -- --exact "$name" >/tmp/fuzz-$$.log 2>&1; then
    outcome="passed"
  else
    outcome="**failed** (see tests/fuzz.proptest-regressions)"; status=1
    tail -20 /tmp/fuzz-$$.log >&2
  fi
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')
  echo "| \`$name\` | $cases | $secs | $outcome |" >> "$tmp"
  echo "$name: $outcome in $secs" >&2
done
rm -f /tmp/fuzz-$$.log
mv "$tmp" "$out"
echo "wrote $out" >&2
exit $status
