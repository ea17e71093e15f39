#!/usr/bin/env bash
# Benchmarks of the unikernel targets xen (x86_64 PVH) and xen-arm (ARMv7 zImage): image sizes,
# boot time (guest clock and wall clock), build time (xen-arm's is a cross-compile).
# Prints tables; record results in docs/benchmarks.md with this command.
#   eng/bench/xen.sh [runs] [targets]      e.g. eng/bench/xen.sh 3 "xen xen-arm"
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
targets=${2:-xen xen-arm}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
work=$(mktemp -d /tmp/mirage-bench-xen.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$root/global.json" "$work/"
sed "s|artifacts/|$root/artifacts/|g" "$root/NuGet.config" > "$work/NuGet.config"
cp -r "$root/samples/hello" "$work/hello"; rm -rf "$work/hello/bin" "$work/hello/obj"
cp -r "$root/tests/conformance" "$work/conformance"; rm -rf "$work/conformance/bin" "$work/conformance/obj"
cp -r "$root/eng/bench/boottime" "$work/boottime"; rm -rf "$work/boottime/bin" "$work/boottime/obj"

# Loadable bytes: the PT_LOAD file sizes of an ELF image; a zImage is loaded whole.
loadable() {
  if [ "$(head -c 4 "$1" | od -An -tx1 | tr -d ' ')" = 7f454c46 ]; then
    readelf -lW "$1" | python3 -c "import sys; print(sum(int(l.split()[4], 16) for l in sys.stdin if l.split()[:1] == ['LOAD']))"
  else
    stat -c %s "$1"
  fi
}
seconds() { python3 -c "import time; print(f'{time.monotonic():.3f}')"; }
elapsed() { python3 -c "print(f'{$2-$1:.3f}')"; }
image() { echo "$work/$1/bin/$3/Debug/net10.0/$2.xen"; }

for target in $targets; do
  echo "## $target: build (dotnet build -p:MirageTarget=$target, hello)"
  ( cd "$work/hello" && dotnet restore -p:MirageTarget="$target" -v:q >/dev/null )
  t0=$(seconds); ( cd "$work/hello" && dotnet build -p:MirageTarget="$target" --no-restore -v:q -nologo >/dev/null ); t1=$(seconds)
  ( cd "$work/hello" && dotnet build -p:MirageTarget="$target" --no-restore -v:q -nologo >/dev/null ); t2=$(seconds)
  echo "cold build (restored): $(elapsed "$t0" "$t1") s    no-op rebuild: $(elapsed "$t1" "$t2") s"
  for app in conformance boottime; do ( cd "$work/$app" && dotnet build -p:MirageTarget="$target" -v:q -nologo >/dev/null ); done
  echo
done

echo "## image sizes (bytes)"
printf '%-12s %-8s %12s %12s\n' image target loadable file
for pair in hello:hello conformance:Conformance boottime:BootTime; do
  for target in $targets; do
    f=$(image "${pair%%:*}" "${pair##*:}" "$target")
    printf '%-12s %-8s %12s %12s\n' "${pair##*:}" "$target" "$(loadable "$f")" "$(stat -c %s "$f")"
  done
done

boot_runs() { # label, command...
  local label=$1; shift
  for i in $(seq "$runs"); do
    s=$(seconds); out=$("$@" 2>/dev/null || true); e=$(seconds)
    ns=$(echo "$out" | awk '/boot-to-main-ns/ { print $2 }')
    echo "$label run $i: first instruction -> Main $(python3 -c "print(f'{${ns:-0}/1e6:.3f}')") ms (guest clock); QEMU process $(elapsed "$s" "$e") s"
  done
}

for target in $targets; do
  echo
  bt=$(image boottime BootTime "$target")
  if [ "$target" = xen ]; then
    echo "## xen on plain QEMU TCG (q35, Multiboot)"
    boot_runs q35 qemu-system-x86_64 -M q35 -accel tcg -cpu max -m 128M -no-reboot -display none -monitor none \
      -serial stdio -device isa-debug-exit,iobase=0x501,iosize=1 -kernel "$bt"
  else
    echo "## xen-arm on plain QEMU TCG (virt, Cortex-A15; the generic timer counts from the boot stub's first instruction)"
    boot_runs virt qemu-system-arm -M virt -cpu cortex-a15 -m 128M -accel tcg -no-reboot -display none -monitor none \
      -serial stdio -semihosting-config enable=on,target=native -kernel "$bt"
    # TCG's clock follows host time, so the figure above is mostly QEMU translating code it runs
    # for the first time; with -icount shift=0 the clock counts instructions (1 ns each).
    boot_runs "virt -icount shift=0" qemu-system-arm -M virt -cpu cortex-a15 -m 128M -accel tcg -icount shift=0 -no-reboot \
      -display none -monitor none -serial stdio -semihosting-config enable=on,target=native -kernel "$bt"
  fi
  echo "## $target on real Xen 4.17 under QEMU TCG: guest clock at Main, harness times"
  python3 "$root/eng/xen/harness.py" run "$bt" "${bt%.xen}.xl" --json "$work/boot-$target.json" 2>&1 | grep -E 'boot-to-main-ns|xen-harness: (Xen \+ dom0 up|poweroff|crash)' || true
  [ -f "$work/boot-$target.json" ] && python3 -c "import json; r=json.load(open('$work/boot-$target.json')); print(f\"xl create -> first console byte {r.get('first_output_s')} s, -> result {r.get('duration_s')} s\")"
done
