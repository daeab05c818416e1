#!/usr/bin/env bash
# The cost of the package (its generator and analyzer) in real builds: each sample built with it, and without it
# (the same guards written by policyc build and compiled as files in the project that owns the policy), cold
# (`dotnet build --no-incremental`) and after an edit of one file of code (an incremental build). Prints the
# median of N runs of each (default 5) and the ratio with/without. Needs the package in samples/.feed (see .ci/run).
#   samples/ScooterRental       one project
#   samples/Rentals/Rentals.sln a domain that owns the policy, an API and a test project
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
guards=$(mktemp -d)
edited=()
cleanup() {
  rm -rf "$guards"
  for file in "${edited[@]}"; do [ -f "$file.bench-original" ] && mv "$file.bench-original" "$file"; done
}
trap cleanup EXIT
dotnet run --project src/PolicyCompiler.Cli -c Release -- build policies/eleven --out "$guards" > /dev/null

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# build TARGET EDITED-FILE OWNER cold|edit with|without: the median time in ms.
build() {
  local target=$1 file=$2 owner=$3 kind=$4 variant=$5
  local extra=()
  [ "$variant" = without ] && extra=(-p:CustomAfterMicrosoftCommonTargets="$PWD/bench/without-generator.targets" -p:PolicyGuards="$guards" -p:PolicyGuardsProject="$owner")
  dotnet build "$target" -c Release --no-restore "${extra[@]}" > /dev/null   # warm up, and the state an edit starts from
  for i in $(seq "$runs"); do
    if [ "$kind" = edit ]; then
      printf '\n// bench edit %s\n' "$i" >> "$file"
      start=$(date +%s%N)
      dotnet build "$target" -c Release --no-restore "${extra[@]}" > /dev/null
    else
      start=$(date +%s%N)
      dotnet build "$target" -c Release --no-restore --no-incremental "${extra[@]}" > /dev/null
    fi
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | median
}

measure() {
  local name=$1 target=$2 file=$3 owner=$4
  dotnet restore "$target" > /dev/null
  cp "$file" "$file.bench-original"; edited+=("$file")
  for kind in cold edit; do
    local with without
    with=$(build "$target" "$file" "$owner" "$kind" with)
    without=$(build "$target" "$file" "$owner" "$kind" without)
    awk -v n="$name" -v k="$kind" -v w="$with" -v o="$without" -v r="$runs" \
      'BEGIN { printf "%-9s %-5s median of %d: with the package %6d ms, without %6d ms, ratio %.2f\n", n, k, r, w, o, w / o }'
  done
  mv "$file.bench-original" "$file"
}

measure scooter samples/ScooterRental samples/ScooterRental/Rides.cs ScooterRental
measure rentals samples/Rentals/Rentals.sln samples/Rentals/Rentals.Api/Newsletter.cs Rentals.Domain
