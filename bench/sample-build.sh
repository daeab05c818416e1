#!/usr/bin/env bash
# The cost of the generator in a real build: `dotnet build --no-incremental` of samples/ScooterRental with the
# generator, and without it (the same guards written by policyc build and compiled as files). Prints the
# median of N runs each (default 5). Needs the package in samples/.feed (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
guards=$(mktemp -d)
dotnet run --project src/PolicyCompiler.Cli -c Release -- build policies/eleven --out "$guards" > /dev/null
dotnet build samples/ScooterRental -c Release > /dev/null   # restore and warm up

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_build() {
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    dotnet build samples/ScooterRental -c Release --no-incremental --no-restore "$@" > /dev/null
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | median
}
with=$(time_build)
without=$(time_build -p:CustomAfterMicrosoftCommonTargets="$PWD/bench/without-generator.targets" -p:PolicyGuards="$guards")
rm -rf "$guards"
echo "dotnet build of the sample, median of $runs: with the generator ${with} ms, without ${without} ms"
