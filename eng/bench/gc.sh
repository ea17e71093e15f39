#!/usr/bin/env bash
# Benchmark of the garbage collector: allocation throughput (MB/s) and collection pauses (max,
# p99) with a 16 MB live set (eng/bench/gcbench), in a 64 MB domain on the xen and xen-arm fast
# paths (QEMU TCG, emulated) beside the same program on unix (.NET's own GC, Release, native).
# The program's calibration loop measures how much slower the emulated CPU is, so the ratios can
# be stated for equal CPU speed (docs/benchmarks.md). ARM virt runs with 128 MB of RAM because
# QEMU puts its device tree at 64 MB, where the heap ends: the heap is the same 64 MB domain.
#   eng/bench/gc.sh [runs] [targets] [megabytes]     e.g. eng/bench/gc.sh 3 "unix xen xen-arm" 512
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
targets=${2:-unix xen xen-arm}
megabytes=${3:-512}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
work=$(mktemp -d /tmp/mirage-bench-gc.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$root/global.json" "$work/"
sed "s|artifacts/|$root/artifacts/|g" "$root/NuGet.config" > "$work/NuGet.config"
cp -r "$root/eng/bench/gcbench" "$work/gcbench"; rm -rf "$work/gcbench/bin" "$work/gcbench/obj"
cd "$work/gcbench"
for target in $targets; do
  echo "## $target"
  case $target in
    unix)
      dotnet build -c Release -v:q -nologo >/dev/null
      for run in $(seq "$runs"); do dotnet run -c Release --no-build -- "$megabytes"; done ;;
    xen)
      dotnet build -c Release -p:MirageTarget=xen -v:q -nologo >/dev/null
      for run in $(seq "$runs"); do
        qemu-system-x86_64 -M q35 -accel tcg -cpu max -m 64M -no-reboot -display none -monitor none \
          -serial stdio -device isa-debug-exit,iobase=0x501,iosize=1 -kernel bin/xen/Release/net10.0/GcBench.xen \
          -append "$megabytes" || true
      done ;;
    xen-arm)
      dotnet build -c Release -p:MirageTarget=xen-arm -v:q -nologo >/dev/null
      for run in $(seq "$runs"); do
        qemu-system-arm -M virt -cpu cortex-a15 -m 128M -accel tcg -no-reboot -display none -monitor none \
          -serial stdio -semihosting-config enable=on,target=native -kernel bin/xen-arm/Release/net10.0/GcBench.xen \
          -append "$megabytes"
      done ;;
  esac
  echo
done
