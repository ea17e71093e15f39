#!/usr/bin/env python3
"""Self-test of the Xen harness (eng/xen/harness.py), through its command line as a test fixture
uses it: `start --arch A`, `client run`, `stop`. Standard library only.

  python3 eng/xen/selftest/selftest.py [--arch arm|x86|all] [--repeat N] [--dump-dt FILE]
                                       [--x86-image IMAGE CONFIG]

arm: builds selftest/arm-guest.S (a zImage, with binutils-arm-linux-gnueabihf) into the cache
     (${MIRAGE_CACHE:-~/.cache/mirage}/xen/arm/selftest/) and checks, on one harness instance:
       poweroff -> exit 0 and "hello from arm guest" on the console (its config says type="pvh",
                   which the harness must drop on ARM)
       crash    -> exit 1 (extra="selftest-crash": SCHEDOP_shutdown with SHUTDOWN_crash)
       hang     -> exit 124 with --timeout 3 (extra="selftest-hang")
       an x86 image sent to the arm harness -> exit 125 (wrong architecture)
     and prints what the guest saw: entry registers, console/xenstore parameters and the device
     tree Xen gave it (decoded from the guest's hex dump; --dump-dt writes the whole tree).
x86: boots the x86 harness (`start --arch x86`), pings it, sends it the ARM guest (-> 125), runs
     --x86-image IMAGE CONFIG if given (-> 0), and stops it.
Exit status 0 when every check passed.
"""
import argparse
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
XEN = os.path.dirname(HERE)
HARNESS = os.path.join(XEN, "harness.py")
sys.path.insert(0, XEN)
sys.dont_write_bytecode = True
import xenbuild  # noqa: E402

failures = []


def check(ok, what):
    print(f"  {'PASS' if ok else 'FAIL'}  {what}", flush=True)
    if not ok:
        failures.append(what)
    return ok


def build_arm_guest():
    """arm-guest.S -> a flat zImage; rebuilt every time (it takes milliseconds)."""
    out = os.path.join(xenbuild.cache_dir("arm"), "selftest")
    os.makedirs(out, exist_ok=True)
    tools = {t: f"arm-linux-gnueabihf-{t}" for t in ("as", "ld", "objcopy")}
    missing = [p for p in tools.values() if shutil.which(p) is None]
    if missing:
        sys.exit(f"selftest: {', '.join(missing)} not found: run eng/xen/setup.sh --arch arm "
                 "(it installs binutils-arm-linux-gnueabihf)")
    obj, elf, img = (os.path.join(out, n) for n in ("arm-guest.o", "arm-guest.elf", "arm-guest.zImage"))
    subprocess.run([tools["as"], "-o", obj, os.path.join(HERE, "arm-guest.S")], check=True)
    subprocess.run([tools["ld"], "--no-warn-rwx-segments", "-T", os.path.join(HERE, "arm-guest.ld"),
                    "-o", elf, obj], check=True)
    subprocess.run([tools["objcopy"], "-O", "binary", elf, img], check=True)
    with open(img, "rb") as f:
        head = f.read(0x30)
    magic, start, end = struct.unpack_from("<III", head, 0x24)
    size = os.path.getsize(img)
    if magic != 0x016F2818 or start != 0 or end != size:
        sys.exit(f"selftest: {img} is not a valid zImage (magic {magic:#x}, start {start:#x}, end {end:#x}, size {size:#x})")
    return img


def fake_x86_elf(path):
    """An ELF header with e_machine EM_X86_64: enough for the harness's architecture check."""
    hdr = bytearray(64)
    hdr[:7] = b"\x7fELF\x02\x01\x01"
    struct.pack_into("<HH", hdr, 0x10, 2, 62)
    with open(path, "wb") as f:
        f.write(bytes(hdr))


# ---------------------------------------------------------------------------------------------
# Device tree (flattened) decoding

