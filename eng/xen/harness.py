#!/usr/bin/env python3
"""Runs Xen guest images on real Xen 4.17 under QEMU (TCG): boot Xen + dom0 once, then
`xl create` many images. Standard library only. See eng/xen/README.md.
Two architectures: x86 (x86_64 PVH guests, qemu-system-x86_64) and arm (32-bit ARM zImage
guests on Xen for armhf, qemu-system-arm); `run` picks it from the image, `--arch` overrides.

  harness.py run IMAGE CONFIG.xl [--timeout S] [--json FILE]   boot, run one image, stop
  harness.py serve --dir WORKDIR [--socket PATH] [--arch A]     boot, then serve requests
  harness.py start --dir WORKDIR [--arch A] / stop --dir WORKDIR   serve in the background
  harness.py client --socket PATH run IMAGE CONFIG.xl [--timeout S] [--stream]
  harness.py client --socket PATH ping | sh SCRIPT | shutdown

Exit codes of `run` and `client run`: 0 guest powered off, 1 guest crashed, 2 guest rebooted,
3 other shutdown (suspend, watchdog, soft reset, destroyed from elsewhere), 124 timeout (the
harness destroyed the guest), 125 harness failure, 126 `xl create` failed (image/config).
"""
import argparse
import ctypes
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import xenbuild  # noqa: E402

EXIT_POWEROFF, EXIT_CRASH, EXIT_REBOOT, EXIT_OTHER = 0, 1, 2, 3
EXIT_TIMEOUT, EXIT_HARNESS, EXIT_CREATE = 124, 125, 126
# Xen's SHUTDOWN_* codes (xen/include/public/sched.h) as xl reports them.
REASONS = {0: ("poweroff", EXIT_POWEROFF), 1: ("reboot", EXIT_REBOOT), 2: ("suspend", EXIT_OTHER),
           3: ("crash", EXIT_CRASH), 4: ("watchdog", EXIT_OTHER), 5: ("soft_reset", EXIT_OTHER)}
DOM0_SHARE = "/mnt/host"
SETUP_HINT = "run eng/xen/setup.sh"


class HarnessError(Exception):
    pass


def now():
    return time.monotonic()


# ---------------------------------------------------------------------------------------------
# xl configuration rewriting

OVERRIDDEN = ("kernel", "on_poweroff", "on_crash", "on_reboot", "on_watchdog", "on_soft_reset")
QUOTED = re.compile(r"""("([^"]*)"|'([^']*)')""")


def config_value(text, key):
    m = re.search(r"^\s*%s\s*=\s*(\"([^\"]*)\"|'([^']*)')" % re.escape(key), text, re.M)
    return None if m is None else (m.group(2) if m.group(2) is not None else m.group(3))


def rewrite_config(text, job_dir, dom0_dir, image_name, default_name, config_dir=".", arch="x86"):
    """The user's xl config as dom0 must see it: the kernel (and ramdisk, disk files) point into
    the job's shared directory and every shutdown action is "preserve", so the harness observes
    the reason and lets xenconsoled drain the console before it destroys the domain. Relative
    file names are relative to config_dir, as for `xl create` run in the config's directory.
    On ARM, `type=` and `builder=` are dropped: ARM has one guest type, and x86's "pvh" would not do.
    Returns (config text, domain name, [(job file, host file)] of writable disks to copy back)."""
    copies = {}  # host realpath -> name in job_dir
    used = {image_name}
    write_back = []

    def host_file(path):
        path = os.path.join(config_dir, path)
        return path if path and os.path.isfile(path) else None

    def copy_in(path):
        real = os.path.realpath(path)
        if real not in copies:
            base = re.sub(r"[^A-Za-z0-9._-]", "_", os.path.basename(path))
            name, n = base, 1
            while name in used:
                n += 1
                name = f"{n}-{base}"
            used.add(name)
            shutil.copyfile(path, os.path.join(job_dir, name))
            copies[real] = name
        return copies[real]

    name = config_value(text, "name")
    ramdisk = config_value(text, "ramdisk")
    dropped = OVERRIDDEN + (("ramdisk",) if arch == "x86" else ("ramdisk", "type", "builder"))
    lines = [l for l in text.splitlines()
             if not re.match(r"\s*(%s)\s*=" % "|".join(dropped), l)]
    text = "\n".join(lines) + "\n"

    def disk_spec(m):
        # xl-disk-configuration(5): positional target, format, vdev, access; or key=value.
        parts, positional, target_at, access = [], 0, None, "rw"
        for tok in (m.group(2) if m.group(2) is not None else m.group(3)).split(","):
            t = tok.strip()
            key = t.split("=", 1)[0] if re.match(r"[a-z-]+=", t) else None
            if key is None:
                if positional == 0:
                    target_at = len(parts)
                elif positional == 3:
                    access = t
                positional += 1
            elif key == "target":
                target_at = len(parts)
            elif key == "access":
                access = t.split("=", 1)[1]
            parts.append(t)
        if target_at is None:
            return m.group(0)
        t = parts[target_at]
        key = "target=" if t.startswith("target=") else ""
        val = t[len(key):]
        pre = next((p for p in ("phy:", "file:", "aio:") if val.startswith(p)), "")
        src = host_file(val[len(pre):])
        if src is None:
            return m.group(0)  # a dom0 device or path: leave it alone
        copied = copy_in(src)
        parts[target_at] = f"{key}{pre}{dom0_dir}/{copied}"
        if access.strip() not in ("r", "ro"):
            write_back.append((os.path.join(job_dir, copied), src))
        # Regular files need the block script (loop device + blkback): dom0 has no QEMU/qdisk.
        # target= must stay the last parameter (xl reads the rest of the spec as the target).
        if not any(p.startswith("script=") for p in parts):
            parts.insert(target_at if key else len(parts), "script=block")
        return "'" + ", ".join(parts) + "'"

    text = re.sub(r"^(\s*disk\s*=\s*\[)(.*?)(\])",
                  lambda m: m.group(1) + QUOTED.sub(disk_spec, m.group(2)) + m.group(3),
                  text, flags=re.M | re.S)
    if name is None:
        name = default_name
        text += f'name = "{name}"\n'
    text += f'kernel = "{dom0_dir}/{image_name}"\n'
    if ramdisk:
        if not host_file(ramdisk):
            raise HarnessError(f"ramdisk {ramdisk} not found")
        text += f'ramdisk = "{dom0_dir}/{copy_in(host_file(ramdisk))}"\n'
    for key in OVERRIDDEN[1:]:
        text += f'{key} = "preserve"\n'
    return text, name, sorted(set(write_back))


