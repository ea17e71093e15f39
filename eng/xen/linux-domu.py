#!/usr/bin/env python3
"""Builds the Linux domU baseline of the Xen benchmarks: Debian's own kernel with a small
initramfs (busybox init, xen-netfront, nginx) that serves a static site, to compare the
Mirage.NET website with (eng/bench/website-xen.sh). Standard library only; reuses xenbuild.py's
package fetching, ELF and cpio code.

  linux-domu.py [--arch x86|arm]                          build (only when an input changed); prints
                                                          the manifest (JSON) on stdout
  linux-domu.py [--arch x86|arm] --site DIR --initrd OUT  also write OUT: the initramfs with DIR
                                                          appended under /srv/htdocs

Inputs: linux-domu.lock (arm: linux-domu.armhf.lock), this file, xenbuild.py,
eng/xen/linux-domu/* (init configuration, nginx.conf) and eng/xen/peer/* (compiled in). Outputs, in
${MIRAGE_CACHE:-$HOME/.cache/mirage}/xen[/arm]/linux-domu/out-<hash>/:

  kernel           x86: the ELF vmlinux taken out of Debian's bzImage (booted as a PVH domU,
                   so libxenguest need not decompress 60 MB in dom0); arm: the zImage
  initrd.cpio      busybox (init = busybox init), nginx and its libraries, xen-netfront and its
                   dependencies, eng/xen/linux-domu/*; deterministic like dom0's. Uncompressed,
                   like the kernel, so that neither dom0 nor the guest spends boot time
                   decompressing (libxenguest would also refuse concatenated gzip members)
  manifest.json    paths, versions and the hash of the inputs

The guest takes its address from the command line (xl extra=): `domu.ipv4=A.B.C.D/N`; nginx
listens on port 8080. With `domu.frames=N` instead it runs the netfront benchmark's frame exchange
(mirage-frame-guest eth0 0 N, against dom0's mirage-frame-peer) and powers off. A site is a second cpio archive concatenated to the initramfs, which Linux
unpacks after the first (so the cached part does not depend on the site).
"""
import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import xenbuild  # noqa: E402

FILES = os.path.join(HERE, "linux-domu")
LOCKS = {"x86": os.path.join(HERE, "linux-domu.lock"), "arm": os.path.join(HERE, "linux-domu.armhf.lock")}
MODULES = ["xen-netfront"]
PROGRAMS = ["usr/sbin/nginx"]


def arch_of(name):
    """xenbuild's architecture description with this baseline's lock file (the .deb cache is shared)."""
    a = xenbuild.get_arch(name)
    return xenbuild.Arch(a.name, LOCKS[name], a.deb_arch, a.subdir, a.triplet, MODULES, a.xen_file, a.private_apt)


def work_dir(a):
    return os.path.join(xenbuild.cache_dir(a), "linux-domu")


def inputs_hash(a):
    return xenbuild.hash_inputs([a.lock, os.path.abspath(__file__), os.path.join(HERE, "xenbuild.py")],
                                (FILES, xenbuild.PEERS))


def out_dir(a):
    return os.path.join(work_dir(a), "out-" + inputs_hash(a)[:16])




def build_initrd(stage, kver, a):
    cpio = xenbuild.Cpio()
    for d in ["proc", "sys", "dev", "tmp", "run", "root", "srv/htdocs",
              "var/log/nginx", "var/lib/nginx"]:
        cpio.dir(d)
    cpio.symlink("var/run", "../run")
    cpio.chardev("dev/console", 5, 1)
    cpio.chardev("dev/null", 1, 3)

    xenbuild.add_busybox(cpio, stage)
    # PID 1 is busybox init (it handles the poweroff that `xl shutdown` asks for); the kernel runs
    # /sbin/poweroff on a shutdown request.
    cpio.symlink("init", "bin/busybox")
    cpio.symlink("sbin/poweroff", "../bin/busybox")
    cpio.symlink("sbin/init", "../bin/busybox")

    seen = set()
    for program in PROGRAMS:
        xenbuild.add_elf_with_libs(cpio, stage, program, seen, a.lib_dirs)
    xenbuild.add_from_stage(cpio, stage, "etc/nginx/mime.types")

    # eng/xen/peer's programs: mirage-frame-guest is the netfront benchmark's Linux side.
    xenbuild.compile_peers(cpio, a)

    mods = xenbuild.module_order(stage, kver, a.modules)
    for m in mods:
        xenbuild.add_from_stage(cpio, stage, m)
    cpio.file("etc/domu/modules", "".join(f"/{m}\n" for m in mods).encode())

    for root, dirs, names in os.walk(FILES):
        dirs.sort()
        for n in sorted(names):
            src = os.path.join(root, n)
            with open(src, "rb") as f:
                cpio.file(os.path.relpath(src, FILES), f.read(), 0o755 if os.access(src, os.X_OK) else 0o644)
    return cpio.bytes()


