#!/usr/bin/env bash
# Runs each program here (or the ones named) on real .NET (invariant globalization) and on
# Mirage.CoreLib under QEMU (eng/corelib/run.sh), and diffs their output.
#   tests/Mirage.CoreLib.Surface.Tests/Programs/compare.sh [Program.cs ...]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d /tmp/corelib-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$work/ref.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <InvariantGlobalization>true</InvariantGlobalization>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup><Compile Include="$(Src)" /></ItemGroup>
</Project>
PROJ
status=0
programs=("$@")
[ ${#programs[@]} -eq 0 ] && programs=("$here"/*.cs)
for program in "${programs[@]}"; do
  program=$(realpath "$program")
  name=$(basename "$program" .cs)
  if ! dotnet build "$work/ref.csproj" -nologo -v:q -p:Src="$program" -o "$work/out" > "$work/build.log" 2>&1; then
    echo "$name: reference build failed"; grep -E "error" "$work/build.log" | head -5; status=1; continue
  fi
  dotnet "$work/out/ref.dll" > "$work/expected.txt" 2>&1
  "$root/eng/corelib/run.sh" "$program" 2>&1 | sed 's/\r$//' > "$work/actual.txt"
  if diff "$work/expected.txt" "$work/actual.txt" > "$work/diff.txt"; then
    echo "$name: same ($(wc -l < "$work/expected.txt") lines)"
  else
    echo "$name: DIFFERENT"; head -20 "$work/diff.txt"; status=1
  fi
done
exit $status
