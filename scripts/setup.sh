#!/usr/bin/env bash
# Installs what building and testing Vectora needs, and only what is missing or the wrong version:
# the wasm32 target and the rust-src component (both with rustup), cargo-leptos, wasm-bindgen-cli
# (the version in Cargo.lock), wasm-opt (binaryen 116 from crates.io), Python 3 when missing,
# Chromium, the PostgreSQL client tools, the sqlite3 shell and end2end's npm packages.
# Safe to run again: a second run only checks versions and takes seconds.
#
#   scripts/setup.sh                 everything: building, the Rust tests, Playwright, nginx checks
#   scripts/setup.sh --build-tools   only what scripts/build_release.sh needs (Dockerfile.prod)
#
# Nothing here downloads from GitHub: every tool comes from rustup, crates.io, npm or Debian's apt.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

BUILD_ONLY=0
case "${1:-}" in
  "") ;;
  --build-tools) BUILD_ONLY=1 ;;
  *) echo "usage: scripts/setup.sh [--build-tools]" >&2; exit 2 ;;
esac

CARGO_LEPTOS_VERSION="0.3.10"
WASM_OPT_VERSION="116"
CHROMIUM="/usr/bin/chromium"

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# Runs one step and prints how long it took.
step() {
  local name="$1"; shift
  local start; start="$(now)"
  "$@"
  log "$(printf '%-28s %s' "$name" "$(elapsed "$start")")"
}

# `cargo install` builds in a throwaway directory, never in the project's shared CARGO_TARGET_DIR.
cargo_install() { env -u CARGO_TARGET_DIR cargo install "$@"; }

APT_UPDATED=0
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install $*"
    sudo="sudo"
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* by hand"
  if [ "$APT_UPDATED" -eq 0 ]; then
    $sudo apt-get update -q
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}

check_base() {
  command -v cargo >/dev/null 2>&1 || die "cargo not found (install Rust with rustup first)"
  command -v rustup >/dev/null 2>&1 || die "rustup not found (the wasm32 target is added with it)"
  # scripts/build_release.sh keeps the WASM's function names apart with scripts/wasm_symbols.py.
  command -v python3 >/dev/null 2>&1 || apt_install --no-install-recommends python3
  if [ "$BUILD_ONLY" -eq 1 ]; then
    log "rustc $(rustc --version | cut -d' ' -f2), CARGO_TARGET_DIR=$CARGO_TARGET_DIR"
  else
    command -v node >/dev/null 2>&1 || die "node not found (Node 20+ is needed for Playwright)"
    command -v npm >/dev/null 2>&1 || die "npm not found"
    log "rustc $(rustc --version | cut -d' ' -f2), node $(node --version), CARGO_TARGET_DIR=$CARGO_TARGET_DIR"
  fi
  mkdir -p "$CARGO_TARGET_DIR"
}

wasm_target() {
  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    log "wasm32-unknown-unknown: present"
  else
    rustup target add wasm32-unknown-unknown
  fi
}

# The release WASM rebuilds the standard library for size (scripts/build_release.sh).
rust_src() {
  if rustup component list --installed | grep -q '^rust-src'; then
    log "rust-src: present"
  else
    rustup component add rust-src
  fi
}

cargo_leptos() {
  local have=""
  have="$(cargo leptos --version 2>/dev/null | awk '{print $2}')" || true
  if [ "$have" = "$CARGO_LEPTOS_VERSION" ]; then
    log "cargo-leptos $have: present"
  else
    log "cargo-leptos: have '${have:-none}', installing $CARGO_LEPTOS_VERSION (takes 10-15 min on 2 cores)"
    # Its own release profile asks for fat LTO in one codegen unit, which is most of the install's
    # time on 2 cores; a build tool that runs for seconds gains nothing from it.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo_install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
}

# The wasm-bindgen version the workspace locks; the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = "wasm-bindgen"$/ { name = "wasm-bindgen"; next }
    name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}

wasm_bindgen() {
  local want have=""
  want="$(locked_wasm_bindgen_version)"
  [ -n "$want" ] || die "cannot find the wasm-bindgen version in Cargo.lock"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  if [ "$have" = "$want" ]; then
    log "wasm-bindgen-cli $have: present (Cargo.lock wants $want)"
  else
    log "wasm-bindgen-cli: have '${have:-none}', installing $want (about 2 min)"
    # Not --locked: the CLI's own lock file names a crate version the registry here does not serve.
    cargo_install wasm-bindgen-cli --version "$want" --force
  fi
}

