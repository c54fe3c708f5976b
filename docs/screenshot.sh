#!/usr/bin/env bash
# Takes a screenshot of the workbench on the bundled samples under Xvfb, for README and docs/images.
#   docs/screenshot.sh OUT.png [seconds-to-wait] [extra app args...]
# Needs: apt-get install -y xvfb libgtk-3-0 imagemagick; and `mvn package` first.
set -euo pipefail
out=${1:-docs/images/workbench.png}
wait=${2:-8}
shift 2 || true
display=:97
Xvfb $display -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display java -Dprism.order=sw -Dlogsentry.config.dir="$(mktemp -d)" \
  -jar target/logsentry.jar --samples "$@" >/tmp/logsentry-screenshot.log 2>&1 &
app=$!
sleep "$wait"
DISPLAY=$display import -window root "$out"
kill $app 2>/dev/null || true
echo "wrote $out"
