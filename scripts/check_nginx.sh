#!/usr/bin/env bash
# Runs nginx/nginx.prod.conf for real: Debian's nginx on loopback with a self-signed certificate,
# in front of the release server in production mode, and checks what the deployment relies on —
# the HTTPS redirect, the ACME path, proxying with the app's own headers (CSP frame-ancestors for
# Telegram Web, no X-Frame-Options), HSTS, static files with their cache rules and precompressed
# copies, the body-size and request-rate limits, the webhook passed through, and sign-in tokens
# kept out of the access log. Only the addresses and paths are changed (ports, certificate, site).
#
#   scripts/check_nginx.sh     after scripts/build_release.sh
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/local_server.sh
source "$ROOT/scripts/local_server.sh"

command -v nginx >/dev/null 2>&1 || { echo "nginx not found (scripts/setup.sh installs it)" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "curl not found (scripts/setup.sh installs it)" >&2; exit 1; }

FAILURES=0
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1" >&2; FAILURES=$((FAILURES + 1)); }
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: expected '$3', got '$2'"; fi; }
check_match() { if printf '%s' "$2" | grep -Eqi -- "$3"; then pass "$1"; else fail "$1: no /$3/ in: $2"; fi; }
check_no_match() { if printf '%s' "$2" | grep -Eqi -- "$3"; then fail "$1: /$3/ found in: $2"; else pass "$1"; fi; }

NGINX_DIR="$(mktemp -d "${TMPDIR:-/tmp}/vectora-nginx.XXXXXX")"
NGINX_PID=""
stop_all() {
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
  stop_server
  rm -rf "$NGINX_DIR"
}
trap stop_all EXIT

LOCAL_SERVER_ENV=(
  APP_ENV=production
  SECRET_KEY="$(openssl rand -hex 32)"
  ALLOWED_HOSTS=vectora.test,127.0.0.1
  PUBLIC_URL=https://vectora.test
  EXTRA_FRAME_ANCESTORS=
)
start_local_server warn
APP_ADDR="${SERVER_URL#http://}"

HOST=vectora.test
HTTP_PORT="$(free_port)"
HTTPS_PORT="$(free_port)"
mkdir -p "$NGINX_DIR"/{ssl,logs,certbot/.well-known/acme-challenge}
cp -r "$ROOT/target/site" "$NGINX_DIR/site"
chmod -R a+rX "$NGINX_DIR"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$HOST" \
  -keyout "$NGINX_DIR/ssl/privkey.pem" -out "$NGINX_DIR/ssl/fullchain.pem" 2>/dev/null

sed -e "s#server app:3000;#server $APP_ADDR;#" \
  -e "s#listen 80 default_server;#listen 127.0.0.1:$HTTP_PORT default_server;#" \
  -e "s#listen 443 ssl http2 default_server;#listen 127.0.0.1:$HTTPS_PORT ssl http2 default_server;#" \
  -e '/listen \[::\]/d' \
  -e "s#/etc/nginx/ssl/#$NGINX_DIR/ssl/#g" \
  -e "s#/srv/vectora/site#$NGINX_DIR/site#g" \
  -e "s#/var/log/nginx/#$NGINX_DIR/logs/#g" \
  -e "s#/var/www/certbot#$NGINX_DIR/certbot#g" \
  -e "s#pid /tmp/nginx.pid;#pid $NGINX_DIR/nginx.pid;#" \
  "$ROOT/nginx/nginx.prod.conf" >"$NGINX_DIR/nginx.conf"
grep -q "server $APP_ADDR;" "$NGINX_DIR/nginx.conf" || { echo "the upstream line of nginx.prod.conf changed" >&2; exit 1; }

