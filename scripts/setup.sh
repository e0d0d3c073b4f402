#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already present.
# Safe to run any number of times. Only the package registries are needed (crates.io, npm, Debian apt).
#   scripts/setup.sh          tools to build and serve the app
#   scripts/setup.sh --test   also Chromium, chromedriver and the end-to-end test driver
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The standard library's source and its crates: the release wasm builds rebuild std with the app's size
#     settings (scripts/wasm-env.sh, about 30 KiB less gzip). Without them those builds use the prebuilt std.
sysroot=$(rustc --print sysroot)
if [ ! -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ]; then
  say "adding the rust-src component"
  rustup component add rust-src || say "rust-src could not be added: the wasm builds use the prebuilt std"
fi
if [ -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ]; then
  # (its manifest uses an unstable cargo feature, hence RUSTC_BOOTSTRAP for this one command)
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$sysroot/lib/rustlib/src/rust/library/Cargo.toml" >&2
fi

# 2. Trunk 0.21.14 (0.22 needs a newer rustc than 1.95).
TRUNK_VERSION=0.21.14
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli at exactly the version Cargo.lock holds. Installed without --locked on purpose:
#    its own lock pins webpki-roots 1.0.11, which the registry does not serve.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi
sed -i "s/^wasm_bindgen = .*/wasm_bindgen = \"$WB_VERSION\"/" Trunk.toml

# 4. Build tools from npm, kept in .tools/ (its bin/ first on PATH), each at an exact version:
#    binaryen@132 for wasm-opt (Debian's binaryen 108 silently produces a broken module: never use it), and
#    terser, which minifies the wasm-bindgen JS glue in release builds (scripts/minify-js.mjs).
tools_npm() { # package version
  if [ "$(node -e "console.log(require('$root/.tools/node_modules/$1/package.json').version)" 2>/dev/null)" != "$2" ]; then
    say "installing $1@$2 into .tools/"
    mkdir -p .tools
    (cd .tools && [ -f package.json ] || echo '{"private":true}' > package.json)
    npm install --prefix .tools --no-audit --no-fund --save-exact "$1@$2" >&2
  fi
}
tools_npm binaryen 132.0.0
tools_npm terser 5.51.4

# 5. Crates, so that Trunk's offline cargo build finds everything.
say "fetching crates"
cargo fetch --locked >&2

if [ "$want_test" = 1 ]; then
  # 6. Chromium and its driver from Debian (never a browser download).
  # A CJK font, so headless screenshots show the Chinese UI (users' browsers bring their own fonts).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    say "installing chromium, chromium-driver and a CJK font from apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >&2
  fi
  # 7. The end-to-end driver (playwright-core drives Debian's Chromium; it downloads no browser).
  if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    say "installing the end-to-end test driver (npm ci in tests/e2e)"
    (cd tests/e2e && npm ci --no-audit --no-fund >&2)
  fi
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