wasm_opt() {
  local path have=""
  path="$(command -v wasm-opt 2>/dev/null)" || true
  if [ -n "$path" ]; then
    have="$(wasm-opt --version 2>/dev/null)" || true
  fi
  if [ "$path" = "$CARGO_BIN/wasm-opt" ] && printf '%s' "$have" | grep -qw "$WASM_OPT_VERSION"; then
    log "wasm-opt: present ($have)"
  else
    log "wasm-opt: have '${have:-none}' at '${path:-nowhere}', installing binaryen $WASM_OPT_VERSION from crates.io (about 8 min)"
    cargo_install wasm-opt --locked --force
    path="$(command -v wasm-opt)"
    have="$(wasm-opt --version)"
    [ "$path" = "$CARGO_BIN/wasm-opt" ] || die "wasm-opt on PATH is $path, expected $CARGO_BIN/wasm-opt"
    printf '%s' "$have" | grep -qw "$WASM_OPT_VERSION" || die "wasm-opt reports '$have', expected version $WASM_OPT_VERSION"
  fi
  if [ -x /usr/bin/wasm-opt ]; then
    # Debian's binaryen (wasm-opt 108) breaks hydration ("WebAssembly.Table.set(): Argument 1 is invalid").
    log "note: /usr/bin/wasm-opt ($(/usr/bin/wasm-opt --version 2>/dev/null || echo '?')) is shadowed by $CARGO_BIN on PATH"
  fi
}

chromium() {
  if [ -x "$CHROMIUM" ]; then
    log "chromium: present ($("$CHROMIUM" --version 2>/dev/null | head -n1))"
  else
    # With its recommended packages (fonts among them): the install verified on these machines.
    apt_install chromium
    [ -x "$CHROMIUM" ] || die "apt installed chromium but $CHROMIUM is missing"
  fi
}

postgres_client() {
  if command -v pg_isready >/dev/null 2>&1 && command -v psql >/dev/null 2>&1 &&
    command -v pg_dump >/dev/null 2>&1; then
    log "postgresql-client: present ($(psql --version))"
  else
    apt_install --no-install-recommends postgresql-client
  fi
}

# scripts/backup.sh and restore.sh dump and load SQLite databases with the sqlite3 shell.
sqlite_shell() {
  if command -v sqlite3 >/dev/null 2>&1; then
    log "sqlite3: present ($(sqlite3 --version | cut -d' ' -f1))"
  else
    apt_install --no-install-recommends sqlite3
  fi
}

# scripts/check_nginx.sh runs nginx/nginx.prod.conf in front of the release server.
nginx_tools() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "nginx, curl, openssl: present ($(nginx -v 2>&1 | cut -d/ -f2))"
  else
    # Installed only to be run by the check, never as a service.
    apt_install --no-install-recommends "${missing[@]}"
  fi
}

npm_packages() {
  local dir="$ROOT/end2end" stamp want
  stamp="$dir/node_modules/.vectora-setup-stamp"
  want="$(sha256sum <"$dir/package-lock.json" | cut -d' ' -f1) node-$(node --version)"
  if [ -d "$dir/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    log "end2end/node_modules: up to date with package-lock.json"
  else
    # Playwright's own browser download is unreachable here; Debian's Chromium is used instead.
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    printf '%s' "$want" >"$stamp"
  fi
}

# Cargo judges freshness by file modification times, and the shared CARGO_TARGET_DIR is used by
# several checkouts (CI's fresh clones, long-lived working copies). A checkout whose files are older
# than another checkout's last build would be handed that build, code and all; the WASM's server
# function URLs (hashed with the crate's path) then no longer match the server's. So when the target
# dir was last claimed by another checkout, mark this checkout's files as changed (mtime only).
claim_target_dir() {
  local stamp="$CARGO_TARGET_DIR/.vectora-checkout" last=""
  [ -f "$stamp" ] && last="$(cat "$stamp")"
  if [ "$last" = "$ROOT" ]; then
    log "CARGO_TARGET_DIR: last used by this checkout"
    return
  fi
  log "CARGO_TARGET_DIR: last used by '${last:-unknown}'; touching this checkout's sources so cargo rebuilds them"
  find "$ROOT" \( -path "$ROOT/target" -o -path "$ROOT/.git" -o -path "$ROOT/end2end/node_modules" \) -prune \
    -o -type f -exec touch -c {} +
  printf '%s\n' "$ROOT" >"$stamp"
}

# The packages from apt and npm (network and disk) install while the Rust tools compile (CPU).
system_packages() {
  step "chromium" chromium
  step "postgresql-client" postgres_client
  step "sqlite3" sqlite_shell
  step "nginx" nginx_tools
  step "npm ci (end2end)" npm_packages
}

total_start="$(now)"
step "toolchain check" check_base
packages_pid=""
packages_log="$(mktemp)"
if [ "$BUILD_ONLY" -eq 0 ]; then
  system_packages >"$packages_log" 2>&1 &
  packages_pid=$!
fi
step "wasm32 target" wasm_target
step "rust-src" rust_src
step "cargo-leptos" cargo_leptos
step "wasm-bindgen-cli" wasm_bindgen
step "wasm-opt" wasm_opt
if [ -n "$packages_pid" ]; then
  packages_status=0
  wait "$packages_pid" || packages_status=$?
  cat "$packages_log"
  rm -f "$packages_log"
  [ "$packages_status" -eq 0 ] || die "installing the system packages failed (above)"
  step "target dir owner" claim_target_dir
fi
log "$(printf '%-28s %s' "setup total" "$(elapsed "$total_start")")"
