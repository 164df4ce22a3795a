#!/usr/bin/env bash
# The release site and server, as CI, the benchmarks and Dockerfile.prod build them:
#   scripts/build_release.sh
# The browser's WASM is built first, on its own, with the Rust standard library rebuilt for size
# (`-Zbuild-std` with `optimize_for_size`) and panics compiled to a bare trap: 27 KB less to
# download (brotli), which keeps the first load under its 250 KB budget (bench/WASM_SIZE.md). A
# panic in the browser then stops the app without a message; debug builds (`cargo leptos watch`)
# keep the messages. These are unstable flags, enabled for this build alone with RUSTC_BOOTSTRAP on
# the pinned stable toolchain (its `rust-src` component is installed by scripts/setup.sh). The
# server is then built normally: build-std needs an explicit --target, which the server build has
# not.
#
# The panic's trap still leaves a stack of WASM function indexes in the browser's crash report;
# the server names those functions (src/wasm_symbols.rs) from maps kept out of the site, in
# $WASM_SYMBOLS_DIR (default target/site-symbols): cargo-leptos runs wasm-opt through
# scripts/wasm-opt-shim/wasm-opt, which has binaryen write each optimized module's map of function
# names, and scripts/wasm_symbols.py names the maps as the hashed files. The WASM is the same as
# without them (WASM_SYMBOLS=0).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

symbols="${WASM_SYMBOLS:-1}"
if [ "$symbols" != 0 ]; then
  VECTORA_WASM_OPT="$(command -v wasm-opt)" || { echo "no wasm-opt on PATH (scripts/setup.sh)" >&2; exit 1; }
  VECTORA_WASM_SYMBOLS_DIR="${WASM_SYMBOLS_DIR:-$ROOT/target/site-symbols}"
  export VECTORA_WASM_OPT VECTORA_WASM_SYMBOLS_DIR
  export PATH="$ROOT/scripts/wasm-opt-shim:$PATH"
  rm -rf "$VECTORA_WASM_SYMBOLS_DIR"
fi

wasm_flags=(
  --cfg erase_components   # as .cargo/config.toml: a target's flags replace [build] rustflags
  -Zlocation-detail=none
  -Zfmt-debug=none
  -Zunstable-options -Cpanic=immediate-abort
)
RUSTC_BOOTSTRAP=1 \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${wasm_flags[*]}" \
  cargo leptos build --release --split --precompress --frontend-only
if [ "$symbols" != 0 ]; then
  python3 "$ROOT/scripts/wasm_symbols.py" rename "$ROOT/target/site/pkg" "$VECTORA_WASM_SYMBOLS_DIR"
fi
cargo leptos build --release --split --precompress --server-only
