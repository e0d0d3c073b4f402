#!/usr/bin/env bash
# Which series moved, and by how much, between the reference projection (and every preset) of a previous
# commit and the working tree. Usage: scripts/model-diff.sh [REV]   (default REV: HEAD)
# Every model change is reviewed as numbers: paste the output into the commit message.
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-HEAD}"
work="$(mktemp -d)"
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/old" "$rev" >/dev/null 2>&1
# Share the build directory's dependencies but not its outputs: a separate target dir per tree.
(cd "$work/old" && cargo build --offline -q -p vtre-cli --target-dir "$PWD/../target-old")
cargo build --offline -q -p vtre-cli
old="$work/target-old/debug/vtre"
new="target/debug/vtre"
presets="$("$new" presets | cut -f1)"
"$old" project > "$work/old-reference.csv"
"$new" project > "$work/new-reference.csv"
echo "== reference ($rev -> working tree)"
"$new" diff "$work/old-reference.csv" "$work/new-reference.csv"
for p in $presets; do
  if "$old" project --preset "$p" > "$work/old-$p.csv" 2>/dev/null; then
    "$new" project --preset "$p" > "$work/new-$p.csv"
    echo "== preset $p"
    "$new" diff "$work/old-$p.csv" "$work/new-$p.csv"
  fi
done
