#!/usr/bin/env bash
# The test build with faults to inject (a chart's drawing, the headline) for tests/e2e/contain.test.mjs, into
# dist-fault/. Trunk 0.21 ignores the command line's `--features` for a link that names its own cargo features
# (index.html's core link carries `data-cargo-no-default-features`), so the page is built from a copy of
# index.html whose core link also says `data-cargo-features="fault-injection"`; VTRE_FAULT_INJECTION makes
# scripts/full-module.sh build the full module with the same feature. The release profile, so only the app
# crate is rebuilt.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
page=index.fault.html
trap 'rm -f "$page"' EXIT
sed 's/data-cargo-no-default-features>/data-cargo-no-default-features data-cargo-features="fault-injection">/' \
  index.html > "$page"
grep -q 'data-cargo-features="fault-injection"' "$page" || { echo "fault-build: index.html's core link changed" >&2; exit 1; }
# Built as the release is (scripts/wasm-env.sh), so the tests see a panic as a reader's browser would.
source scripts/wasm-env.sh
VTRE_FAULT_INJECTION=1 trunk build --release --dist dist-fault "$page"
# Trunk writes the page under its source name; the tests open dist-fault/index.html.
if [ -f dist-fault/"$page" ]; then mv dist-fault/"$page" dist-fault/index.html; fi
for wasm in dist-fault/explorer-*_bg.wasm; do
  grep -q "injected fault in" "$wasm" || { echo "fault-build: $wasm has no faults" >&2; exit 1; }
done
