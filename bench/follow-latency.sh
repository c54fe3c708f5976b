#!/usr/bin/env bash
# Follow latency: time from a line's write to its delivery by the follower's real loop
# (watch service + 100 ms polling fallback), with a rename rotation every 500 lines.
# Usage: bench/follow-latency.sh [LINES]   Needs bench/jmh/target/benchmarks.jar (see index-speed.sh).
set -euo pipefail
cd "$(dirname "$0")"
JAR=jmh/target/benchmarks.jar
[ -f "$JAR" ] || { echo "build $JAR first (see bench/jmh/pom.xml)" >&2; exit 1; }
java -Xmx256m -cp "$JAR" dev.logsentry.bench.FollowLatencyBench "${1:-2000}"
