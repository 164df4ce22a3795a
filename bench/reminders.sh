#!/usr/bin/env bash
# Dispatch time of 1,000 due reminders against the fake Bot API, on SQLite and on PostgreSQL,
# at Telegram's pace and unthrottled. Writes bench/REMINDERS.md.
#   bench/reminders.sh      needs PostgreSQL at $TEST_POSTGRES_URL (default: local, trust auth)
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
OUT=bench/REMINDERS.md
declare -A SECONDS_OF

for db in sqlite postgres; do
  while read -r _ label seconds; do
    SECONDS_OF["$db $label"]="$seconds"
  done < <(VECTORA_TEST_DB="$db" cargo test -q -p vectora --test api reminders_bench -- \
    --ignored --nocapture 2>/dev/null | grep '^BENCH ')
done

rate() { python3 -c "print(f'{1000 / float(\"$1\"):.0f}')"; }
{
  echo "# Dispatching 1,000 due reminders"
  echo
  echo "\`bench/reminders.sh\`, $(date -u +%Y-%m-%d): 1,000 users with one task each, all due at"
  echo "the same moment; one \`Scheduler::tick\` claims, sends to the fake Bot API on 127.0.0.1 and"
  echo "records them. Debug build of the test binary, $(nproc) cores."
  echo
  echo "| Database | Pace | Time | Reminders/s |"
  echo "|---|---|---|---|"
  for db in sqlite postgres; do
    for label in telegram-pace unthrottled; do
      s="${SECONDS_OF["$db $label"]:?no result for $db $label}"
      pace=$([ "$label" = telegram-pace ] && echo "Telegram's: 30/s overall, 1/s per chat" || echo "unthrottled")
      echo "| $db | $pace | ${s} s | $(rate "$s") |"
    done
  done
  echo
  echo "At Telegram's pace the time is the limit itself (1,000 / 30 per second, after a first"
  echo "burst of 30); unthrottled shows what the scheduler's own work costs: claiming in batches"
  echo "of 100, 32 sends in flight, one conditional update per reminder."
} > "$OUT"
cat "$OUT"
