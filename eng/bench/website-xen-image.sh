#!/usr/bin/env bash
# The website unikernel on Xen (x86_64 PVH and 32-bit ARM), samples/website as it is:
#  1. image sizes: loadable bytes (ELF PT_LOAD file sizes; an ARM zImage is loaded whole), the
#     stack-trace symbol table's share of them, and the memory the image occupies with .bss;
#  2. time from `xl create` to the first HTTP response, measured in dom0 of the real-Xen harness
#     (eng/xen, under QEMU TCG): a dom0 script started with `xl create` polls the site with
#     busybox nc (cheap to start, unlike curl, so polling takes little of the one emulated CPU the
#     guest shares with dom0; busybox wget crashes in that dom0) until a request gets "200"; the
#     address static (extra=) or from dnsmasq in dom0.
# Prints Markdown tables; record results in docs/benchmarks.md with this command.
#   eng/bench/website-xen-image.sh [runs] [targets]      e.g. eng/bench/website-xen-image.sh 5 "xen xen-arm"
# runs=0 measures the sizes only (no Xen boot).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
targets=${2:-xen xen-arm}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
work=$(mktemp -d /tmp/mirage-bench-website-xen.XXXXXX)
servers=()
cleanup() {
  for dir in "${servers[@]}"; do python3 "$root/eng/xen/harness.py" stop --dir "$dir" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cp "$root/global.json" "$work/"
sed "s|artifacts/|$root/artifacts/|g" "$root/NuGet.config" > "$work/NuGet.config"
cp -r "$root/samples/website" "$work/website"; rm -rf "$work/website/bin" "$work/website/obj"

loadable() {
  if [ "$(head -c 4 "$1" | od -An -tx1 | tr -d ' ')" = 7f454c46 ]; then
    readelf -lW "$1" | python3 -c "import sys; print(sum(int(l.split()[4], 16) for l in sys.stdin if l.split()[:1] == ['LOAD']))"
  else
    stat -c %s "$1"
  fi
}
in_memory() { readelf -lW "$1" | python3 -c "import sys; print(sum(int(l.split()[5], 16) for l in sys.stdin if l.split()[:1] == ['LOAD']))"; }
section() { readelf -SW "$1" | python3 -c "import sys; print(next((int(l.split(']')[1].split()[4], 16) for l in sys.stdin if '] $2 ' in l), 0))"; }
kib() { python3 -c "print(f'{$1/1024:.0f} KiB')"; }

echo "### Image sizes (samples/website; crunch htdocs, TCP/IP stack, HTTP server)"
echo
echo "| target | configuration | loadable | of which symbol table | in memory with .bss |"
echo "|---|---|---|---|---|"
for target in $targets; do
  for configuration in Debug Release; do
    dotnet build "$work/website" -c "$configuration" -p:MirageTarget="$target" -nologo -v:quiet >/dev/null
    image=$work/website/bin/$target/$configuration/net10.0/website.xen
    # The linked ELF: the image itself on x86; on ARM objcopy's input, which the zImage wraps.
    elf=$image
    [ "$target" = xen-arm ] && elf=$(find "$work/website/obj/$target/$configuration" -name website.elf | head -1)
    echo "| $target | $configuration | $(loadable "$image") B ($(kib "$(loadable "$image")")) | $(kib "$(section "$elf" .mirage_symbols)") | $(kib "$(in_memory "$elf")") |"
  done
done
echo
[ "$runs" = 0 ] && exit 0

# Each run: a fresh domain; the dom0 script starts with xl create, polls, then shuts the guest down.
probe_script() {
  cat <<EOF
t0=\$(cut -d' ' -f1 /proc/uptime)
until printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 2 $1 8080 2>/dev/null | head -n 1 | grep -q ' 200 '; do sleep 0.02; done
t1=\$(cut -d' ' -f1 /proc/uptime)
echo "first-response \$t0 \$t1"
xl shutdown "\$MIRAGE_GUEST"
EOF
}

echo "### Time from \`xl create\` to the first HTTP response (real Xen under QEMU TCG, $runs runs, median [min–max])"
echo
echo "| target | address | first HTTP response | banner on the console | boot of Xen + dom0 (once) |"
echo "|---|---|---|---|---|"
for target in $targets; do
  arch=x86; [ "$target" = xen-arm ] && arch=arm
  dir=$work/harness-$arch
  ready=$(python3 "$root/eng/xen/harness.py" start --dir "$dir" --arch "$arch" --bridge-address 192.168.77.1/24 --parent-pid $$)
  servers+=("$dir")
  boot=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['boot_s'])" "$ready")
  image=$work/website/bin/$target/Release/net10.0/website.xen
  # A fixed MAC, so that dnsmasq can always hand out the same address.
  sed 's/devid=0/devid=0,mac=00:16:3e:00:00:42/' "${image%.xen}.xl" > "$work/dhcp-$arch.xl"
  { cat "$work/dhcp-$arch.xl"; echo 'extra = "net.ipv4=192.168.77.20/24"'; } > "$work/static-$arch.xl"
  python3 "$root/eng/xen/harness.py" client --socket "$dir/harness.sock" sh - >/dev/null <<'EOF'
/usr/sbin/dnsmasq --conf-file=/dev/null --port=0 --user=root --bind-interfaces --interface=xenbr0 \
  --dhcp-range=192.168.77.10,192.168.77.10,255.255.255.0,1h --dhcp-host=00:16:3e:00:00:42,192.168.77.10 \
  --dhcp-leasefile=/tmp/bench.leases --pid-file=/tmp/bench-dnsmasq.pid
EOF
  for addressing in static dhcp; do
    address=192.168.77.20; [ "$addressing" = dhcp ] && address=192.168.77.10
    probe_script "$address" > "$work/probe.sh"
    results=()
    for _ in $(seq "$runs"); do
      json=$(python3 "$root/eng/xen/harness.py" client --socket "$dir/harness.sock" --compact run "$image" "$work/$addressing-$arch.xl" --timeout 300 --dom0-during "$work/probe.sh")
      results+=("$json")
    done
    python3 - "$target" "$addressing" "$boot" "${results[@]}" <<'EOF'
import json, statistics, sys
target, addressing, boot, results = sys.argv[1], sys.argv[2], sys.argv[3], [json.loads(r) for r in sys.argv[4:]]
first, banner = [], []
for r in results:
    if r.get("result") != "poweroff":
        sys.exit(f"{target} {addressing}: the guest did not power off: {r.get('result')} {r.get('message')}\n{r.get('console')}")
    line = next(l for l in r["dom0_during"]["output"].splitlines() if l.startswith("first-response "))
    t0, t1 = map(float, line.split()[1:])
    first.append(t1 - t0)
    banner.append(next(l["t"] for l in r["lines"] if l["text"].startswith("website: serving")))
fmt = lambda xs: f"{statistics.median(xs):.2f} s [{min(xs):.2f}–{max(xs):.2f}]"
print(f"| {target} | {addressing} | {fmt(first)} | {fmt(banner)} | {boot} s |")
EOF
  done
done
