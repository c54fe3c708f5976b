#!/usr/bin/env bash
# `logsentry summary` against Debian's logwatch 7.7 (--numeric, so neither resolves addresses) on
# the same generated /var/log (auth.log, syslog, mail.log, messages: sshd, sudo, pam_unix, cron,
# postfix, kernel firewall lines), the same services (logwatch's iptables = our kernel), --range
# All --detail High. Alternates the two programs RUNS times and prints the medians of wall time
# and of CPU time (user+sys of the whole process tree), and the ratios. The machine may be shared:
# CPU time is the steadier figure.
#
# Usage: [OURS_ONLY=1] [PACKAGE=1] bench/summary-vs-logwatch.sh [SIZE_MB (default 100)] [RUNS (default 3)]
# Ours is `java -XX:+UseParallelGC -jar` (what a user of the jar runs); with PACKAGE=1 it runs with
# the logsentry-cli launcher's JVM options (installers/linux/cli.properties) and an AppCDS archive
# made from training runs as postinst makes it, as the installed package runs it.
# Needs: logwatch installed, Maven dependencies in ~/.m2. Writes only under $WORK
# (default /tmp/logsentry-summary-bench). Every run is bounded by `timeout`. The jar and its lib/
# are copied to $WORK/app first, so rebuilding the worktree during a run changes nothing; a corpus
# of the same size and seed left by an earlier run is reused (REGENERATE=1 makes a new one). Both
# digests are kept ($WORK/ours.out, $WORK/lw.out) and the per-run times ($WORK/*.times).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-100}
RUNS=${2:-3}
WORK=${WORK:-/tmp/logsentry-summary-bench}
SEED=20261204

[ -n "${OURS_ONLY:-}" ] || [ -x /usr/sbin/logwatch ] || { echo "logwatch is not installed"; exit 2; }
STAMP="size=$SIZE_MB seed=$SEED"
if [ -n "${REGENERATE:-}" ] || [ "$(cat "$WORK/corpus.stamp" 2>/dev/null)" != "$STAMP" ]; then
  rm -rf "$WORK" && mkdir -p "$WORK/base" "$WORK/log"
fi
rm -f "$WORK/ours.times" "$WORK/lw.times"
echo "== building (this worktree's jar and test classes)"
mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp")"
rm -rf "$WORK/app" && mkdir -p "$WORK/app" && cp -r target/logsentry.jar target/lib "$WORK/app/"

if [ "$(cat "$WORK/corpus.stamp" 2>/dev/null)" != "$STAMP" ]; then
  echo "== generating about ${SIZE_MB} MB (a 12 MB base, seed $SEED, repeated)"
  java -cp "$CP" dev.logsentry.core.summary.SyslogGenerator "$WORK/base" 40000 "$SEED"
  BASE_KB=$(du -sk "$WORK/base" | cut -f1)
  COPIES=$(( (SIZE_MB * 1024 + BASE_KB - 1) / BASE_KB ))
  for f in auth.log syslog mail.log messages; do
    for _ in $(seq "$COPIES"); do cat "$WORK/base/$f"; done > "$WORK/log/$f"
  done
  echo "$STAMP" > "$WORK/corpus.stamp"
else
  echo "== reusing the corpus in $WORK/log ($STAMP)"
fi
BYTES=$(du -sb "$WORK/log" | cut -f1)
LINES=$(cat "$WORK/log"/* | wc -l)
echo "   $BYTES bytes, $LINES lines in $WORK/log"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run_logwatch() {
  /usr/bin/time -a -o "$WORK/lw.times" -f "%e %U %S" timeout 7200 /usr/sbin/logwatch \
    --logdir "$WORK/log" --range All --detail High --numeric --output stdout \
    --service sshd --service sudo --service cron --service pam_unix --service postfix \
    --service iptables > "$WORK/lw.out"
}
JVM_OPTS=(-XX:+UseParallelGC)
if [ -n "${PACKAGE:-}" ]; then
  echo "== the package launcher's options and an AppCDS archive trained as postinst trains it"
  mkdir -p "$WORK/cds" "$WORK/train" && rm -f "$WORK/cds/"*
  read -r -a JVM_OPTS <<< "$(sed -n 's/^java-options=//p' installers/linux/cli.properties \
    | sed "s|/var/cache/logsentry/logsentry.jsa|$WORK/cds/logsentry.jsa|")"
  printf '%s\n' "Jan  1 00:00:00 host sshd[1]: Failed password for root from 192.0.2.1 port 22 ssh2" \
    "Jan  1 00:00:01 host CRON[2]: (root) CMD (true)" > "$WORK/train/syslog"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$WORK/cds/classes.lst" java "${JVM_OPTS[@]}" \
    -jar "$WORK/app/logsentry.jar" check --dry-run --stdout --state "$WORK/train/state" \
    "$WORK/train/syslog" >/dev/null 2>&1 || true
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$WORK/cds/summary.lst" java "${JVM_OPTS[@]}" \
    -jar "$WORK/app/logsentry.jar" summary --logdir "$WORK/train" --logfile syslog --range All \
    --detail High --output stdout >/dev/null 2>&1 || true
  cat "$WORK/cds/summary.lst" >> "$WORK/cds/classes.lst"
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$WORK/cds/classes.lst" \
    java "${JVM_OPTS[@]}" -jar "$WORK/app/logsentry.jar" --version >/dev/null 2>&1 || true
  ls "$WORK/cds/logsentry.jsa" >/dev/null
fi
echo "   ours: java ${JVM_OPTS[*]} -jar logsentry.jar"
run_ours() {
  /usr/bin/time -a -o "$WORK/ours.times" -f "%e %U %S" timeout 7200 java "${JVM_OPTS[@]}" \
    -jar "$WORK/app/logsentry.jar" summary --logdir "$WORK/log" --range All --detail High --numeric \
    --service sshd --service sudo --service cron --service pam_unix --service postfix \
    --service kernel > "$WORK/ours.out"
}
for i in $(seq "$RUNS"); do
  echo "== run $i/$RUNS"
  run_ours
  [ -n "${OURS_ONLY:-}" ] || run_logwatch
done
# The same counts: sshd logins, cron commands, firewall packets
grep -q "Users logging in through sshd: " "$WORK/ours.out" || { echo "no sshd section in ours"; exit 1; }

echo "   per run (wall user sys): ours $(tr '\n' ';' < "$WORK/ours.times")"
[ -n "${OURS_ONLY:-}" ] || echo "   per run (wall user sys): logwatch $(tr '\n' ';' < "$WORK/lw.times")"
wall() { awk '{print $1}' "$1" | median; }
cpu() { awk '{print $2+$3}' "$1" | median; }
OW=$(wall "$WORK/ours.times"); OC=$(cpu "$WORK/ours.times")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "summary : wall %8.2f s  cpu %8.2f s  %7.1f MB/s (wall)\n" "$OW" "$OC" "$(echo "$BYTES/1048576/$OW" | bc -l)"
if [ -z "${OURS_ONLY:-}" ]; then
  LW=$(wall "$WORK/lw.times"); LC=$(cpu "$WORK/lw.times")
  printf "logwatch: wall %8.2f s  cpu %8.2f s  %7.1f MB/s (wall)\n" "$LW" "$LC" "$(echo "$BYTES/1048576/$LW" | bc -l)"
  printf "ratio (logwatch / summary): wall %.1fx  cpu %.1fx\n" "$(echo "$LW/$OW" | bc -l)" "$(echo "$LC/$OC" | bc -l)"
fi
