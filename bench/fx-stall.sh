#!/usr/bin/env bash
# Longest FX-thread stall while the workbench opens, indexes, classifies and filters a large log.
#   bench/fx-stall.sh [FILE]     (default: a 1 GB syslog made by bench/gen-syslog.sh)
# Runs FxStallSoakTest headless (Monocle); the result is printed and kept in target/fx-stall.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-/tmp/logsentry-bench/syslog-1g.log}
if [ ! -f "$file" ]; then
  bench/gen-syslog.sh "$file" 1024
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
mvn -B -q -Psoak test -Dtest=FxStallSoakTest -Dlogsentry.bench.file="$file" \
  -Dsurefire.failIfNoSpecifiedTests=false >/tmp/fx-stall-mvn.log 2>&1 || { tail -40 /tmp/fx-stall-mvn.log; exit 1; }
cat target/fx-stall.txt
