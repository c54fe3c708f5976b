#!/usr/bin/env bash
# `logsentry check` against Debian's logcheck 1.4 over a sweep of new-input sizes (empty, 100 KB,
# 1 MB, 20 MB, 100 MB of a generated syslog; server rules from /etc/logcheck; LC_ALL=C), the way
# cron runs them: one process per run, start-up included. Per size the programs alternate within
# each round (logcheck, the jar as README runs it, the jar with the JVM options the package's
# launcher uses, each of the two without and with the cache of compiled rules, ADR 0014), medians
# of wall and CPU time, ratios, and the reports must be byte-identical.
#
# "cached": the automata cache as an earlier run left it. It is made once, before the sweep, by a
# run over 20 MB of other lines (another seed of the corpus: a day of a busy server), and put back
# before every cached run, so each cached run starts from the same cache (and writes back what it
# adds, as a cron run does; that write is in its time). The cached runs pass --automata-cache
# (off by default since the measurements in ADR 0014); the uncached runs pass --no-cache.
#
# Usage: bench/check-sweep.sh [RUNS (default 5)] [RUNS_100MB (default 3)] [SIZES (default "0 0.1 1 20 100")]
# Needs: root (logcheck runs as the logcheck user via su), logcheck + logcheck-database,
# Maven dependencies in ~/.m2. Writes only under $WORK (default /tmp/logsentry-check-sweep).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
RUNS_BIG=${2:-3}
SIZES=${3:-"0 0.1 1 20 100"}
WORK=${WORK:-/tmp/logsentry-check-sweep}
RULES=/etc/logcheck
LEVEL=server
SEED=20261125

