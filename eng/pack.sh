#!/usr/bin/env bash
# Packs the SDK, the libraries and the runtime packs into artifacts/feed, the local NuGet feed
# that samples and end-to-end tests consume exactly as a user's project would.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p artifacts/feed
dotnet pack Mirage.sln -c Release -o artifacts/feed -nologo -v:quiet -p:NuGetAudit=false
# During development every build has the same version (global.json pins Mirage.Sdk 0.1.0):
# drop the cached copies so that consumers extract the packages just built.
rm -rf artifacts/packages/mirage.* 
