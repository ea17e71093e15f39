#!/usr/bin/env bash
# Benchmark of exception dispatch: nanoseconds per throw caught 1, 10 and 100 frames up
# (eng/bench/throwcatch), on unix (.NET, Release), on the xen and xen-arm fast paths (QEMU TCG:
# emulated, so compare the targets' scaling with depth rather than absolute times with unix) and,
# with "xen" in the third argument, on real Xen under the harness.
#   eng/bench/exceptions.sh [runs] [targets]      e.g. eng/bench/exceptions.sh 3 "unix xen xen-arm"
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
targets=${2:-unix xen xen-arm}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
work=$(mktemp -d /tmp/mirage-bench-exceptions.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$root/global.json" "$work/"
sed "s|artifacts/|$root/artifacts/|g" "$root/NuGet.config" > "$work/NuGet.config"
cp -r "$root/eng/bench/throwcatch" "$work/throwcatch"; rm -rf "$work/throwcatch/bin" "$work/throwcatch/obj"
cd "$work/throwcatch"
for target in $targets; do
  echo "## $target"
  case $target in
    unix)
      dotnet build -c Release -v:q -nologo >/dev/null
      for run in $(seq "$runs"); do dotnet run -c Release --no-build; done ;;
    xen)
      dotnet build -p:MirageTarget=xen -v:q -nologo >/dev/null
      for run in $(seq "$runs"); do
        qemu-system-x86_64 -M q35 -accel tcg -cpu max -m 128M -no-reboot -display none -monitor none \
          -serial stdio -device isa-debug-exit,iobase=0x501,iosize=1 -kernel bin/xen/Debug/net10.0/ThrowCatch.xen || true
      done ;;
    xen-arm)
      dotnet build -p:MirageTarget=xen-arm -v:q -nologo >/dev/null
      for run in $(seq "$runs"); do
        qemu-system-arm -M virt -cpu cortex-a15 -m 128M -accel tcg -no-reboot -display none -monitor none \
          -serial stdio -semihosting-config enable=on,target=native -kernel bin/xen-arm/Debug/net10.0/ThrowCatch.xen
      done ;;
  esac
  echo
done