[ "$(id -u)" = 0 ] || { echo "run as root (logcheck is run as the logcheck user via su)"; exit 2; }
[ -x /usr/sbin/logcheck ] || { echo "logcheck is not installed"; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK"/{state,lock,tmp}
SEED_WARM=20261126
echo "== building (this worktree's jar; nothing is installed into ~/.m2)"
mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp")"
chmod 755 "$WORK"
chown logcheck "$WORK"/{state,lock,tmp}
cat > "$WORK/logcheck.conf" <<CONF
REPORTLEVEL="$LEVEL"
LOCKDIR="$WORK/lock"
LOCKFILE="$WORK/lock/logcheck"
TMP="$WORK/tmp"
CONF
chmod 644 "$WORK/logcheck.conf"

echo "== generating the corpus (seed $SEED, ASCII)"
java -cp "$CP" dev.logsentry.core.check.SyslogCorpus "$SEED" 100 "$WORK/syslog-100" "$RULES" ascii
java -cp "$CP" dev.logsentry.core.check.SyslogCorpus "$SEED_WARM" 20 "$WORK/warm-20" "$RULES" ascii
# smaller sizes are prefixes of it, cut at a line end
for mb in $SIZES; do
  f="$WORK/syslog-$mb"
  [ -f "$f" ] && continue
  bytes=$(awk -v m="$mb" 'BEGIN {printf "%d", m * 1048576}')
  head -c "$bytes" "$WORK/syslog-100" > "$f"
  if [ -s "$f" ] && [ "$(tail -c1 "$f" | od -An -tx1 | tr -d ' ')" != 0a ]; then sed -i '$d' "$f"; fi
  chmod 644 "$f"
done

# a copy, so that rebuilding the worktree during the run changes nothing
mkdir -p "$WORK/app" && cp -r target/logsentry.jar target/lib "$WORK/app/"
JAR=$WORK/app/logsentry.jar
# The package's launcher options (installers/build.sh, the logsentry-cli launcher): C1 only, the
# throughput collector, and an AppCDS archive that postinst makes by a training run like this one.
TUNED="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
java -XX:ArchiveClassesAtExit="$WORK/logsentry.jsa" $TUNED -jar "$JAR" check --rules "$RULES" \
  --level "$LEVEL" --stdout --dry-run --state "$WORK/training" "$WORK/syslog-1" > /dev/null 2>> "$WORK/ours.stderr" || true
[ -f "$WORK/logsentry.jsa" ] && TUNED="$TUNED -XX:SharedArchiveFile=$WORK/logsentry.jsa"

# the warm cache: a dry run keeps it in an existing private state directory
mkdir -m 700 "$WORK/warm"
java -jar "$JAR" check --rules "$RULES" --level "$LEVEL" --stdout --dry-run --automata-cache --state "$WORK/warm" \
  "$WORK/warm-20" > /dev/null 2>> "$WORK/ours.stderr" || true
[ -f "$WORK/warm/automata.cache" ] || { echo "no automata cache was written"; exit 1; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run_logcheck() { # file out times
  /usr/bin/time -a -o "$3" -f "%e %U %S %M" \
    su -s /bin/bash -c "LC_ALL=C timeout 3600 /usr/sbin/logcheck -c $WORK/logcheck.conf -o -t -l $1 -S $WORK/state" logcheck > "$2"
}
run_ours() { # file out times jvm-options...
  local f=$1 out=$2 times=$3; shift 3
  rm -rf "$WORK/lsstate"
  LC_ALL=C /usr/bin/time -a -o "$times" -f "%e %U %S %M" timeout 3600 java "$@" -jar "$JAR" check \
    --rules "$RULES" --level "$LEVEL" --stdout --dry-run --no-cache --state "$WORK/lsstate" "$f" > "$out" 2>> "$WORK/ours.stderr"
}
run_cached() { # file out times jvm-options...: with the warm automata cache
  local f=$1 out=$2 times=$3; shift 3
  rm -rf "$WORK/lsstate" && mkdir -m 700 "$WORK/lsstate" && cp -p "$WORK/warm/automata.cache" "$WORK/lsstate/"
  LC_ALL=C /usr/bin/time -a -o "$times" -f "%e %U %S %M" timeout 3600 java "$@" -jar "$JAR" check \
    --rules "$RULES" --level "$LEVEL" --stdout --dry-run --automata-cache --state "$WORK/lsstate" "$f" > "$out" 2>> "$WORK/ours.stderr"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== logcheck $(dpkg-query -W -f '${Version}' logcheck), rules $RULES ($LEVEL), LC_ALL=C; $RUNS runs per size (100 MB: $RUNS_BIG), alternating"
echo "== package options: $TUNED"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| new input | lines | logcheck wall s | jar wall s | jar cached wall s | package wall s | package cached wall s | logcheck CPU s | jar CPU s | jar cached CPU s | package CPU s | package cached CPU s | CPU ratio jar / cached | CPU ratio package / cached | logcheck peak RSS MB | jar peak RSS MB | jar cached peak RSS MB |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for mb in $SIZES; do
  f="$WORK/syslog-$mb"
  runs=$RUNS
  [ "$mb" = 100 ] && runs=$RUNS_BIG
  : > "$WORK/t.lc"; : > "$WORK/t.jar"; : > "$WORK/t.pkg"; : > "$WORK/t.jarc"; : > "$WORK/t.pkgc"
  for i in $(seq "$runs"); do
    run_logcheck "$f" "$WORK/lc.out" "$WORK/t.lc"
    run_ours "$f" "$WORK/jar.out" "$WORK/t.jar"
    run_cached "$f" "$WORK/jarc.out" "$WORK/t.jarc"
    # shellcheck disable=SC2086
    run_ours "$f" "$WORK/pkg.out" "$WORK/t.pkg" $TUNED
    # shellcheck disable=SC2086
    run_cached "$f" "$WORK/pkgc.out" "$WORK/t.pkgc" $TUNED
    for o in jar jarc pkg pkgc; do
      cmp -s "$WORK/lc.out" "$WORK/$o.out" || { echo "DIFFERENT REPORT ($mb MB, run $i, $o): $WORK/lc.out $WORK/$o.out" >&2; exit 1; }
    done
  done
  w() { awk '{print $1}' "$1" | median; }
  c() { awk '{print $2 + $3}' "$1" | median; }
  m() { awk '{print $4 / 1024}' "$1" | median; }
  cj=$(c "$WORK/t.jar"); cjc=$(c "$WORK/t.jarc"); cp_=$(c "$WORK/t.pkg"); cpc=$(c "$WORK/t.pkgc")
  printf '| %s MB | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2fx | %.2fx | %.0f | %.0f | %.0f |\n' "$mb" "$(wc -l < "$f")" \
    "$(w "$WORK/t.lc")" "$(w "$WORK/t.jar")" "$(w "$WORK/t.jarc")" "$(w "$WORK/t.pkg")" "$(w "$WORK/t.pkgc")" \
    "$(c "$WORK/t.lc")" "$cj" "$cjc" "$cp_" "$cpc" "$(echo "$cj / $cjc" | bc -l)" "$(echo "$cp_ / $cpc" | bc -l)" \
    "$(m "$WORK/t.lc")" "$(m "$WORK/t.jar")" "$(m "$WORK/t.jarc")"
  { echo "raw $mb MB (wall user sys maxrss per run):"; for t in lc jar jarc pkg pkgc; do echo "  $t: $(tr '\n' ';' < "$WORK/t.$t")"; done; } >> "$WORK/raw.txt"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== per-run figures: $WORK/raw.txt"
echo "== reports byte-identical to logcheck's in every run"
