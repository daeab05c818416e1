#!/usr/bin/env bash
# What the tests run besides .NET, installed where it is absent, so that the README's test command passes on a fresh
# machine: Debian's chromium (the review pages are opened in it headless) and, from their lock files, the npm packages
# of the editor-grammar test (grammar/test) and of the JSON-LD check of the exports (tests/exports-check). The test
# project runs this before it builds. It exits 1 when something could not be installed; the test that needs it then
# fails and says what is missing.
set -u
cd "$(dirname "$0")/.."
status=0

if [ ! -x /usr/bin/chromium ]; then
  if ! command -v apt-get >/dev/null; then
    echo "prepare-tools: no apt-get to install chromium with"; status=1
  else
    as_root=none
    if [ "$(id -u)" -eq 0 ]; then as_root=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root="sudo -n"; fi
    if [ "$as_root" = none ]; then
      echo "prepare-tools: installing chromium needs root (apt-get install chromium)"; status=1
    else
      echo "prepare-tools: installing chromium from Debian"
      { $as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium >/dev/null; } \
        || { echo "prepare-tools: could not install chromium"; status=1; }
    fi
  fi
fi

for folder in grammar/test tests/exports-check; do
  # npm ci writes node_modules/.package-lock.json: present and not older than the lock file means installed.
  installed="$folder/node_modules/.package-lock.json"
  if [ -f "$installed" ] && [ ! "$folder/package-lock.json" -nt "$installed" ]; then continue; fi
  if ! command -v npm >/dev/null; then
    echo "prepare-tools: no npm to install $folder's packages with"; status=1; continue
  fi
  echo "prepare-tools: installing $folder's packages from its lock file"
  npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error || { echo "prepare-tools: could not install $folder's packages"; status=1; }
done
exit "$status"
