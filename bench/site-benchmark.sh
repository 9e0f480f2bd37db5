#!/usr/bin/env bash
# Benchmark (issue 5): the public site under load. wrk (Debian's package) at 100 concurrent connections on loopback
# against `./annual-review serve` over the demo data (H2, the embedded default), side by side in the same run with
# nginx (Debian's package) serving the same rendered council page and API answer as static files.
# Targets: p99 latency at most 50 ms; throughput at least half of nginx's.
#
# Once (not timed): builds the jar, loads the demo (every year's letters, as `./annual-review demo` does) into a
# fresh H2 file database, starts `serve` with the JVM's defaults, fetches the two answers into nginx's folder and
# starts nginx with as many workers as cores (no access log, sendfile on). Each run: for each of
#   annual-review council page, annual-review API, nginx council page, nginx API
# (the council page also with Accept-Encoding: gzip, served by nginx's gzip_static from a .gz made once) 10 s of
# warm-up then DURATION of measurement with wrk -t2 -c100 --latency; prints requests/s and p99 per run,
# then the medians, the ratio to nginx and the server's peak RSS. wrk shares the machine's cores with the servers
# (both equally). Also, once, the council page with the page cache switched off (annual-review.site.cache-seconds=0),
# which is what every request would cost without it.
# A run fails on any answer that is not 2xx and on any socket error or timeout wrk reports (a timed-out request would
# otherwise show as wrk's 2 s timeout in the p99).
# Usage: bench/site-benchmark.sh [runs=3]     Environment: BENCH_DIR (default /tmp/annual-review-site-bench), DURATION (15s),
#        APP_PORT (18081), NGINX_PORT (18082)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
duration=${DURATION:-15s}
work=${BENCH_DIR:-/tmp/annual-review-site-bench}
app_port=${APP_PORT:-18081}
nginx_port=${NGINX_PORT:-18082}
council=E08000011
mkdir -p "$work"
work=$(cd "$work" && pwd)
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 2; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "needs nginx (apt-get install nginx)"; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

./mvnw -q -B -DskipTests package
jar=target/annual-review.jar
url="jdbc:h2:file:$work/db/annual-review"
if [ ! -f "$work/db/annual-review.mv.db" ]; then
  echo "loading the demo with every year's letters into a fresh H2 database (not timed) ..."
  java -jar "$jar" --database-url "$url" demo --files "$work/files" --letters "$work/letters" --letters-for all --no-serve \
    > "$work/demo.out" 2>&1 || { cat "$work/demo.out"; exit 1; }
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

serve() {   # serve [extra env]: starts annual-review serve, waits for it, sets $app_pid
  env "$@" java -jar "$jar" --database-url "$url" serve --port "$app_port" > "$work/serve.out" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$app_port/" && return 0; sleep 0.5; done
  cat "$work/serve.out"; echo "serve did not start"; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }

serve
year=$(curl -sf "http://127.0.0.1:$app_port/api/years" | grep -oE '[0-9]{4}-[0-9]{2}' | head -n 1)
[ -n "$year" ] || { echo "no published year"; exit 1; }
page="/councils/$council"
api="/api/years/$year/councils/$council"
echo "published years: $(curl -sf "http://127.0.0.1:$app_port/api/years")"

# nginx serves the same bytes as static files
mkdir -p "$work/nginx/static/councils" "$work/nginx/static/api/years/$year/councils" "$work/nginx/logs"
curl -sf "http://127.0.0.1:$app_port$page" > "$work/nginx/static$page.html"
curl -sf "http://127.0.0.1:$app_port$api" > "$work/nginx/static$api.json"
gzip -kf -6 "$work/nginx/static$page.html"   # for nginx's gzip_static: compressed once, as annual-review's page cache does
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000;
  types { text/html html; application/json json; }
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/static;
    location /councils/ { default_type text/html; try_files \$uri.html =404; }
    location /api/ { default_type application/json; try_files \$uri.json =404; }
  }
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 1
cmp <(curl -sf "http://127.0.0.1:$nginx_port$page") "$work/nginx/static$page.html"
cmp <(curl -sf "http://127.0.0.1:$nginx_port$api") "$work/nginx/static$api.json"
for port in "$app_port" "$nginx_port"; do   # both send the page gzipped when asked
  curl -sf -H 'Accept-Encoding: gzip' -D - -o /dev/null "http://127.0.0.1:$port$page" | grep -qi '^content-encoding: gzip' \
    || { echo "port $port: the council page was not sent gzipped"; exit 1; }
