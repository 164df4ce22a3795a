#!/usr/bin/env bash
# Runs Vectora locally on http://127.0.0.1:3000 with an SQLite file (vectora.db in the checkout):
# no database server and no configuration needed.
#
#   scripts/dev.sh           release build, then serve (the same build scripts/test.sh makes)
#   scripts/dev.sh --watch   debug build that rebuilds and reloads the page on every change
#
# Settings come from the environment or a .env file (see .env.example). Stop it with Ctrl-C.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

MODE=serve
for arg in "$@"; do
  case "$arg" in
    --watch) MODE=watch ;;
    -h | --help)
      sed -n '2,8p' "$ROOT/scripts/dev.sh" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: scripts/dev.sh [--watch]" >&2
      exit 2
      ;;
  esac
done

"$ROOT/scripts/setup.sh"

export APP_ENV="${APP_ENV:-development}"
# DATABASE_URL unset: the app uses its default, sqlite://vectora.db?mode=rwc (created on first run,
# migrations applied at start).

echo "[dev] APP_ENV=$APP_ENV, database ${DATABASE_URL:-sqlite://vectora.db?mode=rwc (default)}"
echo "[dev] the app will answer on http://127.0.0.1:3000 once built"
if [ "$MODE" = watch ]; then
  # Without content hashes in the file names: cargo-leptos 0.3.10 hashes them only in a full
  # build, not when watch rebuilds, so the pages would keep naming the first build's files.
  LEPTOS_HASH_FILES=false exec cargo leptos watch
else
  "$ROOT/scripts/build_release.sh"
  # What `cargo leptos serve` would pass; the binary finds hash.txt beside itself.
  export LEPTOS_OUTPUT_NAME=vectora LEPTOS_SITE_ROOT="$ROOT/target/site" LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_ENV=PROD LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
  exec "$CARGO_TARGET_DIR/release/vectora" serve
fi
