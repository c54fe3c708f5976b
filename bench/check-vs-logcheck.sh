#!/usr/bin/env bash
# End-to-end throughput of `logsentry check` against Debian's logcheck 1.4 on the same
# generated syslog corpus and the same rules (/etc/logcheck, server level), in LC_ALL=C and
# LC_ALL=C.UTF-8, alternating the two programs, reporting medians and ratios, and asserting that
# both print byte-identical reports.
#
# Usage: [LOCALES="C C.UTF-8"] [UTF8_RUNS=N] bench/check-vs-logcheck.sh [SIZE_MB (default 20)] [RUNS (default 3)]
# (UTF8_RUNS: fewer runs in C.UTF-8, where one logcheck run on 100 MB takes about ten minutes)
# Needs: root (logcheck refuses root, so it runs as the logcheck user via su), logcheck and
# logcheck-database installed, Maven dependencies in ~/.m2. Writes only under $WORK (default
# /tmp/logsentry-check-bench). Every run is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-20}
RUNS=${2:-3}
WORK=${WORK:-/tmp/logsentry-check-bench}
RULES=/etc/logcheck
LEVEL=server
SEED=20261125

[ "$(id -u)" = 0 ] || { echo "run as root (logcheck is run as the logcheck user via su)"; exit 2; }
[ -x /usr/sbin/logcheck ] || { echo "logcheck is not installed"; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK"/{state,lock,tmp,classes}
echo "== building (this worktree's jar and classes; nothing is installed into ~/.m2)"
mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp")"
javac -d "$WORK/classes" -cp "$CP" bench/jmh/src/main/java/dev/logsentry/bench/CheckFileMain.java

chmod 755 "$WORK"
chown logcheck "$WORK"/{state,lock,tmp}
CORPUS="$WORK/syslog"
echo "== generating a ${SIZE_MB} MB corpus (seed $SEED, ASCII so both locales agree)"
java -cp "$CP" dev.logsentry.core.check.SyslogCorpus "$SEED" "$SIZE_MB" "$CORPUS" "$RULES" ascii
chmod 644 "$CORPUS"
BYTES=$(stat -c %s "$CORPUS")
LINES=$(wc -l < "$CORPUS")
cat > "$WORK/logcheck.conf" <<CONF
REPORTLEVEL="$LEVEL"
LOCKDIR="$WORK/lock"
LOCKFILE="$WORK/lock/logcheck"
TMP="$WORK/tmp"
CONF
chmod 644 "$WORK/logcheck.conf"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Each run appends "wall cpu" seconds to $3; cpu is user+sys of the whole process tree (su waits
# for logcheck, which waits for its greps and sorts, so their times are included).
run_logcheck() { # locale out times
  /usr/bin/time -a -o "$3" -f "%e %U %S" \
    su -s /bin/bash -c "LC_ALL=$1 timeout 3600 /usr/sbin/logcheck -c $WORK/logcheck.conf -o -t -l $CORPUS -S $WORK/state" logcheck > "$2"
}
# `logsentry check` as cron would run it, from the jar: read the log with its state machinery
# (dry run, so every run reads the whole file), classify, write the report to stdout. JVM options
# as README recommends for cron (CHECK_JVM_OPTS): the throughput collector, the C1 compiler only
# (its quick compiles pay off in a run of seconds on two cores; C2 compiling competes with the
# work) and an AppCDS archive of the classes, made once by a training run.
CHECK_JVM_OPTS=${CHECK_JVM_OPTS:-"-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmx3g"}
JAR=target/logsentry.jar
head -c 2000000 "$CORPUS" > "$WORK/training.log"
# shellcheck disable=SC2086
java $CHECK_JVM_OPTS -XX:ArchiveClassesAtExit="$WORK/logsentry.jsa" -jar "$JAR" check \
  --rules "$RULES" --level "$LEVEL" --stdout --dry-run --state "$WORK/training-state" \
  "$WORK/training.log" > /dev/null 2>> "$WORK/ours.stderr" || true
CDS=""
[ -f "$WORK/logsentry.jsa" ] && CDS="-XX:SharedArchiveFile=$WORK/logsentry.jsa"
run_ours() { # locale out times
  rm -rf "$WORK/lsstate"
  # shellcheck disable=SC2086
  LC_ALL=$1 /usr/bin/time -a -o "$3" -f "%e %U %S" timeout 3600 java $CHECK_JVM_OPTS $CDS \
    -jar "$JAR" check --rules "$RULES" --level "$LEVEL" --stdout --dry-run \
    --state "$WORK/lsstate" "$CORPUS" > "$2" 2>> "$WORK/ours.stderr"
}

echo "== JVM options for logsentry check: $CHECK_JVM_OPTS ${CDS:-(no CDS archive)}"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "== corpus: $BYTES bytes, $LINES lines; rules $RULES ($LEVEL); $RUNS runs per program and locale (C.UTF-8: ${UTF8_RUNS:-$RUNS})"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| locale | logcheck wall s | LogSentry wall s | wall ratio | logcheck CPU s | LogSentry CPU s | CPU ratio | logcheck MB/s | LogSentry MB/s |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for locale in ${LOCALES:-C C.UTF-8}; do
  : > "$WORK/t.logcheck"; : > "$WORK/t.ours"
  runs=$RUNS
  [ "$locale" = C.UTF-8 ] && runs=${UTF8_RUNS:-$RUNS}
  for i in $(seq "$runs"); do
    run_logcheck "$locale" "$WORK/logcheck.out" "$WORK/t.logcheck"
    run_ours "$locale" "$WORK/ours.out" "$WORK/t.ours"
    if ! cmp -s "$WORK/logcheck.out" "$WORK/ours.out"; then
      echo "DIFFERENT OUTPUT ($locale, run $i): see $WORK/logcheck.out and $WORK/ours.out" >&2
      exit 1
    fi
  done
  lc=$(awk '{print $1}' "$WORK/t.logcheck" | median); us=$(awk '{print $1}' "$WORK/t.ours" | median)
  lcc=$(awk '{print $2 + $3}' "$WORK/t.logcheck" | median); usc=$(awk '{print $2 + $3}' "$WORK/t.ours" | median)
  printf '| %s | %.1f | %.2f | %.1fx | %.1f | %.2f | %.1fx | %.2f | %.1f |\n' "$locale" "$lc" "$us" \
    "$(echo "$lc / $us" | bc -l)" "$lcc" "$usc" "$(echo "$lcc / $usc" | bc -l)" \
    "$(echo "$BYTES / 1048576 / $lc" | bc -l)" "$(echo "$BYTES / 1048576 / $us" | bc -l)"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== identical reports in every run ($(stat -c %s "$WORK/ours.out") bytes each)"
# shellcheck disable=SC2086
java $CHECK_JVM_OPTS -cp "$WORK/classes:$CP" dev.logsentry.bench.CheckFileMain \
  "$CORPUS" "$RULES" "$LEVEL" 2>&1 > "$WORK/engine.out" | sed 's/^/== engine alone (bench entry point), phases: /'
cmp -s "$WORK/engine.out" "$WORK/ours.out" || { echo "engine entry point differs from logsentry check" >&2; exit 1; }
