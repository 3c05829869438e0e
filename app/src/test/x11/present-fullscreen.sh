#!/usr/bin/env bash
# Presentation mode under a window manager: F5 in the main window opens the deck full screen
# (the window covers the screen and the window manager marks it _NET_WM_STATE_FULLSCREEN), and Esc
# leaves it (the presentation window goes, the main window stays). Runs the built app jar on Xvfb
# with openbox; needs Xvfb, openbox, xdotool, xwininfo and xprop. Exit 0 when both hold.
#   bash app/src/test/x11/present-fullscreen.sh [app/target/tokenrack-app.jar]
set -uo pipefail
jar=${1:-app/target/tokenrack-app.jar}
size=1366x768
home=$(mktemp -d)
disp=":$(( 300 + RANDOM % 100 ))"
Xvfb "$disp" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $app $wm $xvfb 2>/dev/null; rm -rf "$home"' EXIT
sleep 2
DISPLAY=$disp openbox >/dev/null 2>&1 & wm=$!
sleep 2
DISPLAY=$disp "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dtokenrack.home="$home" -Dprism.order=sw -jar "$jar" >"$home/app.log" 2>&1 & app=$!
main=""
for _ in $(seq 90); do sleep 2; main=$(DISPLAY=$disp xdotool search --name "TokenRack$" 2>/dev/null | head -1); [ -n "$main" ] && break; done
[ -n "$main" ] || { echo "present-fullscreen: the main window never appeared"; tail "$home/app.log"; exit 1; }
sleep 8
DISPLAY=$disp xdotool windowactivate --sync "$main" 2>/dev/null
DISPLAY=$disp xdotool mousemove 700 700 click 1   # a chart: focus in the window, nothing changed
sleep 2
DISPLAY=$disp xdotool key F5
deck=""
for _ in $(seq 45); do sleep 2; deck=$(DISPLAY=$disp xdotool search --onlyvisible --name "presentation" 2>/dev/null | head -1); [ -n "$deck" ] && break; done
[ -n "$deck" ] || { echo "present-fullscreen: F5 opened no presentation window"; exit 1; }
sleep 4
geometry=$(DISPLAY=$disp xwininfo -id "$deck" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}')
state=$(DISPLAY=$disp xprop -id "$deck" _NET_WM_STATE)
echo "present-fullscreen: presentation window $geometry, $state"
[ "$geometry" = "$size" ] || { echo "present-fullscreen: not the whole $size screen"; exit 1; }
[[ "$state" == *_NET_WM_STATE_FULLSCREEN* ]] || { echo "present-fullscreen: the window manager does not see it full screen"; exit 1; }
DISPLAY=$disp xdotool key Escape
sleep 4
if DISPLAY=$disp xdotool search --onlyvisible --name "presentation" >/dev/null 2>&1; then
  echo "present-fullscreen: Esc did not leave the presentation"; exit 1
fi
DISPLAY=$disp xwininfo -id "$main" | grep -q IsViewable || { echo "present-fullscreen: the main window went too"; exit 1; }
echo "present-fullscreen: F5 full screen and Esc back to the main window: ok"
