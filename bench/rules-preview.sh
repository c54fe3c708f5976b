#!/usr/bin/env bash
# The rule editor's previews on N lines held in memory (issue 13): one edited rule's matches
# (anchored and unanchored), the whole tree's verdict difference for one edited rule file, and the
# full re-classification it avoids; GNU grep -E -c with the same rules on the same file as the
# reference. Corpus: SyslogCorpus from Debian's rules (/etc/logcheck, server level).
#
# Usage: bench/rules-preview.sh [LINES (default 1000000)] [RUNS (default 7)]
# Writes only under $WORK (default /tmp/logsentry-rules-bench); builds this worktree, installs
# nothing. The machine is shared: the script alternates our runs with grep's and prints medians.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-1000000}
RUNS=${2:-7}
WORK=${WORK:-/tmp/logsentry-rules-bench}
RULES=/etc/logcheck
SEED=20261204
mkdir -p "$WORK/classes"
mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp")"
javac -d "$WORK/classes" -cp "$CP" bench/jmh/src/main/java/dev/logsentry/bench/RulePreviewMain.java
CORPUS="$WORK/syslog"
if [ ! -f "$CORPUS.$LINES" ]; then
  # about 110 bytes a line: generate a little more, keep LINES
  java -cp "$CP" dev.logsentry.core.check.SyslogCorpus "$SEED" $(( LINES * 130 / 1048576 + 1 )) "$CORPUS.big" "$RULES" ascii
  head -n "$LINES" "$CORPUS.big" > "$CORPUS.$LINES" && rm -f "$CORPUS.big"
fi
wc -l "$CORPUS.$LINES"
H='^(\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ '
ANCH="${H}sshd\\[[[:digit:]]+\\]: Accepted publickey for [^[:space:]]+ from [^[:space:]]+ port [[:digit:]]+ ssh0?\$"
LOOSE='Failed password for (invalid user )?[a-z]{1,}'
echo "== grep -E -c (LC_ALL=C), $RUNS runs each"
# grep stops at the first match when its output is /dev/null: write the count to a file
TIMEFORMAT='%R %U %S'
for r in $(seq "$RUNS"); do
  t=$( { time LC_ALL=C grep -E -c -- "$ANCH" "$CORPUS.$LINES" >"$WORK/grep.out"; } 2>&1 ) || true
  echo "grep_anchored_ms $(echo "$t" | awk '{printf "%d cpu_ms %d", $1*1000, ($2+$3)*1000}')"
  t=$( { time LC_ALL=C grep -E -c -- "$LOOSE" "$CORPUS.$LINES" >"$WORK/grep.out"; } 2>&1 ) || true
  echo "grep_unanchored_ms $(echo "$t" | awk '{printf "%d cpu_ms %d", $1*1000, ($2+$3)*1000}')"
done | tee "$WORK/grep.txt"
echo "== logsentry previews"
java -Xmx3g -cp "$WORK/classes:$CP" dev.logsentry.bench.RulePreviewMain "$CORPUS.$LINES" "$RULES" "$RUNS" | tee "$WORK/ours.txt"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "== medians (ms)"
for k in rule_anchored_ms rule_unanchored_ms tree_edit_ms tree_diff_ms full_reclassify_ms; do
  printf '%-22s wall %s cpu %s\n' "$k" "$(grep "^$k " "$WORK/ours.txt" | awk '{print $2}' | median)" \
    "$(grep "^$k " "$WORK/ours.txt" | awk '{print $4}' | median)"
done
for k in grep_anchored_ms grep_unanchored_ms; do
  printf '%-22s wall %s cpu %s\n' "$k" "$(grep "^$k " "$WORK/grep.txt" | awk '{print $2}' | median)" \
    "$(grep "^$k " "$WORK/grep.txt" | awk '{print $4}' | median)"
done