def fdt_dump(blob):
    """The device tree as text, dtc style; and a dict path -> {property: raw bytes}."""
    magic, total, off_struct, off_strings = struct.unpack_from(">IIII", blob, 0)
    if magic != 0xD00DFEED:
        raise ValueError("not a flattened device tree")
    lines, nodes, path, p = [], {}, [], off_struct

    def cstr(off):
        return blob[off:blob.index(b"\0", off)].decode(errors="replace")

    def fmt(v):
        if not v:
            return None
        if v[-1:] == b"\0" and v[:1] != b"\0" and all(32 <= c < 127 for c in v[:-1].replace(b"\0", b" ")):
            return " ".join(f'"{s.decode()}"' for s in v[:-1].split(b"\0"))
        if len(v) % 4 == 0:
            return "<" + " ".join(f"{x:#x}" for x in struct.unpack(f">{len(v) // 4}I", v)) + ">"
        return "[" + v.hex(" ") + "]"

    while True:
        tok, = struct.unpack_from(">I", blob, p)
        p += 4
        if tok == 1:  # FDT_BEGIN_NODE
            name = cstr(p)
            p += (len(name.encode()) + 4) & ~3
            lines.append("    " * len(path) + (name or "/") + " {")
            path.append(name)
            nodes["/" + "/".join(path[1:])] = {}
        elif tok == 2:  # FDT_END_NODE
            path.pop()
            lines.append("    " * len(path) + "};")
        elif tok == 3:  # FDT_PROP
            length, nameoff = struct.unpack_from(">II", blob, p)
            value = blob[p + 8:p + 8 + length]
            p += 8 + ((length + 3) & ~3)
            name = cstr(off_strings + nameoff)
            nodes["/" + "/".join(path[1:])][name] = value
            v = fmt(value)
            lines.append("    " * len(path) + (f"{name} = {v};" if v is not None else f"{name};"))
        elif tok == 4:  # FDT_NOP
            continue
        elif tok == 9:  # FDT_END
            break
        else:
            raise ValueError(f"bad token {tok:#x} at {p - 4:#x}")
    return "\n".join(lines), nodes


def strs(v):
    """A string-list property as text: "a" "b"."""
    return " ".join(f'"{x.decode(errors="replace")}"' for x in v[:-1].split(b"\0"))


def cells(v):
    return struct.unpack(f">{len(v) // 4}I", v)


def pairs64(v):
    c = cells(v)
    return [((c[i] << 32) | c[i + 1], (c[i + 2] << 32) | c[i + 3]) for i in range(0, len(c), 4)]


def dt_summary(nodes):
    out = []
    find = lambda prefix: next((k for k in nodes if k.split("/")[-1].split("@")[0] == prefix), None)  # noqa: E731
    mem = find("memory")
    if mem:
        out.append("memory: " + ", ".join(f"{a:#x} size {s:#x} ({s >> 20} MiB)" for a, s in pairs64(nodes[mem]["reg"])))
    hyp = find("hypervisor")
    if hyp:
        h = nodes[hyp]
        regs = pairs64(h["reg"])
        irq = cells(h["interrupts"])
        out.append(f"hypervisor: compatible {strs(h['compatible'])}; "
                   f"grant table region {regs[0][0]:#x} size {regs[0][1]:#x}; "
                   + (f"extended regions {', '.join(f'{a:#x} size {s:#x}' for a, s in regs[1:])}; " if regs[1:] else "")
                   + f"event channel interrupt: PPI {irq[1]} (GIC IRQ {irq[1] + 16}), flags {irq[2]:#x}")
    gic = next((k for k, v in nodes.items() if "interrupt-controller" in v), None)
    if gic:
        g = nodes[gic]
        out.append(f"interrupt controller {gic}: {strs(g['compatible'])}; reg "
                   + ", ".join(f"{a:#x} size {s:#x}" for a, s in pairs64(g["reg"])))
    tim = find("timer")
    if tim:
        c = cells(nodes[tim]["interrupts"])
        out.append(f"timer: {strs(nodes[tim]['compatible'])}; PPIs "
                   + ", ".join(f"{c[i + 1]} (IRQ {c[i + 1] + 16}, flags {c[i + 2]:#x})" for i in range(0, len(c), 3))
                   + (f"; clock-frequency {cells(nodes[tim]['clock-frequency'])[0]}" if "clock-frequency" in nodes[tim]
                      else "; no clock-frequency"))
    ch = nodes.get("/chosen", {})
    out.append("chosen: " + ", ".join(f"{k} = " + (strs(v) if k in ("bootargs", "stdout-path") else f"{len(v)} bytes")
                                      for k, v in ch.items()))
    psci = find("psci")
    if psci:
        out.append(f"psci: method {strs(nodes[psci]['method'])}, {strs(nodes[psci]['compatible'])}")
    return out


