#!/usr/bin/env bash
# End-to-end throughput of the LogSentry check engine against Debian's logcheck 1.4 on the same
# generated syslog corpus and the same rules (/etc/logcheck, server level), in LC_ALL=C and
# LC_ALL=C.UTF-8, alternating the two programs, reporting medians and ratios, and asserting that
# both print byte-identical reports.
#
# Usage: bench/check-vs-logcheck.sh [SIZE_MB (default 20)] [RUNS (default 3)]
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
echo "== building (this worktree's classes; nothing is installed into ~/.m2)"
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

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_logcheck() { # locale out
  su -s /bin/bash -c "LC_ALL=$1 timeout 3600 /usr/sbin/logcheck -c $WORK/logcheck.conf -o -t -l $CORPUS -S $WORK/state" logcheck > "$2"
}
run_ours() { # locale out
  LC_ALL=$1 timeout 3600 java -XX:+UseParallelGC -Xmx3g -cp "$WORK/classes:$CP" dev.logsentry.bench.CheckFileMain "$CORPUS" "$RULES" "$LEVEL" > "$2" 2>> "$WORK/ours.stderr"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "== corpus: $BYTES bytes, $LINES lines; rules $RULES ($LEVEL); $RUNS runs per program and locale"
printf '| locale | logcheck median s | LogSentry median s | logcheck MB/s | LogSentry MB/s | ratio |\n'
printf '|---|---|---|---|---|---|\n'
for locale in C C.UTF-8; do
  : > "$WORK/t.logcheck"; : > "$WORK/t.ours"
  for i in $(seq "$RUNS"); do
    t0=$(now); run_logcheck "$locale" "$WORK/logcheck.out"; t1=$(now)
    run_ours "$locale" "$WORK/ours.out"; t2=$(now)
    echo "$t1 - $t0" | bc -l >> "$WORK/t.logcheck"
    echo "$t2 - $t1" | bc -l >> "$WORK/t.ours"
    if ! cmp -s "$WORK/logcheck.out" "$WORK/ours.out"; then
      echo "DIFFERENT OUTPUT ($locale, run $i): see $WORK/logcheck.out and $WORK/ours.out" >&2
      exit 1
    fi
  done
  lc=$(median < "$WORK/t.logcheck"); us=$(median < "$WORK/t.ours")
  printf '| %s | %.1f | %.2f | %.2f | %.1f | %.1fx |\n' "$locale" "$lc" "$us" \
    "$(echo "$BYTES / 1048576 / $lc" | bc -l)" "$(echo "$BYTES / 1048576 / $us" | bc -l)" \
    "$(echo "$lc / $us" | bc -l)"
done
echo "== identical reports in every run ($(stat -c %s "$WORK/ours.out") bytes each)"
echo "== engine phases of the last run: $(tail -1 "$WORK/ours.stderr")"