# ---------------------------------------------------------------------------------------------
# The harness: one QEMU running Xen + dom0

def die_with_parent():
    """preexec_fn: QEMU gets SIGKILL when the harness process dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


ARCHES = ("x86", "arm")
QEMU = {"x86": "qemu-system-x86_64", "arm": "qemu-system-arm"}
# Where the ARM dom0 kernel and initramfs are put for Xen (QEMU's guest-loader). QEMU itself puts
# the device tree 128 MiB into RAM (0x48000000), so the modules must stay clear of that.
ARM_DOM0_KERNEL_ADDR = 0x49000000


def image_arch(path):
    """The architecture of a guest image: "arm" for an ARM (32-bit) Linux zImage (magic 0x016F2818
    at 0x24) or an ELF file with e_machine EM_ARM, "x86" for an x86 ELF file or bzImage,
    "arm64" for an AArch64 one, None when the format is not recognised."""
    try:
        with open(path, "rb") as f:
            head = f.read(0x210)
    except OSError:
        return None
    if head[:4] == b"\x7fELF" and len(head) >= 0x14:
        machine = int.from_bytes(head[0x12:0x14], "little" if head[5] != 2 else "big")
        return {40: "arm", 3: "x86", 62: "x86", 183: "arm64"}.get(machine)
    if len(head) >= 0x30 and int.from_bytes(head[0x24:0x28], "little") == 0x016F2818:
        return "arm"
    if head[0x202:0x206] == b"HdrS":
        return "x86"
    if len(head) >= 0x40 and head[0x38:0x3C] == b"ARM\x64":
        return "arm64"
    return None


def load_manifest(arch="x86"):
    path = os.path.join(xenbuild.out_dir(arch), "manifest.json")
    setup_hint = SETUP_HINT if arch == "x86" else f"{SETUP_HINT} (or eng/xen/setup.sh --arch {arch})"
    try:
        with open(path) as f:
            m = json.load(f)
    except (OSError, ValueError):
        raise HarnessError(f"the Xen harness ({arch}) is not set up ({path} missing): {setup_hint}")
    if m.get("inputs") != xenbuild.inputs_hash(arch):
        raise HarnessError(f"the Xen harness files ({arch}) are out of date (eng/xen changed): {setup_hint}")
    for k in ("xen", "kernel", "initrd"):
        if not os.path.exists(m[k]):
            raise HarnessError(f"{m[k]} is missing: {setup_hint}")
    if shutil.which(QEMU[arch]) is None:
        raise HarnessError(f"{QEMU[arch]} not found: {setup_hint}")
    return m


class Harness:
    """Boots Xen + dom0 under QEMU and runs guest images in it; thread safe."""

    def __init__(self, workdir, smp=1, memory=2048, dom0_mem=512, parallel=1, keep_jobs=False,
                 boot_timeout=180, verbose_boot=False, xen_args="", arch="x86", monitor=False):
        if arch not in ARCHES:
            raise HarnessError(f"unknown architecture {arch!r} (x86 or arm)")
        self.arch = arch
        self.workdir = os.path.abspath(workdir)
        self.share = os.path.join(self.workdir, "share")
        self.serial_log = os.path.join(self.workdir, "serial.log")
        self.smp, self.memory, self.dom0_mem = smp, memory, dom0_mem
        self.keep_jobs, self.boot_timeout, self.verbose_boot = keep_jobs, boot_timeout, verbose_boot
        self.xen_args = xen_args
        # QEMU's human monitor on WORKDIR/monitor.sock (eng/bench/xen-profile.py samples the
        # emulated CPU's registers through it); off by default: nothing else needs it.
        self.monitor = os.path.join(self.workdir, "monitor.sock") if monitor else None
        self.slots = threading.BoundedSemaphore(parallel)
        self.lock = threading.Lock()
        self.names = set()
        self.next_id = 0
        self.waiters = {}  # request id -> queue of agent messages
        self.ready = queue.Queue()
        self.qemu = None
        self.sock = None
        self.boot_seconds = None
        self.dead = None  # reason once QEMU or the control channel is gone

    # -- boot ---------------------------------------------------------------------------------
    def start(self):
        m = load_manifest(self.arch)
        os.makedirs(self.workdir, exist_ok=True)
        if os.path.exists(self.share):
            shutil.rmtree(self.share)
        for d in ("jobs", "console"):
            os.makedirs(os.path.join(self.share, d))
        host_end, qemu_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        cmd = self._qemu_command(m, qemu_end.fileno())
        if self.monitor:
            if os.path.exists(self.monitor):
                os.unlink(self.monitor)
            # -d nochain: every translated block returns to QEMU's loop, which stores the program
            # counter there; chained blocks do not, and the monitor would report the last helper
            # call's address (rdtsc, a hypercall) for all the code run since. Slower: profile
            # with it, do not take timings from such a run.
            cmd += ["-monitor", f"unix:{self.monitor},server=on,wait=off", "-d", "nochain"]
        t0 = now()
        with open(os.path.join(self.workdir, "qemu.log"), "wb") as qlog:
            self.qemu = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=qlog, stderr=subprocess.STDOUT,
                                         pass_fds=[qemu_end.fileno()], preexec_fn=die_with_parent)
        qemu_end.close()
        self.sock = host_end
        threading.Thread(target=self._reader, daemon=True).start()
        threading.Thread(target=self._watch_qemu, daemon=True).start()
        deadline = t0 + self.boot_timeout
        while True:
            try:
                msg = self.ready.get(timeout=0.2)
            except queue.Empty:
                msg = None
            if msg is not None and msg.startswith("ready"):
                break
            if self.dead or (msg is not None and msg.startswith("dead")):
                self.stop()
                raise HarnessError(f"Xen/dom0 failed to boot: {self.dead}\n{self.serial_tail()}")
            fatal = self._serial_fatal()
            if fatal:
                self.stop()
                raise HarnessError(f"Xen/dom0 failed to boot: {fatal}\n{self.serial_tail()}")
            if now() > deadline:
                self.stop()
                raise HarnessError(f"Xen/dom0 did not come up within {self.boot_timeout} s\n{self.serial_tail()}")
        self.boot_seconds = now() - t0
        return self

    def _qemu_command(self, m, ctl_fd):
        dom0_args = "console=hvc0" + ("" if self.verbose_boot else " quiet")
        esc = lambda p: p.replace(",", ",,")  # noqa: E731  (QEMU option / multiboot list separator)
        if self.arch == "x86":
            # spec-ctrl=eager-fpu: on AMD CPUs Xen switches a vCPU's FPU state lazily (CR0.TS, #NM).
            # QEMU TCG's nested SVM does not honour that for a PVH guest, whose SSE instructions
            # then ran on dom0's registers: dom0 programs crashed or computed garbage now and then
            # (eng/xen/peer/vector-check.c shows it in seconds). Eager switching avoids the path.
            xen_args = (f"console=com1 com1=115200,8n1 dom0_mem={self.dom0_mem}M,max:{self.dom0_mem}M "
                        f"dom0_max_vcpus={self.smp} loglvl=all guest_loglvl=all noreboot bootscrub=0 "
                        "spec-ctrl=eager-fpu "
                        f"{self.xen_args}").strip()
            return ["qemu-system-x86_64", "-M", "q35", "-accel", "tcg,thread=multi", "-cpu", "max",
                    "-smp", str(self.smp), "-m", str(self.memory),
                    "-display", "none", "-nodefaults", "-no-user-config", "-no-reboot",
                    "-serial", "file:" + self.serial_log,
                    "-kernel", m["xen"], "-append", xen_args,
                    "-initrd", f"{esc(m['kernel'])} {dom0_args},{esc(m['initrd'])}",
                    "-fsdev", f"local,id=fs0,path={esc(self.share)},security_model=none",
                    "-device", "virtio-9p-pci,fsdev=fs0,mount_tag=mirage",
                    "-chardev", f"socket,id=ctl,fd={ctl_fd}",
                    "-device", "virtio-serial-pci",
                    "-device", "virtserialport,chardev=ctl,name=mirage.ctl"]
        # ARM: Xen is a zImage (QEMU boots it like a Linux kernel, at EL2 thanks to
        # virtualization=on); guest-loader puts dom0's kernel and initramfs into memory and adds the
        # /chosen/module@... nodes (compatible "multiboot,module") that Xen looks for. The console
        # is the virt board's PL011. The host channel is the same as on x86 over virtio-mmio.
        xen_args = (f"console=dtuart dtuart=/pl011@9000000 dom0_mem={self.dom0_mem}M,max:{self.dom0_mem}M "
                    f"dom0_max_vcpus={self.smp} loglvl=all guest_loglvl=all bootscrub=0 "
                    f"{self.xen_args}").strip()
        kernel_addr = ARM_DOM0_KERNEL_ADDR
        initrd_addr = (kernel_addr + os.path.getsize(m["kernel"]) + (2 << 20) - 1) & ~((2 << 20) - 1)
        return ["qemu-system-arm", "-M", "virt,virtualization=on,highmem=off", "-cpu", "cortex-a15",
                "-accel", "tcg,thread=multi", "-smp", str(self.smp), "-m", str(self.memory),
                "-display", "none", "-nodefaults", "-no-user-config", "-no-reboot",
                "-serial", "file:" + self.serial_log,
                "-kernel", m["xen"], "-append", xen_args,
                "-device", f"guest-loader,addr={kernel_addr:#x},kernel={esc(m['kernel'])},bootargs={esc(dom0_args)}",
                "-device", f"guest-loader,addr={initrd_addr:#x},initrd={esc(m['initrd'])}",
                "-fsdev", f"local,id=fs0,path={esc(self.share)},security_model=none",
                "-device", "virtio-9p-device,fsdev=fs0,mount_tag=mirage",
                "-chardev", f"socket,id=ctl,fd={ctl_fd}",
                "-device", "virtio-serial-device",
                "-device", "virtserialport,chardev=ctl,name=mirage.ctl"]

    def _serial_fatal(self):
        try:
            with open(self.serial_log, "rb") as f:
                text = f.read().decode(errors="replace")
        except OSError:
            return None
        return self._find_failure(text)

    @staticmethod
    def _find_failure(text):
        """A dom0 init failure, Xen panic or dom0 kernel panic in serial output, or None."""
        # Anchored at line starts: guest output that Xen logs is prefixed "(dN)" and must not match.
        m = re.search(r"^(?:mirage-dom0: FATAL: |(?:\[ *[\d.]+\] )?Kernel panic - not syncing|\(XEN\) FATAL TRAP).*",
                      text, re.M)
        if m:
            return m.group(0).strip()
        m = re.search(r"^\(XEN\) (?:\[[ \d.]+\] )?Panic on CPU \d+:\s*\n"
                      r"(?:\(XEN\)\s*(?:\[[ \d.]+\] )?)?(.*)", text, re.M)
        if m:
            return "Xen panic: " + m.group(1).strip()
        return None

    def _xen_panic(self, offset):
        try:
            with open(self.serial_log, "rb") as f:
                f.seek(offset)
                text = f.read().decode(errors="replace")
        except OSError:
            return None
        return self._find_failure(text)

    def serial_tail(self, n=40):
        out = []
        for path in (os.path.join(self.workdir, "qemu.log"), self.serial_log):
            try:
                with open(path, "rb") as f:
                    lines = f.read().decode(errors="replace").splitlines()
            except OSError:
                lines = []
            if lines or path == self.serial_log:
                out.append(f"--- last {min(n, len(lines))} lines of {path}:\n" + "\n".join(lines[-n:]))
        return "\n".join(out)

    def _watch_qemu(self):
        rc = self.qemu.wait()
        if self.dead is None:
            self.dead = f"QEMU exited with status {rc}"
        self._fail_all()

    def _fail_all(self):
        self.ready.put("dead")
        with self.lock:
            for q in self.waiters.values():
                q.put(None)

    def _reader(self):
        buf = b""
        while True:
            try:
                data = self.sock.recv(4096)
            except OSError:
                data = b""
            if not data:
                try:  # usually because QEMU exited: report that
                    self.qemu.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    pass
                if self.dead is None:
                    rc = self.qemu.poll()
                    self.dead = (f"QEMU exited with status {rc}" if rc is not None
                                 else "the dom0 control channel closed")
                self._fail_all()
                return
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                words = line.decode(errors="replace").strip().split()
                if not words:
                    continue
                if words[0] == "ready":
                    self.ready.put(" ".join(words))
                elif len(words) >= 2:
                    with self.lock:
                        q = self.waiters.get(words[1])
                    if q is not None:
                        q.put(words)

    def _send(self, line):
        if self.dead:
            raise HarnessError(f"Xen harness is down: {self.dead}\n{self.serial_tail()}")
        self.sock.sendall(line.encode() + b"\n")

    def _new_id(self):
        with self.lock:
            self.next_id += 1
            rid = str(self.next_id)
            self.waiters[rid] = queue.Queue()
            return rid

    def _wait(self, rid, kinds, timeout):
        try:
            msg = self.waiters[rid].get(timeout=timeout)
        except queue.Empty:
            return None
        if msg is None:
            raise HarnessError(f"Xen harness went down: {self.dead}\n{self.serial_tail()}")
        if msg[0] not in kinds:
            raise HarnessError(f"unexpected reply from dom0: {' '.join(msg)}")
        return msg

    def _done(self, rid):
        with self.lock:
            self.waiters.pop(rid, None)

    def ping(self, timeout=10):
        rid = self._new_id()
        try:
            t = now()
            self._send(f"ping {rid}")
            if self._wait(rid, ("pong",), timeout) is None:
                raise HarnessError("dom0 agent did not answer ping")
            return now() - t
        finally:
            self._done(rid)

    def stop(self):
        if self.qemu is not None and self.qemu.poll() is None:
            # Nothing in dom0 needs a clean shutdown (the shared directory is written through).
            self.dead = self.dead or "stopped"
            self.qemu.terminate()
            try:
                self.qemu.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.qemu.kill()
                self.qemu.wait()
        self.dead = self.dead or "stopped"
        if self.sock is not None:
            self.sock.close()

    # -- dom0 shell ---------------------------------------------------------------------------
    def sh(self, script, timeout=60):
        """Runs a busybox sh script in dom0 (for tests that set up networks, disks...)."""
        rid = self._new_id()
        job_dir = os.path.join(self.share, "jobs", rid)
        os.makedirs(job_dir)
        try:
            with open(os.path.join(job_dir, "script"), "w") as f:
                f.write(script)
            self._send(f"sh {rid}")
            msg = self._wait(rid, ("shdone",), timeout)
            if msg is None:
                raise HarnessError(f"dom0 script did not finish within {timeout} s")
            with open(os.path.join(job_dir, "out"), errors="replace") as f:
                return int(msg[2]), f.read()
        finally:
            self._done(rid)
            if not self.keep_jobs:
                shutil.rmtree(job_dir, ignore_errors=True)

    # -- guests -------------------------------------------------------------------------------
    def run(self, image, config, timeout=60.0, on_output=None, cancel=None, during=None):
        """Runs one image to its shutdown. on_output(text) gets console text as it arrives; when
        the threading.Event cancel gets set, the guest is destroyed ("cancelled"). during is a
        busybox sh script run in dom0 while the guest runs, started with `xl create` (its output
        goes to the result's dom0_during). Returns the result dict (see README.md)."""
        with open(config) as f:
            cfg_text = f.read()
        if not os.path.isfile(image):
            raise HarnessError(f"image {image} not found")
        kind = image_arch(image)
        if kind is not None and kind != self.arch:
            hint = f"start one with --arch {kind}" if kind in ARCHES else "only x86 and 32-bit ARM are supported"
            raise HarnessError(f"{image} is an {kind} image but this harness runs {self.arch} guests ({hint})")
        rid = self._new_id()
        job_dir = os.path.join(self.share, "jobs", rid)
        os.makedirs(job_dir)
        try:
            image_name = re.sub(r"[^A-Za-z0-9._-]", "_", os.path.basename(image)) or "image"
            shutil.copyfile(image, os.path.join(job_dir, image_name))
            text, name, write_back = rewrite_config(cfg_text, job_dir, f"{DOM0_SHARE}/jobs/{rid}", image_name,
                                                    f"mirage-{rid}", os.path.dirname(os.path.abspath(config)),
                                                    self.arch)
            if not re.fullmatch(r"[A-Za-z0-9._-]+", name):
                raise HarnessError(f"unsupported domain name {name!r} in {config}")
            with open(os.path.join(job_dir, "guest.cfg"), "w") as f:
                f.write(text)
            self.slots.acquire()
            try:
                self._claim_name(name)
                try:
                    res = self._run_job(rid, name, job_dir, timeout, on_output, cancel, during)
                    # Writable disk files: the guest wrote to a copy; give its changes back.
                    for copy, original in write_back:
                        shutil.copyfile(copy, original)
                    return res
                finally:
                    with self.lock:
                        self.names.discard(name)
            finally:
                self.slots.release()
        finally:
            self._done(rid)
            if not self.keep_jobs:
                shutil.rmtree(job_dir, ignore_errors=True)

    def _claim_name(self, name):
        while True:
            with self.lock:
                if name not in self.names:
                    self.names.add(name)
                    return
            time.sleep(0.05)

    def _start_during(self, script, name, timeout):
        """Runs script in dom0 beside the guest (with MIRAGE_GUEST set to the domain's name, so it
        can `xl shutdown "$MIRAGE_GUEST"`); returns a function that waits for it and gives
        {"exit_code", "output"} (exit code 124 when it did not finish in time)."""
        outcome = {}

        def body():
            try:
                rc, output = self.sh(f"MIRAGE_GUEST={name}\nexport MIRAGE_GUEST\n{script}", timeout)
                outcome.update(exit_code=rc, output=output)
            except HarnessError as e:
                outcome.update(exit_code=EXIT_TIMEOUT, output=str(e))

        thread = threading.Thread(target=body, daemon=True)
        thread.start()

        def finish():
            thread.join()
            return outcome
        return finish

    def _run_job(self, rid, name, job_dir, timeout, on_output, cancel, during=None):
        console_path = os.path.join(self.share, "console", f"guest-{name}.log")
        if os.path.exists(console_path):
            os.unlink(console_path)
        serial_start = os.path.getsize(self.serial_log) if os.path.exists(self.serial_log) else 0
        lines, partial, chunks = [], None, []
        console_fd = None
        first_output = None
        timed_out = False
        destroy_sent = None
        exit_msg = None

        def pump():
            nonlocal console_fd, first_output, partial, on_output
            if console_fd is None:
                try:
                    console_fd = os.open(console_path, os.O_RDONLY)
                except FileNotFoundError:
                    return
            data = os.read(console_fd, 1 << 20)
            while data:
                t = now() - t0
                wall = time.time()
                if first_output is None:
                    first_output = t
                text = data.decode(errors="replace")
                chunks.append(text)
                if on_output is not None:
                    try:
                        on_output(text)
                    except Exception:  # e.g. the client went away: keep the job going
                        on_output = None
                for piece in text.splitlines(keepends=True):
                    if partial is None:
                        partial = [t, wall, ""]
                    partial[2] += piece
                    if piece.endswith("\n"):
                        lines.append({"t": round(partial[0], 3), "wall": round(partial[1], 3),
                                      "text": partial[2].rstrip("\r\n")})
                        partial = None
                data = os.read(console_fd, 1 << 20)

        t0 = now()
        next_panic_check = t0 + 0.5
        started_wall = time.time()
        self._send(f"run {rid} {name}")
        finish_during = self._start_during(during, name, timeout or 60) if during else None
        try:
            while exit_msg is None:
                msg = self._wait(rid, ("started", "exit", "destroyed"), 0.02)
                if msg is not None and msg[0] == "exit":
                    exit_msg = msg
                pump()
                elapsed = now() - t0
                if destroy_sent is None and ((timeout and elapsed > timeout) or (cancel and cancel.is_set())):
                    timed_out = not (cancel and cancel.is_set())
                    destroy_sent = now()
                    self._send(f"destroy {rid} {name}")
                if destroy_sent is not None and now() - destroy_sent > 30:
                    raise HarnessError(f"domain {name} did not go away after xl destroy\n{self.serial_tail()}")
                if now() >= next_panic_check:
                    next_panic_check = now() + 0.5
                    panic = self._xen_panic(serial_start)
                    if panic:
                        self.dead = panic
                        raise HarnessError(f"{self.dead}\n{self.serial_tail(80)}")
            duration = now() - t0
            pump()
        except BaseException:
            # Leave no domain behind (it would block the next job with the same name).
            if not self.dead and exit_msg is None:
                try:
                    self._send(f"destroy {rid} {name}")
                    end = now() + 30
                    while now() < end:
                        msg = self._wait(rid, ("started", "exit", "destroyed"), 1)
                        if msg is not None and msg[0] == "exit":
                            break
                except HarnessError:
                    pass
            raise
        finally:
            if console_fd is not None:
                os.close(console_fd)
            if not self.keep_jobs and os.path.exists(console_path):
                os.unlink(console_path)
        if partial is not None:
            lines.append({"t": round(partial[0], 3), "wall": round(partial[1], 3), "text": partial[2].rstrip("\r\n")})

        try:
            with open(os.path.join(job_dir, "xl.log"), errors="replace") as f:
                xl_log = f.read()
        except OSError:
            xl_log = ""
        try:
            with open(self.serial_log, "rb") as f:
                f.seek(serial_start)
                hv_log = f.read().decode(errors="replace")
        except OSError:
            hv_log = ""
        m = re.search(r"has shut down, reason code (\d+)", xl_log)
        code = int(m.group(1)) if m else None
        m = re.search(r"\(domid (\d+)\)", xl_log)
        domid = int(m.group(1)) if m else None
        xl_rc = int(exit_msg[2])
        # Xen turns a triple fault of an HVM/PVH guest into a "reboot" shutdown; report it as the
        # crash it is (Xen logs "dNvM Triple fault" on the serial console).
        triple = domid is not None and re.search(r"\bd%dv\d+ Triple fault" % domid, hv_log) is not None
        # With 2 vCPUs, QEMU's nested-SVM emulation occasionally (~0.5 % of runs) hands the guest
        # Xen's own register state; the guest then faults on Xen's RIP (cs e008, ffff82d0...).
        # That is the emulator's fault, not the guest's.
        spurious = triple and re.search(r"\bd%dv\d+ Triple fault.*\n(?:.*\n){0,4}?\(XEN\) (?:\[[ \d.]+\] )?"
                                        r"RIP:\s+e008:\[<ffff82d0" % domid, hv_log) is not None
        if destroy_sent is not None and not timed_out:
            result, exit_code, message = "cancelled", EXIT_HARNESS, "cancelled (the client went away)"
        elif timed_out:
            result, exit_code = "timeout", EXIT_TIMEOUT
            message = f"guest did not shut down within {timeout} s; destroyed"
        elif code == 1 and spurious:
            result, exit_code = "emulator_fault", EXIT_HARNESS
            message = ("the guest's CPU state was corrupted by QEMU's nested-SVM emulation (the triple fault "
                       "is at a Xen address, not in the guest); not a guest bug: run it again (--smp 1 avoids it)")
        elif code == 1 and triple:
            result, exit_code, message = "crash", EXIT_CRASH, "guest triple-faulted (Xen reports it as reboot)"
        elif code is not None:
            result, exit_code = REASONS.get(code, (f"reason-{code}", EXIT_OTHER))
            message = None if exit_code == EXIT_POWEROFF else f"guest shut down with reason {result}"
        elif "has been destroyed" in xl_log:
            result, exit_code, message = "destroyed", EXIT_OTHER, "guest was destroyed from outside the harness"
        else:
            result, exit_code = "create_failed", EXIT_CREATE
            message = f"xl create failed (status {xl_rc}):\n{xl_log.strip()}"
        res = {
            "id": int(rid), "name": name, "domid": domid, "result": result, "exit_code": exit_code,
            "shutdown_reason_code": code, "triple_fault": triple, "message": message,
            "first_output_s": None if first_output is None else round(first_output, 3),
            "duration_s": round(duration, 3), "started_at": round(started_wall, 3),
            "console": "".join(chunks), "lines": lines,
            "xl_log": xl_log, "hypervisor_log": hv_log,
        }
        if finish_during is not None:
            res["dom0_during"] = finish_during()
        return res


# ---------------------------------------------------------------------------------------------
# Server: a line protocol over a unix socket. A client connects, sends one request (one JSON
# object on one line) and reads JSON lines until the one with "event": "result" (or "error").

def serve_connection(h, conn, stop_event):
    """One request per connection: read one JSON line, answer, close."""
    f = conn.makefile("rwb")

    def send(obj):
        f.write(json.dumps(obj).encode() + b"\n")
        f.flush()

    try:
        raw = f.readline()
        if not raw:
            return
        try:
            req = json.loads(raw)
            op = req.get("op")
            if op == "run":
                # The client keeps the connection open until the result; if it goes away
                # (EOF), the guest is destroyed instead of running on to its timeout.
                cancel = threading.Event()

                def watch():
                    try:
                        while conn.recv(4096):
                            pass
                    except OSError:
                        pass
                    cancel.set()

                threading.Thread(target=watch, daemon=True).start()
                cb = None
                if req.get("stream"):
                    t0 = now()
                    cb = lambda text: send({"event": "console", "t": round(now() - t0, 3), "data": text})  # noqa: E731
                res = h.run(req["image"], req["config"], float(req.get("timeout") or 60), cb, cancel, req.get("during"))
                send(dict(res, event="result"))
            elif op == "ping":
                send({"event": "result", "exit_code": 0, "ping_s": round(h.ping(), 4),
                      "boot_s": round(h.boot_seconds, 2), "arch": h.arch})
            elif op == "sh":
                rc, out = h.sh(req["script"], float(req.get("timeout") or 60))
                send({"event": "result", "exit_code": rc, "output": out})
            elif op == "shutdown":
                send({"event": "result", "exit_code": 0})
                stop_event.set()
            else:
                send({"event": "error", "exit_code": EXIT_HARNESS, "message": f"unknown op {op!r}"})
        except HarnessError as e:
            send({"event": "error", "exit_code": EXIT_HARNESS, "message": str(e)})
        except (KeyError, ValueError, TypeError, OSError) as e:
            send({"event": "error", "exit_code": EXIT_HARNESS, "message": f"bad request: {e!r}"})
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        try:
            f.close()
            conn.close()
        except OSError:
            pass


def set_bridge_address(h, cidr):
    """Gives xenbr0 (created by dom0's init) an address: dom0's stack then answers the guests' vifs."""
    if not cidr:
        return
    if not re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}/\d{1,2}", cidr):
        raise HarnessError(f"--bridge-address {cidr!r} is not an IPv4 address with a prefix length (a.b.c.d/n)")
    rc, output = h.sh(f"ip addr add {cidr} dev xenbr0 && ip link set xenbr0 up\n", timeout=30)
    if rc != 0:
        raise HarnessError(f"cannot give xenbr0 the address {cidr}: {output.strip()}")


