#!/usr/bin/env bash
# Stages are functions called through `stage`, which shellcheck cannot follow.
# shellcheck disable=SC2317
#
# Runs every Vectora test: formatting, clippy, the scripts' Python tests, the Rust tests on SQLite
# and on PostgreSQL, the Playwright suite against the release build in headless Chromium, and
# nginx/nginx.prod.conf in front of that build (scripts/check_nginx.sh).
#
#   scripts/test.sh           everything (what CI runs)
#   scripts/test.sh --quick   everything except the release build, Playwright and nginx
#   scripts/test.sh --e2e     only the release build, Playwright and nginx
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); it fails when that is not reachable.
# TEST_POSTGRES_URL overrides the address the PostgreSQL tests use.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

QUICK=0
E2E_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --e2e) E2E_ONLY=1 ;;
    -h | --help)
      sed -n '5,14p' "$ROOT/scripts/test.sh" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: scripts/test.sh [--quick | --e2e]" >&2
      exit 2
      ;;
  esac
done
if [ "$QUICK" -eq 1 ] && [ "$E2E_ONLY" -eq 1 ]; then
  echo "--quick and --e2e exclude each other" >&2
  exit 2
fi

PG_HOST=127.0.0.1
PG_PORT=5432
PG_URL="${TEST_POSTGRES_URL:-postgres://postgres@$PG_HOST:$PG_PORT/postgres}"

