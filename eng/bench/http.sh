#!/usr/bin/env bash
# HTTP benchmark: samples/website (unix target) beside nginx serving the same htdocs, both on
# loopback, measured with wrk in the same run. Prints a Markdown table for docs/benchmarks.md.
#   eng/bench/http.sh [seconds-per-run]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
duration=${1:-10}
MIRAGE_BENCH=1 bash eng/setup.sh
bash eng/pack.sh >/dev/null

work=$(mktemp -d)
cleanup() { [ -n "${mirage_pid:-}" ] && kill "$mirage_pid" 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build samples/website -c Release -nologo -v:quiet >/dev/null
dotnet samples/website/bin/Release/net10.0/website.dll --http.port=18080 --net.listen=127.0.0.1 >"$work/mirage.log" 2>&1 &
mirage_pid=$!

mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  server { listen 127.0.0.1:18081; root $root/samples/website/htdocs; index index.html; }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work/nginx"

for _ in $(seq 50); do curl -fs http://127.0.0.1:18080/ >/dev/null && curl -fs http://127.0.0.1:18081/ >/dev/null && break; sleep 0.2; done

run() { # name port connections
  local out rps p99
  out=$(wrk -t"$([ "$3" -gt 1 ] && echo 2 || echo 1)" -c"$3" -d"${duration}s" --latency "http://127.0.0.1:$2/index.html")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$1 $3 $rps $p99"
}

echo "| server | connections | requests/s | p99 latency |"
echo "|---|---|---|---|"
for c in 1 64; do
  read -r n1 c1 r1 l1 < <(run mirage 18080 "$c")
  read -r n2 c2 r2 l2 < <(run nginx 18081 "$c")
  echo "| Mirage.NET website (unix) | $c | $r1 | $l1 |"
  echo "| nginx (1 worker) | $c | $r2 | $l2 |"
  awk -v a="$r1" -v b="$r2" -v c="$c" 'BEGIN { printf "| ratio Mirage/nginx | %s | %.2f× | |\n", c, a / b }'
done