def cmd_serve(args):
    h = Harness(args.dir, smp=args.smp, memory=args.memory, dom0_mem=args.dom0_mem,
                parallel=args.parallel, keep_jobs=args.keep_jobs, verbose_boot=args.verbose_boot,
                monitor=args.monitor,
                xen_args=args.xen_args, arch=args.arch or "x86")
    sock_path = os.path.abspath(args.socket or os.path.join(args.dir, "harness.sock"))
    os.makedirs(args.dir, exist_ok=True)
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        srv.bind(sock_path)
    except OSError as e:
        print(f"xen-harness: cannot listen on {sock_path}: {e} (use --socket with a shorter path)", file=sys.stderr)
        return EXIT_HARNESS
    stop_event = threading.Event()
    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, lambda *_: stop_event.set())
    try:
        h.start()
        set_bridge_address(h, args.bridge_address)
    except HarnessError as e:
        print(f"xen-harness: {e}", file=sys.stderr)
        srv.close()
        os.unlink(sock_path)
        return EXIT_HARNESS
    srv.listen(64)
    srv.settimeout(0.2)
    print(json.dumps({"event": "ready", "socket": sock_path, "boot_s": round(h.boot_seconds, 2),
                      "pid": os.getpid(), "arch": h.arch}), flush=True)
    try:
        activity = {"active": 0, "last": now()}
        activity_lock = threading.Lock()

        def handle(conn):
            with activity_lock:
                activity["active"] += 1
            try:
                serve_connection(h, conn, stop_event)
            finally:
                with activity_lock:
                    activity["active"] -= 1
                    activity["last"] = now()

        while not stop_event.is_set() and not h.dead:
            if args.parent_pid and not pid_alive(args.parent_pid):
                print(f"xen-harness: parent process {args.parent_pid} is gone; stopping", file=sys.stderr)
                break
            with activity_lock:
                idle = activity["active"] == 0 and now() - activity["last"] > args.idle_timeout > 0
            if idle:
                print(f"xen-harness: idle for {args.idle_timeout} s; stopping", file=sys.stderr)
                break
            try:
                conn, _ = srv.accept()
            except socket.timeout:
                continue
            conn.settimeout(None)
            threading.Thread(target=handle, args=(conn,), daemon=True).start()
    finally:
        srv.close()
        if os.path.exists(sock_path):
            os.unlink(sock_path)
        dead = h.dead
        h.stop()
    if dead:
        print(f"xen-harness: {dead}\n{h.serial_tail()}", file=sys.stderr)
        return EXIT_HARNESS
    return 0


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def cmd_start(args):
    os.makedirs(args.dir, exist_ok=True)
    log_path = os.path.join(args.dir, "serve.log")
    cmd = [sys.executable, os.path.abspath(__file__), "serve", "--dir", args.dir,
           "--smp", str(args.smp), "--memory", str(args.memory), "--dom0-mem", str(args.dom0_mem),
           "--parallel", str(args.parallel), "--arch", args.arch or "x86"]
    if args.socket:
        cmd += ["--socket", args.socket]
    if args.keep_jobs:
        cmd.append("--keep-jobs")
    if args.verbose_boot:
        cmd.append("--verbose-boot")
    if args.monitor:
        cmd.append("--monitor")
    if args.xen_args:
        cmd += ["--xen-args", args.xen_args]
    if args.bridge_address:
        cmd += ["--bridge-address", args.bridge_address]
    if args.idle_timeout:
        cmd += ["--idle-timeout", str(args.idle_timeout)]
    if args.parent_pid:
        cmd += ["--parent-pid", str(args.parent_pid)]
    with open(log_path, "wb") as log:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
    with open(os.path.join(args.dir, "serve.pid"), "w") as f:
        f.write(f"{p.pid}\n")
    while True:
        with open(log_path, errors="replace") as f:
            text = f.read()
        for line in text.splitlines():
            if line.startswith('{"event": "ready"'):
                print(line)
                return 0
        if p.poll() is not None:
            sys.stderr.write(text)
            return p.returncode or EXIT_HARNESS
        time.sleep(0.1)


