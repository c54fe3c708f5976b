#!/usr/bin/env bash
# Builds LogSentry's native packages with jpackage from the output of `mvn package`
# (target/logsentry.jar and target/lib/). Called by `mvn -Pinstaller package`, or by hand:
#   installers/build.sh [app-image|deb|rpm|msi|exe|dmg|pkg]...   (default on Linux: app-image deb)
# Output goes to installers/out/. See installers/README.md for Windows and macOS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
target="$top/target"
out="$here/out"
version=$(sed -n 's/^version=//p' "$target/classes/dev/logsentry/version.properties")
read -ra types <<< "$*"  # accepts "app-image deb" as one argument too (from Maven)
[ ${#types[@]} -gt 0 ] || types=(app-image deb)

[ -f "$target/logsentry.jar" ] || { echo "build.sh: run 'mvn package' first ($target/logsentry.jar missing)" >&2; exit 2; }
command -v jpackage >/dev/null || { echo "build.sh: jpackage (JDK 17+) not found" >&2; exit 2; }

# The input folder holds the app jar and its dependencies exactly as target/ has them, so the
# jar's Class-Path (lib/...) works inside the package too. JavaFX comes as plain jars: the
# launcher class dev.logsentry.Main is not an Application subclass, so no module path is needed.
input="$out/input"
rm -rf "$input" && mkdir -p "$input/lib"
cp "$target/logsentry.jar" "$input/"
cp "$target"/lib/*.jar "$input/lib/"
# the systemd unit of `logsentry serve`; postinst puts it in place, disabled
cp "$here/linux/systemd/logsentry-serve.service" "$input/"
cp "$here/linux/logsentry.sh" "$input/"   # /usr/bin/logsentry (see linux/postinst)

# A trimmed runtime: the JDK modules LogSentry and its libraries use (checked with jdeps).
modules=java.base,java.desktop,java.logging,java.naming,java.xml,java.scripting,java.management,java.prefs,java.sql,java.net.http,java.security.jgss,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.localedata

common=(
  --name LogSentry
  --app-version "$version"
  --vendor "LogSentry"
  --description "Log analyzer for system administrators: logcheck-compatible checks, dnscache decoding"
  --copyright "LogSentry developers"
  --input "$input"
  --main-jar logsentry.jar
  --main-class dev.logsentry.Main
  --add-modules "$modules"
  # jlink's defaults but for --strip-native-commands: `logsentry check` starts bin/java for a large
  # backlog, in a child JVM with a bounded heap (ADR 0008)
  --jlink-options "--strip-debug --no-man-pages --no-header-files"
  --java-options "-Xss2m"
  --dest "$out"
)

for type in "${types[@]}"; do
  case "$type" in
    app-image)
      rm -rf "$out/LogSentry"
      jpackage --type app-image "${common[@]}" --icon "$top/icons/logsentry-256.png" \
        --add-launcher logsentry-cli="$here/linux/cli.properties"
      ;;
    deb|rpm)
      jpackage --type "$type" "${common[@]}" \
        --icon "$top/icons/logsentry-256.png" \
        --install-dir /opt \
        --linux-package-name logsentry \
        --linux-deb-maintainer "logsentry@localhost" \
        --linux-menu-group "System;Monitor;" \
        --linux-app-category admin \
        --linux-shortcut \
        --linux-package-deps "libgtk-3-0" \
        --add-launcher logsentry-cli="$here/linux/cli.properties" \
        --resource-dir "$here/linux"
      ;;
    msi|exe)
      jpackage --type "$type" "${common[@]}" --icon "$here/windows/logsentry.ico" \
        --win-menu --win-menu-group LogSentry --win-shortcut --win-dir-chooser \
        --win-upgrade-uuid 6c1f6a6e-1b8e-4d55-9a55-8f0e6f1f3c21
      ;;
    dmg|pkg)
      # macOS wants an .icns: built from the PNGs with the system's iconutil.
      iconset="$out/LogSentry.iconset"
      rm -rf "$iconset" && mkdir -p "$iconset"
      for s in 16 32 128 256 512; do
        cp "$top/icons/logsentry-$s.png" "$iconset/icon_${s}x${s}.png"
        d=$((s * 2)); [ -f "$top/icons/logsentry-$d.png" ] && cp "$top/icons/logsentry-$d.png" "$iconset/icon_${s}x${s}@2x.png"
      done
      iconutil -c icns "$iconset" -o "$out/LogSentry.icns"
      jpackage --type "$type" "${common[@]}" --icon "$out/LogSentry.icns" \
        --mac-package-identifier dev.logsentry.app --mac-package-name LogSentry
      ;;
    *) echo "build.sh: unknown package type '$type'" >&2; exit 2 ;;
  esac
done
ls -la "$out"
