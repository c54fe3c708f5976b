#!/usr/bin/env bash
# The workbench's classification throughput against `logsentry check` on the same file and rules
# (issue 11: at least 80 %). The workbench side is the core path under the window
# (Workspace + Classifications, bench/jmh/.../WorkbenchClassifyMain): index the file, then classify
# every line; the check side is CheckFileMain (rules, read, sort, classify, report). Both run
# alternately RUNS times; medians of the classification phases are compared.
#
# Usage: bench/workbench-vs-check.sh [SIZE_MB (default 200)] [RUNS (default 3)]
# Needs /etc/logcheck (logcheck-database). Writes only under $WORK (default /tmp/logsentry-wb-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-200}
RUNS=${2:-3}
WORK=${WORK:-/tmp/logsentry-wb-bench}
RULES=/etc/logcheck
LEVEL=server
SEED=20261125
[ -d "$RULES/ignore.d.server" ] || { echo "no logcheck rules in $RULES"; exit 2; }
mkdir -p "$WORK/classes"
mvn -B -q -o compile test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
# a private copy of the classes, so rebuilding the worktree during a run changes nothing
rm -rf "$WORK/app" && mkdir -p "$WORK/app" && cp -r target/classes "$WORK/app/classes" && cp -r target/test-classes "$WORK/app/test-classes"
CP="$WORK/app/classes:$WORK/app/test-classes:$(cat "$WORK/cp")"
javac -d "$WORK/classes" -cp "$CP" bench/jmh/src/main/java/dev/logsentry/bench/CheckFileMain.java \
  bench/jmh/src/main/java/dev/logsentry/bench/WorkbenchClassifyMain.java
CORPUS="$WORK/syslog-${SIZE_MB}m"
[ -f "$CORPUS" ] || java -cp "$CP" dev.logsentry.core.check.SyslogCorpus "$SEED" "$SIZE_MB" "$CORPUS" "$RULES" ascii
JVM=${JVM_OPTS:-"-Xmx3g"}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "== corpus: $(stat -c %s "$CORPUS") bytes, $(wc -l < "$CORPUS") lines; rules $RULES ($LEVEL); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$WORK/t.check"; : > "$WORK/t.wb"
for i in $(seq "$RUNS"); do
  # shellcheck disable=SC2086
  java $JVM -cp "$WORK/classes:$CP" dev.logsentry.bench.CheckFileMain "$CORPUS" "$RULES" "$LEVEL" \
    2>&1 >/dev/null | sed -n 's/.*check \([0-9]*\) ms.*/\1/p' >> "$WORK/t.check"
  # shellcheck disable=SC2086
  java $JVM -cp "$WORK/classes:$CP" dev.logsentry.bench.WorkbenchClassifyMain "$CORPUS" "$RULES" "$LEVEL" \
    | awk '{print $2}' >> "$WORK/t.wb"
  echo "run $i: check $(tail -1 "$WORK/t.check") ms, workbench $(tail -1 "$WORK/t.wb") ms"
done
c=$(median < "$WORK/t.check"); w=$(median < "$WORK/t.wb")
echo "== medians: check classify $c ms, workbench classify $w ms, workbench/check throughput $(echo "scale=2; $c / $w" | bc)"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
