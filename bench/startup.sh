#!/usr/bin/env bash
# Start-up times, alternating each program with its reference within every round, medians:
#  - CLI: `java -jar target/logsentry.jar --version` and an empty `check` (dry run, server rules),
#    next to a bare JVM (`java -version`, the floor) and Debian's logcheck on the same empty log;
#    the empty check also with the package launcher's JVM options (C1, ParallelGC, AppCDS).
#  - Workbench: from launch (`java -jar target/logsentry.jar`, on a fresh HOME with no workspace)
#    until its window is mapped on an Xvfb display (xdotool search --sync), next to a minimal
#    JavaFX-free reference window (xmessage) started and found the same way.
#
# Usage: bench/startup.sh [RUNS (default 7)]
# Needs: root for logcheck (run as the logcheck user via su; skipped when missing), xvfb, xdotool,
# libgtk-3-0. Writes only under $WORK (default /tmp/logsentry-startup).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
WORK=${WORK:-/tmp/logsentry-startup}
rm -rf "$WORK" && mkdir -p "$WORK"/{state,lock,tmp,home}
mvn -B -q -o package -DskipTests
mkdir -p "$WORK/app" && cp -r target/logsentry.jar target/lib "$WORK/app/"
JAR=$WORK/app/logsentry.jar
: > "$WORK/empty.log"
chmod 755 "$WORK" && chmod 644 "$WORK/empty.log"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { # file cmd... : appends "wall cpu" of one run
  local f=$1; shift
  /usr/bin/time -a -o "$f" -f "%e %U %S" "$@" > /dev/null 2>> "$WORK/stderr" || true
}
summary() { # label file
  printf '| %s | %.3f | %.3f |\n' "$1" "$(awk '{print $1}' "$2" | median)" "$(awk '{print $2 + $3}' "$2" | median)"
}

LOGCHECK=""
if [ "$(id -u)" = 0 ] && [ -x /usr/sbin/logcheck ]; then
  chown logcheck "$WORK"/{state,lock,tmp}
  printf 'REPORTLEVEL="server"\nLOCKDIR="%s/lock"\nLOCKFILE="%s/lock/logcheck"\nTMP="%s/tmp"\n' "$WORK" "$WORK" "$WORK" > "$WORK/logcheck.conf"
  chmod 644 "$WORK/logcheck.conf"
  LOGCHECK=1
fi
# the package launcher's options, with an AppCDS archive made by a training run as postinst does
TUNED=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC)
printf 'Jan  1 00:00:00 host sshd[1]: Failed password for root from 192.0.2.1 port 22 ssh2\n' > "$WORK/train.log"
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$WORK/classes.lst" java "${TUNED[@]}" -jar "$JAR" check \
  --rules /etc/logcheck --stdout --dry-run --state "$WORK/s" "$WORK/train.log" > /dev/null 2>&1 || true
java -Xshare:dump -XX:SharedClassListFile="$WORK/classes.lst" -XX:SharedArchiveFile="$WORK/app.jsa" \
  -cp "$JAR" > /dev/null 2>&1 || true
[ -f "$WORK/app.jsa" ] && TUNED+=(-XX:SharedArchiveFile="$WORK/app.jsa")

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "== $RUNS alternating rounds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  timed "$WORK/t.jvm" java -version
  timed "$WORK/t.version" java -jar "$JAR" --version
  [ -n "$LOGCHECK" ] && timed "$WORK/t.logcheck" su -s /bin/bash -c \
    "LC_ALL=C /usr/sbin/logcheck -c $WORK/logcheck.conf -o -t -l $WORK/empty.log -S $WORK/state" logcheck
  timed "$WORK/t.empty" java -jar "$JAR" check --rules /etc/logcheck --level server --stdout \
    --dry-run --state "$WORK/ls" "$WORK/empty.log"
  timed "$WORK/t.tuned" java "${TUNED[@]}" -jar "$JAR" check --rules /etc/logcheck --level server \
    --stdout --dry-run --state "$WORK/ls" "$WORK/empty.log"
done
printf '| CLI (median of %s) | wall s | CPU s |\n|---|---|---|\n' "$RUNS"
summary 'bare JVM: `java -version`' "$WORK/t.jvm"
summary '`logsentry --version` (jar)' "$WORK/t.version"
[ -n "$LOGCHECK" ] && summary 'logcheck, empty log' "$WORK/t.logcheck"
summary '`logsentry check`, empty log (jar)' "$WORK/t.empty"
summary '`logsentry check`, empty log (package options + AppCDS)' "$WORK/t.tuned"

# Workbench: time until the window is mapped, on its own Xvfb display
if command -v xvfb-run > /dev/null && command -v xdotool > /dev/null; then
  cat > "$WORK/window.sh" <<'EOS'
#!/bin/bash
# inside xvfb-run: start $@ and print the seconds until a window named $NAME is visible
start=$(date +%s.%N)
"$@" > /dev/null 2>&1 &
pid=$!
if timeout 60 xdotool search --sync --onlyvisible --name "$NAME" > /dev/null 2>&1; then
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
else
  echo "nan"
fi
kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true
EOS
  chmod +x "$WORK/window.sh"
  export HOME=$WORK/home # a fresh workspace; JavaFX unpacks its natives here once
  NAME=LogSentry xvfb-run -a "$WORK/window.sh" java -Dprism.order=sw -jar "$JAR" > /dev/null 2>&1 || true
  for i in $(seq "$RUNS"); do
    NAME=reference xvfb-run -a "$WORK/window.sh" xmessage -title reference ok >> "$WORK/w.ref" 2>/dev/null || true
    NAME=LogSentry xvfb-run -a "$WORK/window.sh" java -Dprism.order=sw -jar "$JAR" >> "$WORK/w.ls" 2>/dev/null || true
  done
  printf '\n| Workbench window (median of %s) | s until mapped |\n|---|---|\n' "$RUNS"
  printf '| reference window (xmessage) | %.3f |\n' "$(grep -v nan "$WORK/w.ref" | median)"
  printf '| `java -jar target/logsentry.jar` | %.3f |\n' "$(grep -v nan "$WORK/w.ls" | median)"
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
