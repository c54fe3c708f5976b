#!/usr/bin/env bash
# bench/remote-tls-load: 100 concurrent TLS senders on loopback against `logsentry serve` and against
# rsyslog (imtcp with the gtls driver) receiving the same load, alternating, RUNS times each.
# Reports per run: lines/s from the first connection until every line is on disk, lines lost, the
# receiver's peak RSS (VmHWM), its CPU time at start and during the load (per line), and the
# sender's CPU per line while sending. Usage: bench/remote-tls-load/run.sh [SENDERS] [LINES] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
senders=${1:-100}; lines=${2:-5000}; runs=${3:-3}
# WARM=N: each sender first sends N untimed lines over its connection and the clock starts once
# they are on disk (the same for both receivers): the timed lines then go over established
# connections, the sustained rate of a running service rather than its first seconds
warm=${WARM:-0}
total=$((senders * lines))
work=$(mktemp -d /tmp/remote-tls-load.XXXXXX)
trap 'rm -rf "$work"' EXIT
jar="$top/target/logsentry.jar"
[ -f "$jar" ] || (cd "$top" && mvn -B -q -o package -DskipTests)
command -v rsyslogd >/dev/null || { echo "rsyslogd not installed: apt-get install rsyslog rsyslog-gnutls" >&2; exit 2; }
javac -d "$work/gen" "$here/TlsLoad.java"

# one certificate for both receivers, made by logsentry itself
java -jar "$jar" serve --fingerprint --state "$work/st" >/dev/null

wait_port() { for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
count() { find "$1" -type f -name '*.log' -exec cat {} + 2>/dev/null | wc -l; }

run_one() { # $1 = logsentry|rsyslog, $2 = run number
  local kind=$1 port=$((17000 + RANDOM % 2000)) out="$work/$1-$2" pid
  mkdir -p "$out"
  if [ "$kind" = logsentry ]; then
    # alert mail on, so that every line is classified live and handed to the mailer as a
    # mailing service does (none of these lines is an attack: no mail is sent; without any
    # listener serve would not classify at all)
    # the JVM options of the installed service (installers/linux/systemd/logsentry-serve.service)
    java -Xmx256m -Xmn128m -XX:+UseParallelGC -jar "$jar" serve --bind 127.0.0.1 --port "$port" --spool "$out/spool" \
      --state "$work/st" --max-per-address 200 \
      --mail-to bench@localhost --smtp-host 127.0.0.1 --smtp-port 9 2>"$out/err" & pid=$!
  else
    mkdir -p "$out/spool" "$out/work"
    cat > "$out/rsyslog.conf" <<CONF
global(workDirectory="$out/work" DefaultNetstreamDriver="gtls"
       DefaultNetstreamDriverCAFile="$work/st/tls/server-cert.pem"
       DefaultNetstreamDriverCertFile="$work/st/tls/server-cert.pem"
       DefaultNetstreamDriverKeyFile="$work/st/tls/server-key.pem")
module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon" MaxSessions="500")
input(type="imtcp" port="$port" address="127.0.0.1")
*.* action(type="omfile" file="$out/spool/all.log" template="RSYSLOG_FileFormat")
CONF
    rsyslogd -f "$out/rsyslog.conf" -i "$out/pid" -n 2>"$out/err" & pid=$!
  fi
  if [ "$kind" = logsentry ]; then
    for _ in $(seq 1 300); do grep -q receiving "$out/err" 2>/dev/null && break; sleep 0.2; done
  fi
  wait_port "$port"
  local t0 t1 n hwm c0 hz
  hz=$(getconf CLK_TCK)
  # the receiver's CPU time so far: its start (JVM, rules, TLS warm-up), before any sender
  c0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local before=$((senders * warm))
  java -cp "$work/gen" TlsLoad "$port" "$senders" "$lines" "$out/spool" "$warm" "$pid" \
    > "$out/load" || cat "$out/load" >&2
  # the clock starts at the sender's first connection (after its JVM start and its own warm-up)
  # and stops when the last line was on disk (or when nothing more arrived for 20 s)
  t0=$(awk '/^start/ {printf "%.3f", $2 / 1000}' "$out/load")
  t1=$(awk '/^on disk/ {printf "%.3f", $6 / 1000}' "$out/load")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  # the receiver's own CPU time (user + system, all threads): the machine is shared and loaded.
  # before = until the clock starts (start-up, warm-up lines); load = from then until every
  # line is on disk
  local c1 scpu
  c1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  # the receiver's CPU at the clock's start and when the last line was on disk (read by TlsLoad)
  if grep -q '^receiver CPU ticks' "$out/load"; then
    c0=$(awk '/^receiver CPU ticks/ {print $4}' "$out/load")
    c1=$(awk '/^receiver CPU ticks/ {print $5}' "$out/load")
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  n=$(($(count "$out/spool") - before))
  scpu=$(sed -n 's/.*sender CPU while sending \([0-9.]*\) s.*/\1/p' "$out/load")
  printf '%-9s run %d: %8.0f lines/s  lost %d of %d  peak RSS %d MB  CPU before %.1f s, timed load %.2f s = %.2f us/line  sender %.2f us/line  load %s\n' \
    "$kind" "$2" "$(echo "$total / ($t1 - $t0)" | bc -l)" "$((total - n))" "$total" \
    "$((hwm / 1024))" "$(echo "$c0 / $hz" | bc -l)" "$(echo "($c1 - $c0) / $hz" | bc -l)" \
    "$(echo "($c1 - $c0) / $hz / $total * 1000000" | bc -l)" \
    "$(echo "${scpu:-0} / $total * 1000000" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "senders=$senders lines/sender=$lines total=$total (after $warm untimed lines/sender); $(nproc) cores; load generator on the same machine"
for r in $(seq 1 "$runs"); do
  run_one logsentry "$r"
  run_one rsyslog "$r"
done
