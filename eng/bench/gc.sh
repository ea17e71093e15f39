#!/usr/bin/env bash
# Benchmark of the garbage collector: allocation throughput (MB/s) and collection pauses (max,
# p99) with a 16 MB live set (eng/bench/gcbench), in a 64 MB domain on the xen and xen-arm fast
# paths (QEMU TCG, emulated) beside the same program on unix (.NET's own GC, Release, native).
# The program's calibration loop (an integer loop) reads about the same natively and under TCG on
# x86, so it does not measure the emulated CPU's slowdown for this work: the same-CPU comparison
# is unix-tcg below. ARM virt runs with 128 MB of RAM because
# QEMU puts its device tree at 64 MB, where the heap ends: the heap is the same 64 MB domain.
#
# unix-tcg is the same-CPU baseline of xen: the same Program.cs on .NET's own runtime and GC, in a
# Linux VM (eng/bench/linux-tcg.py: Debian's kernel, busybox) on the same QEMU TCG CPU as xen
# (q35, -cpu max, one vCPU). The mirror has no NativeAOT runtime pack
# (Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64), so it is the JIT runtime: a self-contained,
# trimmed single-file linux-x64 publish (CoreCLR, RyuJIT, the workstation GC) with tiered
# compilation off (every method fully optimised at its first call, as ahead-of-time code would be,
# instead of tier-0 code and rejits inside the measured loop). The GC heap is capped at the xen
# domain's 64 MB (DOTNET_GCHeapHardLimit); the VM has 256 MB for the kernel, the initramfs (held in
# RAM) and the runtime. unix-tcg keeps .NET's default workstation GC (concurrent);
# unix-tcg-nonconcurrent sets DOTNET_gcConcurrent=0.
#   eng/bench/gc.sh [runs] [targets] [megabytes]     e.g. eng/bench/gc.sh 3 "unix xen xen-arm" 512
#                                                         eng/bench/gc.sh 2 "unix unix-tcg xen" 256
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

# The unix program for linux-x64 (plain Microsoft.NET.Sdk, the same Program.cs), once.
linux_program=
publish_linux_program() {
  [ -z "$linux_program" ] || return 0
  mkdir -p "$work/linux-x64"
  cat > "$work/linux-x64/GcBench.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
    <PublishSingleFile>true</PublishSingleFile>
    <PublishTrimmed>true</PublishTrimmed>
    <InvariantGlobalization>true</InvariantGlobalization>
    <DebugType>none</DebugType>
  </PropertyGroup>
  <ItemGroup><Compile Include="$work/gcbench/Program.cs" /></ItemGroup>
</Project>
EOF
  if ! (cd "$work/linux-x64" && dotnet publish -c Release -v:q -nologo -o "$work/linux-x64/out" >"$work/linux-x64/publish.log" 2>&1); then
    cat "$work/linux-x64/publish.log" >&2
    echo "gc.sh: error: publishing gcbench for linux-x64 (the unix-tcg baseline) failed" >&2
    exit 1
  fi
  linux_program=$work/linux-x64/out/GcBench
}

# One run of the linux-x64 program in the Linux VM on QEMU TCG; prints the program's output.
run_linux_vm() {  # run_linux_vm MEGABYTES NAME=VALUE...
  local megabytes=$1 env=() kernel output; shift
  for e in "$@"; do env+=(--env "$e"); done
  kernel=$(python3 "$root/eng/bench/linux-tcg.py" --program "$linux_program" --initrd "$work/initrd.cpio" \
             "${env[@]}" -- "$megabytes" | python3 -c 'import json, sys; print(json.load(sys.stdin)["kernel"])') \
    || { echo "gc.sh: error: building the Linux VM (eng/bench/linux-tcg.py) failed" >&2; exit 1; }
  output=$(timeout 3600 qemu-system-x86_64 -M q35 -accel tcg -cpu max -smp 1 -m 256M -nodefaults -no-reboot \
             -display none -monitor none -serial stdio -kernel "$kernel" -initrd "$work/initrd.cpio" \
             -append "console=ttyS0 quiet panic=-1" 2>&1 | tr -d '\r') || true
  if ! grep -q '^linux-tcg: end, exit code 0$' <<<"$output" || ! grep -q '^throughput:' <<<"$output"; then
    echo "$output" | tail -40 >&2
    echo "gc.sh: error: the Linux VM did not print gcbench's result (its output above)" >&2
    exit 1
  fi
  sed -n '/^linux-tcg: begin$/,/^linux-tcg: end/{/^linux-tcg: /d;p}' <<<"$output"
}
vm_gc_settings=(DOTNET_GCHeapHardLimit=0x4000000 DOTNET_TieredCompilation=0 DOTNET_EnableDiagnostics=0)

for target in $targets; do
  echo "## $target"
  case $target in
    unix)
      dotnet build -c Release -v:q -nologo >/dev/null
      for run in $(seq "$runs"); do dotnet run -c Release --no-build -- "$megabytes"; done ;;
    unix-tcg)
      publish_linux_program
      for run in $(seq "$runs"); do run_linux_vm "$megabytes" "${vm_gc_settings[@]}"; done ;;
    unix-tcg-nonconcurrent)
      publish_linux_program
      for run in $(seq "$runs"); do run_linux_vm "$megabytes" "${vm_gc_settings[@]}" DOTNET_gcConcurrent=0; done ;;
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
    *) echo "gc.sh: error: unknown target '$target' (unix, unix-tcg, unix-tcg-nonconcurrent, xen, xen-arm)" >&2; exit 2 ;;
  esac
  echo
done
