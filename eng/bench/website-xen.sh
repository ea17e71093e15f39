#!/usr/bin/env bash
# The website on Xen beside Linux: samples/website built for xen (a PVH unikernel) and a Linux
# domU (Debian's kernel, busybox, nginx with one worker: eng/xen/linux-domu.py) serving the same
# samples/website/htdocs, both booted in turn in the same real-Xen harness (Xen 4.17 + Linux
# dom0 under QEMU TCG) with the same static address on dom0's bridge. For each boot:
#   - xl create -> first complete HTTP response (dom0's mirage-http-first: a connection attempt
#     every 20 ms, the answer checked byte for byte against htdocs/index.html);
#   - wrk from dom0 against /index.html: requests/s, p99 latency, and the CPU time Xen charged the
#     guest and dom0 per request during the run;
#   - xl shutdown (a clean poweroff is reported).
# Under TCG only the ratios mean something: dom0 (wrk) and the guest share the emulated CPU.
#   eng/bench/website-xen.sh [--runs N] [--duration S] [--connections C] [--threads T]
#                            [--only linux|mirage] [--mirage-image IMG --mirage-config XL]
#                            [--mirage-args "net.ipv4=192.168.77.2/24 http.port=8080"]
#                            [--boot-limit S] [--smp N] [--keep DIR] [--profile]
# --profile: while the Mirage guest is measured, eng/bench/xen-profile.py samples the emulated
# CPU through QEMU's monitor; the guest functions it caught most often are printed after the
# tables (per run: profile-run-N.txt in the work directory).
# Without --mirage-image the website is built (eng/pack.sh, then dotnet build -c Release
# -p:MirageTarget=xen); if it does not build, its row says so and Linux is still measured.
# Prints Markdown tables for docs/benchmarks.md; exits 1 when a boot or measurement failed
# (the log of each run is in the work directory: --keep).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=3 duration=20 connections=10 threads=1 only= mirage_image= mirage_config= mirage_args= smp=1 keep=
profile=
boot_limit=120
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --mirage-image) mirage_image=$(realpath "$2"); shift 2 ;;
    --mirage-config) mirage_config=$(realpath "$2"); shift 2 ;;
    --mirage-args) mirage_args=$2; shift 2 ;;
    --boot-limit) boot_limit=$2; shift 2 ;;
    --smp) smp=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --profile) profile=1; shift ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
done
case "$only" in ''|linux|mirage) ;; *) echo "website-xen: --only linux or mirage" >&2; exit 2 ;; esac

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
harness="$root/eng/xen/harness.py"
site="$root/samples/website/htdocs"
# One address and MAC for every guest (they run one at a time): dom0 is 192.168.77.1 on xenbr0.
ip=192.168.77.2 mac=00:16:3e:4d:49:02 port=8080
work=${keep:-$(mktemp -d /tmp/mirage-bench-website-xen.XXXXXX)}
mkdir -p "$work"
cleanup() { python3 "$harness" stop --dir "$work/harness" >/dev/null 2>&1 || true; [ -n "$keep" ] || rm -rf "$work"; }
trap cleanup EXIT
log() { echo "website-xen: $*" >&2; }

bash "$root/eng/xen/setup.sh" --arch x86 >&2

# guest_files NAME KERNEL RAMDISK|- BASE_CONFIG EXTRA: the guest's directory (copied into the
# harness's share, which the harness creates afresh when it starts).
# The config keeps what the base says (type, memory, vcpus...) but gets its name, dom0 paths,
# a vif with the fixed MAC on xenbr0 and the boot arguments appended to extra=.
guest_files() {
  local name=$1 kernel=$2 ramdisk=$3 base=$4 extra=$5 dir="$work/guests/$1"
  mkdir -p "$dir"
  cp "$kernel" "$dir/kernel"
  [ "$ramdisk" = - ] || cp "$ramdisk" "$dir/ramdisk"
  cp "$site/index.html" "$dir/expected"
  python3 - "$base" "$dir/guest.cfg" "$name" "$extra" "$mac" "$([ "$ramdisk" = - ] || echo ramdisk)" <<'PY'
import re, sys
base, out, name, extra, mac, ramdisk = sys.argv[1:]
text = open(base).read()
old_extra = re.search(r'^\s*(?:extra|cmdline)\s*=\s*"([^"]*)"', text, re.M)
vif = re.search(r"^\s*vif\s*=\s*\[\s*['\"]([^'\"]*)['\"]", text, re.M)
keep = [l for l in text.splitlines()
        if not re.match(r"\s*(name|kernel|ramdisk|extra|cmdline|vif|on_\w+)\s*=", l)]
spec = [p for p in (vif.group(1).split(",") if vif else []) if p.strip() and not p.strip().startswith(("mac=", "bridge="))]
work = f"/tmp/bench-{name}"
keep += [f'name = "{name}"', f'kernel = "{work}/kernel"',
         f"vif = [ '{','.join(spec + ['bridge=xenbr0', 'mac=' + mac])}' ]",
         'extra = "%s"' % " ".join(filter(None, [old_extra.group(1) if old_extra else "", extra]))]
if ramdisk:
    keep.append(f'ramdisk = "{work}/ramdisk"')
open(out, "w").write("\n".join(keep) + "\n")
PY
}

