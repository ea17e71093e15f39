#!/usr/bin/env python3
"""Builds a small Linux VM that runs one program and powers off, for benchmarks that compare a
unikernel with the same program on Linux on the same emulated CPU (eng/bench/gc.sh, target
unix-tcg). Debian's own kernel boots from plain QEMU (-kernel, -initrd, console=ttyS0); the
initramfs holds busybox, eng/bench/linux-tcg/init as PID 1, and, appended per run, the program,
the libraries it needs (from the pinned Debian packages) and a script that runs it.
Standard library only; reuses eng/xen/xenbuild.py's package fetching, ELF and cpio code.

  linux-tcg.py --program FILE --initrd OUT [--env NAME=VALUE]... [-- ARG...]
      writes OUT (the initramfs running FILE ARG... with those environment variables) and prints
      the manifest (JSON, with the kernel's path) on stdout

Inputs: linux-tcg.lock, this file, eng/xen/xenbuild.py, eng/bench/linux-tcg/*. Cached in
${MIRAGE_CACHE:-$HOME/.cache/mirage}/xen/linux-tcg/: stage-<hash>/ (the packages unpacked) and
out-<hash>/ (kernel: Debian's bzImage; base.cpio: busybox and init; manifest.json).

The VM's output (serial console) holds the program's between the lines `linux-tcg: begin` and
`linux-tcg: end, exit code N`.
"""
import argparse
import contextlib
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
XEN = os.path.join(HERE, "..", "xen")
sys.path.insert(0, XEN)
sys.dont_write_bytecode = True
import xenbuild  # noqa: E402

FILES = os.path.join(HERE, "linux-tcg")
LOCK = os.path.join(HERE, "linux-tcg.lock")


def arch():
    """xenbuild's x86 description with this VM's lock file (the .deb cache is shared)."""
    a = xenbuild.get_arch("x86")
    return xenbuild.Arch(a.name, LOCK, a.deb_arch, a.subdir, a.triplet, [], a.xen_file, a.private_apt)


def work_dir(a):
    return os.path.join(xenbuild.cache_dir(a), "linux-tcg")


def inputs_hash(a):
    return xenbuild.hash_inputs([a.lock, os.path.abspath(__file__), os.path.join(XEN, "xenbuild.py")], (FILES,))




def base_initrd(stage):
    cpio = xenbuild.Cpio()
    for d in ["proc", "sys", "dev", "tmp", "root", "etc/linux-tcg"]:
        cpio.dir(d)
    cpio.chardev("dev/console", 5, 1)
    cpio.chardev("dev/null", 1, 3)
    xenbuild.add_busybox(cpio, stage)
    with open(os.path.join(FILES, "init"), "rb") as f:
        cpio.file("init", f.read(), 0o755)
    return cpio.bytes()


def build():
    """Fetches, unpacks and builds the kernel and the base initramfs when an input changed;
    returns the manifest."""
    a = arch()
    h = inputs_hash(a)
    out = os.path.join(work_dir(a), "out-" + h[:16])
    manifest_path = os.path.join(out, "manifest.json")
    try:
        with open(manifest_path) as f:
            m = json.load(f)
        if m.get("inputs") == h and all(os.path.exists(m[k]) for k in ("kernel", "base", "stage")):
            return m
    except (OSError, ValueError, KeyError):
        pass
    pins = xenbuild.read_lock(a)
    xenbuild.fetch(pins, a)
    stage = xenbuild.unpack_stage(pins, a.lock, work_dir(a), "the benchmark VM's packages", a)
    kernels = sorted(n for n in os.listdir(os.path.join(stage, "boot")) if n.startswith("vmlinuz-"))
    if len(kernels) != 1:
        xenbuild.die(f"expected one kernel in {os.path.basename(a.lock)}, found {kernels}")
    os.makedirs(out, exist_ok=True)
    xenbuild.log("building the benchmark VM: kernel and base.cpio")
    kernel = os.path.join(out, "kernel")
    with open(os.path.join(stage, "boot", kernels[0]), "rb") as f:
        xenbuild.write_atomic(kernel, f.read())
    base = os.path.join(out, "base.cpio")
    xenbuild.write_atomic(base, base_initrd(stage))
    m = {"inputs": h, "kernel": kernel, "base": base, "stage": stage, "packages": dict(pins)}
    xenbuild.write_atomic(manifest_path, (json.dumps(m, indent=2) + "\n").encode())
    return m


def program_archive(stage, program, env, args):
    """The program as /program, the libraries it needs (from the stage) and /etc/linux-tcg/run."""
    cpio = xenbuild.Cpio()
    with open(program, "rb") as f:
        cpio.file("program", f.read(), 0o755)
    xenbuild.add_libs_of(cpio, stage, program, set(), arch().lib_dirs)
    run = "".join(f"export {shlex.quote(e)}\n" for e in env)
    run += "exec /program " + " ".join(shlex.quote(x) for x in args) + "\n"
    cpio.file("etc/linux-tcg/run", run.encode(), 0o644)
    return cpio.bytes()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--program", required=True, help="the x86_64 Linux ELF program to run")
    ap.add_argument("--initrd", required=True, help="where to write the initramfs")
    ap.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("args", nargs="*", help="the program's arguments")
    args = ap.parse_args(argv)
    if not os.path.isfile(args.program):
        ap.error(f"--program {args.program} is not a file")
    for e in args.env:
        if "=" not in e or not e.split("=", 1)[0].isidentifier():
            ap.error(f"--env {e}: expected NAME=VALUE")
    # Progress (xenbuild's log lines) goes to stderr: stdout is the manifest, for scripts.
    with contextlib.redirect_stdout(sys.stderr):
        m = build()
        with open(m["base"], "rb") as f:
            base = f.read()
        # Linux unpacks concatenated archives in order: the cached part does not depend on the program.
        xenbuild.write_atomic(args.initrd, base + program_archive(m["stage"], args.program, args.env, args.args))
    print(json.dumps(m))
    return 0


if __name__ == "__main__":
    sys.exit(main())
