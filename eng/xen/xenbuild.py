#!/usr/bin/env python3
"""Fetches the pinned Debian packages and builds the boot files of the Xen test harness.

Run through eng/xen/setup.sh (`xenbuild.py [--arch x86|arm|all]`, default x86). Standard library
only. Everything goes to the cache directory of the architecture: for x86
${MIRAGE_CACHE:-$HOME/.cache/mirage}/xen, for arm the same plus /arm:

  debs/            the downloaded .deb files (apt-get download PACKAGE=VERSION)
  stage-<hash>/    all of them unpacked with dpkg-deb -x (nothing is installed on the host)
  apt/             (arm) the private apt state used to download armhf packages
  out-<hash>/      one per hash of the inputs (lock file, this file, eng/xen/dom0/*, eng/xen/peer/*), holding:
  out/xen          the hypervisor (x86: multiboot ELF; arm: zImage; QEMU -kernel loads it)
  out/vmlinux      (x86) the dom0 kernel, taken out of the bzImage so Xen need not decompress it
  out/zImage       (arm) the dom0 kernel, as Debian ships it
  out/dom0.cpio.gz the dom0 initramfs (busybox, the Xen toolstack, modules, eng/xen/dom0/*,
                   eng/xen/peer/*.c compiled)
  out/manifest.json what the harness reads: paths, versions and the hash of the inputs

The outputs are built only for inputs not seen before (the arch's lock file, this file, eng/xen/dom0/*,
eng/xen/peer/*).
"""
import gzip
import hashlib
import io
import json
import lzma
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
LOCK = os.path.join(HERE, "packages.lock")
DOM0 = os.path.join(HERE, "dom0")
# Our own C programs for dom0 (the peers of the guests' device tests), compiled statically with the
# host's compilers (eng/setup.sh installs them) into /usr/bin/mirage-NAME: peer/NAME.c.
PEERS = os.path.join(HERE, "peer")
PEER_COMPILERS = {"x86": "gcc", "arm": "arm-linux-gnueabihf-gcc"}

XEN_BIN = "usr/lib/xen-4.17/bin"
# Toolstack binaries copied into dom0 (from xen-utils-4.17); their libraries follow from DT_NEEDED.
XEN_TOOLS = ["xl", "xenstored", "xenconsoled", "xen-init-dom0", "xenconsole"]
# Other programs copied into dom0 with their libraries, when the arch's lock file pins their package:
# the peers of the guests' network tests (curl as the HTTP client, dnsmasq as the DHCP server) and
# wrk, the HTTP load generator of the benchmarks (eng/bench/website-xen.sh).
DOM0_PROGRAMS = {"usr/bin/curl": "curl", "usr/sbin/dnsmasq": "dnsmasq-base", "usr/bin/wrk": "wrk"}
# Libraries loaded with dlopen, so not in any DT_NEEDED: glibc's pthread_cancel needs libgcc_s
# (without it xl aborts on exit).
DLOPEN_LIBS = ["libgcc_s.so.1"]
# Kernel modules loaded by dom0 /init, in this order after their dependencies:
#  - Xen dom0 devices:     xen-evtchn xen-gntdev xen-gntalloc xen-privcmd xenfs
#  - host <-> dom0 channel: virtio_pci, 9pnet_virtio and 9p (the shared directory),
#                          virtio_console (the control port)
#  - guest devices:        bridge (xenbr0), loop, xen-netback, xen-blkback
MODULES = ["xen-evtchn", "xen-gntdev", "xen-gntalloc", "xen-privcmd", "xenfs",
           "virtio_pci", "virtio_console", "9pnet_virtio", "9p",
           "bridge", "loop", "xen-netback", "xen-blkback"]


class Arch:
    """What differs between the x86_64 harness and the ARM (armhf) one."""

    def __init__(self, name, lock, deb_arch, subdir, triplet, modules, xen_file, private_apt):
        self.name, self.lock, self.deb_arch, self.subdir = name, lock, deb_arch, subdir
        self.triplet, self.modules, self.xen_file = triplet, modules, xen_file
        self.private_apt = private_apt  # fetch through our own apt state (a foreign architecture)
        self.lib_dirs = [f"lib/{triplet}", f"usr/lib/{triplet}", "lib", "usr/lib"]


