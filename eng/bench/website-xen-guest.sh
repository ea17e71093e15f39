# One measurement of a web server guest, run in the Xen harness's dom0 (busybox sh) by
# eng/bench/website-xen.sh, which prepends the settings:
#   NAME (domain name), DIR (the guest's files in the 9p share: guest.cfg, its kernel/ramdisk,
#   expected = the file URL must return), IP, MAC (of the guest's vif), URL, THREADS,
#   CONNECTIONS, DURATION (wrk), BOOT_LIMIT (seconds to wait for the first response).
# Steps: copy the guest's files to dom0's tmpfs (so the 9p transport is not timed), give the
# guest's address a permanent neighbour entry (a poll before the guest is up would otherwise wait
# for ARP to give up, ~3 s, instead of giving up in 0.2 s), `xl create`, poll with busybox wget
# until the first response equal (byte for byte) to the site's file, run wrk (with the CPU time
# Xen charged the guest and dom0 during it), then `xl shutdown -w`.
# Each poll gives wget 0.2 s (checked every 10 ms) before killing it and sending a new SYN: a SYN
# sent before the guest listens is lost, and the kernel would only resend it after 1 s. (busybox
# `timeout` cannot do this: its watcher wakes once a second.) So the time is at most ~0.2 s late.
# Times come from dom0's /proc/uptime (10 ms resolution); lines starting with "bench:" are read
# by the host side.
set -u
# now: dom0's uptime in centiseconds (/proc/uptime has two decimals), read without a fork so the
# polling takes little CPU from the guest booting on the same emulated CPU.
now() { read -r u _ < /proc/uptime; NOW=${u%.*}${u#*.}; }
seconds() { echo "$(($1 / 100)).$(printf %02d $(($1 % 100)))"; }
work=/tmp/bench-$NAME
rm -rf "$work" && mkdir -p "$work" && cp "$DIR"/* "$work"/ || { echo "bench: error: cannot copy $DIR"; exit 2; }
arp -i xenbr0 -s "$IP" "$MAC" || { echo "bench: error: no neighbour entry"; exit 2; }

# running PID: the process exists and is not a zombie (kill -0 succeeds on a zombie, and the shell
# reaps a background job only when asked to).
running() { { read -r _ _ state _ < "/proc/$1/stat"; } 2>/dev/null && [ "$state" != Z ]; }
poll() {  # 0 when $URL returned the expected file within 0.2 s
  rm -f "$work/first"
  wget -q -O "$work/first" "$URL" 2>/dev/null &
  pid=$!
  now; start=$NOW
  while running $pid; do
    now
    if [ $((NOW - start)) -ge 20 ]; then kill $pid 2>/dev/null; wait $pid 2>/dev/null; return 1; fi
    sleep 0.01
  done
  wait $pid 2>/dev/null
  cmp -s "$work/first" "$work/expected"
}

now; t0=$NOW
(cd "$work" && xl create guest.cfg) >"$work/xl.log" 2>&1 || { echo "bench: error: xl create failed"; cat "$work/xl.log"; exit 3; }
now; t1=$NOW
tries=0
ok=
while [ $((NOW - t0)) -lt $((BOOT_LIMIT * 100)) ]; do
  tries=$((tries + 1))
  if poll; then ok=1; break; fi
  sleep 0.02
  now
done
now; t2=$NOW
echo "bench: create_s $(seconds $((t1 - t0))) first_response_s $(seconds $((t2 - t0))) polls $tries"
if [ -z "$ok" ]; then
  echo "bench: error: no response from $URL equal to the site's file within $BOOT_LIMIT s (last: $({ wc -c < "$work/first"; } 2>/dev/null || echo no) bytes)"
  xl destroy "$NAME" 2>/dev/null
  exit 4
fi

# CPU seconds Xen has charged a domain (xl list's Time column): where the emulated CPU went
# during the wrk run, the guest's share against dom0's (wrk, netback, the bridge).
cpu() { xl list "$1" 2>/dev/null | awk 'NR == 2 { print $6 }'; }
guest_cpu0=$(cpu "$NAME") dom0_cpu0=$(cpu Domain-0)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$URL" 2>&1
echo "bench: wrk exit $?"
echo "bench: cpu_s guest $guest_cpu0 $(cpu "$NAME") dom0 $dom0_cpu0 $(cpu Domain-0)"

now; t3=$NOW
if timeout 60 xl shutdown -w "$NAME" >/dev/null 2>&1; then
  now
  echo "bench: shutdown clean $(seconds $((NOW - t3)))"
else
  echo "bench: shutdown failed (destroyed)"
  xl destroy "$NAME" 2>/dev/null
fi
rm -rf "$work"
