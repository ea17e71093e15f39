#!/usr/bin/env bash
# Runs every test project in Mirage.sln and prints one closing line, summed over all of them:
#   N passed, N failed, N skipped
# Exit code 0 only when nothing failed and at least one test ran.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build Mirage.sln -nologo -v:quiet -clp:ErrorsOnly -p:NuGetAudit=false
build=$?
if [ $build -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test Mirage.sln --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints: "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | awk '
  { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
  END { printf "%d %d %d\n", p, f, s }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a crashed test host counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
