#!/usr/bin/env bash
# Builds one C# file against Mirage.CoreLib, links it into an x86_64 image and runs it on plain
# QEMU (no Xen: COM1 console, isa-debug-exit); MIRAGE_KEEP_IMAGE=path keeps the image. For runtime developers: the product path is
# `dotnet build -p:MirageTarget=xen`; this script skips MSBuild and the facades.
#   eng/corelib/run.sh path/to/Program.cs [qemu -append words]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source=$(realpath "$1"); shift || true
work=$(mktemp -d /tmp/mirage-corelib-run.XXXXXX)
trap 'rm -rf "$work"' EXIT
export MSBUILDDISABLENODEREUSE=1
for p in libs/Mirage.CoreLib libs/Mirage.Xen packs/Mirage.Runtime.Xen/platform; do
  dotnet build "$root/$p" -nologo -v:q -c Release >/dev/null || { dotnet build "$root/$p" -nologo -v:q -c Release | grep -E 'error' | head; exit 1; }
done
dotnet restore "$root/eng/corelib/IlcPackage.csproj" -v:q >/dev/null
ilc=$(find "$root/artifacts/packages/runtime.linux-x64.microsoft.dotnet.ilcompiler/10.0.12/tools" -name ilc -type f | head -1)
bin=net10.0
corelib="$root/libs/Mirage.CoreLib/bin/Release/$bin/Mirage.CoreLib.dll"
xen="$root/libs/Mirage.Xen/bin/Release/$bin/Mirage.Xen.dll"
platform="$root/packs/Mirage.Runtime.Xen/platform/bin/Release/$bin/Mirage.Runtime.Xen.Platform.dll"
csc=$(ls -d "$(dirname "$(readlink -f "$(command -v dotnet)")")"/sdk/*/Roslyn/bincore/csc.dll | tail -1)
dotnet "$csc" -nologo -noconfig -nostdlib -unsafe -optimize -langversion:latest -target:exe \
  -runtimemetadataversion:v4.0.30319 -r:"$corelib" -out:"$work/app.dll" "$source"
"$ilc" "$work/app.dll" "$corelib" "$xen" "$platform" --systemmodule Mirage.CoreLib \
  --targetos linux --targetarch x64 -O -o "$work/app.o"
as --64 -o "$work/boot.o" "$root/packs/Mirage.Runtime.Xen/native/x64/boot.S"
ld -T "$root/packs/Mirage.Runtime.Xen/native/x64/mirage-xen-x64.ld" -nostdlib -z max-page-size=4096 \
  -o "$work/app.xen" "$work/boot.o" "$work/app.o"
if [ -n "${MIRAGE_KEEP_IMAGE:-}" ]; then cp "$work/app.xen" "$MIRAGE_KEEP_IMAGE"; fi
set +e
timeout 60 qemu-system-x86_64 -M q35 -accel tcg -cpu max -m 128M -no-reboot -display none -monitor none \
  -serial stdio -device isa-debug-exit,iobase=0x501,iosize=1 -kernel "$work/app.xen" -append "$*"
status=$?
# isa-debug-exit: status = (code << 1) | 1
if [ $status -ge 1 ] && [ $((status % 2)) -eq 1 ]; then exit $(((status - 1) / 2)); fi
exit $status
