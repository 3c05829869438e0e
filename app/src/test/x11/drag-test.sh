#!/usr/bin/env bash
# Drags palette entries into a rack with real X input (Xvfb + xdotool), the way a user does, and
# checks the result: a server that fits is placed; one that does not is refused with a message.
# The TestFX tests cannot prove this: their headless platform simulates drag-and-drop itself.
#
# Runs once without a window manager and once under openbox (when it is installed).
# Needs: the built app (app/target/tokenrack-app.jar), Xvfb and xdotool; a JDK 25 from JAVA_HOME
# or the PATH. Usage: bash app/src/test/x11/drag-test.sh
# DRAG_TEST_ARTIFACTS=DIR keeps the window's probe file, logs and a screenshot on failure;
# DRAG_TEST_TIMEOUT_S (default 60) bounds each wait; DRAG_TEST_ALLOW_MISSING_TOOLS=1 turns missing
# tools into a loud skip (CI on a machine where they cannot be installed).
set -euo pipefail
cd "$(dirname "$0")/../../../.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=app/target/tokenrack-app.jar
DESIGN=app/src/test/x11/empty-rack.json
TIMEOUT_S=${DRAG_TEST_TIMEOUT_S:-60}

fail() {
  echo "drag-test: FAIL: $*" >&2
  [ -f "${PROBE:-}" ] && echo "drag-test: the window's message line: $(sed -n 's/^message //p' "$PROBE")" >&2
  if [ -n "${DRAG_TEST_ARTIFACTS:-}" ]; then # what the window showed and said, for a post-mortem
    mkdir -p "$DRAG_TEST_ARTIFACTS"
    cp "$PROBE" "$WORK"/*.log "$DRAG_TEST_ARTIFACTS"/ 2>/dev/null || true
    command -v import >/dev/null && import -window root "$DRAG_TEST_ARTIFACTS/screen.png" 2>/dev/null || true
    echo "drag-test: the probe file, logs and a screenshot are in $DRAG_TEST_ARTIFACTS" >&2
  fi
  exit 1
}
if [ "$(uname)" != Linux ]; then
  echo "drag-test: *** SKIPPED: the real-mouse drag test drives X11 (Linux); on $(uname) drag a palette entry into a rack by hand ***" >&2
  exit 0
fi
for tool in Xvfb xdotool; do
  if ! command -v "$tool" >/dev/null; then
    if [ "${DRAG_TEST_ALLOW_MISSING_TOOLS:-}" = 1 ]; then
      echo "drag-test: *** SKIPPED: $tool is missing, so the real-mouse drag into a rack was NOT tested ***" >&2
      exit 0
    fi
    echo "drag-test: $tool is missing (Debian/Ubuntu: apt-get install xvfb xdotool openbox)" >&2
    exit 2
  fi
done
[ -f "$JAR" ] || { echo "drag-test: $JAR is missing; build it first: ./mvnw -B -DskipTests package" >&2; exit 2; }

WORK=$(mktemp -d)
XVFB_PID= WM_PID= APP_PID=
stop() { # stops what this script started, by process id
  local pid
  for pid in "$APP_PID" "$WM_PID" "$XVFB_PID"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  APP_PID= WM_PID= XVFB_PID=
}
trap 'stop; rm -rf "$WORK"' EXIT

# waits until the command succeeds, polling every 0.2 s, at most TIMEOUT_S seconds
wait_for() {
  local what=$1; shift
  local deadline=$((SECONDS + TIMEOUT_S))
  until "$@"; do
    if [ -n "$APP_PID" ] && ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 20 "$WORK/app.log" >&2 || true
      APP_PID=
      fail "the app exited while waiting for $what"
    fi
    [ $SECONDS -lt $deadline ] || fail "timed out after ${TIMEOUT_S}s waiting for $what"
    sleep 0.2
  done
}

free_display() {
  local n
  for n in $(seq 90 140); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { echo "$n"; return 0; }
  done
  return 1
}

PROBE=$WORK/ui.txt
xdotool_quiet() { xdotool "$@" >/dev/null 2>&1; }
probe_has() { [ -f "$PROBE" ] && grep -q -- "$1" "$PROBE"; }
# prints "X Y W H" of the node with this id, from the window's probe file
bounds() { awk -v id="$1" '$1 == "node" && $2 == id { print $3, $4, $5, $6; exit }' "$PROBE"; }
item_count() { grep -c '^node item-' "$PROBE" || true; }
# the drop's outcome is on screen: a refusal on the message line, or one more item in the rack
refused_or_placed() { probe_has '^message Refused:' || [ "$(item_count)" -gt "$before" ]; }

# press on (x0,y0), move in small steps to (x1,y1), release: the gesture a hand makes
drag() {
  local x0=$1 y0=$2 x1=$3 y1=$4 steps=40 i
  xdotool mousemove "$x0" "$y0"
  xdotool mousedown 1
  for i in $(seq 1 $steps); do
    xdotool mousemove $((x0 + (x1 - x0) * i / steps)) $((y0 + (y1 - y0) * i / steps))
    sleep 0.02 # pacing of the gesture itself, not a wait for the application
  done
  xdotool mouseup 1
}

# where the palette entry and the rack are now; the window lays itself out again as results arrive
layout_of() { grep -E "^node (palette-item-$1|rack-elevation-rack-1) " "$PROBE" 2>/dev/null | cut -d' ' -f1-6; }
# true once the entry's and the rack's bounds have not moved for two seconds (polled every 0.2 s):
# aiming with bounds read before a late layout pass would release the item at another U
layout_still() {
  local now
  now=$(layout_of "$1")
  if [ -n "$now" ] && [ "$now" = "${LAYOUT_SEEN:-}" ]; then
    [ $((SECONDS - LAYOUT_SINCE)) -ge 2 ]
  else
    LAYOUT_SEEN=$now LAYOUT_SINCE=$SECONDS
    return 1
  fi
}

# drags the palette entry with this catalog id to the rack's elevation, released at this fraction of its height from the top
drag_entry_to_rack() {
  local entry=$1 fraction=$2 ex ey ew eh rx ry rw rh
  LAYOUT_SEEN= LAYOUT_SINCE=$SECONDS
  wait_for "the palette entry $entry and the rack to stop moving" layout_still "$entry"
  read -r ex ey ew eh < <(bounds "palette-item-$entry")
  read -r rx ry rw rh < <(bounds "rack-elevation-rack-1")
  drag $((ex + ew / 2)) $((ey + eh / 2)) $((rx + rw * 2 / 3)) $((ry + rh * fraction / 100))
}

run_case() {
  local wm=$1 display before
  display=$(free_display) || fail "no free X display between :90 and :140"
  export DISPLAY=":$display"
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
  XVFB_PID=$!
  wait_for "Xvfb on $DISPLAY" xdotool_quiet getdisplaygeometry
  if [ "$wm" = openbox ]; then
    openbox >"$WORK/wm.log" 2>&1 &
    WM_PID=$!
  fi
  rm -f "$PROBE"
  cp "$DESIGN" "$WORK/design.json"
  "$JAVA" -Dtokenrack.home="$WORK/home-$wm" -Dtokenrack.uiProbe="$PROBE" -jar "$JAR" "$WORK/design.json" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  wait_for "the window to show the palette and the rack" \
    sh -c "grep -q '^node palette-item-dgx-h100 ' '$PROBE' 2>/dev/null && grep -q '^node rack-elevation-rack-1 ' '$PROBE'"
  [ "$(item_count)" -eq 0 ] || fail "($wm) the test rack is not empty at start"

  # a DGX H100 (8U, 10.2 kW) into the lower part of an empty 48U, 40 kW rack: placed
  drag_entry_to_rack dgx-h100 75
  wait_for "($wm) the dragged DGX H100 to appear in the rack" probe_has '^node item-.*NVIDIA DGX H100'
  echo "drag-test: ($wm) placed: $(grep '^node item-' "$PROBE" | cut -d' ' -f8-)"

  # a DGX B200 (10U) released at the top: refused, with the reason on the message line
  before=$(item_count)
  drag_entry_to_rack dgx-b200 3
  wait_for "($wm) the refusal of a DGX B200 at the top" refused_or_placed
  probe_has '^message Refused: beyond the top' || fail "($wm) a DGX B200 released at the top was not refused: $(sed -n 's/^message //p' "$PROBE")"
  [ "$(item_count)" -eq "$before" ] || fail "($wm) a refused item was placed anyway"
  echo "drag-test: ($wm) refused: $(sed -n 's/^message //p' "$PROBE")"
  stop
}

run_case none
if command -v openbox >/dev/null; then
  run_case openbox
else
  echo "drag-test: openbox is not installed: the run under a window manager is SKIPPED" >&2
fi
echo "drag-test: OK"
