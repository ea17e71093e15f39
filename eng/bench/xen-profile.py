#!/usr/bin/env python3
"""Where a unikernel spends its CPU on the Xen harness: a sampling profiler from outside.

    eng/bench/xen-profile.py --monitor WORKDIR/monitor.sock --image app.xen [--seconds S]
                             [--interval-ms MS] [--top N] [--until-file F]

The harness started with --monitor exposes QEMU's human monitor; this asks it for the emulated
CPU's registers (`info registers`) every MS milliseconds and takes the program counter (x86 RIP,
ARM R15). Under TCG with nested virtualisation that is the guest's own program counter while the
guest runs, so no agent in the guest and no rebuild is needed. Samples whose address lies in the
image's loaded segments are the guest's; the others are Xen, dom0's kernel or its programs
(reported as one share, split by address range on x86). Guest samples are attributed to the
image's own ELF symbols (.symtab, which the build keeps), so the result is per managed method.

It samples vCPU 0 of the emulated machine only: start the harness with --smp 1.
Stops after S seconds, or as soon as F exists (so a benchmark can end it with its measurement).
"""
import argparse
import bisect
import collections
import os
import re
import socket
import struct
import sys
import time

PROMPT = b"(qemu) "


class Monitor:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.buf = b""
        self._until_prompt()  # the banner

    def _until_prompt(self):
        while PROMPT not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("QEMU closed its monitor")
            self.buf += chunk
        text, _, self.buf = self.buf.partition(PROMPT)
        return text.decode("latin-1")

    def command(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self._until_prompt()


def elf_image(path):
    """(loaded ranges [(start, end)], sorted function symbols [(address, size, name)], is_64)."""
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF":
        sys.exit(f"xen-profile: {path} is not an ELF file (an ARM zImage? give the ELF the build links first)")
    is64 = data[4] == 2
    if is64:
        (phoff, shoff) = struct.unpack_from("<QQ", data, 0x20)
        (phentsize, phnum, shentsize, shnum) = struct.unpack_from("<HHHH", data, 0x36)
    else:
        (phoff, shoff) = struct.unpack_from("<II", data, 0x1C)
        (phentsize, phnum, shentsize, shnum) = struct.unpack_from("<HHHH", data, 0x2A)
    ranges = []
    for i in range(phnum):
        off = phoff + i * phentsize
        if is64:
            p_type, _, _, vaddr, _, _, memsz = struct.unpack_from("<IIQQQQQ", data, off)
        else:
            p_type, _, vaddr, _, _, memsz = struct.unpack_from("<IIIIII", data, off)
        if p_type == 1 and memsz:  # PT_LOAD
            ranges.append((vaddr, vaddr + memsz))
    sections = []
    for i in range(shnum):
        off = shoff + i * shentsize
        if is64:
            _, sh_type, _, _, sh_offset, sh_size, sh_link, _, _, sh_entsize = struct.unpack_from("<IIQQQQIIQQ", data, off)
        else:
            _, sh_type, _, _, sh_offset, sh_size, sh_link, _, _, sh_entsize = struct.unpack_from("<IIIIIIIIII", data, off)
        sections.append((sh_type, sh_offset, sh_size, sh_link, sh_entsize))
    symbols = []
    for sh_type, sh_offset, sh_size, sh_link, sh_entsize in sections:
        if sh_type != 2 or not sh_entsize:  # SHT_SYMTAB
            continue
        strtab = sections[sh_link]
        for j in range(sh_size // sh_entsize):
            off = sh_offset + j * sh_entsize
            if is64:
                name, info, _, shndx, value, size = struct.unpack_from("<IBBHQQ", data, off)
            else:
                name, value, size, info, _, shndx = struct.unpack_from("<IIIBBH", data, off)
            if shndx == 0 or (info & 0xF) not in (0, 2):  # defined NOTYPE/FUNC (asm labels are NOTYPE)
                continue
            end = data.index(b"\0", strtab[1] + name)
            label = data[strtab[1] + name:end].decode("utf-8", "replace")
            if label and not label.startswith(("$", ".L")):  # ARM mapping symbols, local labels
                symbols.append((value & ~1 if not is64 else value, size, label))
    symbols.sort()
    return ranges, symbols, is64


def region(pc, is64):
    if not is64:
        return "elsewhere (Xen, dom0)"
    if pc >= 0xFFFFFFFF80000000:
        return "dom0's kernel"
    if 0xFFFF800000000000 <= pc < 0xFFFF880000000000:
        return "Xen"
    if pc < 0x0000800000000000:
        return "dom0's programs (or another guest)"
    return "elsewhere"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--monitor", required=True, help="the harness's WORKDIR/monitor.sock (harness start --monitor)")
    ap.add_argument("--image", required=True, help="the guest's ELF image (with its .symtab)")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--interval-ms", type=float, default=2)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--until-file", help="stop early once this file exists")
    args = ap.parse_args()

    ranges, symbols, is64 = elf_image(args.image)
    if not symbols:
        sys.exit(f"xen-profile: {args.image} has no symbol table")
    starts = [s[0] for s in symbols]
    pc_pattern = re.compile(r"\bRIP=([0-9a-f]+)" if is64 else r"\bR15=([0-9a-f]+)")

    mon = Monitor(args.monitor)
    guest = collections.Counter()
    outside = collections.Counter()
    total = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline and not (args.until_file and os.path.exists(args.until_file)):
        m = pc_pattern.search(mon.command("info registers"))
        if m:
            pc = int(m.group(1), 16)
            total += 1
            if any(lo <= pc < hi for lo, hi in ranges):
                i = bisect.bisect_right(starts, pc) - 1
                guest[symbols[i][2] if i >= 0 else f"0x{pc:x}"] += 1
            else:
                outside[region(pc, is64)] += 1
        time.sleep(args.interval_ms / 1000)

    n_guest = sum(guest.values())
    print(f"xen-profile: {total} samples of the emulated CPU, {n_guest} in the guest "
          f"({100 * n_guest / max(total, 1):.1f} %)")
    for name, count in outside.most_common():
        print(f"xen-profile: {count} samples ({100 * count / max(total, 1):.1f} %) in {name}")
    print()
    print("| guest samples | % of guest | function |")
    print("|---:|---:|---|")
    for name, count in guest.most_common(args.top):
        print(f"| {count} | {100 * count / max(n_guest, 1):.1f} | `{name}` |")


if __name__ == "__main__":
    main()
