#!/usr/bin/env bash
# Benchmarks of the xen target: image sizes, boot time (guest clock and wall clock), build time.
# Prints a table; record results in docs/benchmarks.md with this command.
#   eng/bench/xen.sh [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
work=$(mktemp -d /tmp/mirage-bench-xen.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$root/global.json" "$work/"
sed "s|artifacts/|$root/artifacts/|g" "$root/NuGet.config" > "$work/NuGet.config"
cp -r "$root/samples/hello" "$work/hello"; rm -rf "$work/hello/bin" "$work/hello/obj"
cp -r "$root/tests/conformance" "$work/conformance"; rm -rf "$work/conformance/bin" "$work/conformance/obj"
cp -r "$root/eng/bench/boottime" "$work/boottime"; rm -rf "$work/boottime/bin" "$work/boottime/obj"

loadable() { readelf -lW "$1" | python3 -c "import sys; print(sum(int(l.split()[4], 16) for l in sys.stdin if l.split()[:1] == ['LOAD']))"; }
seconds() { python3 -c "import time,sys; print(f'{time.monotonic():.3f}')"; }

echo "## build (dotnet build -p:MirageTarget=xen, hello)"
( cd "$work/hello" && dotnet restore -p:MirageTarget=xen -v:q >/dev/null )
t0=$(seconds); ( cd "$work/hello" && dotnet build -p:MirageTarget=xen --no-restore -v:q -nologo >/dev/null ); t1=$(seconds)
( cd "$work/hello" && dotnet build -p:MirageTarget=xen --no-restore -v:q -nologo >/dev/null ); t2=$(seconds)
echo "cold build (restored): $(python3 -c "print(f'{$t1-$t0:.2f}')") s    no-op rebuild: $(python3 -c "print(f'{$t2-$t1:.2f}')") s"

for app in conformance boottime; do ( cd "$work/$app" && dotnet build -p:MirageTarget=xen -v:q -nologo >/dev/null ); done

echo
echo "## image sizes (bytes)"
printf '%-12s %12s %12s\n' image loadable file
for pair in hello:hello conformance:Conformance boottime:BootTime; do
  dir=${pair%%:*}; name=${pair##*:}
  image="$work/$dir/bin/xen/Debug/net10.0/$name.xen"
  printf '%-12s %12s %12s\n' "$name" "$(loadable "$image")" "$(stat -c %s "$image")"
done

echo
echo "## boot on plain QEMU TCG (q35, Multiboot): guest first instruction -> Main, and QEMU wall time"
image="$work/boottime/bin/xen/Debug/net10.0/BootTime.xen"
for i in $(seq "$runs"); do
  s=$(seconds)
  out=$(qemu-system-x86_64 -M q35 -accel tcg -cpu max -m 128M -no-reboot -display none -monitor none \
        -serial stdio -device isa-debug-exit,iobase=0x501,iosize=1 -kernel "$image" || true)
  e=$(seconds)
  ns=$(echo "$out" | awk '/boot-to-main-ns/ { print $2 }')
  echo "run $i: first instruction -> Main $(python3 -c "print(f'{$ns/1e6:.3f}')") ms (guest clock); QEMU process $(python3 -c "print(f'{$e-$s:.3f}')") s"
done

echo
echo "## real Xen 4.17 under QEMU TCG: xl create -> first console output (harness wall clock)"
python3 "$root/eng/xen/harness.py" run "$work/hello/bin/xen/Debug/net10.0/hello.xen" "$work/hello/bin/xen/Debug/net10.0/hello.xl" 2>&1 \
  | grep -E 'xen-harness: (Xen \+ dom0 up|poweroff|crash)' || true