def cmd_stop(args):
    sock_path = args.socket or os.path.join(args.dir, "harness.sock")
    pid_path = os.path.join(args.dir, "serve.pid")
    try:
        request(sock_path, {"op": "shutdown"})
    except OSError:
        pass
    try:
        pid = int(open(pid_path).read())
    except (OSError, ValueError):
        return 0
    for _ in range(300):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGTERM)
    os.unlink(pid_path)
    return 0


def request(sock_path, req, on_event=None):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sock_path)
    f = s.makefile("rwb")
    f.write(json.dumps(req).encode() + b"\n")
    f.flush()
    for raw in f:
        ev = json.loads(raw)
        if ev.get("event") in ("result", "error"):
            s.close()
            return ev
        if on_event is not None:
            on_event(ev)
    s.close()
    raise OSError("the harness closed the connection")


def cmd_client(args):
    try:
        if args.op == "run":
            req = {"op": "run", "image": os.path.abspath(args.image), "config": os.path.abspath(args.config),
                   "timeout": args.timeout, "stream": args.stream}
            if args.dom0_during:
                with open(args.dom0_during) as f:
                    req["during"] = f.read()
            ev = request(args.socket, req, lambda e: (sys.stderr.write(e["data"]), sys.stderr.flush()))
        elif args.op == "sh":
            script = open(args.script).read() if args.script != "-" else sys.stdin.read()
            ev = request(args.socket, {"op": "sh", "script": script, "timeout": args.timeout})
        else:
            ev = request(args.socket, {"op": args.op})
    except OSError as e:
        print(f"xen-harness: cannot talk to {args.socket}: {e} (is `harness.py serve` running?)", file=sys.stderr)
        return EXIT_HARNESS
    print(json.dumps(ev, indent=None if args.compact else 2))
    if ev.get("message"):
        print(f"xen-harness: {ev['message']}", file=sys.stderr)
    return int(ev.get("exit_code", EXIT_HARNESS))


