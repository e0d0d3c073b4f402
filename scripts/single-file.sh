#!/usr/bin/env bash
# Builds the single-file edition: dist-single/vtre-explorer.html (one self-contained file, < 1 MB).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
(source scripts/wasm-env.sh && trunk build --release)
node scripts/single-file.mjs dist dist-single/vtre-explorer.html