echo "nginx -t on nginx/nginx.prod.conf (addresses and paths changed for loopback):"
if nginx -t -q -e "$NGINX_DIR/logs/error.log" -c "$NGINX_DIR/nginx.conf"; then pass "nginx -t"; else fail "nginx -t"; exit 1; fi
nginx -e "$NGINX_DIR/logs/error.log" -c "$NGINX_DIR/nginx.conf"
for _ in $(seq 1 50); do [ -s "$NGINX_DIR/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID="$(cat "$NGINX_DIR/nginx.pid")"

HTTP="http://$HOST:$HTTP_PORT"
HTTPS="https://$HOST:$HTTPS_PORT"
CURL=(curl -sS -k --max-time 10 --resolve "$HOST:$HTTP_PORT:127.0.0.1" --resolve "$HOST:$HTTPS_PORT:127.0.0.1")
status() { "${CURL[@]}" -o /dev/null -w '%{http_code}' "$@"; }
headers() { "${CURL[@]}" -o /dev/null -D - "$@" | tr -d '\r'; }
header() { headers "${@:2}" | grep -i "^$1:" | head -n 1 | cut -d' ' -f2-; }

echo "HTTP:"
check "plain HTTP is redirected (301)" "$(status "$HTTP/tasks?tab=today")" 301
check "to the same path over HTTPS" "$(header location "$HTTP/tasks?tab=today")" "https://$HOST/tasks?tab=today"
echo "challenge-token" >"$NGINX_DIR/certbot/.well-known/acme-challenge/token"
check "Let's Encrypt's challenge answered over HTTP" "$("${CURL[@]}" "$HTTP/.well-known/acme-challenge/token")" challenge-token

echo "Pages and API through the proxy:"
PAGE_HEADERS="$(headers "$HTTPS/")"
check_match "GET / is the app's page (200)" "$PAGE_HEADERS" '^HTTP/[0-9.]+ 200'
check_match "CSP lets Telegram Web frame the app" "$PAGE_HEADERS" "content-security-policy:.*frame-ancestors 'self' https://web.telegram.org"
check_no_match "no X-Frame-Options" "$PAGE_HEADERS" '^x-frame-options:'
check_match "HSTS" "$PAGE_HEADERS" '^strict-transport-security: max-age='
check_match "nosniff" "$PAGE_HEADERS" '^x-content-type-options: nosniff'
check_no_match "no nginx version in Server" "$PAGE_HEADERS" '^server: nginx/[0-9]'
check_match "/health answers through the proxy" "$("${CURL[@]}" "$HTTPS/health")" '"status"'
check "/metrics is not served to the outside" "$(status "$HTTPS/metrics")" 404
check "an unknown Host is refused by the app (400)" "$(status -H 'Host: evil.example' "$HTTPS/")" 400

echo "Static files from the site directory (names hashed by cargo-leptos, from hash.txt):"
HASHES="$CARGO_TARGET_DIR/release/hash.txt"
[ -f "$HASHES" ] || { echo "no $HASHES: the build hashed no names (hash-files in Cargo.toml)" >&2; exit 1; }
hash_of() { sed -n "s/^$1: *//p" "$HASHES"; }
CSS="vectora.$(hash_of css).css"
JS="vectora.$(hash_of js).js"
WASM="vectora.$(hash_of wasm).wasm"
LOADER="__wasm_split.$(hash_of split).js"
CHUNK="$(cd "$NGINX_DIR/site/pkg" && ls -- chunk_*.wasm | head -n 1)"
PAGE="$("${CURL[@]}" "$HTTPS/")"
for name in "$CSS" "$JS" "$WASM"; do
  check_match "the page names pkg/$name" "$PAGE" "\"/pkg/$name\""
done
check_no_match "the page is not cached as immutable" "$PAGE_HEADERS" '^cache-control:.*immutable'
WASM_HEADERS="$(headers -H 'Accept-Encoding: gzip' "$HTTPS/pkg/$WASM")"
check_match "the WASM is served (200)" "$WASM_HEADERS" '^HTTP/[0-9.]+ 200'
check_match "as application/wasm" "$WASM_HEADERS" '^content-type: application/wasm'
check_match "its precompressed copy" "$WASM_HEADERS" '^content-encoding: gzip'
check_match "with HSTS" "$WASM_HEADERS" '^strict-transport-security:'
check_match "the main WASM is revalidated (the loader's name is written in after hashing)" \
  "$WASM_HEADERS" '^cache-control: no-cache$'
check "so is the main JS" "$(header cache-control "$HTTPS/pkg/$JS")" no-cache
IMMUTABLE='public, max-age=31536000, immutable'
check "the stylesheet is cached for a year" "$(header cache-control "$HTTPS/pkg/$CSS")" "$IMMUTABLE"
check "the split loader is cached for a year" "$(header cache-control "$HTTPS/pkg/$LOADER")" "$IMMUTABLE"
check "a WASM chunk is cached for a year" "$(header cache-control "$HTTPS/pkg/$CHUNK")" "$IMMUTABLE"
CHUNK_HEADERS="$(headers -H 'Accept-Encoding: gzip' "$HTTPS/pkg/$CHUNK")"
check_match "and gets its precompressed copy" "$CHUNK_HEADERS" '^content-encoding: gzip'
check_match "marked as varying with Accept-Encoding" "$CHUNK_HEADERS" '^vary: accept-encoding'
cp "$NGINX_DIR/site/pkg/$CSS" "$NGINX_DIR/site/pkg/vectora.css"
cp "$NGINX_DIR/site/pkg/$LOADER" "$NGINX_DIR/site/pkg/__wasm_split.______________________.js"
check "an unhashed name is revalidated" "$(header cache-control "$HTTPS/pkg/vectora.css")" no-cache
check "so is the loader's name in a build without hashes" \
  "$(header cache-control "$HTTPS/pkg/__wasm_split.______________________.js")" no-cache
rm "$NGINX_DIR/site/pkg/vectora.css" "$NGINX_DIR/site/pkg/__wasm_split.______________________.js"

# Every file of the build, through nginx and from the app itself: the same Cache-Control, and
# `immutable` only where the name holds the MD5 of the file as it is (what cargo-leptos puts there).
IMMUTABLE_COUNT=0
REVALIDATED_COUNT=0
DISAGREE=""
NOT_CONTENT=""
for file in "$NGINX_DIR/site/pkg/"*; do
  name="${file##*/}"
  case "$name" in *.br | *.gz) continue ;; esac
  [ -f "$file" ] || continue
  via_nginx="$(header cache-control "$HTTPS/pkg/$name")"
  via_app="$(curl -sS --max-time 10 -o /dev/null -D - "$SERVER_URL/pkg/$name" | tr -d '\r' |
    grep -i '^cache-control:' | head -n 1 | cut -d' ' -f2-)"
  [ "$via_nginx" = "$via_app" ] || DISAGREE="$DISAGREE $name (nginx '$via_nginx', app '$via_app')"
  if [ "$via_nginx" = "$IMMUTABLE" ]; then
    IMMUTABLE_COUNT=$((IMMUTABLE_COUNT + 1))
    md5="$(openssl dgst -md5 -binary "$file" | openssl base64 -A | tr '+/' '-_' | tr -d '=')"
    case "$name" in *".$md5."*) ;; *) NOT_CONTENT="$NOT_CONTENT $name" ;; esac
  else
    REVALIDATED_COUNT=$((REVALIDATED_COUNT + 1))
  fi
