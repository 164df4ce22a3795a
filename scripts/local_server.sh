# Sourced by test.sh and budget.sh: runs the release server on a free loopback port with a fresh
# SQLite database in a temporary directory (so a developer's .env in the checkout cannot change
# the setup), with the development sign-in on, the bot off, rate limits raised (a test suite
# signs in and clicks faster than any person) and the Playwright stand-in for Telegram Web
# (a page on 127.0.0.2) allowed to frame the app, and stops it on exit.
#
#   start_local_server LOG_LEVEL   sets SERVER_PID, SERVER_DIR, SERVER_LOG and SERVER_URL, and
#                                  returns once GET /health answers 200 (1 if it never does)
#   stop_server                    also runs on EXIT, INT and TERM
#   LOCAL_SERVER_ENV=(APP_ENV=production …)   more settings, which win over the ones above

# The bot token the Playwright tests sign their Telegram initData with.
E2E_BOT_TOKEN="123456:e2e-test-token-not-a-secret"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Prints the HTTP status of GET $1, or 000 when nothing answers (python3: curl may be missing).
http_status() {
  python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
        print(response.status)
except urllib.error.HTTPError as error:
    print(error.code)
except Exception:
    print("000")
PY
}

SERVER_PID=""
SERVER_DIR=""
SERVER_LOG=""
SERVER_URL=""
LOCAL_SERVER_ENV=("${LOCAL_SERVER_ENV[@]}")

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  if [ -n "$SERVER_DIR" ]; then
    rm -rf "$SERVER_DIR"
    SERVER_DIR=""
  fi
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT
trap 'stop_server; exit 143' TERM

start_local_server() {
  local log_level="$1"
  local bin="$CARGO_TARGET_DIR/release/vectora" site="$ROOT/target/site"
  [ -x "$bin" ] || { echo "no server binary at $bin" >&2; return 1; }
  [ -d "$site/pkg" ] || { echo "no site at $site (scripts/build_release.sh makes it)" >&2; return 1; }

  SERVER_DIR="$(mktemp -d "${TMPDIR:-/tmp}/vectora-server.XXXXXX")" || return 1
  local port
  port="$(free_port)" || return 1
  SERVER_URL="http://127.0.0.1:$port"
  SERVER_LOG="$SERVER_DIR/server.log"
  (
    cd "$SERVER_DIR"
    exec env \
      APP_ENV=development \
      DATABASE_URL="sqlite://$SERVER_DIR/vectora.db?mode=rwc" \
      RUN_MIGRATIONS=true \
      BOT_MODE=off \
      RATE_LIMIT_PER_MINUTE=1000 \
      SIGN_IN_RATE_LIMIT_PER_MINUTE=1000 \
      EXTRA_FRAME_ANCESTORS='http://127.0.0.2:*' \
      TELEGRAM_BOT_TOKEN="$E2E_BOT_TOKEN" \
      TELEGRAM_BOT_USERNAME=VectoraE2EBot \
      PUBLIC_URL= \
      LOG_LEVEL="$log_level" \
      LEPTOS_OUTPUT_NAME=vectora \
      LEPTOS_SITE_ROOT="$site" \
      LEPTOS_SITE_PKG_DIR=pkg \
      LEPTOS_SITE_ADDR="127.0.0.1:$port" \
      LEPTOS_ENV=PROD \
      "${LOCAL_SERVER_ENV[@]}" \
      "$bin" serve
  ) >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  echo "server pid $SERVER_PID on $SERVER_URL (log: $SERVER_LOG)"

  local code="" deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the server exited before answering /health; its log:" >&2
      cat "$SERVER_LOG" >&2
      return 1
    fi
    code="$(http_status "$SERVER_URL/health")" || true
    [ "$code" = "200" ] && return 0
    sleep 0.2
  done
  echo "GET $SERVER_URL/health did not answer 200 within 60 s (last: $code); server log:" >&2
  cat "$SERVER_LOG" >&2
  return 1
}
