#!/usr/bin/env bash
# Sharded mode at scale: generate N articles from the real corpus, build them with
# `build.sh --sharded`, and measure first results and warm queries in Chromium.
#
#   bench/sharded/run.sh [N=100000]      writes bench/out/sharded-N/ (corpus, dist, results.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
out=bench/out/sharded-$n
mkdir -p "$out"
[ -s "$out/corpus.jsonl" ] || node bench/scale/generate.mjs --docs "$n" --out "$out/corpus.jsonl"
CARGO_TARGET_DIR=target/bench-sharded ./build.sh build --corpus "$out/corpus.jsonl" --out "$out/dist" --sharded
node bench/sharded/run.mjs "$out/dist" --per-kind 5 | tee "$out/results.md"
