#!/usr/bin/env bash
# Extract each corpus project at the commit recorded in manifest.json from the
# snapshots brought in by the search tool's `fetch` (bare git dirs
# MIRROR_ROOT/owner+name/repo) into SRC_ROOT/NAME. Existing dirs are kept.
# Usage: corpus/extract.sh [MIRROR_ROOT=/work/.mirror] [SRC_ROOT=/work/corpus-src]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mirror=${1:-/work/.mirror}
src=${2:-/work/corpus-src}
mkdir -p "$src"
python3 -c '
import json, sys
for p in json.load(open(sys.argv[1]))["projects"]:
    print(p["name"], p["repo"].replace("/", "+"), p["commit"], " ".join(p.get("extract", [])))
' "$here/manifest.json" | while read -r name repo commit paths; do
  if [ -d "$src/$name" ]; then echo "$name: present"; continue; fi
  gitdir="$mirror/$repo/repo"
  [ -d "$gitdir" ] || { echo "$name: no snapshot at $gitdir (fetch github:${repo/+//})" >&2; continue; }
  mkdir -p "$src/$name"
  # Snapshots lack files of 4 MiB and more; git archive then stops with an
  # error after the files it could write (asio: src/doc/reference.qbk, which
  # is why asio is extracted only in part).
  # shellcheck disable=SC2086
  git --git-dir="$gitdir" archive "$commit" -- $paths | tar -x -C "$src/$name" || true
  echo "$name: $(find "$src/$name" -type f | wc -l) files at $commit"
done
