#!/usr/bin/env bash
# Benchmarks of the Xen PV devices on the x86 harness (real Xen 4.17 under QEMU TCG): netfront
# frames/s and MiB/s with dom0 (tests/xen-devices/NetExchange with dom0's eng/xen/peer/frame-peer.c:
# 60-1,514-byte raw Ethernet frames, 32 in flight), blkfront MiB/s writing and reading a 64 MiB image
# (tests/xen-devices/DiskPattern, 1 MiB calls), beside dom0 itself doing the same disk transfer
# on the same image through the loop device (dd, 1 MiB blocks, direct I/O). Under TCG only the
# ratios mean something. Prints tables; record results in docs/benchmarks.md with this command.
#   eng/bench/xen-devices.sh [runs]          (default 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
work=$(mktemp -d /tmp/mirage-bench-xen-devices.XXXXXX)
harness="$root/eng/xen/harness.py"
cleanup() { python3 "$harness" stop --dir "$work/harness" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
cp "$root/global.json" "$work/"
sed "s|artifacts/|$root/artifacts/|g" "$root/NuGet.config" > "$work/NuGet.config"
for app in NetExchange DiskPattern; do
  cp -r "$root/tests/xen-devices/$app" "$work/$app"; rm -rf "$work/$app/bin" "$work/$app/obj"
done
truncate -s 64M "$work/DiskPattern/disk.img"
python3 -c "d=bytearray(1<<20); d[0:11]=b'MIRAGE-SEED'; open('$work/DiskPattern/seed.img','wb').write(d)"
for app in NetExchange DiskPattern; do ( cd "$work/$app" && dotnet build -p:MirageTarget=xen -v:q -nologo >/dev/null ); done
python3 "$harness" start --dir "$work/harness" --parent-pid $$ >/dev/null
sock="$work/harness/harness.sock"
cat > "$work/dom0-peer.sh" <<'SH'
for i in $(seq 600); do domid=$(xl domid "$MIRAGE_GUEST" 2>/dev/null) && break; sleep 0.1; done
mirage-frame-peer "vif$domid.0" 0 00:16:3e:4d:00:02 600
SH
run() {  # run APP [harness client options] -> console text
  local app=$1; shift
  python3 "$harness" client --socket "$sock" --compact run "$work/$app/bin/xen/Debug/net10.0/$app.xen" \
    "$work/$app/bin/xen/Debug/net10.0/$app.xl" --timeout 600 "$@" | python3 -c "import json,sys; r=json.load(sys.stdin); print(r['console']); sys.exit(r['exit_code'])"
}

echo "## netfront <-> dom0's frame peer (raw Ethernet, 10,000 frames each way, 60-1,514 bytes)"
echo "| run | frames/s each way | MiB/s each way |"
echo "|---|---|---|"
for i in $(seq "$runs"); do
  out=$(run NetExchange --dom0-during "$work/dom0-peer.sh")
  python3 - "$i" <<PY
import re, sys
out = """$out"""
fps = float(re.search(r"in [0-9.]+ s: ([0-9.]+) frames/s", out).group(1))
sent = re.search(r"sent (\d+) frames \((\d+) bytes\)", out)
mib = fps * int(sent.group(2)) / int(sent.group(1)) / 2**20
print(f"| {sys.argv[1]} | {fps:.0f} | {mib:.2f} |")
PY
done
echo

echo "## blkfront vs dom0 on the same 64 MiB image"
echo "| run | blkfront write MiB/s | blkfront read MiB/s | dom0 write MiB/s | dom0 read MiB/s |"
echo "|---|---|---|---|---|"
cat > "$work/dom0-dd.sh" <<'SH'
img=/mnt/host/bench-disk.img   # on the 9p share, as the guests' disk images are
dd if=/dev/zero of=$img bs=1M count=64 2>/dev/null
dev=$(losetup -f) && losetup "$dev" $img
s=$(cut -d' ' -f1 /proc/uptime); dd if=/dev/zero of="$dev" bs=1M count=64 oflag=direct 2>/dev/null; sync; e=$(cut -d' ' -f1 /proc/uptime)
echo "write $s $e"
s=$(cut -d' ' -f1 /proc/uptime); dd if="$dev" of=/dev/null bs=1M count=64 iflag=direct 2>/dev/null; e=$(cut -d' ' -f1 /proc/uptime)
echo "read $s $e"
losetup -d "$dev"; rm -f $img
SH
for i in $(seq "$runs"); do
  out=$(run DiskPattern)
  dd=$(python3 "$harness" client --socket "$sock" --compact sh "$work/dom0-dd.sh" | python3 -c "import json,sys; print(json.load(sys.stdin)['output'])")
  python3 - "$i" <<PY
import re, sys
out, dd = """$out""", """$dd"""
w = float(re.search(r"wrote 64 MiB in [0-9.]+ s: ([0-9.]+) MiB/s", out).group(1))
r = float(re.search(r"read back 64 MiB in [0-9.]+ s: ([0-9.]+) MiB/s", out).group(1))
def rate(kind):
    s, e = map(float, re.search(kind + r" ([0-9.]+) ([0-9.]+)", dd).groups())
    return 64 / max(e - s, 0.01)
print(f"| {sys.argv[1]} | {w:.1f} | {r:.1f} | {rate('write'):.1f} | {rate('read'):.1f} |")
PY
done
echo
echo "Both go through a loop device on a file in the harness's 9p share (as the harness serves guest disks);"
echo "the guest's rates include generating and checking the pattern (C#, under TCG)."