def build(name="x86"):
    """Builds the kernel and initramfs when an input changed; returns the manifest."""
    a = arch_of(name)
    h = inputs_hash(a)
    out = out_dir(a)
    manifest_path = os.path.join(out, "manifest.json")
    try:
        with open(manifest_path) as f:
            m = json.load(f)
        if m.get("inputs") == h and all(os.path.exists(m[k]) for k in ("kernel", "initrd")):
            return m
    except (OSError, ValueError, KeyError):
        pass
    pins = xenbuild.read_lock(a)
    xenbuild.fetch(pins, a)
    stage = xenbuild.unpack_stage(pins, a.lock, work_dir(a), "the Linux domU packages", a)
    kvers = sorted(os.listdir(os.path.join(stage, "lib/modules")))
    if len(kvers) != 1:
        xenbuild.die(f"expected one kernel in {os.path.basename(a.lock)}, found {kvers}")
    kver = kvers[0]
    os.makedirs(out, exist_ok=True)
    xenbuild.log(f"building the Linux domU ({name}): kernel and initrd.cpio")
    kernel = os.path.join(out, "kernel")
    vmlinuz = os.path.join(stage, f"boot/vmlinuz-{kver}")
    if name == "x86":
        xenbuild.write_atomic(kernel, xenbuild.extract_vmlinux(vmlinuz))
    else:
        with open(vmlinuz, "rb") as f:
            xenbuild.write_atomic(kernel, f.read())
    xenbuild.write_atomic(os.path.join(out, "initrd.cpio"), build_initrd(stage, kver, a))
    m = {"inputs": h, "kernel": kernel, "initrd": os.path.join(out, "initrd.cpio"),
         "kernel_release": kver, "packages": dict(pins), "arch": name}
    xenbuild.write_atomic(manifest_path, (json.dumps(m, indent=2) + "\n").encode())
    xenbuild.log(f"built {out}")
    return m


def site_archive(site):
    """A cpio archive of the files under site, placed under /srv/htdocs."""
    cpio = xenbuild.Cpio()
    cpio.dir("srv/htdocs")
    for root, dirs, names in os.walk(site):
        dirs.sort()
        for n in sorted(names):
            src = os.path.join(root, n)
            with open(src, "rb") as f:
                cpio.file("srv/htdocs/" + os.path.relpath(src, site), f.read(), 0o644)
    return cpio.bytes()


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", choices=("x86", "arm"), default="x86")
    ap.add_argument("--site", help="directory served by nginx (appended to the initramfs under /srv/htdocs)")
    ap.add_argument("--initrd", help="with --site: where to write the initramfs with the site")
    args = ap.parse_args(argv)
    if bool(args.site) != bool(args.initrd):
        ap.error("--site and --initrd go together")
    if args.site and not os.path.isdir(args.site):
        ap.error(f"--site {args.site} is not a directory")
    # Progress (xenbuild's log lines) goes to stderr: stdout is the manifest, for scripts.
    with contextlib.redirect_stdout(sys.stderr):
        m = build(args.arch)
    if args.site:
        with open(m["initrd"], "rb") as f:
            base = f.read()
        xenbuild.write_atomic(args.initrd, base + site_archive(args.site))
    print(json.dumps(m))
    return 0


if __name__ == "__main__":
    sys.exit(main())
