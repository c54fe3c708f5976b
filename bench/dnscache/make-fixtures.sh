#!/usr/bin/env bash
# Regenerates the dnscache test fixtures from the REAL Debian dnscache (djbdns 1.05).
#
# Builds a small DNS hierarchy of tinydns servers (root, two TLDs, zones with glue, glueless
# delegations of depth 1 to 3, CNAME chains across zones, a lame server, a silent server, an
# unreachable address, an axfrdns TCP server for truncated answers), runs dnscache against it and
# drives varied queries with dig. Everything runs inside a private network namespace
# (`unshare --net`) whose only device is lo, and every configured address must be 127.x: nothing can
# leave the machine.
#
# Usage (as root): bench/dnscache/make-fixtures.sh [OUTDIR] [SAMPLE]
#   OUTDIR  default src/test/resources/dev/logsentry/core/dnscache
#   SAMPLE  default src/main/resources/dev/logsentry/samples/dnscache/current
# Output: OUTDIR/main/ (multilog dir: @*.s + current), OUTDIR/plain.log (no labels, MERGEQUERIES),
#         OUTDIR/flood.log (tai64n-labelled, > 200 concurrent queries: drops and unfinished ones).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
OUT=${1:-$repo/src/test/resources/dev/logsentry/core/dnscache}
SAMPLE=${2:-$repo/src/main/resources/dev/logsentry/samples/dnscache/current}

# --- addresses (all must be loopback) -------------------------------------------------------------
CACHE=127.53.53.1       # dnscache listens (UDP+TCP) and sends from here
ROOTNS=127.53.0.1       # root server
TLD_TEST=127.53.0.2     # test. and in-addr.arpa.
TLD_OTHER=127.53.0.3    # other.
ZONES_A=127.53.1.1      # alpha.test gamma.test halflame.test partdead.test slow.test (+ axfrdns TCP)
ZONES_B=127.53.1.2      # beta.other
GLUEHOST=127.53.1.3     # h1.other h2.other h2b.test h3.other h3b.test h3c.other hk.other
GLUELESS=127.53.1.4     # g1.test g2.test g3.test k1.test k2.test k3.test
SILENT=127.53.1.8       # tinydns that knows none of the zones delegated to it: never answers
LAME=127.53.1.9         # tinydns that only refers back to itself: lame
DEAD=127.53.1.99        # nothing listens here
ADDRS=("$CACHE" "$ROOTNS" "$TLD_TEST" "$TLD_OTHER" "$ZONES_A" "$ZONES_B" "$GLUEHOST" "$GLUELESS"
       "$SILENT" "$LAME" "$DEAD")

die() { echo "make-fixtures: $*" >&2; exit 1; }