done
check "nginx and the app send the same Cache-Control for every file of pkg/" "${DISAGREE:-none differ}" "none differ"
check "every name cached for a year is the MD5 of its file" "${NOT_CONTENT:-all are}" "all are"
echo "        ($IMMUTABLE_COUNT files cached for a year, $REVALIDATED_COUNT revalidated)"
[ "$IMMUTABLE_COUNT" -gt 0 ] || fail "no file of pkg/ is cached for a year"

echo "Limits:"
head -c 2000000 /dev/zero | tr '\0' 'a' >"$NGINX_DIR/big.json"
check "a 2 MB body is refused (413)" \
  "$(status -X POST -H 'Content-Type: application/json' --data-binary "@$NGINX_DIR/big.json" "$HTTPS/api/v1/tasks")" 413
CODES=""
for _ in $(seq 1 20); do
  CODES="$CODES $(status -X POST -H 'Content-Type: application/json' -d '{}' "$HTTPS/auth/login")"
done
check_match "sign-in bursts from one address get 429 from nginx" "$CODES" ' 429'
check_no_match "the first attempts reach the app" "$(echo "$CODES" | cut -d' ' -f2-6)" '429'

echo "Webhook and logs:"
check_match "POST /telegram/webhook reaches the app" \
  "$(headers -X POST -H 'Content-Type: application/json' -d '{}' "$HTTPS/telegram/webhook")" \
  '^content-security-policy:'
TOKEN="$(openssl rand -hex 32)"
status "$HTTPS/auth/link/$TOKEN" >/dev/null
sleep 0.2
LOG="$(cat "$NGINX_DIR/logs/access.log")"
check_match "the access log records the link visit" "$LOG" '/auth/link/\[redacted\]'
check_no_match "without its token" "$LOG" "$TOKEN"

if [ "$FAILURES" -ne 0 ]; then
  echo "$FAILURES nginx check(s) failed; nginx's error log:" >&2
  cat "$NGINX_DIR/logs/error.log" >&2 || true
  exit 1
fi
echo "nginx: every check passed"
