#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into DATABASE_URL (from the environment, else
# from .env), or with BACKUP_MODE=docker into the compose `postgres` service.
#
#   scripts/restore.sh backups/vectora_backup_20261130_020000.sql.gz
#
# PostgreSQL: the dump drops and recreates its tables in one transaction, so an error leaves the
# database as it was. SQLite: the dump is loaded into a new file beside the database, which then
# replaces it (stop the server first; the old file is kept as <name>.before-restore).
set -euo pipefail

# shellcheck source=scripts/db_url.sh
source "$(dirname "${BASH_SOURCE[0]}")/db_url.sh"

[ $# -eq 1 ] || { echo "usage: scripts/restore.sh BACKUP_FILE.sql.gz" >&2; exit 2; }
BACKUP="$1"
[ -f "$BACKUP" ] || fail "no backup file at $BACKUP"
gzip -t "$BACKUP" || fail "$BACKUP is not a complete gzip file"

if [ "${BACKUP_MODE:-}" = "docker" ]; then
  gunzip -c "$BACKUP" | compose exec -T postgres sh -c \
    'psql -q -v ON_ERROR_STOP=1 --single-transaction -U "$POSTGRES_USER" -d "$POSTGRES_DB"' >/dev/null
  echo "restored $BACKUP into the compose postgres service"
  exit 0
fi

URL="$(database_url)"
case "$URL" in
  postgres://* | postgresql://*)
    gunzip -c "$BACKUP" |
      psql -q -v ON_ERROR_STOP=1 --single-transaction --dbname="$(libpq_url "$URL")" >/dev/null
    ;;
  sqlite:*)
    DB="$(sqlite_path "$URL")"
    NEW="$DB.restoring"
    rm -f "$NEW"
    trap 'rm -f "$NEW"' EXIT
    gunzip -c "$BACKUP" | sqlite3 -bail "$NEW"
    if [ -f "$DB" ]; then
      mv "$DB" "$DB.before-restore"
      rm -f "$DB-wal" "$DB-shm"
    fi
    mv "$NEW" "$DB"
    ;;
  *) fail "DATABASE_URL is neither postgres:// nor sqlite: ($(redact "$URL"))" ;;
esac
echo "restored $BACKUP into $(redact "$URL")"
