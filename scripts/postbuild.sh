#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): runs in every `trunk build` / `trunk serve` build.
#  1. writes the pre-rendered reading pages (crates/site) into the build as pages/*.html, and every parameter
#     with its source as data/assumptions.csv (`vtre params-all`; the app's "download data" fetches it, so
#     the sources' text stays out of the wasm);
#  2. moves Trunk's inline module loader into a file, so the app runs under a CSP without 'unsafe-inline';
#  2b. builds the full module (scripts/full-module.sh: the explorer's core is what index.html loads);
#  3. versions the analysis worker's file names (scripts/worker-version.mjs: Trunk does not hash a worker's);
#  4. in release builds, minifies the wasm-bindgen JS glue (terser, from .tools/) and updates its SRI hash;
#  5. last, as it lists every file: the icons, the web app manifest, the build version in index.html and
#     the service worker sw.js (scripts/pwa.mjs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
staging="${TRUNK_STAGING_DIR:?run by trunk}"
cd "$root"
# The native CLI runs without the wasm builds' unstable settings (scripts/wasm-env.sh): they are for wasm32 only.
vtre() { env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD cargo run -q --offline --bin vtre -- "$@"; }
vtre pages --out "$staging/pages" >/dev/null
mkdir -p "$staging/data"
vtre params-all > "$staging/data/assumptions.csv"
# The reference scenario's explorer view pre-rendered into index.html (crates/site/src/first_view.rs) and, from
# the same numbers, its spread (bands, headline ranges, chances) as data/ensemble-reference.txt, so the first
# view needs no worker.
vtre first-view --index "$staging/index.html" >/dev/null
node scripts/csp-loader.mjs "$staging/index.html"
bash scripts/full-module.sh "$staging"
node scripts/worker-version.mjs "$staging" "${TRUNK_PROFILE:-}"
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  node scripts/minify-js.mjs "$staging"
fi
node scripts/pwa.mjs "$staging"
