#!/usr/bin/env bash
# Mirage.NET developer entry point.
#   ./build.sh run    set up, pack, build the website sample and serve it (the main job)
#   ./build.sh test   set up, pack, run every test; last line: N passed, N failed, N skipped
#   ./build.sh pack   set up and pack into artifacts/feed
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A persistent MSBuild node would keep an old copy of the tasks assembly loaded across repacks.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

command=${1:-run}
shift || true

case "$command" in
  pack)
    bash eng/setup.sh
    bash eng/pack.sh
    ;;
  run)
    bash eng/setup.sh
    bash eng/pack.sh
    echo "Serving samples/website on http://localhost:8080/ (Ctrl+C stops it)"
    exec dotnet run --project samples/website -- "$@"
    ;;
  test)
    bash eng/setup.sh
    bash eng/pack.sh
    exec bash eng/test.sh "$@"
    ;;
  *)
    echo "usage: ./build.sh [run|test|pack]" >&2
    exit 2
    ;;
esac