# measure NAME -> the dom0 script's output (bench: lines and wrk's report)
measure() {
  local name=$1 script="$work/measure-$1.sh"
  { echo "NAME=$name DIR=/mnt/host/bench/$name IP=$ip MAC=$mac PORT=$port URL=http://$ip:$port/index.html"
    echo "THREADS=$threads CONNECTIONS=$connections DURATION=$duration BOOT_LIMIT=$boot_limit"
    cat "$root/eng/bench/website-xen-guest.sh"; } > "$script"
  python3 "$harness" client --socket "$work/harness/harness.sock" --compact sh "$script" \
    --timeout $((duration + 300)) | python3 -c "import json,sys; r=json.load(sys.stdin); print(r.get('output') or r.get('message', '')); print('bench: script exit', r['exit_code'])" || true
}

guests=()
if [ "$only" != mirage ]; then
  log "building the Linux domU (eng/xen/linux-domu.py)"
  python3 "$root/eng/xen/linux-domu.py" --site "$site" --initrd "$work/linux-initrd.cpio" > "$work/linux.json"
  kernel=$(python3 -c "import json; print(json.load(open('$work/linux.json'))['kernel'])")
  # PV: Debian's 6.1 kernel started as a PVH domU in this harness powers off before printing
  # anything (its vCPU halts with interrupts off), so the baseline is a PV guest.
  printf 'type = "pv"\nmemory = 256\nvcpus = 1\nextra = "console=hvc0 quiet"\n' > "$work/linux-base.xl"
  guest_files linux "$kernel" "$work/linux-initrd.cpio" "$work/linux-base.xl" "domu.ipv4=$ip/24"
  guests+=(linux)
fi
mirage_note=
if [ "$only" != linux ]; then
  if [ -z "$mirage_image" ]; then
    log "building samples/website for xen (eng/pack.sh, dotnet build -c Release -p:MirageTarget=xen)"
    if bash "$root/eng/pack.sh" >"$work/pack.log" 2>&1 \
       && dotnet build "$root/samples/website" -c Release -p:MirageTarget=xen -nologo -v:q >"$work/mirage-build.log" 2>&1; then
      mirage_image=$root/samples/website/bin/xen/Release/net10.0/website.xen
      mirage_config=$root/samples/website/bin/xen/Release/net10.0/website.xl
    else
      mirage_note="does not build for xen: $(grep -m1 -oE 'error [A-Z]+[0-9]+: [^[]*' "$work/mirage-build.log" "$work/pack.log" 2>/dev/null | head -1 | cut -d: -f2- || true)"
      log "samples/website $mirage_note"
    fi
  fi
  if [ -n "$mirage_image" ]; then
    [ -n "$mirage_config" ] || { echo "website-xen: --mirage-image needs --mirage-config" >&2; exit 2; }
    # The website's devices: net (stackv4, static address instead of DHCP) and http (its port).
    guest_files mirage "$mirage_image" - "$mirage_config" "${mirage_args:-net.ipv4=$ip/24 http.port=$port}"
    guests+=(mirage)
  fi