ARCHES = {
    "x86": Arch("x86", LOCK, "amd64", "", "x86_64-linux-gnu", MODULES, "boot/xen-4.17-amd64.gz", False),
    # The virt board's devices are virtio-mmio (virtio_mmio replaces virtio_pci); the rest is the same.
    "arm": Arch("arm", os.path.join(HERE, "packages.armhf.lock"), "armhf", "arm", "arm-linux-gnueabihf",
                [("virtio_mmio" if m == "virtio_pci" else m) for m in MODULES], "boot/xen-4.17-armhf", True),
}
# Debian suites of the private armhf apt state; bookworm-security may fail (see apt_update()).
ARM_SOURCES = [("http://deb.debian.org/debian", "bookworm"),
               ("http://deb.debian.org/debian", "bookworm-updates"),
               ("http://deb.debian.org/debian-security", "bookworm-security")]


def get_arch(arch):
    return arch if isinstance(arch, Arch) else ARCHES[arch]


def cache_dir(arch="x86"):
    base = os.environ.get("MIRAGE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "mirage")
    sub = get_arch(arch).subdir
    return os.path.join(base, "xen", sub) if sub else os.path.join(base, "xen")


def out_dir(arch="x86"):
    # One directory per set of inputs: checkouts with different eng/xen/dom0 files (worktrees,
    # branches) share the cache without invalidating each other's harness.
    return os.path.join(cache_dir(arch), "out-" + inputs_hash(arch)[:16])


def read_lock(arch="x86"):
    pins = []
    with open(get_arch(arch).lock) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                pkg, ver = line.split()
                pins.append((pkg, ver))
    return pins


def hash_inputs(files, trees):
    """Hash of the named files and of every file under the trees (names relative to eng/xen, then
    contents). File modes are left out: NuGet extracts the runtime package's copy (tools/xen) with
    every file 0744, and it must match the cache the repository's copy built."""
    h = hashlib.sha256()
    files = list(files)
    for tree in trees:
        for root, dirs, names in os.walk(tree):
            dirs.sort()
            files += [os.path.join(root, n) for n in sorted(names) if not n.startswith(".")]
    for path in files:
        h.update(os.path.relpath(path, HERE).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def inputs_hash(arch="x86"):
    """Hash of everything the outputs are built from; the harness compares it to the manifest."""
    return hash_inputs([get_arch(arch).lock, os.path.abspath(__file__)], (DOM0, PEERS))


def log(msg):
    print(f"xen-setup: {msg}", flush=True)


def die(msg):
    print(f"xen-setup: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Debian packages

def deb_file(pkg, ver, arch="x86"):
    a = get_arch(arch)
    return os.path.join(cache_dir(a), "debs", f"{pkg}_{ver.replace(':', '%3a')}_{a.deb_arch}.deb")


def apt_options(arch):
    """apt-get/apt-cache options: none for the host's own architecture; for a foreign one a private
    apt state under the cache (sources, lists, archives, an empty dpkg status), so that neither
    the host's dpkg architectures nor its package lists change."""
    a = get_arch(arch)
    if not a.private_apt:
        return []
    root = os.path.join(cache_dir(a), "apt")
    for d in ("lists/partial", "cache/archives/partial"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    sources = "".join(f"deb [arch={a.deb_arch} signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
                      f"{uri} {suite} main\n" for uri, suite in ARM_SOURCES)
    path = os.path.join(root, "sources.list")
    if not os.path.exists(path) or open(path).read() != sources:
        with open(path, "w") as f:
            f.write(sources)
    status = os.path.join(root, "status")
    if not os.path.exists(status):
        open(status, "w").close()
    opts = {"Dir::Etc::SourceList": path, "Dir::Etc::SourceParts": "/dev/null",
            "Dir::Etc::Preferences": "/dev/null", "Dir::Etc::PreferencesParts": "/dev/null",
            "Dir::State::Lists": os.path.join(root, "lists"), "Dir::State::status": status,
            "Dir::Cache": os.path.join(root, "cache"),
            "APT::Architecture": a.deb_arch, "APT::Architectures::": a.deb_arch}
    if os.geteuid() == 0:
        # The state is under the user's home, which apt's unprivileged _apt user may not reach.
        opts["APT::Sandbox::User"] = "root"
    return [x for k, v in opts.items() for x in ("-o", f"{k}={v}")]


def apt_update(arch):
    if get_arch(arch).private_apt:
        # Our own lists: no root needed. A suite that fails (the mirror's bookworm-security armhf
        # index has been seen stale, "File has unexpected size ... Mirror sync in progress?") only
        # matters if a pinned package is in it; the download then fails and says so.
        r = subprocess.run(["apt-get", "update", "-qq"] + apt_options(arch),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            log("apt-get update (private armhf state) reported problems:\n"
                + "\n".join("  " + l for l in r.stdout.strip().splitlines() if l[:2] in ("E:", "W:")))
    else:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=False)


def apt_download(pins, dest, arch="x86"):
    tmp = tempfile.mkdtemp(dir=dest, prefix=".dl-")
    try:
        # apt drops privileges to _apt for downloads; let it write into the temp dir.
        os.chmod(tmp, 0o777)
        r = subprocess.run(["apt-get", "download", "-q"] + apt_options(arch) + [f"{p}={v}" for p, v in pins],
                           cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            return r.stdout
        for pkg, ver in pins:
            got = [n for n in os.listdir(tmp) if n.startswith(pkg + "_") and n.endswith(".deb")]
            if len(got) != 1:
                return f"apt-get download did not produce {pkg}_*.deb"
            os.replace(os.path.join(tmp, got[0]), deb_file(pkg, ver, arch))
        return None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def fetch(pins, arch="x86"):
    a = get_arch(arch)
    dest = os.path.join(cache_dir(a), "debs")
    os.makedirs(dest, exist_ok=True)
    missing = [(p, v) for p, v in pins if not os.path.exists(deb_file(p, v, a))]
    if not missing:
        return
    log("downloading " + " ".join(p for p, _ in missing))
    if a.private_apt and not private_lists_present(a):
        log(f"fetching the {a.deb_arch} package lists into the private apt state")
        apt_update(a)
    err = apt_download(missing, dest, a)
    if err is not None:
        log("apt-get download failed; running apt-get update and retrying")
        apt_update(a)
        err = apt_download(missing, dest, a)
    if err is None:
        return
    gone = []
    for pkg, ver in missing:
        avail = subprocess.run(["apt-cache", "madison"] + apt_options(a) + [pkg], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True).stdout.strip()
        if ver not in [l.split("|")[1].strip() for l in avail.splitlines() if l.count("|") >= 2]:
            gone.append(f"  {pkg}={ver} is not on the mirror; available now:\n"
                        + ("\n".join("    " + l for l in avail.splitlines()) or "    (none)"))
    if gone:
        die("pinned packages are no longer available:\n" + "\n".join(gone)
            + f"\nUpdate {a.lock} to a listed version and rerun eng/xen/setup.sh.")
    die("apt-get download failed:\n" + err)


def private_lists_present(arch):
    lists = os.path.join(cache_dir(arch), "apt", "lists")
    return os.path.isdir(lists) and any("_Packages" in n for n in os.listdir(lists))


def unpack_stage(pins, lock, directory, what, arch="x86"):
    """The packages a lock file pins, unpacked in a stage of DIRECTORY of their own (unpack() below
    keeps one stage per cache): for images built beside the harness (the Linux domU, the benchmark
    VM). An earlier lock's stage is removed."""
    key = hashlib.sha256(open(lock, "rb").read()).hexdigest()[:16]
    stage = os.path.join(directory, f"stage-{key}")
    if os.path.exists(os.path.join(stage, ".done")):
        return stage
    os.makedirs(directory, exist_ok=True)
    for old in os.listdir(directory):
        if old.startswith("stage-"):
            shutil.rmtree(os.path.join(directory, old), ignore_errors=True)
    log(f"unpacking {what}")
    os.makedirs(stage)
    for pkg, ver in pins:
        subprocess.run(["dpkg-deb", "-x", deb_file(pkg, ver, arch), stage], check=True)
    open(os.path.join(stage, ".done"), "w").close()
    return stage


def unpack(pins, lock_hash, arch="x86"):
    a = get_arch(arch)
    cache = cache_dir(a)
    stage = os.path.join(cache, f"stage-{lock_hash[:16]}")
    if os.path.exists(os.path.join(stage, ".done")):
        return stage
    for old in os.listdir(cache):
        if old.startswith("stage-"):
            shutil.rmtree(os.path.join(cache, old), ignore_errors=True)
    log("unpacking packages")
    os.makedirs(stage)
    for pkg, ver in pins:
        subprocess.run(["dpkg-deb", "-x", deb_file(pkg, ver, a), stage], check=True)
    open(os.path.join(stage, ".done"), "w").close()
    return stage


# ---------------------------------------------------------------------------------------------
# ELF helpers (little endian; 64-bit for amd64, 32-bit for armhf)

def elf_sections(data):
    if data[:4] != b"\x7fELF" or data[4] not in (1, 2):
        return None
    if data[4] == 2:
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
        shdr = "<IIQQQQI"
    else:
        shoff, = struct.unpack_from("<I", data, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
        shdr = "<IIIIIII"
    secs = []
    for i in range(shnum):
        name, typ, _flags, _addr, off, size, link = struct.unpack_from(shdr, data, shoff + i * shentsize)
        secs.append((name, typ, off, size, link))
    stroff = secs[shstrndx][2]

    def cstr(off):
        return data[off:data.index(b"\0", off)].decode()

    return [(cstr(stroff + n), t, o, s, l) for n, t, o, s, l in secs]


def elf_needed(path):
    """DT_NEEDED entries and the PT_INTERP of a dynamic ELF file."""
    with open(path, "rb") as f:
        data = f.read()
    secs = elf_sections(data)
    if secs is None:
        return [], None
    needed, interp = [], None
    for name, typ, off, size, link in secs:
        if typ == 6:  # SHT_DYNAMIC
            strtab = secs[link][2]
            dyn, step = ("<qQ", 16) if data[4] == 2 else ("<iI", 8)
            for i in range(0, size, step):
                tag, val = struct.unpack_from(dyn, data, off + i)
                if tag == 0:
                    break
                if tag == 1:  # DT_NEEDED
                    needed.append(data[strtab + val:data.index(b"\0", strtab + val)].decode())
        elif name == ".interp":
            interp = data[off:off + size].rstrip(b"\0").decode()
    return needed, interp


def modinfo(path):
    with open(path, "rb") as f:
        data = f.read()
    for name, _t, off, size, _l in elf_sections(data):
        if name == ".modinfo":
            info = {}
            for item in data[off:off + size].split(b"\0"):
                if b"=" in item:
                    k, v = item.decode().split("=", 1)
                    info.setdefault(k, v)
            return info
    return {}


# ---------------------------------------------------------------------------------------------
# Outputs

def extract_vmlinux(bzimage):
    """The ELF kernel inside a bzImage, as Xen's own bzImage loader would decompress it."""
    with open(bzimage, "rb") as f:
        data = f.read()
    if data[0x202:0x206] != b"HdrS":
        die(f"{bzimage} is not a bzImage")
    setup_sects = data[0x1F1] or 4
    payload_offset, payload_length = struct.unpack_from("<II", data, 0x248)
    start = (setup_sects + 1) * 512 + payload_offset
    payload = data[start:start + payload_length]
    if payload[:6] == b"\xfd7zXZ\0":
        elf = lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(payload)
    elif payload[:2] == b"\x1f\x8b":
        elf = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(payload)
    else:
        die(f"unsupported kernel compression in {bzimage} (magic {payload[:6].hex()})")
    if elf[:4] != b"\x7fELF":
        die(f"the payload of {bzimage} is not an ELF file")
    return elf


class Cpio:
    """A deterministic newc archive: fixed owner and mtime, entries sorted by path."""

    def __init__(self):
        self.entries = {}  # path -> (mode, data, rdev)

    def dir(self, path):
        path = path.strip("/")
        while path and path not in self.entries:
            self.entries[path] = (0o040755, b"", (0, 0))
            path = os.path.dirname(path)

    def file(self, path, data, mode=0o644):
        path = path.strip("/")
        self.dir(os.path.dirname(path))
        self.entries[path] = (0o100000 | mode, data, (0, 0))

    def symlink(self, path, target):
        path = path.strip("/")
        self.dir(os.path.dirname(path))
        self.entries[path] = (0o120777, target.encode(), (0, 0))

    def chardev(self, path, major, minor):
        path = path.strip("/")
        self.dir(os.path.dirname(path))
        self.entries[path] = (0o020600, b"", (major, minor))

    def bytes(self):
        out = io.BytesIO()

        def put(name, mode, data, rdev, ino):
            nb = name.encode() + b"\0"
            hdr = "070701" + "".join("%08X" % v for v in (
                ino, mode, 0, 0, 2 if mode & 0o040000 else 1, 0, len(data), 0, 0,
                rdev[0], rdev[1], len(nb), 0))
            out.write(hdr.encode() + nb)
            out.write(b"\0" * (-(110 + len(nb)) % 4))
            out.write(data)
            out.write(b"\0" * (-len(data) % 4))

        for ino, path in enumerate(sorted(self.entries), 1):
            mode, data, rdev = self.entries[path]
            put(path, mode, data, rdev, ino)
        put("TRAILER!!!", 0, b"", (0, 0), 0)
        return out.getvalue()


def add_from_stage(cpio, stage, rel):
    """Copies stage/rel into the archive, following symlinks (both the link and its target)."""
    rel = rel.strip("/")
    src = os.path.join(stage, rel)
    if rel in cpio.entries:
        return
    # Resolve symlinked parent directories first (e.g. /lib64 in some layouts).
    parent = os.path.dirname(rel)
    if parent and os.path.islink(os.path.join(stage, parent)):
        target = os.path.normpath(os.path.join(os.path.dirname(parent), os.readlink(os.path.join(stage, parent))))
        add_from_stage(cpio, stage, parent)
        return add_from_stage(cpio, stage, os.path.join(target, os.path.basename(rel)))
    if os.path.islink(src):
        link = os.readlink(src)
        cpio.symlink(rel, link)
        target = link.lstrip("/") if link.startswith("/") else os.path.normpath(os.path.join(parent, link))
        add_from_stage(cpio, stage, target)
    elif os.path.isdir(src):
        cpio.dir(rel)
    elif os.path.isfile(src):
        with open(src, "rb") as f:
            cpio.file(rel, f.read(), os.stat(src).st_mode & 0o777)
    else:
        die(f"{rel} is missing from the unpacked packages")


LIB_DIRS = ARCHES["x86"].lib_dirs


def add_elf_with_libs(cpio, stage, rel, seen, lib_dirs=LIB_DIRS):
    add_from_stage(cpio, stage, rel)
    add_libs_of(cpio, stage, os.path.realpath(os.path.join(stage, rel)), seen, lib_dirs)


def add_libs_of(cpio, stage, program, seen, lib_dirs=LIB_DIRS):
    """The interpreter and libraries the ELF file PROGRAM (anywhere) needs, from the stage, each
    once (SEEN: names already added)."""
    needed, interp = elf_needed(program)
    if interp and interp not in seen:
        seen.add(interp)
        add_from_stage(cpio, stage, interp)
    for lib in needed:
        if lib in seen:
            continue
        seen.add(lib)
        for d in lib_dirs:
            if os.path.lexists(os.path.join(stage, d, lib)):
                add_elf_with_libs(cpio, stage, os.path.join(d, lib), seen, lib_dirs)
                break
        else:
            die(f"{lib} (needed by {program}) is in none of the pinned packages; add its package to the lock file")


def add_busybox(cpio, stage, applets=None):
    """busybox from the stage as /bin/busybox and each applet as a symlink to it in /bin; the
    applets are read from the binary unless given."""
    add_from_stage(cpio, stage, "bin/busybox")
    if applets is None:
        applets = busybox_applets(os.path.join(stage, "bin/busybox"))
    for applet in applets:
        if applet != "busybox" and "/" not in applet:
            cpio.symlink(f"bin/{applet}", "busybox")


def module_order(stage, kver, modules=MODULES):
    """Paths of the modules and their dependencies (from .modinfo depends=), dependencies first."""
    root = os.path.join(stage, "lib/modules", kver)
    by_name = {}
    for d, _dirs, names in os.walk(root):
        for n in names:
            if n.endswith(".ko"):
                by_name[n[:-3].replace("-", "_")] = os.path.relpath(os.path.join(d, n), stage)
    order, state = [], {}

    def visit(name):
        name = name.replace("-", "_")
        if state.get(name) == "done":
            return
        if name not in by_name:
            die(f"kernel module {name} not found under lib/modules/{kver}")
        state[name] = "done"
        deps = modinfo(os.path.join(stage, by_name[name])).get("depends", "")
        for dep in filter(None, deps.split(",")):
            visit(dep)
        order.append(by_name[name])

    for m in modules:
        visit(m)
    return order


def busybox_applets(path):
    """The applet names of a busybox binary, read from its applet_names table ("[\\0[[\\0acpid\\0...")
    because a foreign-architecture busybox cannot run here to answer --list."""
    with open(path, "rb") as f:
        data = f.read()
    start = data.find(b"\0[\0[[\0")
    if start < 0:
        die(f"no applet table in {path}")
    names, p = [], start + 1
    while data[p] != 0:
        end = data.index(b"\0", p)
        names.append(data[p:end].decode())
        p = end + 1
    return names


def build_initrd(stage, kver, arch="x86"):
    a = get_arch(arch)
    lib_dirs = a.lib_dirs
    cpio = Cpio()
    for d in ["proc", "sys", "dev", "tmp", "run", "mnt/host", "etc", "root",
              "var/log/xen/console", "var/lib/xen", "var/lib/xenstored", "var/lock"]:
        cpio.dir(d)
    cpio.symlink("var/run", "../run")
    cpio.chardev("dev/console", 5, 1)
    cpio.chardev("dev/null", 1, 3)

    # busybox and its applets, as symlinks in /bin
    applets = None
    if a.name == "x86":
        applets = subprocess.run([os.path.join(stage, "bin/busybox"), "--list"], check=True,
                                 stdout=subprocess.PIPE, text=True).stdout.split()
    add_busybox(cpio, stage, applets)

    seen = set()
    for lib in DLOPEN_LIBS:
        found = [f"{d}/{lib}" for d in lib_dirs if os.path.lexists(os.path.join(stage, d, lib))]
        if not found:
            die(f"{lib} is in none of the pinned packages; add its package to {os.path.basename(a.lock)}")
        add_elf_with_libs(cpio, stage, found[0], seen, lib_dirs)
    for tool in XEN_TOOLS:
        add_elf_with_libs(cpio, stage, f"{XEN_BIN}/{tool}", seen, lib_dirs)
    # xenstore-read, -write, ... are hard links to one multi-call binary: link them to it.
    add_elf_with_libs(cpio, stage, "usr/bin/xenstore", seen, lib_dirs)
    ino = os.stat(os.path.join(stage, "usr/bin/xenstore")).st_ino
    for n in sorted(os.listdir(os.path.join(stage, "usr/bin"))):
        st = os.lstat(os.path.join(stage, "usr/bin", n))
        if n.startswith("xenstore-") and st.st_ino == ino:
            cpio.symlink(f"usr/bin/{n}", "xenstore")

    pinned = {p for p, _ in read_lock(a)}
    for program, package in DOM0_PROGRAMS.items():
        if package in pinned:
            add_elf_with_libs(cpio, stage, program, seen, lib_dirs)

    mods = module_order(stage, kver, a.modules)
    for m in mods:
        add_from_stage(cpio, stage, m)
    cpio.file("etc/mirage/modules", "".join(f"/{m}\n" for m in mods).encode())

    compile_peers(cpio, a)

    # Our own files: dom0/init -> /init, dom0/etc/... -> /etc/..., dom0/bin/... -> /bin/...
    for root, dirs, names in os.walk(DOM0):
        dirs.sort()
        for n in sorted(names):
            src = os.path.join(root, n)
            rel = os.path.relpath(src, DOM0)
            with open(src, "rb") as f:
                cpio.file(rel, f.read(), 0o755 if os.access(src, os.X_OK) else 0o644)
    # libxl runs /etc/xen/scripts/vif-bridge for every vif before it unpauses the domain: our one
    # static program (peer/vif-hotplug.c) rather than a shell script that starts five others.
    cpio.symlink("etc/xen/scripts/vif-bridge", "/usr/bin/mirage-vif-hotplug")
    return gzip.compress(cpio.bytes(), compresslevel=6, mtime=0)


def compile_peers(cpio, arch):
    """eng/xen/peer/NAME.c -> /usr/bin/mirage-NAME, static: dom0 has only the libraries its Debian
    programs need, and a static binary does not depend on which ones those are."""
    cc = PEER_COMPILERS[arch.name]
    if shutil.which(cc) is None:
        die(f"{cc} is not installed: it compiles the dom0 test peers in {PEERS} (eng/setup.sh installs it)")
    with tempfile.TemporaryDirectory(prefix="mirage-peer-") as tmp:
        for source in sorted(n for n in os.listdir(PEERS) if n.endswith(".c")):
            name = "mirage-" + source[:-2]
            binary = os.path.join(tmp, name)
            built = subprocess.run([cc, "-static", "-O2", "-s", "-Wall", "-Wextra", "-o", binary,
                                    os.path.join(PEERS, source)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if built.returncode != 0:
                die(f"{cc} could not compile {source}:\n{built.stdout}")
            with open(binary, "rb") as f:
                cpio.file(f"usr/bin/{name}", f.read(), 0o755)


def write_atomic(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def build(arch="x86"):
    a = get_arch(arch)
    pins = read_lock(a)
    h = inputs_hash(a)
    out = out_dir(a)
    manifest_path = os.path.join(out, "manifest.json")
    try:
        with open(manifest_path) as f:
            m = json.load(f)
        if m.get("inputs") == h and all(os.path.exists(m[k]) for k in ("xen", "kernel", "initrd")):
            log(f"up to date: {out}")
            return
    except (OSError, ValueError, KeyError):
        pass

    fetch(pins, a)
    lock_hash = hashlib.sha256(open(a.lock, "rb").read()).hexdigest()
    stage = unpack(pins, lock_hash, a)
    os.makedirs(out, exist_ok=True)
    versions = dict(pins)

    kvers = sorted(os.listdir(os.path.join(stage, "lib/modules")))
    if len(kvers) != 1:
        die(f"expected one kernel in {os.path.basename(a.lock)}, found {kvers}")
    kver = kvers[0]

    if a.name == "x86":
        log("building xen, vmlinux and dom0.cpio.gz")
        with gzip.open(os.path.join(stage, a.xen_file)) as f:
            write_atomic(os.path.join(out, "xen"), f.read())
        kernel = os.path.join(out, "vmlinux")
        write_atomic(kernel, extract_vmlinux(os.path.join(stage, f"boot/vmlinuz-{kver}")))
    else:
        # Xen on ARM boots a zImage dom0 as it is (its own decompressor runs in dom0); Xen itself
        # is a zImage too, which QEMU's -kernel loads like a Linux kernel.
        log(f"building xen, zImage and dom0.cpio.gz ({a.name})")
        with open(os.path.join(stage, a.xen_file), "rb") as f:
            write_atomic(os.path.join(out, "xen"), f.read())
        kernel = os.path.join(out, "zImage")
        with open(os.path.join(stage, f"boot/vmlinuz-{kver}"), "rb") as f:
            write_atomic(kernel, f.read())
    write_atomic(os.path.join(out, "dom0.cpio.gz"), build_initrd(stage, kver, a))

    manifest = {
        "inputs": h,
        "xen": os.path.join(out, "xen"),
        "kernel": kernel,
        "initrd": os.path.join(out, "dom0.cpio.gz"),
        "kernel_release": kver,
        "xen_version": versions.get("xen-hypervisor-4.17-amd64" if a.name == "x86" else "xen-hypervisor-4.17-armhf"),
        "packages": versions,
        "arch": a.name,
    }
    write_atomic(manifest_path, (json.dumps(manifest, indent=2) + "\n").encode())
    log(f"built {out}")


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    arch = "x86"
    if args[:1] == ["--arch"] and len(args) == 2:
        arch = args[1]
    elif args[:1] and args[0].startswith("--arch="):
        arch = args[0].split("=", 1)[1]
    elif args:
        die("usage: xenbuild.py [--arch x86|arm|all]")
    if arch not in ("x86", "arm", "all"):
        die(f"unknown architecture {arch!r} (x86, arm or all)")
    for name in (["x86", "arm"] if arch == "all" else [arch]):
        build(name)


if __name__ == "__main__":
    main()
