#!/usr/bin/env bash
# Peak RSS of the workbench with a large log open and classified: `java [OPTS] -jar logsentry.jar LOG`
# on an Xvfb display (fresh HOME, no workspace), waits until the process is idle (indexing and
# classification done: under 5 % of a core over 6 s), then reads VmHWM and VmRSS from /proc,
# summed over the process and its child (the workbench's bounded-heap JVM; the sum of the two
# peaks is an upper bound of the peak of both).
# Variants (JVM options, separated by ';' in VARIANTS; "" is plain `java -jar`) alternate in
# every round; medians per variant. Words of a variant with '=' and no leading '-' are set in the
# environment (MALLOC_ARENA_MAX=2 -Xmx192m).
#
# Usage: bench/workbench-rss.sh [LOG (default /tmp/logsentry-bench/syslog-1g.log)] [RUNS (3)]
#   VARIANTS='; -Xmx300m' DISPLAYNUM=96 JAR=target/logsentry.jar bench/workbench-rss.sh
# Make the log with bench/gen-syslog.sh. Needs Xvfb. Writes only under $WORK.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=${1:-/tmp/logsentry-bench/syslog-1g.log}
RUNS=${2:-3}
WORK=${WORK:-/tmp/logsentry-wbrss}
JAR=${JAR:-target/logsentry.jar}
DISPLAYNUM=${DISPLAYNUM:-96}
IFS=';' read -r -a VARS <<< "${VARIANTS:-}"
[ ${#VARS[@]} -eq 0 ] && VARS=("")
mkdir -p "$WORK" && rm -f "$WORK"/r.*
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests
Xvfb ":$DISPLAYNUM" -screen 0 1600x1000x24 > /dev/null 2>&1 &
XPID=$!
trap 'kill $XPID 2> /dev/null || true' EXIT
sleep 1
TICK=$(getconf CLK_TCK)
tree() { echo "$1" $(pgrep -P "$1" || true); } # the workbench and its child JVM, if any
cpu() { # CPU seconds of the process tree
  local p s=0 c
  for p in $(tree "$1"); do
    c=$(awk -v t="$TICK" '{print ($14 + $15) / t}' "/proc/$p/stat" 2> /dev/null || echo 0)
    s=$(echo "$s + $c" | bc -l)
  done
  echo "$s"
}
mib() { # sum of a /proc status field over the process tree, MiB
  local p s=0 k
  for p in $(tree "$2"); do
    k=$(awk -v f="$1:" '$1 == f {print $2}' "/proc/$p/status" 2> /dev/null || echo 0)
    s=$((s + ${k:-0}))
  done
  echo "$s / 1024" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

one() { # variant index: appends "seconds-until-idle cpu-s hwm-MiB rss-MiB" to r.<index>
  local v=$1 home="$WORK/home" start pid last now idle=0 t=0
  rm -rf "$home" && mkdir -p "$home"
  start=$(date +%s.%N)
  local envs=() opts=() w peak=0 r
  for w in ${VARS[$v]}; do
    if [[ $w == -* ]]; then opts+=("$w"); else envs+=("$w"); fi
  done
  env HOME="$home" DISPLAY=":$DISPLAYNUM" "${envs[@]}" java "${opts[@]}" -jar "$JAR" "$LOG" > "$WORK/out.$v" 2>&1 &
  pid=$!
  last=0
  while [ $t -lt 900 ] && kill -0 "$pid" 2> /dev/null; do
    sleep 1
    t=$((t + 1))
    now=$(cpu "$pid")
    if [ $t -gt 10 ] && awk -v a="$now" -v b="$last" 'BEGIN {exit !(a - b < 0.05)}'; then
      idle=$((idle + 1))
    else
      idle=0
    fi
    last=$now
    r=$(mib VmRSS "$pid")
    peak=$(echo "if ($r > $peak) $r else $peak" | bc -l)
    [ $idle -ge 6 ] && break
  done
  local hwm rss
  hwm=$(mib VmHWM "$pid")
  rss=$(mib VmRSS "$pid")
  echo "$(echo "$(date +%s.%N) - $start - 6" | bc -l) $now $hwm $rss $peak" >> "$WORK/r.$v"
  kill "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null || true
}

echo "== $(nproc) cores, $(java -version 2>&1 | head -1); log $LOG ($(stat -c %s "$LOG") bytes)"
echo "== $RUNS alternating rounds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  for v in "${!VARS[@]}"; do one "$v"; done
done
printf '| JVM options | s until idle | CPU s | peak RSS (VmHWM) MiB | RSS peak sampled each s MiB | RSS at rest MiB |\n|---|---|---|---|---|---|\n'
for v in "${!VARS[@]}"; do
  f="$WORK/r.$v"
  printf '| `%s` | %.1f | %.1f | %.0f | %.0f | %.0f |\n' "${VARS[$v]:-(none)}" \
    "$(awk '{print $1}' "$f" | median)" "$(awk '{print $2}' "$f" | median)" \
    "$(awk '{print $3}' "$f" | median)" "$(awk '{print $5}' "$f" | median)" \
    "$(awk '{print $4}' "$f" | median)"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