for a in "${ADDRS[@]}"; do
  [[ $a =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "refusing: $a is not a 127.x address"
done

if [ "${LOGSENTRY_FIXTURE_NETNS:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || die "must run as root (unshare --net, envuidgid, chroot)"
  for c in unshare ip tinydns tinydns-data dnscache axfrdns tcpserver multilog tai64n envuidgid dig; do
    command -v "$c" >/dev/null || die "missing command $c"
  done
  exec unshare --net env LOGSENTRY_FIXTURE_NETNS=1 "$0" "$OUT" "$SAMPLE"
fi

# --- inside the private namespace -----------------------------------------------------------------
ip link set lo up
others=$(ip -o link show | awk -F': ' '{print $2}' | grep -vx lo || true)
[ -z "$others" ] || die "refusing: network devices other than lo are present: $others"

work=$(mktemp -d /tmp/dnscache-fixtures.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# tinydns SERVERNAME IP DATA: compiles DATA and starts tinydns on IP
tinydns_server() {
  local name=$1 ip=$2
  mkdir -p "$work/$name"
  cat > "$work/$name/data"
  (cd "$work/$name" && tinydns-data)
  envuidgid tinydns env IP="$ip" ROOT="$work/$name" tinydns >"$work/$name.log" 2>&1 &
  pids+=($!)
}

tinydns_server root "$ROOTNS" <<EOF
.:$ROOTNS:a.root-servers.test
&test:$TLD_TEST:ns.nic.test
&other:$TLD_OTHER:ns.nic.other
&in-addr.arpa:$TLD_TEST:ns.nic.test
EOF

tinydns_server tld-test "$TLD_TEST" <<EOF
.test:$TLD_TEST:ns.nic.test
.in-addr.arpa:$TLD_TEST:ns.nic.test
^5.2.0.192.in-addr.arpa:host.gamma.test
&alpha.test:$ZONES_A:ns1.alpha.test
&gamma.test:$ZONES_A:ns.gamma.test
&halflame.test:$LAME:ns1.halflame.test
&halflame.test:$ZONES_A:ns2.halflame.test
&lame.test:$LAME:ns.lame.test
&dead.test:$DEAD:ns.dead.test
&partdead.test:$DEAD:ns1.partdead.test
&partdead.test:$ZONES_A:ns2.partdead.test
&slow.test:$SILENT:ns1.slow.test
&slow.test:$ZONES_A:ns2.slow.test
&silent.test:$SILENT:ns.silent.test
&g1.test::ns.h1.other
&g2.test::ns.h2.other
&g3.test::ns.h3.other
&k1.test::ns.hk.other
&k2.test::ns.hk.other
&k3.test::ns.hk.other
&h2b.test:$GLUEHOST:ns1.h2b.test
&h3b.test::ns.h3c.other
EOF

tinydns_server tld-other "$TLD_OTHER" <<EOF
.other:$TLD_OTHER:ns.nic.other
&beta.other:$ZONES_B:ns.beta.other
&h1.other:$GLUEHOST:ns1.h1.other
&h2.other::ns.h2b.test
&h3.other::ns.h3b.test
&h3c.other:$GLUEHOST:ns1.h3c.other
&hk.other:$GLUEHOST:ns1.hk.other
EOF

big=$(printf 'x%.0s' $(seq 1 200))
tinydns_server zones-a "$ZONES_A" <<EOF
.alpha.test:$ZONES_A:ns1.alpha.test
Cwww.alpha.test:web.beta.other
Cdangling.alpha.test:missing.beta.other
+host.alpha.test:192.0.2.1
+mx.alpha.test:192.0.2.2
@alpha.test::mx.alpha.test:10
'alpha.test:v=spf1 -all
'txt.alpha.test:hello world
'txt.alpha.test:second "quoted" string
'big.alpha.test:one $big
'big.alpha.test:two $big
'big.alpha.test:three $big
:v6.alpha.test:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
:_sip._tcp.alpha.test:33:\000\012\000\005\023\304\003sip\005alpha\004test\000
+sip.alpha.test:192.0.2.3
:caa.alpha.test:257:\000\005issueca.example
:priv.alpha.test:65280:\001\002\003\377
:hinfo.alpha.test:13:\003x86\005Linux
+we\040ird.alpha.test:192.0.2.9
.gamma.test:$ZONES_A:ns.gamma.test
=host.gamma.test:192.0.2.5
.halflame.test:$ZONES_A:ns2.halflame.test
+www.halflame.test:192.0.2.6
.partdead.test:$ZONES_A:ns2.partdead.test
+www.partdead.test:192.0.2.7
.slow.test:$ZONES_A:ns2.slow.test
+www.slow.test:192.0.2.8
EOF
# Answers over 512 bytes are truncated over UDP; dnscache then asks again over TCP: axfrdns.
tcpserver -q -H -R -l 0 "$ZONES_A" 53 envuidgid axfrdns env ROOT="$work/zones-a" AXFR= axfrdns \
  >"$work/axfrdns.log" 2>&1 &
pids+=($!)

tinydns_server zones-b "$ZONES_B" <<EOF
.beta.other:$ZONES_B:ns.beta.other
Cweb.beta.other:host.gamma.test
+mail.beta.other:192.0.2.20
EOF

tinydns_server gluehost "$GLUEHOST" <<EOF
.h1.other:$GLUEHOST:ns1.h1.other
+ns.h1.other:$GLUELESS
.h2b.test:$GLUEHOST:ns1.h2b.test
+ns.h2b.test:$GLUEHOST
Zh2.other:ns.h2b.test:hostmaster.h2.other
&h2.other::ns.h2b.test
+ns.h2.other:$GLUELESS
Zh3.other:ns.h3b.test:hostmaster.h3.other
&h3.other::ns.h3b.test
+ns.h3.other:$GLUELESS
Zh3b.test:ns.h3c.other:hostmaster.h3b.test
&h3b.test::ns.h3c.other
+ns.h3b.test:$GLUEHOST
.h3c.other:$GLUEHOST:ns1.h3c.other
+ns.h3c.other:$GLUEHOST
.hk.other:$GLUEHOST:ns1.hk.other
+ns.hk.other:$GLUELESS
EOF

{
  for z in g1 g2 g3; do
    n=${z#g}
    echo "Z$z.test:ns.h$n.other:hostmaster.$z.test"
    echo "&$z.test::ns.h$n.other"
    echo "+www.$z.test:192.0.2.1$n"
  done
  for z in k1 k2 k3; do
    echo "Z$z.test:ns.hk.other:hostmaster.$z.test"
    echo "&$z.test::ns.hk.other"
    echo "+www.$z.test:192.0.2.3${z#k}"
    echo "@$z.test::mail.beta.other:5"
  done
} | tinydns_server glueless "$GLUELESS"

tinydns_server silent "$SILENT" <<EOF
.unrelated.zone:$SILENT:ns.unrelated.zone
EOF

tinydns_server lame "$LAME" <<EOF
&lame.test:$LAME:ns.lame.test
&halflame.test:$LAME:ns1.halflame.test
EOF

# dnscache_root: a dnscache ROOT with only our root server and loopback clients allowed
dnscache_root() {
  local r=$work/cache-root
  rm -rf "$r"
  mkdir -p "$r/ip" "$r/servers"
  : >"$r/ip/127"
  echo "$ROOTNS" >"$r/servers/@"
  echo "$r"
}

cache_pid=
# start_cache LOGCMD [ENV...]: dnscache's stdout+stderr piped into LOGCMD
start_cache() {
  local logcmd=$1; shift
  local r; r=$(dnscache_root)
  bash -c "envuidgid dnscache env IP=$CACHE IPSEND=$CACHE CACHESIZE=1000000 ROOT=$r $* \
           dnscache </dev/urandom 2>&1 | $logcmd" &
  cache_pid=$!
  sleep 0.5
}
stop_cache() {
  # only our own dnscache (a child of our bash -c): the logger then sees EOF and writes everything
  local d; d=$(pgrep -P "$cache_pid" -x dnscache || true)
  [ -n "$d" ] && kill -TERM $d
  wait "$cache_pid" 2>/dev/null || true
}

q() { dig @"$CACHE" +tries=1 +timeout=30 "$@" >>"$work/dig.out" 2>&1 || true; }
qtcp() { q +tcp "$@"; }
# qbg ARGS: a query in the background; qwait waits for those only (not for the servers)
qpids=()
qbg() { q "$@" & qpids+=($!); }
qwait() { for p in "${qpids[@]}"; do wait "$p" || true; done; qpids=(); }

sleep 0.5   # let the servers bind

# --- scenario 1: a multilog directory with every kind of walk ---------------------------------------
rm -rf "$OUT/main"
mkdir -p "$OUT/main"
start_cache "multilog t s8192 n100 $OUT/main"
q www.alpha.test A                    # CNAME across zones: alpha.test -> beta.other -> gamma.test
q www.alpha.test A                    # cached, CNAME restart from cache
q alpha.test MX
q alpha.test NS
q alpha.test SOA
q txt.alpha.test TXT
q big.alpha.test TXT                  # truncated over UDP: dnscache retries the server over TCP
q v6.alpha.test AAAA
q _sip._tcp.alpha.test SRV
q caa.alpha.test TYPE257
q priv.alpha.test TYPE65280
q hinfo.alpha.test HINFO
q -x 192.0.2.5                        # PTR
q nope.alpha.test A                   # NXDOMAIN
q nope.alpha.test A                   # cached nxdomain
q host.gamma.test MX                  # NODATA
q host.gamma.test MX                  # cached NODATA
q dangling.alpha.test A               # CNAME to a name that does not exist
q www.example.com A                   # NXDOMAIN from the root
q . NS                                # the root itself
q localhost A                         # answered by dnscache itself
q 1.0.0.127.in-addr.arpa PTR
q www.g1.test A                       # glueless depth 1
q www.g2.test A                       # glueless depth 2
q www.g3.test A                       # glueless depth 3
q www.g3.test A                       # cached
q www.lame.test A                     # lame only: SERVFAIL
q www.halflame.test A                 # one lame, one good server
q www.dead.test A                     # unreachable: SERVFAIL
q www.partdead.test A                 # one unreachable, one good server
q www.slow.test A                     # one silent server, one good server
q "we\\032ird.alpha.test" A           # a space in a label: logged as '?'
q WWW.Alpha.TEST A                    # mixed case
qtcp host.alpha.test A                # client over TCP
qtcp txt.alpha.test TXT
q alpha.test AXFR                     # dig sends AXFR over TCP
q alpha.test ANY
for n in www.k1.test www.k2.test www.k3.test mail.beta.other k1.test; do   # concurrent clients
  qbg "$n" A
done
qbg k2.test MX
qbg k3.test MX
qwait
for i in 1 2 3; do qbg host.alpha.test A; qbg www.alpha.test A; qbg nope.alpha.test A; done
qwait
q www.g2.test A
stop_cache

# --- scenario 2: plain file, no labels, MERGEQUERIES and identical concurrent queries -------------
start_cache "cat > $OUT/plain.log" MERGEQUERIES=1
for i in 1 2 3 4 5; do qbg www.slow.test A; done   # one outgoing query, the rest merged
qwait
for i in 1 2 3; do qbg www.g1.test A; qbg www.k1.test A; done
qwait
q host.alpha.test A
q host.alpha.test A
qtcp www.halflame.test A
q "\\001\\255x.alpha.test" A          # unprintable bytes
stop_cache

# --- scenario 3: tai64n-labelled file, > 200 concurrent UDP queries, killed while busy --------------
start_cache "tai64n > $OUT/flood.log"
for i in $(seq 1 210); do
  dig @"$CACHE" +tries=1 +timeout=2 "q$i.silent.test" A >/dev/null 2>&1 &
  qpids+=($!)
  if [ $((i % 50)) = 0 ]; then sleep 0.2; fi
done
q www.partdead.test A
qwait
stop_cache

# --- the bundled sample: the main scenario as one multilog `current` ----------------------------
mkdir -p "$(dirname "$SAMPLE")"
cat "$OUT"/main/@*.s "$OUT/main/current" 2>/dev/null >"$SAMPLE"
chmod 644 "$OUT"/main/* "$OUT"/*.log "$SAMPLE"
echo "fixtures written to $OUT; sample $SAMPLE ($(wc -l <"$SAMPLE") lines)"
