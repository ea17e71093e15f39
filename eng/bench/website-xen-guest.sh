# One measurement of a web server guest, run in the Xen harness's dom0 (busybox sh) by
# eng/bench/website-xen.sh, which prepends the settings:
#   NAME (domain name), DIR (the guest's files in the 9p share: guest.cfg, its kernel/ramdisk,
#   expected = the file URL must return), IP, MAC (of the guest's vif), PORT, URL, THREADS,
#   CONNECTIONS, DURATION (wrk), BOOT_LIMIT (seconds to wait for the first response).
# Steps: copy the guest's files to dom0's tmpfs (so the 9p transport is not timed), give the
# guest's address a permanent neighbour entry (a connection attempt before the guest is up would
# otherwise wait for ARP to give up), `xl create` with mirage-http-first timing the first response
# equal (byte for byte) to the site's file (at most ~20 ms late), run wrk (with the CPU time Xen
# charged the guest and dom0 during it), then `xl shutdown -w`.
# Other times come from dom0's /proc/uptime (10 ms resolution); lines starting with "bench:" are
# read by the host side.
set -u
# now: dom0's uptime in centiseconds (/proc/uptime has two decimals), read without a fork so the
# polling takes little CPU from the guest booting on the same emulated CPU.
now() { read -r u _ < /proc/uptime; NOW=${u%.*}${u#*.}; }
seconds() { echo "$(($1 / 100)).$(printf %02d $(($1 % 100)))"; }
work=/tmp/bench-$NAME
rm -rf "$work" && mkdir -p "$work" && cp "$DIR"/* "$work"/ || { echo "bench: error: cannot copy $DIR"; exit 2; }
arp -i xenbr0 -s "$IP" "$MAC" || { echo "bench: error: no neighbour entry"; exit 2; }

# mirage-http-first (eng/xen/peer/http-first.c, in dom0) is started right before xl create: it
# opens a connection attempt every 20 ms (so a SYN lost while the guest boots costs 20 ms, not the
# kernel's 1 s retransmission), GETs the file on the first that connects, and prints the time from
# its start to the end of an answer equal to the site's file byte for byte.
path=/${URL#http://*/}
mirage-http-first "$IP" "$PORT" "$path" "$work/expected" "$BOOT_LIMIT" > "$work/first.log" 2>&1 &
first=$!
now; t0=$NOW
(cd "$work" && xl create guest.cfg) >"$work/xl.log" 2>&1 || { kill $first 2>/dev/null; echo "bench: error: xl create failed"; cat "$work/xl.log"; exit 3; }
now; t1=$NOW
wait $first
first_rc=$?
read -r _ _ first_s _ tries < "$work/first.log"
if [ $first_rc -ne 0 ]; then
  echo "bench: error: no response from $URL equal to the site's file within $BOOT_LIMIT s:"
  cat "$work/first.log"
  timeout 30 xl destroy "$NAME" 2>/dev/null
  exit 4
fi
echo "bench: create_s $(seconds $((t1 - t0))) first_response_s $first_s polls $tries"

# CPU seconds Xen has charged a domain (xl list's Time column): where the emulated CPU went
# during the wrk run, the guest's share against dom0's (wrk, netback, the bridge).
cpu() { timeout 10 xl list "$1" 2>/dev/null | awk 'NR == 2 { print $6 }'; }
guest_cpu0=$(cpu "$NAME") dom0_cpu0=$(cpu Domain-0)
timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$URL" 2>&1
echo "bench: wrk exit $?"
echo "bench: cpu_s guest $guest_cpu0 $(cpu "$NAME") dom0 $dom0_cpu0 $(cpu Domain-0)"

now; t3=$NOW
if timeout 60 xl shutdown -w "$NAME" >/dev/null 2>&1; then
  now
  echo "bench: shutdown clean $(seconds $((NOW - t3)))"
else
  echo "bench: shutdown failed (destroyed); domains:"
  timeout 10 xl list
  timeout 30 xl destroy "$NAME" 2>/dev/null || echo "bench: xl destroy failed too"
fi
rm -rf "$work"
