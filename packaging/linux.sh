#!/usr/bin/env bash
# Builds the TokenRack window as a Linux app image with its own Java runtime (jlink + jpackage),
# so that a computer without a JDK runs it, and, when dpkg-deb and fakeroot are present, a .deb.
#
# Usage: bash packaging/linux.sh [--no-deb]
# Needs: a JDK 25 (JAVA_HOME, or java on the PATH) and the built app jar (./mvnw -DskipTests package).
# Output: app/target/package/TokenRack/ (run bin/TokenRack) and app/target/package/tokenrack_VERSION_ARCH.deb
# PACKAGE_OUT=DIR puts them elsewhere. Check the image with: bash packaging/check-app-image.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DEB=1
for a in "$@"; do
  case "$a" in
    --no-deb) DEB=0 ;;
    *) echo "linux.sh: unknown option '$a' (usage: bash packaging/linux.sh [--no-deb])" >&2; exit 2 ;;
  esac
done

BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jlink jpackage; do
  command -v "${BIN}$tool" >/dev/null || { echo "linux.sh: ${BIN}$tool is missing: point JAVA_HOME at a full JDK 25" >&2; exit 2; }
done
JAR=app/target/tokenrack-app.jar
[ -f "$JAR" ] || { echo "linux.sh: $JAR is missing; build it first: ./mvnw -B -DskipTests package" >&2; exit 2; }

# jpackage wants a plain numeric version: the project's version without -SNAPSHOT
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -n 1)
VERSION=${VERSION:-0.1.0}
OUT=${PACKAGE_OUT:-app/target/package}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
rm -rf "$OUT"
mkdir -p "$OUT" "$WORK/input"
cp "$JAR" "$WORK/input/"

# The runtime: the modules the app jar uses (jdeps --print-module-deps on it) plus those JavaFX,
# JFreeChart and the logging reach by reflection. jdk.incubator.vector is the engine's optional
# SIMD kernels (the Kernel lab).
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml
MODULES=$MODULES,jdk.unsupported,jdk.unsupported.desktop,jdk.incubator.vector,jdk.jfr,jdk.management,jdk.charsets,jdk.zipfs
echo "linux.sh: linking a Java runtime ($MODULES)"
"${BIN}jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --output "$WORK/runtime" | grep -v 'Using incubator modules' || true

echo "linux.sh: app image $OUT/TokenRack (version $VERSION)"
"${BIN}jpackage" --type app-image --name TokenRack --app-version "$VERSION" \
  --vendor TokenRack --description "Design AI inference racks and see what they produce" \
  --input "$WORK/input" --main-jar tokenrack-app.jar \
  --runtime-image "$WORK/runtime" \
  --java-options "--enable-native-access=ALL-UNNAMED" \
  --dest "$OUT"

if [ "$DEB" = 1 ]; then
  if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    echo "linux.sh: .deb package"
    "${BIN}jpackage" --type deb --app-image "$OUT/TokenRack" --name TokenRack --app-version "$VERSION" \
      --vendor TokenRack --description "Design AI inference racks and see what they produce" \
      --linux-package-name tokenrack --linux-app-category science --linux-shortcut \
      --dest "$OUT"
  else
    echo "linux.sh: dpkg-deb or fakeroot is missing (Debian/Ubuntu: apt-get install dpkg-dev fakeroot): no .deb built" >&2
  fi
fi
ls -1 "$OUT"
du -sh "$OUT/TokenRack"