fi
[ ${#guests[@]} -gt 0 ] || { echo "website-xen: nothing to measure" >&2; exit 1; }

log "starting the harness (x86, --smp $smp)"
python3 "$harness" start --dir "$work/harness" --parent-pid $$ --smp "$smp" --bridge-address 192.168.77.1/24 \
  ${profile:+--monitor} >/dev/null
cp -r "$work/guests" "$work/harness/share/bench"

report_failure() {  # NAME RUN
  log "run $2 of $1 failed:"; tail -20 "$work/run-$2-$1.log" >&2
  log "its console (last lines):"; tail -20 "$work/harness/share/console/guest-$1.log" >&2 2>/dev/null || true
}
results="$work/results.txt"
: > "$results"
failed=0
for i in $(seq "$runs"); do
  for g in "${guests[@]}"; do
    log "run $i: $g"
    profiler=
    if [ -n "$profile" ] && [ "$g" = mirage ]; then
      rm -f "$work/measured"
      python3 "$root/eng/bench/xen-profile.py" --monitor "$work/harness/monitor.sock" --image "$mirage_image" \
        --seconds $((duration + 300)) --until-file "$work/measured" > "$work/profile-run-$i.txt" 2>&1 &
      profiler=$!
    fi
    measure "$g" > "$work/run-$i-$g.log"
    if [ -n "$profiler" ]; then touch "$work/measured"; wait "$profiler" || log "the profiler failed: $(tail -1 "$work/profile-run-$i.txt")"; fi
    python3 - "$g" "$i" "$results" "$work/run-$i-$g.log" <<'PY' || { failed=1; report_failure "$g" "$i"; }
import re, sys
g, i, results, log = sys.argv[1:]
out = open(log).read()
def get(pattern):
    m = re.search(pattern, out, re.M)
    return m.group(1) if m else None
boot = get(r"^bench: create_s \S+ first_response_s (\S+)")
rps = get(r"^Requests/sec:\s*(\S+)")
p99 = get(r"^\s*99%\s+(\S+)")
errors = get(r"^\s*(Socket errors:.*|Non-2xx or 3xx responses:.*)$")
clean = "yes" if re.search(r"^bench: shutdown clean", out, re.M) else "no"
requests = get(r"^\s*(\d+) requests in ")
cpu = re.search(r"^bench: cpu_s guest (\S+) (\S+) dom0 (\S+) (\S+)", out, re.M)
if not (boot and rps and p99):
    sys.exit(1)
# CPU microseconds per request that Xen charged the guest and dom0 during the wrk run.
per_request = ["", ""]
if cpu and requests and int(requests) > 0:
    g0, g1, d0, d1 = (float(x) for x in cpu.groups())
    per_request = [f"{(g1 - g0) * 1e6 / int(requests):.0f}", f"{(d1 - d0) * 1e6 / int(requests):.0f}"]
with open(results, "a") as f:
    f.write(f"{g}\t{i}\t{boot}\t{rps}\t{p99}\t{clean}\t{errors or ''}\t{per_request[0]}\t{per_request[1]}\n")
PY
  done
done

python3 - "$results" "$runs" "$duration" "$connections" "$threads" "$mirage_note" <<'PY'
import statistics, sys
results, runs, duration, conns, threads, mirage_note = sys.argv[1:]
label = {"linux": "Linux domU (Debian 6.1 PV, nginx, 1 worker)", "mirage": "Mirage.NET website (xen, PVH)"}
rows = [l.rstrip("\n").split("\t") for l in open(results) if l.strip()]
def ms(v):
    for unit, f in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if v.endswith(unit):
            return float(v[:-len(unit)]) * f
    return float(v)
print(f"wrk -t{threads} -c{conns} -d{duration}s --latency from dom0; {runs} boot(s) per guest, alternating.\n")
print("| guest | run | xl create → first response (s) | requests/s | p99 latency | CPU µs/request guest + dom0 | clean xl shutdown | wrk errors |")
print("|---|---|---|---|---|---|---|---|")
for g, i, boot, rps, p99, clean, err, guest_us, dom0_us in rows:
    cpu = f"{guest_us} + {dom0_us}" if guest_us else "not read"
    print(f"| {label[g]} | {i} | {float(boot):.2f} | {float(rps):.1f} | {p99} | {cpu} | {clean} | {err or 'none'} |")
med = {}
for g in label:
    mine = [r for r in rows if r[0] == g]
    if mine:
        med[g] = (statistics.median(float(r[2]) for r in mine), statistics.median(float(r[3]) for r in mine),
                  statistics.median(ms(r[4]) for r in mine))
print("\n| guest | median boot → first response (s) | median requests/s | median p99 (ms) |")
print("|---|---|---|---|")
for g, (b, r, p) in med.items():
    print(f"| {label[g]} | {b:.2f} | {r:.1f} | {p:.2f} |")
if mirage_note and "mirage" not in med:
    print(f"| {label['mirage']} | not measured: {mirage_note} | | |")
if "linux" in med and "mirage" in med:
    (lb, lr, lp), (mb, mr, mp) = med["linux"], med["mirage"]
    print(f"\nRatios Mirage.NET / Linux: requests/s {mr / lr:.2f}× (goal ≥ 1×), p99 {mp / lp:.2f}×, "
          f"boot to first response {lb / mb:.1f}× faster (goal ≥ 10×).")
PY
if [ -n "$profile" ]; then
  for f in "$work"/profile-run-*.txt; do
    [ -e "$f" ] && { echo; echo "Profile of the Mirage guest, $(basename "$f" .txt):"; echo; head -45 "$f"; }
  done
fi
exit $failed
