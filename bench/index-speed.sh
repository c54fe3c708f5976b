#!/usr/bin/env bash
# Indexing speed against `wc -l` on the same file, warm cache, alternating runs, medians.
# Also time to first screen, heap with -Xmx256m, and (optional) lnav.
# Usage: bench/index-speed.sh [FILE] [ROUNDS]   (FILE defaults to the output of gen-syslog.sh)
# Needs: (cd bench/jmh && mvn -B -q package) after installing the app jar.
set -euo pipefail
cd "$(dirname "$0")"
FILE=${1:-/tmp/logsentry-bench/syslog-1g.log}
ROUNDS=${2:-5}
JAR=jmh/target/benchmarks.jar
[ -f "$FILE" ] || ./gen-syslog.sh "$FILE"
[ -f "$JAR" ] || { echo "build $JAR first (see bench/jmh/pom.xml)" >&2; exit 1; }
cat "$FILE" > /dev/null # warm the page cache
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
wc_times=(); wc_cpu=(); ls_lines=()
for i in $(seq "$ROUNDS"); do
  s=$(date +%s.%N); /usr/bin/time -o /tmp/wc-cpu.$$ -f "%U %S" wc -l < "$FILE" > /dev/null; e=$(date +%s.%N)
  wc_times+=("$(echo "$e - $s" | bc)")
  wc_cpu+=("$(awk '{print $1 + $2}' /tmp/wc-cpu.$$)")
  ls_lines+=("$(java -Xmx256m -cp "$JAR" dev.logsentry.bench.IndexBench "$FILE")")
done
bytes=$(stat -c %s "$FILE")
wc_med=$(printf '%s\n' "${wc_times[@]}" | median)
wc_cpu_med=$(printf '%s\n' "${wc_cpu[@]}" | median)
rm -f /tmp/wc-cpu.$$
get() { printf '%s\n' "${ls_lines[@]}" | sed -n "s/.*$1=\([0-9.]*\).*/\1/p" | median; }
idx_med=$(get full_index_s)
echo "file=$FILE bytes=$bytes lines=$(wc -l < "$FILE") rounds=$ROUNDS"
echo "wc -l:     median ${wc_med}s  $(echo "scale=0; $bytes / $wc_med / 1000000" | bc) MB/s"
echo "logsentry: median ${idx_med}s  $(echo "scale=0; $bytes / $idx_med / 1000000" | bc) MB/s" \
     "($(echo "scale=1; 100 * $wc_med / $idx_med" | bc) % of wc -l)"
echo "CPU time (less disturbed by other load): wc -l ${wc_cpu_med}s, logsentry indexing" \
     "thread $(get index_cpu_s)s"
echo "first screen median $(get first_screen_ms) ms; last line $(get last_line_ms) ms;" \
     "heap used after GC $(get heap_used_mb) MB (-Xmx256m); line index $(get index_mb) MB"
if command -v lnav > /dev/null && [ "${LNAV:-1}" = 1 ]; then
  s=$(date +%s.%N)
  timeout 600 lnav -n -c ':goto 100%' "$FILE" > /dev/null 2>&1 || echo "lnav: failed or timed out"
  e=$(date +%s.%N)
  lt=$(echo "$e - $s" | bc)
  echo "lnav -n (index and go to the end): ${lt}s  $(echo "scale=0; $bytes / $lt / 1000000" | bc) MB/s"
fi
