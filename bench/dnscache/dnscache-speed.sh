#!/usr/bin/env bash
# End-to-end speed and memory of `logsentry dnscache --format json` on a multilog directory made
# from the bundled real sample (bench/dnscache/make-big-log.sh, default 451,000 lines), one JVM per
# run as an administrator runs it, alternating with daemontools' `tai64nlocal` over the same
# lines (the reference: the usual way to read these logs, a pass that only rewrites labels).
# Medians of wall and CPU time, lines per second, peak RSS.
#
# Usage: bench/dnscache/dnscache-speed.sh [LINES (default 451000)] [RUNS (default 5)] [FORMAT (json)]
# Writes only under $WORK (default /tmp/logsentry-dnscache-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-451000}
RUNS=${2:-5}
FORMAT=${3:-json}
WORK=${WORK:-/tmp/logsentry-dnscache-bench}
rm -rf "$WORK" && mkdir -p "$WORK/log"
mvn -B -q -o package -DskipTests
mkdir -p "$WORK/app" && cp -r target/logsentry.jar target/lib "$WORK/app/"
bench/dnscache/make-big-log.sh "$LINES" "$WORK/log/current" > /dev/null
: > "$WORK/log/lock"
TAI=$(command -v tai64nlocal || true)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "== $(wc -l < "$WORK/log/current") lines, $(stat -c %s "$WORK/log/current") bytes; $RUNS alternating runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  [ -n "$TAI" ] && /usr/bin/time -a -o "$WORK/t.tai" -f "%e %U %S %M" "$TAI" < "$WORK/log/current" > /dev/null
  /usr/bin/time -a -o "$WORK/t.ls" -f "%e %U %S %M" java -jar "$WORK/app/logsentry.jar" dnscache \
    --format "$FORMAT" "$WORK/log" > "$WORK/out.$FORMAT" 2>> "$WORK/stderr"
done
row() { # label file
  local w c m
  w=$(awk '{print $1}' "$2" | median); c=$(awk '{print $2 + $3}' "$2" | median); m=$(awk '{print $4 / 1024}' "$2" | median)
  printf '| %s | %.2f | %.0f | %.2f | %.0f | %.0f |\n' "$1" "$w" "$(echo "$LINES / $w" | bc -l)" "$c" "$(echo "$LINES / $c" | bc -l)" "$m"
}
printf '| program | wall s | lines/s (wall) | CPU s | lines/s (CPU) | peak RSS MB |\n|---|---|---|---|---|---|\n'
[ -n "$TAI" ] && row '`tai64nlocal` (reference)' "$WORK/t.tai"
row "\`logsentry dnscache --format $FORMAT\` (jar)" "$WORK/t.ls"
echo "== output: $(wc -l < "$WORK/out.$FORMAT") lines; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
