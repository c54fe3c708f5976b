#!/usr/bin/env bash
# Writes a syslog-like file of about SIZE_MB megabytes (default 1024) to OUT (default
# /tmp/logsentry-bench/syslog-1g.log). Never commit the output.
set -euo pipefail
OUT=${1:-/tmp/logsentry-bench/syslog-1g.log}
SIZE_MB=${2:-1024}
mkdir -p "$(dirname "$OUT")"
python3 - "$OUT" "$SIZE_MB" <<'PY'
import random, sys
out, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
rnd = random.Random(1)
progs = ["sshd", "CRON", "kernel", "postfix/smtpd", "systemd", "dnsmasq", "named", "sudo"]
words = ("connection from accepted publickey session opened closed for user root invalid "
         "port disconnect timeout refused query reply cached forwarded lease renew").split()
chunk, written, sec = [], 0, 0
with open(out, "w") as f:
    while written < size:
        sec += rnd.randint(0, 2)
        d, s = divmod(sec, 86400)
        h, s = divmod(s, 3600)
        m, s = divmod(s, 60)
        msg = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 18)))
        line = "Nov %2d %02d:%02d:%02d gw %s[%d]: %s\n" % (
            1 + d % 28, h, m, s, rnd.choice(progs), rnd.randint(100, 32000), msg)
        chunk.append(line)
        written += len(line)
        if len(chunk) >= 10000:
            f.write("".join(chunk))
            chunk = []
    f.write("".join(chunk))
PY
ls -l "$OUT"
