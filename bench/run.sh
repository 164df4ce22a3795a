#!/usr/bin/env bash
# Load benchmark of the release server on PostgreSQL: one user with 200 tasks, wrk with 32
# connections for 10 s per scenario, on 127.0.0.1 only. Writes bench/RESULTS.md.
#   bench/run.sh        needs wrk, python3, psql and PostgreSQL at $BENCH_POSTGRES_URL
#   BENCH_BUILD=0       use the release binary already built
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vectora/target}"

ADMIN_URL="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
DURATION="${BENCH_DURATION:-10s}"
TOKEN="123456:BENCH-TOKEN"
DB="vectora_bench_$$"
# As in docker-compose.prod.yml: the database on a private network, without TLS.
DATABASE_URL="${ADMIN_URL%/*}/$DB?sslmode=disable"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
OUT="bench/results/raw"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
if [ "${BENCH_BUILD:-1}" = 1 ] || [ ! -x "$CARGO_TARGET_DIR/release/vectora" ]; then
  scripts/build_release.sh >/dev/null
fi

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
cleanup() {
  stop_server
  psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true
}
trap cleanup EXIT

# Starts the server with extra VAR=value settings and waits for /health.
start_server() {
  env APP_ENV=production SECRET_KEY="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    RATE_LIMIT_PER_MINUTE=100000000 ALLOWED_HOSTS=127.0.0.1 DATABASE_URL="$DATABASE_URL" TELEGRAM_BOT_TOKEN="$TOKEN" BOT_MODE=off \
    LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LOG_LEVEL=info "$@" \
    "$CARGO_TARGET_DIR/release/vectora" >>"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "$BASE/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench: the server did not become healthy; see $OUT/server.log" >&2
  exit 1
}

declare -a ROWS
run() {
  local slug="$1" name="$2" script="$3" path="$4"
  local file="$OUT/$slug.txt"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/wrk/$script" "$BASE$path" >"$file"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' "$file")"
  p50="$(awk '$1=="50%" {print $2}' "$file")"
  p99="$(awk '$1=="99%" {print $2}' "$file")"
  errors="$(awk '/Non-2xx/ {print $NF}' "$file")"
  ROWS+=("| $name | $rps | $p50 | $p99 | ${errors:-0} |")
  echo "bench: $name: $rps req/s, p50 $p50, p99 $p99, non-2xx ${errors:-0}"
}

LIST="/api/v1/tasks?limit=100"
SEARCH="/api/v1/tasks?limit=100&search=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE&priority=high"

psql "$ADMIN_URL" -qc "CREATE DATABASE $DB" >/dev/null
: >"$OUT/server.log"
start_server
export INIT_DATA TASK_IDS
INIT_DATA="$(python3 bench/sign_init_data.py "$TOKEN" 900001)"
TASK_IDS="$(python3 bench/seed.py "$BASE" "$INIT_DATA" 200)"
RSS_IDLE_KB="$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")"

run list "GET /api/v1/tasks?limit=100 (repeat reads: page cache)" get.lua "$LIST"
run search "GET … &search=молоко&priority=high (page cache)" get.lua "$SEARCH"
run post "POST /api/v1/tasks" post.lua "/api/v1/tasks"
run put "PUT /api/v1/tasks/{id}" put.lua "/api/v1/tasks"
RSS_PEAK_KB="$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
stop_server

# The same reads with the page cache off: every request queries the database.
psql "$DATABASE_URL" -qc "DELETE FROM tasks WHERE position >= 200" >/dev/null
start_server LIST_CACHE_MB=0
run list-nocache "GET /api/v1/tasks?limit=100 (LIST_CACHE_MB=0)" get.lua "$LIST"
run search-nocache "GET … &search=молоко&priority=high (LIST_CACHE_MB=0)" get.lua "$SEARCH"
RSS_PEAK_NOCACHE_KB="$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
stop_server
echo "bench: server RSS idle ${RSS_IDLE_KB} kB, peak ${RSS_PEAK_KB} kB (cache off: ${RSS_PEAK_NOCACHE_KB} kB)"

{
  echo "# Benchmark results"
  echo
  echo "Measured by \`bench/run.sh\` on $(date -u +%Y-%m-%d): release build, PostgreSQL"
  echo "$(psql "$ADMIN_URL" -Atc 'show server_version' | cut -d' ' -f1) on the same machine without TLS (as in the compose setup), $(nproc) cores"
  echo "shared by wrk, the server and PostgreSQL; one user with 200 tasks; \`wrk -t2 -c$CONNECTIONS -d$DURATION\`"
  echo "on 127.0.0.1. APP_ENV=production: JSON request logs at info level, written to a file."
  echo
  echo "| request | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Server memory: $((RSS_IDLE_KB / 1024)) MB RSS after seeding; peak RSS (VmHWM) $((RSS_PEAK_KB / 1024)) MB over"
  echo "the four runs with the page cache, $((RSS_PEAK_NOCACHE_KB / 1024)) MB over the two without."
  echo
  echo "\"page cache\": list pages are kept as JSON under the user's \`tasks_version\` (moved on by"
  echo "every change, in the database), so repeat reads of an unchanged list skip the query and"
  echo "the serialization; \`LIST_CACHE_MB=0\` turns it off. Without it, a 100-task page costs about"
  echo "as much CPU in PostgreSQL as in the server, and the two cores saturate near the rate shown."
  echo
  echo "Writes here all come from one user on 32 connections at once: each commits by moving that"
  echo "user's \`tasks_version\` on, so one user's commits take turns (each waits for the previous"
  echo "one's WAL flush). Different users do not wait for each other; a person's writes come at"
  echo "human pace. (An earlier run, before the version existed and with TLS to the database, reached"
  echo "about 1,190 POST requests/s.)"
  echo
  echo "Targets (issue 2): p99 under 10 ms for the list at this load; peak RSS under 50 MB."
} >bench/RESULTS.md
cat bench/RESULTS.md
