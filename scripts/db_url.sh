# Sourced by backup.sh and restore.sh: where the database is, as the server finds it.

fail() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# DATABASE_URL from the environment, else from ./.env, else the server's default SQLite file.
database_url() {
  if [ -n "${DATABASE_URL:-}" ]; then
    printf '%s' "$DATABASE_URL"
  elif [ -f .env ] && grep -q '^DATABASE_URL=' .env; then
    grep '^DATABASE_URL=' .env | tail -n 1 | cut -d= -f2- | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/"
  else
    printf 'sqlite://vectora.db?mode=rwc'
  fi
}

# The URL without its password, for messages.
redact() { printf '%s' "$1" | sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#'; }

# libpq reads postgres:// URLs itself, but not every query parameter sqlx takes: keep the ones
# both understand (TLS settings, application_name, options).
libpq_url() {
  local base="${1%%\?*}" query="" kept="" param
  [ "$base" != "$1" ] && query="${1#*\?}"
  local IFS='&'
  for param in $query; do
    case "${param%%=*}" in
      sslmode | sslrootcert | sslcert | sslkey | application_name | options)
        kept="${kept:+$kept&}$param" ;;
    esac
  done
  printf '%s%s' "$base" "${kept:+?$kept}"
}

# sqlite://path?mode=rwc and sqlite:path → path
sqlite_path() {
  local path="${1#sqlite:}"
  path="${path#//}"
  printf '%s' "${path%%\?*}"
}

# docker compose (v2) or docker-compose, on the production compose file.
compose() {
  local file="${COMPOSE_FILE:-docker-compose.prod.yml}"
  if docker compose version >/dev/null 2>&1; then
    docker compose -f "$file" "$@"
  else
    docker-compose -f "$file" "$@"
  fi
}
