#!/usr/bin/env bash
# Builds the app in release mode and serves it on http://127.0.0.1:8080 (installs missing tools first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk's watcher refuses to start if a path in Trunk.toml's [watch] ignore list does not exist yet, as
# target/ and artifacts/ don't on a fresh clone.
mkdir -p target artifacts
# No auto-reload: Trunk would inject an inline script, and the page served should be the one deployed, which
# runs under a CSP without 'unsafe-inline' (scripts/csp-loader.mjs checks that and fails the build otherwise).
source scripts/wasm-env.sh
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
