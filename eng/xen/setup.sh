#!/usr/bin/env bash
# Prepares the real-Xen test harness on a Debian 12 (bookworm) x86_64 machine. Idempotent, and
# quick when everything is in place.
#   eng/xen/setup.sh [--arch x86|arm|all]      (default all)
#  1. Host packages: QEMU 10 from bookworm-backports (adds that apt source if missing):
#     qemu-system-x86 for x86, qemu-system-arm for arm; for arm also binutils-arm-linux-gnueabihf
#     (assembles the harness's ARM self-test guest, eng/xen/selftest/).
#  2. eng/xen/xenbuild.py: downloads the Debian packages pinned in eng/xen/packages.lock (x86) and
#     eng/xen/packages.armhf.lock (arm) into ${MIRAGE_CACHE:-$HOME/.cache/mirage}/xen (arm: .../xen/arm,
#     through a private apt state, so the host's dpkg architectures stay as they are), unpacks them
#     (never installs them) and builds Xen, the dom0 kernel and the dom0 initramfs there (only
#     when an input changed).
# Needs root (or sudo) only for step 1 and for the first `apt-get update`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

arch=all
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=${2:-}; shift 2 || { echo "xen-setup: --arch needs a value" >&2; exit 2; } ;;
    --arch=*) arch=${1#--arch=}; shift ;;
    *) echo "usage: eng/xen/setup.sh [--arch x86|arm|all]" >&2; exit 2 ;;
  esac
done
case "$arch" in x86|arm|all) ;; *) echo "xen-setup: unknown --arch $arch (x86, arm or all)" >&2; exit 2 ;; esac

if ! grep -qs 'VERSION_CODENAME=bookworm' /etc/os-release; then
  echo "xen-setup: warning: written for Debian 12 (bookworm); this is $(. /etc/os-release; echo "${PRETTY_NAME:-unknown}")" >&2
fi

# QEMU >= 8 (the harness is tested with 10.0 from bookworm-backports; bookworm's own is 7.2).
qemu_ok() {  # qemu_ok PACKAGE BINARY
  local v
  v=$(dpkg-query -W -f='${Version}' "$1" 2>/dev/null) || return 1
  dpkg --compare-versions "$v" ge 1:8 && command -v "$2" >/dev/null
}

need=()
if [ "$arch" != arm ]; then qemu_ok qemu-system-x86 qemu-system-x86_64 || need+=(qemu-system-x86); fi
if [ "$arch" != x86 ]; then
  qemu_ok qemu-system-arm qemu-system-arm || need+=(qemu-system-arm)
  command -v arm-linux-gnueabihf-as >/dev/null || need+=(binutils-arm-linux-gnueabihf)
fi
command -v python3 >/dev/null || need+=(python3)
command -v dpkg-deb >/dev/null || need+=(dpkg)
if [ ${#need[@]} -gt 0 ]; then
  if ! grep -rqs '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "xen-setup: adding bookworm-backports to /etc/apt/sources.list.d/bookworm-backports.sources"
    $sudo tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null <<'EOS'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOS
  fi
  echo "xen-setup: installing ${need[*]}"
  $sudo apt-get update -qq
  # -t only prefers bookworm-backports: packages that are not there come from bookworm.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -t bookworm-backports "${need[@]}" >/dev/null
  if [ "$arch" != arm ]; then
    qemu_ok qemu-system-x86 qemu-system-x86_64 || { echo "xen-setup: error: qemu-system-x86 >= 8 did not get installed" >&2; exit 1; }
  fi
  if [ "$arch" != x86 ]; then
    qemu_ok qemu-system-arm qemu-system-arm || { echo "xen-setup: error: qemu-system-arm >= 8 did not get installed" >&2; exit 1; }
  fi
fi

# apt-get download needs package lists that know the pinned versions; xenbuild.py runs
# apt-get update (with sudo when not root) once if a download fails. The armhf lists live in
# the cache (a private apt state) and need no root.
exec python3 "$here/xenbuild.py" --arch "$arch"