# ---------------------------------------------------------------------------------------------
# Talking to the harness

def harness(*args, timeout=None):
    r = subprocess.run([sys.executable, HARNESS] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=timeout)
    return r.returncode, r.stdout, r.stderr


def client_run(sock, image, config, timeout):
    t = time.monotonic()
    rc, out, err = harness("client", "--socket", sock, "--compact", "run", image, config, "--timeout", str(timeout),
                           timeout=timeout + 120)
    wall = time.monotonic() - t
    try:
        res = json.loads(out)
    except ValueError:
        res = {"message": f"no JSON from the client: {out!r} {err!r}"}
    return rc, res, wall


def start(arch, workdir):
    t = time.monotonic()
    rc, out, err = harness("start", "--dir", workdir, "--arch", arch, "--parent-pid", str(os.getpid()),
                           "--idle-timeout", "600", timeout=600)
    wall = time.monotonic() - t
    if rc != 0:
        check(False, f"{arch}: the harness boots (start exited {rc}):\n{err}{out}")
        return None
    ready = json.loads(out.strip().splitlines()[-1])
    check(ready.get("arch") == arch, f"{arch}: start reports ready, arch {ready.get('arch')}, boot_s {ready['boot_s']} "
                                     f"(start command {wall:.1f} s)")
    return ready


