#!/usr/bin/env bash
# The comparison with Cedar, in one run: our benchmarks (BenchmarkDotNet, short mode) for the full compile and
# the guard decision, the same policies exported as Cedar policy sets with requests and our decisions, then
# compare.mjs, which checks that Cedar decides every request as we do and prints the ratios against the targets.
#
# Usage: bench/cedar/run.sh [--enforce] [--reports DIR] [OUTPUT]
#   --enforce      fail when a target is missed (a disagreeing decision always fails)
#   --reports DIR  use the BenchmarkDotNet JSON reports in DIR (from an earlier run of the whole suite)
#   OUTPUT         where the exported sets (OUTPUT/data) and our reports (OUTPUT/bdn) go; default out/cedar.
#                  Only those two subfolders are replaced.
set -euo pipefail
shopt -s nullglob
repo="$(cd "$(dirname "$0")/../.." && pwd)"
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }

enforce=() reports_dir="" out="$repo/out/cedar"
while [ $# -gt 0 ]; do
  case "$1" in
    --enforce) enforce=(--enforce) ;;
    --reports) [ $# -ge 2 ] || { echo "run.sh: --reports needs a folder" >&2; exit 2; }; reports_dir="$(absolute "$2")"; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) out="$(absolute "$1")" ;;
  esac
  shift
done
cd "$repo"
rm -rf "$out/data" "$out/bdn"
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
if [ ${#reports[@]} -eq 0 ]; then
  echo "run.sh: no BenchmarkDotNet JSON report in $reports_dir" >&2
  exit 2
fi
node bench/cedar/compare.mjs --data "$out/data" "${reports[@]}" ${enforce[@]+"${enforce[@]}"}
