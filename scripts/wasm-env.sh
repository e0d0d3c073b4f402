# Sourced (not run) before every release build of the wasm modules: scripts/serve.sh, scripts/test.sh,
# scripts/bench.sh, scripts/single-file.sh and scripts/fault-build.sh. Trunk passes the environment on to cargo
# and to the post-build hook that builds the full module, so the core, the full module and the analysis worker
# are all built the same way.
#
# Issue 20 (the 250 KiB start): the standard library is rebuilt for wasm32 with the release profile's size
# settings, and a panic is an immediate trap (`-Cpanic=immediate-abort`), so no panic message, location or
# formatting code is linked. Measured on the core module (gzip -9 after wasm-opt -Oz, 2026-12-06):
# 355.2 KiB as shipped with the prebuilt std → 347.1 KiB with std rebuilt → 325.3 KiB with immediate abort
# (−29.9 KiB; `-Zlocation-detail=none` and `-Zfmt-debug=none` on top: −0.1 KiB more, not taken).
# What a panic does then: src/ui/contain.rs (a guarded part still stops alone; any other trap reaches the
# page's error listener, which saves the reader's scenario and shows the banner, as the panic hook did).
#
# Both are unstable flags of the pinned stable toolchain, enabled with RUSTC_BOOTSTRAP=1 for these builds only
# (never for the native code, the lints or the tests). They need the toolchain's `rust-src` component and the
# standard library's own crates in cargo's cache, which scripts/setup.sh installs. Without them the build goes
# on as before, with the prebuilt std, and says so.
vtre_sysroot=$(rustc --print sysroot 2>/dev/null || true)
if [ -n "${VTRE_PREBUILT_STD:-}" ]; then
  echo "[wasm-env] VTRE_PREBUILT_STD is set: building with the prebuilt std (about 30 KiB larger)" >&2
elif [ -f "$vtre_sysroot/lib/rustlib/src/rust/library/Cargo.lock" ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # Replaces .cargo/config.toml's wasm32 rustflags for these builds, so it repeats them.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg=erase_components -Zunstable-options -Cpanic=immediate-abort"
else
  echo "[wasm-env] the toolchain has no rust-src (scripts/setup.sh adds it): building with the prebuilt std" \
    "(about 30 KiB larger)" >&2
fi
unset vtre_sysroot
