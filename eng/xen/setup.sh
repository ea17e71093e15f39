#!/usr/bin/env bash
# Prepares the real-Xen test harness on a Debian 12 (bookworm) x86_64 machine. Idempotent, and
# quick when everything is in place.
#  1. Host packages: QEMU 10 from bookworm-backports (adds that apt source if missing).
#  2. eng/xen/xenbuild.py: downloads the Debian packages pinned in eng/xen/packages.lock into
#     ${MIRAGE_CACHE:-$HOME/.cache/mirage}/xen, unpacks them (never installs them) and builds
#     Xen, the dom0 kernel and the dom0 initramfs there (only when an input changed).
# Needs root (or sudo) only for step 1 and for the first `apt-get update`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

if ! grep -qs 'VERSION_CODENAME=bookworm' /etc/os-release; then
  echo "xen-setup: warning: written for Debian 12 (bookworm); this is $(. /etc/os-release; echo "${PRETTY_NAME:-unknown}")" >&2
fi

# QEMU >= 8 (the harness is tested with 10.0 from bookworm-backports; bookworm's own is 7.2).
qemu_ok() {
  local v
  v=$(dpkg-query -W -f='${Version}' qemu-system-x86 2>/dev/null) || return 1
  dpkg --compare-versions "$v" ge 1:8 && command -v qemu-system-x86_64 >/dev/null
}

need=()
qemu_ok || need+=(qemu-system-x86)
command -v python3 >/dev/null || need+=(python3)
command -v dpkg-deb >/dev/null || need+=(dpkg)
if [ ${#need[@]} -gt 0 ]; then
  if ! grep -rqs '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "xen-setup: adding bookworm-backports to /etc/apt/sources.list.d/bookworm-backports.sources"
    $sudo tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  fi
  echo "xen-setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -t bookworm-backports "${need[@]}" >/dev/null
  qemu_ok || { echo "xen-setup: error: qemu-system-x86 >= 8 did not get installed" >&2; exit 1; }
fi

# apt-get download needs package lists that know the pinned versions; xenbuild.py runs
# apt-get update (with sudo when not root) once if a download fails.
exec python3 "$here/xenbuild.py"
