#!/usr/bin/env bash
# TCP/IP benchmark: the website sample on the managed stack (stackv4 "direct" over a TAP device)
# beside the same app on host sockets (the Linux kernel's TCP), in the same run. Linux is the
# client in both cases, across a virtual link: the TAP device for the managed stack, a veth pair
# into a second namespace for the socket build. Measures TCP throughput (one 100 MiB download with
# curl), HTTP requests/s with wrk (1 and 64 connections) and prints a Markdown table. Needs root.
#   eng/bench/tcpip.sh [seconds-per-wrk-run]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
duration=${1:-10}
[ "$(id -u)" -eq 0 ] || { echo "tcpip.sh needs root (network namespaces, TAP)" >&2; exit 1; }
MIRAGE_BENCH=1 MIRAGE_SKIP_XEN_SETUP=1 bash eng/setup.sh
bash eng/pack.sh >/dev/null

id=$$
client=mbc$id server=mbs$id tap=mbtap$id
work=$root/artifacts/bench-tcpip-$id
cleanup() {
  for pid in ${direct_pid:-} ${socket_pid:-}; do kill "$pid" 2>/dev/null || true; done
  ip netns del "$client" 2>/dev/null || true
  ip netns del "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Two builds of the website in a workspace shielded from the repository's build settings (as samples/ is).
mkdir -p "$work"
cp samples/Directory.Build.props samples/Directory.Build.targets samples/Directory.Packages.props "$work/"
for variant in socket direct; do
  cp -r samples/website "$work/website-$variant"
  rm -rf "$work/website-$variant/bin" "$work/website-$variant/obj"
  head -c $((100 << 20)) /dev/urandom >"$work/website-$variant/htdocs/big.bin"
done
# The sample declares its network device eth; it is connected when the stack is the managed one.
grep -q 'Implementation="$(NetImplementation)"' "$work/website-direct/website.csproj"
dotnet build "$work/website-socket" -c Release -nologo -v:quiet >/dev/null
dotnet build "$work/website-direct" -c Release -nologo -v:quiet -p:NetImplementation=direct >/dev/null
digest=$(sha256sum "$work/website-socket/htdocs/big.bin" | cut -d' ' -f1)
digest_direct=$(sha256sum "$work/website-direct/htdocs/big.bin" | cut -d' ' -f1)

# Client namespace: the TAP's host end (10.79.0.1) and a veth into the server namespace (10.80.0.1 ↔ 10.80.0.2).
ip netns add "$client"
ip netns add "$server"
ip -n "$client" link set lo up
ip -n "$server" link set lo up
ip link add "v$id" netns "$client" type veth peer name "w$id" netns "$server"
ip -n "$client" addr add 10.80.0.1/24 dev "v$id"
ip -n "$server" addr add 10.80.0.2/24 dev "w$id"
ip -n "$client" link set "v$id" up
ip -n "$server" link set "w$id" up

ip netns exec "$server" dotnet "$work/website-socket/bin/Release/net10.0/website.dll" --http.port=80 --net.listen=10.80.0.2 >"$work/socket.log" 2>&1 &
socket_pid=$!
# The managed stack's process creates the TAP device inside the client namespace, then Linux's end is configured.
ip netns exec "$client" dotnet "$work/website-direct/bin/Release/net10.0/website.dll" --http.port=80 --eth.tap="$tap" --net.ipv4=10.79.0.2/24 >"$work/direct.log" 2>&1 &
direct_pid=$!
for _ in $(seq 100); do ip -n "$client" link show "$tap" >/dev/null 2>&1 && break; sleep 0.1; done
ip -n "$client" addr add 10.79.0.1/24 dev "$tap"
ip -n "$client" link set "$tap" up

in_client() { ip netns exec "$client" "$@"; }
for _ in $(seq 100); do
  in_client curl -fs http://10.79.0.2/ >/dev/null && in_client curl -fs http://10.80.0.2/ >/dev/null && break
  sleep 0.2
done

throughput() { # url expected-digest → best MB/s of three downloads (each checked)
  local best=0 speed
  for _ in 1 2 3; do
    speed=$(in_client curl -fs -o "$work/download" -w '%{speed_download}' "$1")
    [ "$(sha256sum "$work/download" | cut -d' ' -f1)" = "$2" ] || { echo "download from $1 corrupted" >&2; exit 1; }
    best=$(awk -v a="$best" -v b="$speed" 'BEGIN { print (b > a ? b : a) }')
  done
  rm -f "$work/download"
  awk -v b="$best" 'BEGIN { printf "%.1f", b / 1e6 }'
}

requests() { # url connections → requests/s
  local threads=1
  [ "$2" -gt 1 ] && threads=2
  in_client wrk -t"$threads" -c"$2" -d"${duration}s" "$1" | awk '/Requests\/sec/ {print $2}'
}

direct_mbs=$(throughput http://10.79.0.2/big.bin "$digest_direct")
socket_mbs=$(throughput http://10.80.0.2/big.bin "$digest")
direct_rps1=$(requests http://10.79.0.2/index.html 1)
socket_rps1=$(requests http://10.80.0.2/index.html 1)
direct_rps64=$(requests http://10.79.0.2/index.html 64)
socket_rps64=$(requests http://10.80.0.2/index.html 64)

echo "| measurement | managed stack (direct, TAP) | host sockets (Linux TCP, veth) | ratio |"
echo "|---|---|---|---|"
awk -v a="$direct_mbs" -v b="$socket_mbs" 'BEGIN { printf "| TCP throughput, 100 MiB download (MB/s, best of 3) | %s | %s | %.2f× |\n", a, b, a / b }'
awk -v a="$direct_rps1" -v b="$socket_rps1" 'BEGIN { printf "| website requests/s, 1 connection (sequential) | %s | %s | %.2f× |\n", a, b, a / b }'
awk -v a="$direct_rps64" -v b="$socket_rps64" 'BEGIN { printf "| website requests/s, 64 connections | %s | %s | %.2f× |\n", a, b, a / b }'
echo
echo "MirageOS's published figure for its own stack is about 2,000 sequential requests/s; ours: $direct_rps1."
