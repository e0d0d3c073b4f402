#!/usr/bin/env bash
# Benchmarks (not part of the test run): the model natively (criterion) and, against the release build in
# headless Chromium, main-thread work per lever move and the app's transfer size. Prints the figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh --test
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "== model: simulate() natively (criterion)"
cargo bench --offline --bench simulate 2>&1 | grep -E '^simulate/|time:'
echo "== release build"
(source scripts/wasm-env.sh && trunk build --release >/dev/null)
cargo build -q --offline --release --bin vtre
echo "== interaction and size"
node tests/e2e/bench.mjs
echo "== initial download (deterministic, from dist/)"
node scripts/size.mjs dist
echo "== Lighthouse 13 (mobile default and desktop preset), pages served gzip-compressed"
node tests/e2e/lighthouse.mjs
