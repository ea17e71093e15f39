#!/usr/bin/env bash
# Build time of samples/hello: cold (no obj/bin) and no-op incremental, with the dotnet CLI.
#   eng/bench/build-time.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bash eng/setup.sh
bash eng/pack.sh >/dev/null
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", e - s }'; }
rm -rf samples/hello/bin samples/hello/obj
cold=$(time_of dotnet build samples/hello -nologo)
noop=$(time_of dotnet build samples/hello -nologo)
noop_norestore=$(time_of dotnet build samples/hello -nologo --no-restore)
echo "| build of samples/hello (unix) | seconds |"
echo "|---|---|"
echo "| cold (restore + build, empty obj/bin) | $cold |"
echo "| no-op incremental | $noop |"
echo "| no-op incremental, --no-restore | $noop_norestore |"
