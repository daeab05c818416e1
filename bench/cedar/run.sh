#!/usr/bin/env bash
# The comparison with Cedar, in one run: our benchmarks (BenchmarkDotNet, short mode) for the full compile and
# the guard decision, the same policies exported as Cedar policy sets with requests and our decisions, then
# compare.mjs, which checks that Cedar decides every request as we do and prints the ratios against the targets.
#
# Usage: bench/cedar/run.sh [--enforce] [--reports DIR] [OUTPUT, default out/cedar]
#   --enforce      fail when a target is missed (a disagreeing decision always fails)
#   --reports DIR  use the BenchmarkDotNet JSON reports in DIR (from an earlier run of the whole suite)
set -euo pipefail
cd "$(dirname "$0")/../.."
enforce=() reports_dir="" out="out/cedar"
while [ $# -gt 0 ]; do
  case "$1" in
    --enforce) enforce=(--enforce) ;;
    --reports) reports_dir="$2"; shift ;;
    *) out="$1" ;;
  esac
  shift
done
rm -rf "$out"
mkdir -p "$out"

npm ci --prefix bench/cedar --no-audit --no-fund --loglevel=error
if [ -z "$reports_dir" ]; then
  dotnet run -c Release --project bench/PolicyCompiler.Bench -- --short \
    --filter '*PipelineBenchmarks*' '*GuardBenchmarks*' --exporters json --artifacts "$out/bdn"
  reports_dir="$out/bdn/results"
fi
dotnet run -c Release --project bench/PolicyCompiler.Bench -- cedar-export "$out/data"

reports=()
for report in "$reports_dir"/*-report-full*.json; do reports+=(--ours "$report"); done
node bench/cedar/compare.mjs --data "$out/data" "${reports[@]}" "${enforce[@]}"