def write_config(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def test_arm(args, tmp):
    print("arm:", flush=True)
    img = build_arm_guest()
    print(f"  built {img} ({os.path.getsize(img)} bytes)")
    work = os.path.join(tmp, "arm")
    ready = start("arm", work)
    if ready is None:
        return
    sock = ready["socket"]
    try:
        ok_cfg = write_config(os.path.join(tmp, "ok.xl"),
                              'name = "selftest"\nkernel = "whatever.zImage"\nmemory = 32\n'
                              'type = "pvh"\nextra = "console=hvc0 selftest"\n')
        rc, res, wall = client_run(sock, img, ok_cfg, 60)
        console = res.get("console", "")
        check(rc == 0 and res.get("result") == "poweroff" and "hello from arm guest\n" in console and "bye" in console,
              f"poweroff -> exit {rc} ({res.get('result')}), console has the hello line; "
              f"first output {res.get('first_output_s')} s, result {res.get('duration_s')} s, client wall {wall:.2f} s"
              + ("" if rc == 0 else f"\n{json.dumps(res, indent=1)[:3000]}"))
        report_guest(console, args.dump_dt)

        times = [res.get("duration_s")] if rc == 0 else []
        walls = [wall] if rc == 0 else []
        for _ in range(args.repeat - 1):
            rc2, res2, wall2 = client_run(sock, img, ok_cfg, 60)
            if rc2 == 0:
                times.append(res2["duration_s"])
                walls.append(wall2)
            else:
                check(False, f"repeat poweroff -> exit {rc2}: {res2.get('message')}")
        if len(times) > 1:
            print(f"  {len(times)} poweroff runs: result median {statistics.median(times):.3f} s "
                  f"(min {min(times):.3f}, max {max(times):.3f}); client wall median {statistics.median(walls):.2f} s")

        crash_cfg = write_config(os.path.join(tmp, "crash.xl"),
                                 'name = "selftest-crash"\nkernel = "k"\nmemory = 32\nextra = "selftest-crash"\n')
        rc, res, wall = client_run(sock, img, crash_cfg, 60)
        check(rc == 1 and res.get("result") == "crash" and "crashing on purpose" in res.get("console", ""),
              f"crash -> exit {rc} ({res.get('result')}), result {res.get('duration_s')} s")

        hang_cfg = write_config(os.path.join(tmp, "hang.xl"),
                                'name = "selftest-hang"\nkernel = "k"\nmemory = 32\nextra = "selftest-hang"\n')
        rc, res, wall = client_run(sock, img, hang_cfg, 3)
        check(rc == 124 and res.get("result") == "timeout" and "hanging on purpose" in res.get("console", ""),
              f"hang with --timeout 3 -> exit {rc} ({res.get('result')})")

        x86 = os.path.join(tmp, "x86.elf")
        fake_x86_elf(x86)
        rc, res, wall = client_run(sock, x86, ok_cfg, 10)
        check(rc == 125 and "x86 image" in (res.get("message") or ""),
              f"an x86 image -> exit {rc}: {res.get('message')}")

        rc, res, wall = client_run(sock, img, ok_cfg, 60)
        check(rc == 0, f"poweroff again after the failures -> exit {rc}")
    finally:
        harness("stop", "--dir", work, timeout=120)


def report_guest(console, dump_path):
    hexdump = "".join(l[5:] for l in console.splitlines() if l.startswith("dtb: ") and not l.startswith("dtb: addr"))
    for line in console.splitlines():
        if not line.startswith("dtb: ") or line.startswith("dtb: addr"):
            print(f"  guest| {line}")
    if not hexdump:
        check(False, "the guest printed its device tree")
        return
    blob = bytes.fromhex(hexdump)
    text, nodes = fdt_dump(blob)
    check(True, f"the guest's device tree decodes ({len(blob)} bytes)")
    for line in dt_summary(nodes):
        print(f"  dt| {line}")
    if dump_path:
        with open(dump_path, "w") as f:
            f.write(text + "\n")
        print(f"  the device tree is in {dump_path}")


def test_x86(args, tmp):
    print("x86:", flush=True)
    work = os.path.join(tmp, "x86")
    ready = start("x86", work)
    if ready is None:
        return
    sock = ready["socket"]
    try:
        rc, out, _ = harness("client", "--socket", sock, "--compact", "ping", timeout=60)
        check(rc == 0, f"ping -> exit {rc} {out.strip()}")
        if shutil.which("arm-linux-gnueabihf-as"):
            cfg = write_config(os.path.join(tmp, "arm-on-x86.xl"), 'name = "a"\nkernel = "k"\nmemory = 32\n')
            rc, res, _ = client_run(sock, build_arm_guest(), cfg, 10)
            check(rc == 125 and "arm image" in (res.get("message") or ""), f"an ARM image -> exit {rc}: {res.get('message')}")
        if args.x86_image:
            image, config = args.x86_image
            rc, res, wall = client_run(sock, image, config, 120)
            check(rc == 0, f"{os.path.basename(image)} -> exit {rc} ({res.get('result')}); first output "
                           f"{res.get('first_output_s')} s, result {res.get('duration_s')} s"
                           + ("" if rc == 0 else f": {res.get('message')}"))
    finally:
        harness("stop", "--dir", work, timeout=120)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", choices=("arm", "x86", "all"), default="arm")
    ap.add_argument("--repeat", type=int, default=5, help="poweroff runs on arm, for timing (default 5)")
    ap.add_argument("--dump-dt", metavar="FILE", help="write the guest's decoded device tree here")
    ap.add_argument("--x86-image", nargs=2, metavar=("IMAGE", "CONFIG"), help="an x86 image to run on x86")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="xen-selftest-")
    try:
        if args.arch in ("arm", "all"):
            test_arm(args, tmp)
        if args.arch in ("x86", "all"):
            test_x86(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"selftest: {'all checks passed' if not failures else f'{len(failures)} check(s) FAILED'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