log() { printf '\n[test] %s\n' "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

RESULTS=()
FAILED=0
TOTAL_START="$(now)"

# Runs one stage; records PASS/FAIL and its time. Later stages still run (except those that need
# this one), so one run shows every problem.
stage() {
  local name="$1"; shift
  local start rc=0
  start="$(now)"
  log "== $name"
  "$@" || rc=$?
  local took; took="$(elapsed "$start")"
  if [ "$rc" -eq 0 ]; then
    RESULTS+=("$(printf 'PASS  %-30s %8s' "$name" "$took")")
    log "PASS $name ($took)"
  else
    RESULTS+=("$(printf 'FAIL  %-30s %8s  (exit %s)' "$name" "$took" "$rc")")
    log "FAIL $name ($took, exit $rc)"
    FAILED=1
  fi
  return "$rc"
}

skip() {
  RESULTS+=("$(printf 'SKIP  %-30s %8s  (%s)' "$1" "-" "$2")")
  log "SKIP $1: $2"
}

summary() {
  printf '\n[test] ---------------- summary ----------------\n'
  local line
  for line in "${RESULTS[@]}"; do printf '[test] %s\n' "$line"; done
  if [ "$FAILED" -eq 0 ]; then
    printf '[test] RESULT: PASS (%s total)\n' "$(elapsed "$TOTAL_START")"
  else
    printf '[test] RESULT: FAIL (%s total)\n' "$(elapsed "$TOTAL_START")"
  fi
}

# ---- stages -------------------------------------------------------------------------------------

fmt_check() { cargo fmt --all -- --check; }

# `frontend` is the WASM entry crate: it turns on app's `hydrate` feature, and cargo unifies features
# across the packages of one build, so including it in a host build would compile `app` with both
# `ssr` and `hydrate` (browser-only code then panics in tests: "cannot access imported statics on
# non-wasm targets"). Host builds therefore leave it out; `cargo leptos build` compiles it for wasm32.
HOST_PACKAGES=(--workspace --exclude frontend)

clippy() {
  cargo clippy "${HOST_PACKAGES[@]}" --all-targets -- -D warnings &&
    cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
}

# scripts/test_*.py: scripts/wasm_symbols.py on a WASM built with rustc, checked with node.
python_tests() { python3 -m unittest discover -s "$ROOT/scripts" -p 'test_*.py'; }

postgres_up() {
  if ! command -v pg_isready >/dev/null 2>&1; then
    echo "pg_isready not found (scripts/setup.sh installs postgresql-client)" >&2
    return 1
  fi
  if pg_isready -d "$PG_URL" -t 10 &&
    psql "$PG_URL" -X -q -t -A -c 'select 1' >/dev/null; then
    echo "PostgreSQL answers at $PG_URL"
    return 0
  fi
  cat >&2 <<MSG
ERROR: PostgreSQL is not reachable at $PG_URL.
The PostgreSQL tests are part of every run and are never skipped. Start PostgreSQL on
$PG_HOST:$PG_PORT with a user 'postgres' that can log in without a password (trust auth),
or point TEST_POSTGRES_URL at another server, then run scripts/test.sh again.
MSG
  return 1
}

# Runs a command for at most $1 seconds. A test suite that stalls (a request that never ends)
# would otherwise hold CI until its own limit with nothing to show: past the deadline, the stack
# of every thread of the test binaries still running is printed (gdb, when present), and the
# command is killed and fails.
with_deadline() {
  local limit="$1"; shift
  "$@" &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$limit" ]; then
      echo "ERROR: still running after ${limit}s: $*" >&2
      local test_pid
      for test_pid in $(pgrep -f "^$CARGO_TARGET_DIR/debug/deps/" || true); do
        echo "--- threads of $(tr '\0' ' ' <"/proc/$test_pid/cmdline" 2>/dev/null | cut -c1-200)" >&2
        if command -v gdb >/dev/null 2>&1; then
          gdb -p "$test_pid" -batch -ex "thread apply all bt 30" 2>/dev/null | grep -E '^(Thread|#)' >&2 || true
        fi
        kill -9 "$test_pid" 2>/dev/null || true
      done
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      return 124
    fi
    sleep 5
    waited=$((waited + 5))
  done
  wait "$pid"
}

# Building the tests on a fresh machine takes about 10 minutes; running them, 1 to 3.
TEST_DEADLINE=1500

tests_sqlite() { VECTORA_TEST_DB=sqlite with_deadline "$TEST_DEADLINE" cargo test "${HOST_PACKAGES[@]}"; }

tests_postgres() {
  VECTORA_TEST_DB=postgres TEST_POSTGRES_URL="$PG_URL" \
    with_deadline "$TEST_DEADLINE" cargo test -p vectora --test api
}

release_build() { scripts/build_release.sh; }

# shellcheck source=scripts/local_server.sh
source "$ROOT/scripts/local_server.sh"

playwright() {
  start_local_server info || return 1
  local rc=0 report="$SERVER_DIR/playwright.out"
  (cd "$ROOT/end2end" && BASE_URL="$SERVER_URL" SERVER_LOG="$SERVER_LOG" npx --no-install playwright test) 2>&1 |
    tee "$report" || rc=$?
  if [ "$rc" -ne 0 ]; then
    mkdir -p "$ROOT/end2end/artifacts"
    cp "$SERVER_LOG" "$ROOT/end2end/artifacts/server.log"
    echo "--- server log (last 40 lines; all of it in end2end/artifacts/server.log) ---" >&2
    tail -n 40 "$SERVER_LOG" >&2
    # Printed last, so that a log cut to its end still shows which tests failed and why.
    echo "--- playwright failures ---" >&2
    sed -n '/^ *[0-9]\+) /,$p' "$report" | head -n 200 >&2
  fi
  echo "screenshots: $ROOT/end2end/artifacts/"
  stop_server
  return "$rc"
}

# ---- run ----------------------------------------------------------------------------------------

stage "setup" "$ROOT/scripts/setup.sh" || { summary; exit 1; }
if [ "$E2E_ONLY" -eq 0 ]; then
  stage "cargo fmt --check" fmt_check || true
  stage "cargo clippy -D warnings" clippy || true
  stage "python scripts' tests" python_tests || true
  PG_OK=1
  stage "postgresql reachable" postgres_up || PG_OK=0
  stage "cargo test (sqlite)" tests_sqlite || true
  if [ "$PG_OK" -eq 1 ]; then
    stage "cargo test api (postgres)" tests_postgres || true
  else
    RESULTS+=("$(printf 'FAIL  %-30s %8s  (%s)' "cargo test api (postgres)" "-" "PostgreSQL unreachable")")
    FAILED=1
  fi
fi
if [ "$QUICK" -eq 1 ]; then
  skip "release build (scripts/build_release.sh)" "--quick"
  skip "playwright (e2e)" "--quick"
  skip "nginx in front of the release" "--quick"
else
  if stage "release build (scripts/build_release.sh)" release_build; then
    stage "playwright (e2e)" playwright || true
    stage "nginx in front of the release" "$ROOT/scripts/check_nginx.sh" || true
  else
    skip "playwright (e2e)" "the release build failed"
    skip "nginx in front of the release" "the release build failed"
  fi
fi

summary
exit "$FAILED"
