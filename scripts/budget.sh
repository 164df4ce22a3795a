#!/usr/bin/env bash
# Measures the performance budget of the first load against the release build that is already
# there (it builds nothing): the brotli sizes of the signed-in task list's HTML, CSS, JS and WASM
# (with every lazy WASM/JS chunk the load fetches) against 250 KB (aim: 150 KB), and first
# contentful paint and time to hydration in headless
# Chromium, without and with 4x CPU throttling; the same for the Mini App opened from Telegram
# (initData in the URL fragment), with the time until the first task is visible. Prints the
# tables and writes bench/BUDGET.md.
#
#   scripts/budget.sh          after scripts/build_release.sh and scripts/setup.sh
#   BUDGET_RUNS=9              loads per CPU setting (default 5, the median is reported)
#   BUDGET_TASKS=50            tasks in the measured list (default 10)
#
# The budget numbers are reported, not asserted: the exit status is non-zero only when the build,
# the browser or the server is missing or does not start.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log() { printf '[budget] %s\n' "$*"; }
die() { printf '[budget] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

case "${1:-}" in
  "") ;;
  -h | --help)
    sed -n '2,13p' "$ROOT/scripts/budget.sh" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "usage: scripts/budget.sh (settings through BUDGET_RUNS and BUDGET_TASKS)" >&2
    exit 2
    ;;
esac

START="$(now)"
BIN="$CARGO_TARGET_DIR/release/vectora"
SITE="$ROOT/target/site"

[ -x "$BIN" ] || die "no release server binary at $BIN: run scripts/build_release.sh first"
# The main files' names carry content hashes (hash-files), listed in hash.txt beside the binary.
HASH_FILE="$(dirname "$BIN")/hash.txt"
hashed() { local hash; hash="$(sed -n "s/^$1: *//p" "$HASH_FILE" 2>/dev/null)"; echo "vectora${hash:+.$hash}.$1"; }
WASM="$(hashed wasm)"
for file in "$WASM" "$(hashed js)" "$(hashed css)"; do
  [ -f "$SITE/pkg/$file" ] || die "no $SITE/pkg/$file: run scripts/build_release.sh first"
done
[ -x /usr/bin/chromium ] || die "no Chromium at /usr/bin/chromium: run scripts/setup.sh first"
[ -d "$ROOT/end2end/node_modules/@playwright/test" ] || die "no Playwright in end2end/node_modules: run scripts/setup.sh first"
command -v node >/dev/null 2>&1 || die "node not found"

# A binary older than the sources it was built from would measure the wrong app; say so, go on.
if [ -n "$(find "$ROOT/app/src" "$ROOT/src" "$ROOT/frontend" "$ROOT/style" -newer "$SITE/pkg/$WASM" -type f -print -quit 2>/dev/null)" ]; then
  log "warning: sources changed after target/site/pkg/$WASM was built; the numbers are for the older build"
fi

# shellcheck source=scripts/local_server.sh
source "$ROOT/scripts/local_server.sh"

# LOG_LEVEL=warn: request logging is not part of what is measured.
start_local_server warn || die "the server did not start"

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ "$COMMIT" != unknown ] && [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  COMMIT="$COMMIT (with uncommitted changes)"
fi

rc=0
(cd "$ROOT/end2end" && BASE_URL="$SERVER_URL" GIT_COMMIT="$COMMIT" SITE_DIR="$SITE" HASH_FILE="$HASH_FILE" TELEGRAM_BOT_TOKEN="$E2E_BOT_TOKEN" node budget/measure.mjs) || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$SERVER_LOG" >&2
fi
stop_server
log "took $(elapsed "$START")"
exit "$rc"