def cmd_run(args):
    for path in (args.image, args.config):
        if not os.path.isfile(path):
            print(f"xen-harness: {path} not found", file=sys.stderr)
            return EXIT_HARNESS
    arch = args.arch or image_arch(args.image) or "x86"
    if arch not in ARCHES:
        print(f"xen-harness: {args.image} is an {arch} image; only x86 and 32-bit ARM are supported", file=sys.stderr)
        return EXIT_HARNESS
    workdir = args.workdir or tempfile.mkdtemp(prefix="mirage-xen-")
    h = Harness(workdir, smp=args.smp, memory=args.memory, dom0_mem=args.dom0_mem,
                keep_jobs=args.keep_jobs, verbose_boot=args.verbose_boot, xen_args=args.xen_args, arch=arch,
                monitor=args.monitor)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(EXIT_HARNESS))
    try:
        h.start()
        print(f"xen-harness: Xen + dom0 ({arch}) up in {h.boot_seconds:.1f} s", file=sys.stderr, flush=True)
        set_bridge_address(h, args.bridge_address)

        def out(text):
            sys.stdout.write(text)
            sys.stdout.flush()

        if args.dom0_before:
            with open(args.dom0_before) as f:
                rc, output = h.sh(f.read(), timeout=120)
            if rc != 0:
                print(f"xen-harness: dom0 script before the guest exited {rc}:\n{output.rstrip()}", file=sys.stderr)
                return EXIT_HARNESS
        during = None
        if args.dom0_during:
            with open(args.dom0_during) as f:
                during = f.read()
        res = h.run(args.image, args.config, args.timeout, out, during=during)
        if "dom0_during" in res:
            print(f"xen-harness: dom0 script during the guest exited {res['dom0_during']['exit_code']}:\n"
                  f"{res['dom0_during']['output'].rstrip()}", file=sys.stderr)
        if res["console"] and not res["console"].endswith("\n"):
            out("\n")
        if args.dom0_after:
            with open(args.dom0_after) as f:
                rc, output = h.sh(f.read(), timeout=120)
            res["dom0_after"] = {"exit_code": rc, "output": output}
            print(f"xen-harness: dom0 script after the guest exited {rc}:\n{output.rstrip()}", file=sys.stderr)
        if args.json:
            with open(args.json, "w") as f:
                json.dump(dict(res, boot_s=round(h.boot_seconds, 3), arch=arch), f, indent=2)
        msg = f"xen-harness: {res['result']} (exit {res['exit_code']}); first output after " \
              f"{res['first_output_s']} s, done after {res['duration_s']} s"
        print(msg, file=sys.stderr)
        if res["message"] and res["exit_code"] != 0:
            print(f"xen-harness: {res['message']}", file=sys.stderr)
            if res["result"] in ("crash", "timeout") and res["hypervisor_log"].strip():
                print("--- Xen/dom0 serial output during the run:\n" + res["hypervisor_log"].rstrip(), file=sys.stderr)
        return res["exit_code"]
    except HarnessError as e:
        print(f"xen-harness: {e}", file=sys.stderr)
        return EXIT_HARNESS
    except KeyboardInterrupt:
        return EXIT_HARNESS
    finally:
        h.stop()
        if not args.workdir and not args.keep_jobs:
            shutil.rmtree(workdir, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)

    def vm_opts(p):
        p.add_argument("--smp", type=int, default=1,
                       help="vCPUs of the emulated machine (default 1; 2 is ~20%% faster but see README)")
        p.add_argument("--memory", type=int, default=2048, help="MiB of the emulated machine (default 2048)")
        p.add_argument("--dom0-mem", type=int, default=512, help="MiB for dom0 (default 512)")
        p.add_argument("--keep-jobs", action="store_true", help="keep each job's files in WORKDIR/share/jobs")
        p.add_argument("--verbose-boot", action="store_true", help="dom0 kernel messages in serial.log")
        p.add_argument("--xen-args", default="", help="extra Xen command line options")
        p.add_argument("--monitor", action="store_true",
                       help="QEMU's human monitor on WORKDIR/monitor.sock (for eng/bench/xen-profile.py)")
        p.add_argument("--bridge-address", default="", metavar="CIDR",
                       help="give dom0's guest bridge xenbr0 this address (e.g. 192.168.77.1/24), so guests' "
                            "vifs reach dom0's own network stack")
        p.add_argument("--arch", choices=ARCHES, default=None,
                       help="guest architecture: x86 (x86_64 PVH guests, qemu-system-x86_64) or arm "
                            "(32-bit ARM zImage guests, qemu-system-arm); run: detected from the image, "
                            "serve/start: x86")

    p = sub.add_parser("run", help="boot, run one image, stop")
    p.add_argument("image")
    p.add_argument("config")
    p.add_argument("--timeout", type=float, default=60)
    p.add_argument("--json", help="write the result (see README) to this file")
    p.add_argument("--workdir", help="keep QEMU's files (serial.log, share/) here")
    p.add_argument("--dom0-before", metavar="SCRIPT",
                   help="busybox sh script run in dom0 before the guest is created (a non-zero exit stops the run "
                        "with exit 125); for tests that prepare dom0 devices the guest's config names")
    p.add_argument("--dom0-during", metavar="SCRIPT",
                   help="busybox sh script run in dom0 while the guest runs, started with xl create (MIRAGE_GUEST "
                        "names the domain; the script may end it with xl shutdown); output to stderr and the "
                        "result's dom0_during")
    p.add_argument("--dom0-after", metavar="SCRIPT",
                   help="busybox sh script run in dom0 once the guest is gone (its output goes to stderr and "
                        "the result's dom0_after); for tests that check what dom0 saw")
    vm_opts(p)
    p.set_defaults(fn=cmd_run)

    for name, fn in (("serve", cmd_serve), ("start", cmd_start)):
        p = sub.add_parser(name, help="boot and serve requests" + (" in the background" if name == "start" else ""))
        p.add_argument("--dir", required=True, help="work directory (serial.log, share/, harness.sock)")
        p.add_argument("--socket", help="unix socket path (default DIR/harness.sock)")
        p.add_argument("--parallel", type=int, default=1, help="guests run at the same time (default 1)")
        p.add_argument("--idle-timeout", type=float, default=0,
                       help="stop after this many seconds without a request (default: never)")
        p.add_argument("--parent-pid", type=int, default=0, help="stop when this process is gone")
        vm_opts(p)
        p.set_defaults(fn=fn)

    p = sub.add_parser("stop", help="stop a server started with start")
    p.add_argument("--dir", required=True)
    p.add_argument("--socket")
    p.set_defaults(fn=cmd_stop)

    p = sub.add_parser("client", help="send one request to a server")
    p.add_argument("--socket", required=True)
    p.add_argument("--compact", action="store_true", help="one-line JSON")
    csub = p.add_subparsers(dest="op", required=True)
    c = csub.add_parser("run")
    c.add_argument("image")
    c.add_argument("config")
    c.add_argument("--timeout", type=float, default=60)
    c.add_argument("--stream", action="store_true", help="copy the console to stderr as it arrives")
    c.add_argument("--dom0-during", metavar="SCRIPT", help="as for run: a dom0 script run while the guest runs")
    c = csub.add_parser("sh")
    c.add_argument("script", help="file with a busybox sh script for dom0, or - for stdin")
    c.add_argument("--timeout", type=float, default=60)
    csub.add_parser("ping")
    csub.add_parser("shutdown")
    p.set_defaults(fn=cmd_client)

    args = ap.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
