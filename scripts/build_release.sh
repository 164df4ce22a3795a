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
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

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
cargo leptos build --release --split --precompress --server-only
