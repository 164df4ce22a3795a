#!/usr/bin/env bash
# Load benchmark of the release server on PostgreSQL: one user with 200 tasks, wrk with 32
# connections for 10 s per scenario, on 127.0.0.1 only. Writes bench/RESULTS.md.
#   bench/run.sh            (needs: wrk, PostgreSQL at $BENCH_POSTGRES_URL, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vectora/target}"

ADMIN_URL="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
DURATION="${BENCH_DURATION:-10s}"
TOKEN="123456:BENCH-TOKEN"
DB="vectora_bench_$$"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
OUT="bench/results/raw"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
if [ ! -x "$CARGO_TARGET_DIR/release/vectora" ] || [ "${BENCH_BUILD:-1}" = 1 ]; then
  cargo leptos build --release >/dev/null
fi

psql "$ADMIN_URL" -qc "CREATE DATABASE $DB" >/dev/null
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true
}
trap cleanup EXIT

APP_ENV=production SECRET_KEY="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
ALLOWED_HOSTS=127.0.0.1 DATABASE_URL="${ADMIN_URL%/*}/$DB" TELEGRAM_BOT_TOKEN="$TOKEN" BOT_MODE=off \
LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LOG_LEVEL=info \
  "$CARGO_TARGET_DIR/release/vectora" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$BASE/health" >/dev/null

export INIT_DATA
INIT_DATA="$(python3 bench/sign_init_data.py "$TOKEN" 900001)"
export TASK_IDS
TASK_IDS="$(python3 bench/seed.py "$BASE" "$INIT_DATA" 200)"
RSS_IDLE_KB="$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")"

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

run list "GET /api/v1/tasks?limit=100" get.lua "/api/v1/tasks?limit=100"
run search "GET /api/v1/tasks?limit=100&search=молоко&priority=high" get.lua "/api/v1/tasks?limit=100&search=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE&priority=high"
run post "POST /api/v1/tasks" post.lua "/api/v1/tasks"
run put "PUT /api/v1/tasks/{id}" put.lua "/api/v1/tasks"

RSS_PEAK_KB="$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
echo "bench: server RSS idle ${RSS_IDLE_KB} kB, peak ${RSS_PEAK_KB} kB"

{
  echo "# Benchmark results"
  echo
  echo "Measured by \`bench/run.sh\` on $(date -u +%Y-%m-%d): release build, PostgreSQL $(psql "$ADMIN_URL" -Atc 'show server_version' | cut -d' ' -f1) on the same machine,"
  echo "$(nproc) cores, one user with 200 tasks, wrk -t2 -c$CONNECTIONS -d$DURATION on 127.0.0.1 (wrk, the server and"
  echo "PostgreSQL share the cores). APP_ENV=production: JSON request logs at info level, written to a file."
  echo
  echo "| request | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Server memory: $((RSS_IDLE_KB / 1024)) MB RSS after seeding, $((RSS_PEAK_KB / 1024)) MB peak RSS (VmHWM) over the whole run."
  echo
  echo "Targets (issue 2): p99 under 10 ms for the list at this load; peak RSS under 50 MB."
} >bench/RESULTS.md
cat bench/RESULTS.md
