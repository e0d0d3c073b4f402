#!/usr/bin/env bash
# Fuzzes every decoder that reads outside input: one cargo-fuzz target per decoder in tests/fuzz/fuzz_targets/
# (share link, scenario JSON, saved-library entry, library import, import marker, widget message, widget URL,
# the analysis worker's messages both ways). Installs cargo-fuzz if missing, builds the targets, runs each one
# for a fixed number of executions from its seed corpus (tests/fuzz/seeds/<target>/, with the formats' words
# in tests/fuzz/vtre.dict) and prints a table: target, executions, crashes, timeouts, seconds.
# Exits non-zero if any target crashed, timed out or was stopped by the time cap before its executions, and 77
# (after saying why) if no toolchain here can build fuzz targets.
#
#   bash scripts/fuzz.sh [TARGET...]        all targets by default (the long run: 1,000,000 executions each)
#
# scripts/test.sh runs it with FUZZ_RUNS=100000 (the short run in every test run, about 30 s for all targets
# plus the build).
#
# Settings (environment): FUZZ_RUNS executions per target (default 1000000); FUZZ_MAX_TIME seconds per target,
# a safety cap (default 1800); FUZZ_TIMEOUT seconds one input may take before it counts as a timeout
# (default 10); FUZZ_MAX_LEN longest input in bytes (default 20000, above the link decoder's 16,384-character
# bound); FUZZ_ARGS more libFuzzer flags (e.g. `-seed=1`).
#
# Built in release mode with debug assertions and overflow checks (cargo-fuzz's default) and no sanitizer:
# the codec has no unsafe code, so what there is to find is panics, overflows, stack exhaustion, hangs and
# broken contracts (the targets' assertions), and the runs are faster without AddressSanitizer. Inputs found
# earlier (crates/codec/tests/fuzz_regressions/<target>-*, also run by `cargo test`) join the seeds.
# The working corpus (tests/fuzz/corpus/) and any crash or timeout inputs with the run's log
# (tests/fuzz/artifacts/<target>/<time>/) are not checked in.
# Replay a found input: tests/fuzz/target/<host>/release/<target> <file>.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
runs=${FUZZ_RUNS:-1000000}
max_time=${FUZZ_MAX_TIME:-1800}
timeout=${FUZZ_TIMEOUT:-10}
max_len=${FUZZ_MAX_LEN:-20000}
fuzz_dir=tests/fuzz

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
# cargo-fuzz needs nightly compiler flags: the nightly toolchain if there is one, else the installed toolchain
# with RUSTC_BOOTSTRAP=1. If neither takes them, say so and exit 77 ("skipped": scripts/test.sh goes on).
toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi
if ! rustc "${toolchain[@]}" -Z unstable-options --print sysroot >/dev/null 2>&1; then
  echo "fuzzing SKIPPED: no nightly toolchain, and $(rustc --version) refuses nightly flags even with" \
    "RUSTC_BOOTSTRAP=1 (install one with: rustup toolchain install nightly)" >&2
  exit 77
fi

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo "${toolchain[@]}" fuzz list --fuzz-dir "$fuzz_dir")
fi
if [ $# -gt 0 ]; then
  for t in "$@"; do
    cargo "${toolchain[@]}" fuzz build --fuzz-dir "$fuzz_dir" --sanitizer none "$t"
  done
else
  cargo "${toolchain[@]}" fuzz build --fuzz-dir "$fuzz_dir" --sanitizer none
fi
host=$(rustc "${toolchain[@]}" -vV | sed -n 's/^host: //p')
bin_dir="$fuzz_dir/target/$host/release"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
rows=()
failed=0
for t in "${targets[@]}"; do
  corpus="$fuzz_dir/corpus/$t"
  run_dir="$fuzz_dir/artifacts/$t/$stamp"
  mkdir -p "$corpus" "$run_dir"
  # Seed the working corpus (files already there, from earlier runs, are kept).
  for f in "$fuzz_dir/seeds/$t"/* crates/codec/tests/fuzz_regressions/"$t"-*; do
    [ -e "$f" ] && { [ -e "$corpus/$(basename "$f")" ] || cp "$f" "$corpus/"; }
  done
  log="$run_dir/fuzz.log"
  printf '== %s: %s executions (cap %s s, %s s per input)\n' "$t" "$runs" "$max_time" "$timeout"
  start=$(date +%s.%N)
  set +e
  "$bin_dir/$t" -runs="$runs" -max_total_time="$max_time" -timeout="$timeout" -max_len="$max_len" \
    -dict="$fuzz_dir/vtre.dict" -print_final_stats=1 -artifact_prefix="$run_dir/" ${FUZZ_ARGS:-} "$corpus" \
    >"$log" 2>&1
  rc=$?
  set -e
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ -z "$execs" ]; then
    # No final statistics (killed hard): the last status line's count.
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  fi
  execs=${execs:-0}
  crashes=$(find "$run_dir" -maxdepth 1 \( -name 'crash-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  timeouts=$(find "$run_dir" -maxdepth 1 -name 'timeout-*' | wc -l)
  if [ "$rc" != 0 ] && [ "$crashes" = 0 ] && [ "$timeouts" = 0 ]; then
    crashes=1 # a failure that left no input behind; the log says what
  fi
  note=""
  if [ "$crashes" != 0 ] || [ "$timeouts" != 0 ]; then
    failed=1
    note="  <- see $run_dir"
    tail -30 "$log" >&2
  elif [ "$execs" -lt "$runs" ]; then
    failed=1
    note="  <- stopped by the $max_time s cap"
  fi
  rows+=("$(printf '| %-15s | %10s | %7s | %8s | %7s |%s' "$t" "$execs" "$crashes" "$timeouts" "$seconds" "$note")")
done

printf '\n| %-15s | %10s | %7s | %8s | %7s |\n' target executions crashes timeouts seconds
printf '|%s|%s|%s|%s|%s|\n' "-----------------" "-----------:" "--------:" "---------:" "--------:"
printf '%s\n' "${rows[@]}"
exit "$failed"
