#!/usr/bin/env bash
# Runs every test: formatting and lints (native and wasm32), the model/CLI tests, the browser tests in
# headless Chromium, the release build, and the end-to-end tests against it. Installs missing tools first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh --test
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints (native and wasm32)"
cargo fmt --check
cargo clippy --offline --all-targets -- -D warnings
cargo clippy --offline --all-targets --target wasm32-unknown-unknown -- -D warnings

step "model, CLI and chart tests (native)"
cargo test --offline

step "browser tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/tests/webdriver.json" \
  cargo test --offline --target wasm32-unknown-unknown --test browser

step "release build (trunk) and the single-file edition"
trunk build --release
node scripts/single-file.mjs dist dist-single/vtre-explorer.html

step "end-to-end tests (Chromium against the release build)"
node --test --test-concurrency=1 tests/e2e/
