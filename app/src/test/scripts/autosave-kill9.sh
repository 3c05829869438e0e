#!/usr/bin/env bash
# kill -9 test of the app's autosave with two windows, as users make it: two app processes under a
# virtual X display, an unsaved edit in each (typed into the workload bar), both killed with
# SIGKILL, then a third start must offer both edits back and restore each into a window.
#
#   app/src/test/scripts/autosave-kill9.sh [path/to/tokenrack-app.jar]
#
# Needs Xvfb and xdotool (Debian/Ubuntu: apt-get install xvfb xdotool) and JDK 25 on PATH.
# Build the jar first: ./mvnw -B -DskipTests package. Exit status 0 when both edits came back.
# SHOT=FILE.png saves a picture of the screen when an edit cannot be made.
set -euo pipefail
here=$(cd "$(dirname "$0")/../../../.." && pwd)
jar=${1:-$here/app/target/tokenrack-app.jar}
[ -f "$jar" ] || { echo "autosave-kill9: no $jar (build it with ./mvnw -DskipTests package)" >&2; exit 2; }
work=$(mktemp -d)
disp=":$(( 200 + RANDOM % 100 ))"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$disp
for i in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done
home=$work/home
mkdir -p "$home"
cp "$here/presets/designs/dgx-h100-4x-air.json" "$work/a.json"
cp "$here/presets/designs/dgx-h100-4x-air.json" "$work/b.json"
app() { java -Duser.home="$home" -Dtokenrack.home="$home/.tokenrack" -jar "$jar" "$@" >>"$work/app.log" 2>&1 & pids+=($!); }
# waits (up to 3 minutes: a loaded machine starts a JVM slowly) for a window whose title matches
window() {
  local id=""
  for i in $(seq 1500); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1) || true
    [ -n "$id" ] && break
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "autosave-kill9: the app exited; its log: $(tail -5 "$work/app.log")" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$id" ] || { echo "autosave-kill9: no window '$1' after 5 minutes; app log: $(tail -5 "$work/app.log")" >&2; exit 1; }
  echo "$id"
}
# types a new output length into a window's workload bar (a window fills the 1366 × 768 screen; with no
# window manager the newest is not always on top, so it is raised first)
edit() {
  local w=$1 tokens=$2
  xdotool windowraise "$w" windowfocus --sync "$w"
  xdotool mousemove --window "$w" 440 58 click --repeat 3 1
  xdotool key ctrl+a type "$tokens"
  xdotool key Return
}
# whether an autosaved copy holds a design with this output length
copied() { grep -lq "\"outputTokens\" *: *$1\b" "$home"/.tokenrack/autosave*.json 2>/dev/null; }
# makes the edit until its copy is on disk (a window that has just appeared may not take input yet)
edit_kept() {
  for attempt in 1 2 3 4 5 6; do
    edit "$1" "$2"
    for i in $(seq 100); do copied "$2" && return 0; sleep 0.2; done
  done
  [ -n "${SHOT:-}" ] && import -window root "$SHOT" || true
  echo "autosave-kill9: no autosaved copy with outputTokens $2" >&2; return 1
}

app "$work/a.json"; a_pid=${pids[-1]}
wa=$(window "a\.json.*TokenRack")
edit_kept "$wa" 777
app "$work/b.json"; b_pid=${pids[-1]}
wb=$(window "b\.json.*TokenRack")
edit_kept "$wb" 888
kill -9 "$a_pid" "$b_pid"
wait "$a_pid" "$b_pid" 2>/dev/null || true
echo "autosave-kill9: killed both windows; copies left: $(ls "$home"/.tokenrack/autosave*.json | wc -l)"

app
for n in 1 2; do
  d=$(window "Restore unsaved changes")
  xdotool windowfocus --sync "$d" key Return
  for i in $(seq 100); do xdotool search --onlyvisible --name "Restore unsaved changes" 2>/dev/null | grep -qx "$d" || break; sleep 0.2; done
done
restored=0
for i in $(seq 300); do
  restored=$(xdotool search --onlyvisible --name "unsaved changes.*TokenRack" 2>/dev/null | wc -l)
  [ "$restored" -ge 2 ] && break
  sleep 0.2
done
if [ "$restored" -ge 2 ]; then
  echo "autosave-kill9: both edits offered and restored, each in a window"
else
  echo "autosave-kill9: FAILED, $restored window(s) with restored changes; log: $(tail -5 "$work/app.log")" >&2
  exit 1
fi
