#!/usr/bin/env bash
# Installs what building and testing Mirage.NET needs on a fresh Debian/Ubuntu machine, and
# nothing that is already there. Idempotent; safe to run before every build.
set -euo pipefail

need_apt=()
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
# The xen target links with GNU binutils (as, ld); see docs/xen-target.md.
{ command -v ld >/dev/null 2>&1 && command -v as >/dev/null 2>&1; } || need_apt+=(binutils)
# The xen-arm target cross-assembles and links with the ARM hard-float binutils; docs/xen-arm-target.md.
command -v arm-linux-gnueabihf-ld >/dev/null 2>&1 || need_apt+=(binutils-arm-linux-gnueabihf)
# The Xen harness compiles its dom0 test peer (eng/xen/peer) statically for x86_64 and armhf.
{ command -v gcc >/dev/null 2>&1 && [ -e /usr/lib/x86_64-linux-gnu/libc.a ]; } || need_apt+=(gcc libc6-dev)
{ command -v arm-linux-gnueabihf-gcc >/dev/null 2>&1 && [ -e /usr/arm-linux-gnueabihf/lib/libc.a ]; } \
  || need_apt+=(gcc-arm-linux-gnueabihf libc6-dev-armhf-cross)
# The managed TCP/IP stack's interop tests drive it from Linux (docs/tcpip.md): ping, a DHCP server
# (dnsmasq-base is the binary alone, without a system service), ip/tc from iproute2.
command -v ping >/dev/null 2>&1 || need_apt+=(iputils-ping)
command -v dnsmasq >/dev/null 2>&1 || need_apt+=(dnsmasq-base)
command -v ip >/dev/null 2>&1 || need_apt+=(iproute2)
if [ "${MIRAGE_BENCH:-0}" = 1 ]; then
  command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
  command -v nginx >/dev/null 2>&1 || need_apt+=(nginx-light)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK 10 is required (dotnet on PATH); see https://learn.microsoft.com/dotnet/core/install/linux" >&2
  exit 1
fi

# QEMU (bookworm-backports) and the pinned Xen 4.17 + dom0 packages, x86_64 and armhf, for the xen
# and xen-arm targets' tests and for `dotnet run`; cached, quick when already in place.
if [ "${MIRAGE_SKIP_XEN_SETUP:-0}" != 1 ]; then
  "$(cd "$(dirname "$0")" && pwd)/xen/setup.sh"
fi