done
echo "council page $(wc -c < "$work/nginx/static$page.html") bytes, API answer $(wc -c < "$work/nginx/static$api.json") bytes"

# one wrk measurement of DURATION at ADDRESS [with gzip]: prints "requests/s p99-ms non-2xx"
load() {
  local out
  if [ "${3:-}" = gzip ]; then
    out=$(wrk -t2 -c100 -d"$1" --latency -H 'Accept-Encoding: gzip' "$2")
  else
    out=$(wrk -t2 -c100 -d"$1" --latency "$2")
  fi
  local rps p99 errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$out")
  errors=$(awk '/Non-2xx/ { print $4 }' <<<"$out")
  # "Socket errors: connect 0, read 0, write 0, timeout 0": every one counts
  sockets=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  echo "$rps $p99 ${errors:-0} ${sockets:-0}"
}

declare -A rps p99
targets=("annual-review council page|http://127.0.0.1:$app_port$page" "annual-review council page gzip|http://127.0.0.1:$app_port$page"
         "annual-review API|http://127.0.0.1:$app_port$api"
         "nginx council page|http://127.0.0.1:$nginx_port$page" "nginx council page gzip|http://127.0.0.1:$nginx_port$page"
         "nginx API|http://127.0.0.1:$nginx_port$api")
for run in $(seq 1 "$runs"); do
  for target in "${targets[@]}"; do
    name=${target%%|*}; address=${target#*|}
    encoding=""; case "$name" in *gzip) encoding=gzip ;; esac
    load 10s "$address" "$encoding" > /dev/null
    read -r r p e x <<<"$(load "$duration" "$address" "$encoding")"
    [ "$e" = "0" ] || { echo "$name: $e responses were not 2xx"; exit 1; }
    [ "$x" = "0" ] || { echo "$name: $x socket errors or timeouts"; exit 1; }
    printf 'run %d  %-32s %10.0f requests/s  p99 %7.2f ms\n' "$run" "$name" "$r" "$p"
    rps[$name]+="$r "; p99[$name]+="$p "
  done
done
rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo
echo "medians of $runs runs of $duration (wrk -t2 -c100, loopback, $(nproc) cores shared by wrk and the server):"
for target in "${targets[@]}"; do
  name=${target%%|*}
  printf '  %-32s %10.0f requests/s  p99 %7.2f ms\n' "$name" "$(median "${rps[$name]}")" "$(median "${p99[$name]}")"
done
for kind in "council page" "council page gzip" "API"; do
  ratio=$(awk -v a="$(median "${rps["annual-review $kind"]}")" -v n="$(median "${rps["nginx $kind"]}")" 'BEGIN { printf "%.2f", a / n }')
  echo "  $kind: annual-review / nginx throughput = $ratio"
done
echo "  annual-review serve peak RSS: $rss MB"

stop_app
serve ANNUAL_REVIEW_SITE_CACHE_SECONDS=0
load 10s "http://127.0.0.1:$app_port$page" > /dev/null
read -r r p e x <<<"$(load "$duration" "http://127.0.0.1:$app_port$page")"
printf '  without the page cache: council page %.0f requests/s, p99 %.2f ms, %s not 2xx, %s socket errors or timeouts\n' "$r" "$p" "$e" "$x"
