#!/usr/bin/env bash
# Takes the README/docs screenshots of the workbench on the bundled samples under Xvfb.
#   docs/screenshot.sh            all of them into docs/images/
#   docs/screenshot.sh OUT.png KEYS...   one screenshot after pressing KEYS (xdotool key names)
# Needs: apt-get install -y xvfb libgtk-3-0 imagemagick xdotool; and `mvn package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
display=:97

shot() {
  local out=$1; shift
  Xvfb $display -screen 0 1280x800x24 >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display java -Dprism.order=sw -Dlogsentry.config.dir="$(mktemp -d)" \
    -jar target/logsentry.jar --samples >/tmp/logsentry-screenshot.log 2>&1 &
  local app=$!
  sleep "${WAIT:-15}"
  for key in "$@"; do
    case $key in
      sleep:*) sleep "${key#sleep:}" ;;
      click:*) xy=${key#click:}; DISPLAY=$display xdotool mousemove "${xy%,*}" "${xy#*,}" click 1; sleep 1 ;;
      *) DISPLAY=$display xdotool key --clearmodifiers "$key"; sleep 1 ;;
    esac
  done
  sleep 2
  DISPLAY=$display import -window root "$out"
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
  kill $xvfb 2>/dev/null || true
  wait $xvfb 2>/dev/null || true
  echo "wrote $out"
}

if [ $# -gt 0 ]; then
  shot "$@"
  exit 0
fi
# The syslog sample is selected first; Ctrl+Alt+A jumps to its first attack.
shot docs/images/workbench.png ctrl+1 Home ctrl+alt+a
shot docs/images/workbench-dark.png ctrl+1 Home ctrl+alt+v ctrl+shift+d
shot docs/images/dns.png ctrl+1 End sleep:3 click:600,183
shot docs/images/rules.png ctrl+1 Home ctrl+alt+a sleep:2 F4
