#!/usr/bin/env bash
# Reading new log lines: LogSentry's LogTail against Debian's logtail2 (logcheck's reader).
#  1. Throughput: a first run over a SIZE_MB syslog (every line new), alternating the two
#     programs RUNS times, medians. Output goes to /dev/null.
#  2. Loss: half the log is read, the rest is written, the log is rotated with compression
#     (log -> log.1.gz, as logrotate's "compress" without delaycompress) and a new log gets a few
#     lines; the next run of each must print the unread half plus the new lines.
#
# Usage: bench/tail-vs-logtail2.sh [SIZE_MB (default 100)] [RUNS (default 5)]
# Needs logtail2 (package logtail or logcheck). Writes only under $WORK. Bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-100}
RUNS=${2:-5}
WORK=${WORK:-/tmp/logsentry-tail-bench}
command -v logtail2 >/dev/null || { echo "logtail2 is not installed"; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK/classes"
echo "== building (this worktree's classes; nothing is installed into ~/.m2)"
mvn -B -q -o compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="target/classes:$(cat "$WORK/cp")"
javac -d "$WORK/classes" -cp "$CP" bench/jmh/src/main/java/dev/logsentry/bench/TailFileMain.java
ours() { timeout 600 java -cp "$WORK/classes:$CP" dev.logsentry.bench.TailFileMain "$@"; }
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

LOG="$WORK/syslog"
bench/gen-syslog.sh "$LOG" "$SIZE_MB" >/dev/null
BYTES=$(stat -c %s "$LOG")
LINES=$(wc -l < "$LOG")
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "== corpus: $BYTES bytes, $LINES lines; $RUNS alternating runs each"

: > "$WORK/t.logtail2"; : > "$WORK/t.ours"
for i in $(seq "$RUNS"); do
  rm -f "$WORK/offset"; t=$(now); timeout 600 logtail2 -f "$LOG" -o "$WORK/offset" > /dev/null
  echo "$(now) - $t" | bc >> "$WORK/t.logtail2"
  rm -rf "$WORK/state"; t=$(now); ours "$LOG" "$WORK/state" > /dev/null 2>> "$WORK/ours.stderr"
  echo "$(now) - $t" | bc >> "$WORK/t.ours"
done
ML=$(median < "$WORK/t.logtail2"); MO=$(median < "$WORK/t.ours")
printf '| reader | median s (first run, %s MB) | MB/s |\n|---|---|---|\n' "$SIZE_MB"
printf '| logtail2 | %.2f | %.0f |\n' "$ML" "$(echo "$BYTES / $ML / 1000000" | bc -l)"
printf '| LogSentry LogTail (JVM start included) | %.2f | %.0f |\n' "$MO" "$(echo "$BYTES / $MO / 1000000" | bc -l)"

echo "== loss after a compressed rotation"
HALF=$((LINES / 2))
head -n "$HALF" "$LOG" > "$WORK/r.log"
rm -f "$WORK/r.offset"; rm -rf "$WORK/r.state"
timeout 600 logtail2 -f "$WORK/r.log" -o "$WORK/r.offset" > /dev/null
ours "$WORK/r.log" "$WORK/r.state" > /dev/null 2>> "$WORK/ours.stderr"
tail -n +"$((HALF + 1))" "$LOG" >> "$WORK/r.log"
gzip "$WORK/r.log"; mv "$WORK/r.log.gz" "$WORK/r.log.1.gz"
printf 'Nov 30 00:00:0%d gw new[1]: line %d of the new log\n' 1 1 2 2 3 3 > "$WORK/r.log"
EXPECTED=$((LINES - HALF + 3))
# logtail2 may add a 3-line "*** WARNING ***" banner (when the new log reuses the old inode);
# count only log lines.
GOT_L=$(timeout 600 logtail2 -f "$WORK/r.log" -o "$WORK/r.offset" | grep -cv '^\*' || true)
GOT_O=$(ours "$WORK/r.log" "$WORK/r.state" 2>> "$WORK/ours.stderr" | wc -l)
printf '| reader | lines expected | lines printed | lost |\n|---|---|---|---|\n'
printf '| logtail2 | %d | %d | %d |\n' "$EXPECTED" "$GOT_L" "$((EXPECTED - GOT_L))"
printf '| LogSentry LogTail | %d | %d | %d |\n' "$EXPECTED" "$GOT_O" "$((EXPECTED - GOT_O))"
