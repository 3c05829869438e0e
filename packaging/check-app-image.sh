#!/usr/bin/env bash
# Starts the packaged app image the way a user without Java does and checks that the window comes
# up: the image is copied to a fresh directory, the environment is emptied (no JAVA_HOME, a PATH
# without any java), and the launcher runs on a virtual X display (Xvfb). It passes when an X
# window titled "… — TokenRack" shows the palette, the example rack and its evaluated numbers.
#
# Usage: bash packaging/check-app-image.sh [IMAGE_DIR]   (default app/target/package/TokenRack,
# built by packaging/linux.sh). Needs Xvfb and xdotool (Debian/Ubuntu: apt-get install xvfb xdotool).
# CHECK_TIMEOUT_S (default 120) bounds the wait for the window.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${1:-app/target/package/TokenRack}
TIMEOUT_S=${CHECK_TIMEOUT_S:-120}

[ -x "$IMAGE/bin/TokenRack" ] || { echo "check-app-image: $IMAGE/bin/TokenRack is missing; build it: bash packaging/linux.sh" >&2; exit 2; }
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "check-app-image: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 2; }
done

WORK=$(mktemp -d)
XVFB_PID= APP_PID=
cleanup() {
  for pid in "$APP_PID" "$XVFB_PID"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "check-app-image: FAIL: $*" >&2
  tail -n 30 "$WORK/app.log" >&2 2>/dev/null || true
  exit 1
}

# a clean directory: the image alone, as a user unpacks it
cp -a "$IMAGE" "$WORK/TokenRack"
mkdir -p "$WORK/empty-bin" "$WORK/home"
CLEAN_PATH="$WORK/empty-bin"
if env -i PATH="$CLEAN_PATH" sh -c 'command -v java' >/dev/null 2>&1; then
  fail "java is still reachable on the clean PATH"
fi

display=
for n in $(seq 150 199); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
[ -n "$display" ] || fail "no free X display between :150 and :199"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
deadline=$((SECONDS + 20))
until DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || fail "Xvfb did not start on $display"
  sleep 0.2
done

PROBE=$WORK/ui.txt
# JAVA_TOOL_OPTIONS is read by the bundled JVM itself: the probe file says what the window shows
( cd "$WORK" && exec env -i PATH="$CLEAN_PATH" HOME="$WORK/home" DISPLAY="$display" \
    JAVA_TOOL_OPTIONS="-Dtokenrack.uiProbe=$PROBE -Dtokenrack.home=$WORK/home/.tokenrack" \
    "$WORK/TokenRack/bin/TokenRack" ) >"$WORK/app.log" 2>&1 &
APP_PID=$!

deadline=$((SECONDS + TIMEOUT_S))
# the titles of the visible windows of the app (its X class is the JavaFX application class)
titles() {
  local w
  for w in $(DISPLAY=$display xdotool search --onlyvisible --class TokenRackApp 2>/dev/null); do
    DISPLAY=$display xdotool getwindowname "$w" 2>/dev/null || true
  done
}
until [ -f "$PROBE" ] && grep -q '^node palette-item-' "$PROBE" && grep -q '^node rack-elevation-' "$PROBE" \
      && titles | grep -q -- '— TokenRack$'; do
  kill -0 "$APP_PID" 2>/dev/null || { APP_PID=; fail "the app exited before its window came up"; }
  if [ $SECONDS -ge $deadline ]; then
    echo "check-app-image: windows: $(titles | tr '\n' '|'); probe: $(cut -d' ' -f1-2 "$PROBE" 2>/dev/null | tr '\n' ' ' | cut -c1-300)" >&2
    fail "no TokenRack window showing the palette and a rack after ${TIMEOUT_S}s"
  fi
  sleep 0.5
done
title=$(titles | grep -- '— TokenRack$' | head -n 1)
echo "check-app-image: OK: window \"$title\" from $IMAGE, started with no JDK on the PATH ($(du -sh "$WORK/TokenRack" | cut -f1) image)"
