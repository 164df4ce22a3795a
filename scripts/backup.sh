#!/usr/bin/env bash
# Backs up Vectora's database to $BACKUP_DIR/vectora_backup_YYYYmmdd_HHMMSS.sql.gz, prints that
# path, and deletes backups there older than $BACKUP_KEEP_DAYS days (7).
#
#   scripts/backup.sh                      DATABASE_URL (from the environment, else from .env):
#                                          PostgreSQL through pg_dump, or the SQLite file
#   BACKUP_MODE=docker scripts/backup.sh   the `postgres` service of docker-compose.prod.yml,
#                                          dumped inside its container (POSTGRES_USER, POSTGRES_DB)
#   BACKUP_DIR=/srv/backups                where backups go (default: ./backups)
#
# A PostgreSQL dump is plain SQL that drops and recreates every object it holds, without owners
# or grants, so scripts/restore.sh can load it into a fresh database or over the same one.
# Nothing is left behind when the dump fails: the file appears only once it is complete.
# For cron: 0 2 * * * /opt/vectora/scripts/backup.sh >> /var/log/vectora_backup.log 2>&1
set -euo pipefail

# shellcheck source=scripts/db_url.sh
source "$(dirname "${BASH_SOURCE[0]}")/db_url.sh"

BACKUP_DIR="${BACKUP_DIR:-./backups}"
BACKUP_KEEP_DAYS="${BACKUP_KEEP_DAYS:-7}"
umask 077
mkdir -p "$BACKUP_DIR"
FILE="$BACKUP_DIR/vectora_backup_$(date +%Y%m%d_%H%M%S).sql.gz"
PARTIAL="$FILE.partial"
trap 'rm -f "$PARTIAL"' EXIT

dump() {
  if [ "${BACKUP_MODE:-}" = "docker" ]; then
    compose exec -T postgres sh -c \
      'pg_dump --clean --if-exists --no-owner --no-privileges -U "$POSTGRES_USER" "$POSTGRES_DB"'
    return
  fi
  local url
  url="$(database_url)"
  case "$url" in
    postgres://* | postgresql://*)
      pg_dump --clean --if-exists --no-owner --no-privileges --dbname="$(libpq_url "$url")"
      ;;
    sqlite:*)
      local path
      path="$(sqlite_path "$url")"
      [ -f "$path" ] || fail "no SQLite database at $path"
      sqlite3 -readonly "$path" .dump
      ;;
    *) fail "DATABASE_URL is neither postgres:// nor sqlite: ($(redact "$url"))" ;;
  esac
}

dump | gzip -9 > "$PARTIAL"
mv "$PARTIAL" "$FILE"
find "$BACKUP_DIR" -maxdepth 1 -name 'vectora_backup_*.sql.gz' -mtime +"$BACKUP_KEEP_DAYS" -delete
echo "$FILE"
