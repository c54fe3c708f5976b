#!/usr/bin/env bash
# One edited rule's preview over N loaded lines (issue 13, the pattern editor's 300 ms target),
# before and after a change, in the same run: the preview classes of commit BASE and of this
# worktree, run alternately in fresh JVMs on the same corpus (SyslogCorpus from Debian's rules),
# "cold" (a rule new to the session) and "typing" (each keystroke of a rule's tail).
#
# Usage: BASE=<commit> bench/rules-preview-keystroke.sh [LINES (1000000)] [PAIRS (3)] [THREADS (2)]
# BASE defaults to 48bef94 (main before the literal cache). Writes only under $WORK
# (default /tmp/logsentry-keystroke-bench); builds this worktree, installs nothing. The machine is
# shared: runs alternate and the script prints medians with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-1000000}
PAIRS=${2:-3}
THREADS=${3:-2}
BASE=${BASE:-48bef94}
WORK=${WORK:-/tmp/logsentry-keystroke-bench}
RULES=/etc/logcheck
SEED=20261204
mkdir -p "$WORK"
mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
DEPS=$(cat "$WORK/cp")
MAIN=bench/jmh/src/main/java/dev/logsentry/bench/PreviewKeystrokeMain.java
# the base commit's main classes, compiled as they were
rm -rf "$WORK/base" && mkdir -p "$WORK/base/src" "$WORK/base/classes" "$WORK/base/bench" "$WORK/new"
git archive "$BASE" src/main/java | tar -x -C "$WORK/base/src"
javac -nowarn -d "$WORK/base/classes" -cp "$DEPS" $(find "$WORK/base/src" -name '*.java') 2>/dev/null
javac -d "$WORK/base/bench" -cp "$WORK/base/classes:$DEPS" "$MAIN"
javac -d "$WORK/new" -cp "target/classes:$DEPS" "$MAIN"
CORPUS="$WORK/syslog.$LINES"
if [ ! -f "$CORPUS" ]; then
  java -cp "target/classes:target/test-classes:$DEPS" dev.logsentry.core.check.SyslogCorpus \
    "$SEED" $(( LINES * 130 / 1048576 + 1 )) "$WORK/syslog.big" "$RULES" ascii
  head -n "$LINES" "$WORK/syslog.big" > "$CORPUS" && rm -f "$WORK/syslog.big"
fi
wc -l "$CORPUS"
: > "$WORK/base.txt"; : > "$WORK/new.txt"
for p in $(seq "$PAIRS"); do
  echo "== pair $p, load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx3g -cp "$WORK/base/bench:$WORK/base/classes:$DEPS" dev.logsentry.bench.PreviewKeystrokeMain \
    "$CORPUS" 1 "$THREADS" | tee -a "$WORK/base.txt" | grep -v '^key_ms' || true
  java -Xmx3g -cp "$WORK/new:target/classes:$DEPS" dev.logsentry.bench.PreviewKeystrokeMain \
    "$CORPUS" 1 "$THREADS" | tee -a "$WORK/new.txt" | grep -v '^key_ms' || true
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
p90() { sort -g | awk '{a[NR]=$1} END {i=int(NR*0.9); if (i<1) i=1; print a[i]}'; }
echo "== medians (ms), $PAIRS JVMs each, load now $(cut -d' ' -f1-3 /proc/loadavg)"
for v in base new; do
  for k in cold_ms key_ms; do
    printf '%-5s %-8s wall median %s p90 %s max %s | cpu median %s  (%s samples)\n' "$v" "$k" \
      "$(grep "^$k " "$WORK/$v.txt" | awk '{print $2}' | median)" \
      "$(grep "^$k " "$WORK/$v.txt" | awk '{print $2}' | p90)" \
      "$(grep "^$k " "$WORK/$v.txt" | awk '{print $2}' | sort -g | tail -1)" \
      "$(grep "^$k " "$WORK/$v.txt" | awk '{print $4}' | median)" \
      "$(grep -c "^$k " "$WORK/$v.txt")"
  done
done
