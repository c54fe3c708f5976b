#!/bin/sh
# /usr/bin/logsentry (a link to this script): command-line runs take the launcher tuned for short
# runs (logsentry-cli: C1 only, AppCDS archive); no argument, --samples or an existing file opens
# the workbench with the default launcher. Both run the same main class, which decides what to do,
# so this choice changes only the start-up and JIT settings, never the behaviour.
bin=/opt/logsentry/bin
case "$1" in
    "" | --samples) exec "$bin/LogSentry" "$@" ;;
    # a long-running receiver: the default launcher's C2 (Java 17 decrypts TLS records with the
    # CPU's AES instructions only from C2 code) and the systemd unit's heap and collector, unless
    # the admin set JVM options
    serve)
        export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:--Xmx256m -Xmn128m -XX:+UseParallelGC}"
        exec "$bin/LogSentry" "$@"
        ;;
esac
if [ -e "$1" ]; then
    exec "$bin/LogSentry" "$@"
fi
exec "$bin/logsentry-cli" "$@"
