#!/usr/bin/env bash
# The full module (issue 20, src/ui/handover.rs): this crate built with its default `full` feature, beside the
# core module Trunk builds for index.html (`data-cargo-no-default-features`). Written into the build as
# full-<hash>.js + full-<hash>_bg.wasm with its loader full-loader-<hash>.js, named in
# <meta name="vtre-full">; the core adds the loader when the reader first asks for a part only the full module
# has. Content-hashed names: a new deployment never pairs a page with another build's module.
# Usage (from postbuild.sh): bash scripts/full-module.sh STAGING_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
staging="${1:?staging dir}"
cd "$root"
# The same features as the core build besides `full` (a test build's faults, when Trunk was asked for them).
features="full"
if [ -n "${VTRE_FAULT_INJECTION:-}" ]; then features="full,fault-injection"; fi
cargo build -q --offline --release --target wasm32-unknown-unknown --bin explorer --features "$features"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name full \
  target/wasm32-unknown-unknown/release/explorer.wasm
# As Trunk runs it for the core (`data-wasm-opt="z"`); the features are those Rust 1.95 emits for wasm32.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$tmp/full_bg.wasm" -o "$tmp/full_opt.wasm"
node scripts/full-module.mjs "$staging" "$tmp/full.js" "$tmp/full_opt.wasm"
