#!/usr/bin/env bash
# Benchmarks of the Xen PV devices on the x86 harness (real Xen 4.17 under QEMU TCG):
#  - netfront frames/s and MiB/s with dom0 (tests/xen-devices/NetExchange, vif 0, against dom0's
#    eng/xen/peer/frame-peer.c: 60-1,514-byte raw Ethernet frames, 32 in flight, every byte checked
#    both ways), beside a Linux domU (eng/xen/linux-domu.py: Debian's 6.1 kernel as a PV guest,
#    its own netfront) doing the same exchange with eng/xen/peer/frame-guest.c on a raw socket;
#  - blkfront MiB/s writing and reading a 64 MiB image (tests/xen-devices/DiskPattern, 1 MiB calls,
#    indirect requests of 32 pages), beside dom0 itself doing the same disk transfer on the same
#    kind of image through a loop device (dd, 1 MiB blocks, direct I/O).
# Under TCG only the ratios mean something. Prints tables with the ratios of the medians; record
# results in docs/benchmarks.md with this command.
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
bash "$root/eng/xen/setup.sh" --arch x86 >&2
mkdir -p "$work/linux"
python3 "$root/eng/xen/linux-domu.py" > "$work/linux.json"
python3 - "$work/linux.json" "$work/linux" <<'PY'
import json, shutil, sys
m = json.load(open(sys.argv[1]))
shutil.copyfile(m["kernel"], sys.argv[2] + "/kernel")
shutil.copyfile(m["initrd"], sys.argv[2] + "/initrd.cpio")
PY
cat > "$work/linux/linux.xl" <<'XL'
name = "linux-frames"
type = "pv"
kernel = "kernel"
ramdisk = "initrd.cpio"
memory = 256
vcpus = 1
extra = "console=hvc0 quiet domu.frames=10000"
vif = [ 'bridge=xenbr0,devid=0,mac=00:16:3e:4d:00:02' ]
XL
python3 "$harness" start --dir "$work/harness" --parent-pid $$ >/dev/null
sock="$work/harness/harness.sock"
# NetExchange's second vif is on xenbr1.
echo 'brctl addbr xenbr1 && ip link set xenbr1 up' > "$work/bridge.sh"
python3 "$harness" client --socket "$sock" --compact sh "$work/bridge.sh" >/dev/null
cat > "$work/dom0-peer.sh" <<'SH'
for i in $(seq 600); do domid=$(xl domid "$MIRAGE_GUEST" 2>/dev/null) && break; sleep 0.1; done
mirage-frame-peer "vif$domid.0" 0 00:16:3e:4d:00:02 600 &
[ -e /sys/class/net/xenbr1 ] && [ "$MIRAGE_GUEST" = NetExchange ] && mirage-frame-peer "vif$domid.1" 1 00:16:3e:4d:00:03 600 &
wait
SH
run_image() {  # run_image IMAGE CONFIG [harness client options] -> console text
  local image=$1 config=$2; shift 2
  python3 "$harness" client --socket "$sock" --compact run "$image" "$config" --timeout 600 "$@" \
    | python3 -c "import json,sys; r=json.load(sys.stdin); print(r['console']); sys.exit(r['exit_code'])"
}
run() {  # run APP [harness client options] -> console text
  local app=$1; shift
  run_image "$work/$app/bin/xen/Debug/net10.0/$app.xen" "$work/$app/bin/xen/Debug/net10.0/$app.xl" "$@"
}

echo "## netfront <-> dom0's frame peer (raw Ethernet, 10,000 frames each way, 60-1,514 bytes, 32 in flight)"
echo "| run | Mirage.NET frames/s each way | MiB/s each way | Linux domU frames/s each way | MiB/s each way |"
echo "|---|---|---|---|---|"
: > "$work/net.txt"
for i in $(seq "$runs"); do
  mirage=$(run NetExchange --dom0-during "$work/dom0-peer.sh")
  linux=$(run_image "$work/linux/kernel" "$work/linux/linux.xl" --dom0-during "$work/dom0-peer.sh")
  python3 - "$i" "$work/net.txt" <<PY
import re, sys
mirage, linux = """$mirage""", """$linux"""
def fps(out):
    return float(re.search(r"^exchanged 10000 frames each way, contents verified, in [0-9.]+ s: ([0-9.]+) frames/s", out, re.M).group(1))
# The guest's frames are 60 + (n * 7) % 1455 bytes for n = 101..10100 on both sides: the same mean.
mean = sum(60 + n * 7 % 1455 for n in range(101, 10101)) / 10000
m, l = fps(mirage), fps(linux)
assert "PASS" in mirage and "PASS" in linux, (mirage, linux)
print(f"| {sys.argv[1]} | {m:.0f} | {m * mean / 2**20:.2f} | {l:.0f} | {l * mean / 2**20:.2f} |")
open(sys.argv[2], "a").write(f"{m} {l}\n")
PY
done
python3 - "$work/net.txt" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
m, l = statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows)
print(f"\nmedian: Mirage.NET {m:.0f} frames/s, Linux domU {l:.0f} frames/s: Mirage.NET / Linux = {m / l:.2f}")
PY
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
: > "$work/disk.txt"
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
open("$work/disk.txt", "a").write(f"{w} {r} {rate('write')} {rate('read')}\n")
PY
done
python3 - "$work/disk.txt" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
w, r, dw, dr = (statistics.median(row[i] for row in rows) for i in range(4))
print(f"\nmedian: blkfront / dom0 = {w / dw:.2f} writing, {r / dr:.2f} reading")
PY
echo
echo "Both go through a loop device on a file in the harness's 9p share (as the harness serves guest disks);"
echo "the guest's rates include generating and checking the pattern (C#, under TCG)."
