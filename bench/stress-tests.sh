#!/usr/bin/env bash
# The test suite under load (developer tool, not shipped): keeps every core busy with a background
# load and runs the whole test suite several times in a row, reporting each run's result and exit
# code. Tests wait on conditions, not on time, so they must pass on a loaded machine too.
#
# Usage: bench/stress-tests.sh [-n RUNS] [-l LOAD_PROCESSES] [-- MAVEN ARGS...]
#   -n RUNS            runs of the suite (default 3; 0 starts and stops the load only)
#   -l LOAD_PROCESSES  busy processes in the background (default: one per core, $(nproc))
#   MAVEN ARGS         passed to every run, after --, e.g. -- -pl engine -Dtest='*ModelTest'
# Environment: MVN_OFFLINE=1 runs Maven offline; MVN_GOAL (default test) is the goal run each time.
# Logs: ${TMPDIR:-/tmp}/tokenrack-stress/run-N.log. Exit code 0 only when every run passed.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=3
load=$(nproc 2>/dev/null || echo 2)
while getopts "n:l:h" opt; do
    case "$opt" in
        n) runs=$OPTARG ;;
        l) load=$OPTARG ;;
        h) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "usage: bench/stress-tests.sh [-n RUNS] [-l LOAD_PROCESSES] [-- MAVEN ARGS...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
for v in "$runs" "$load"; do
    if ! [[ "$v" =~ ^[0-9]+$ ]]; then
        echo "stress-tests: -n and -l take a whole number, got '$v'" >&2
        exit 2
    fi
done

out="${TMPDIR:-/tmp}/tokenrack-stress"
mkdir -p "$out"
load_pids=()

stop_load() {
    if [ ${#load_pids[@]} -gt 0 ]; then
        kill "${load_pids[@]}" 2>/dev/null
        wait "${load_pids[@]}" 2>/dev/null
        echo "load stopped (${#load_pids[@]} processes)"
        load_pids=()
    fi
}
trap stop_load EXIT
trap 'stop_load; exit 130' INT
trap 'stop_load; exit 143' TERM

# The load: stress-ng when installed, else busy shell loops; one process per core by default.
if [ "$load" -gt 0 ]; then
    if command -v stress-ng >/dev/null 2>&1; then
        stress-ng --cpu "$load" --quiet &
        load_pids+=($!)
        echo "load: stress-ng --cpu $load (pid ${load_pids[*]})"
    else
        for _ in $(seq "$load"); do
            bash -c 'while :; do :; done' &
            load_pids+=($!)
        done
        echo "load: $load busy loops (pids ${load_pids[*]})"
    fi
fi
echo "load before the runs: $(uptime)"

goal="${MVN_GOAL:-test}"
failed=0
for i in $(seq 1 "$runs"); do
    log="$out/run-$i.log"
    start=$(date +%s)
    ./mvnw -B ${MVN_OFFLINE:+-o} "$goal" "$@" >"$log" 2>&1
    code=$?
    took=$(($(date +%s) - start))
    # surefire's total per module is the "Tests run: …" line without a time (the per-class lines have one)
    totals=$(grep -Eo 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" \
        | awk -F'[:,] ' '{r+=$2; f+=$4; e+=$6; s+=$8} END {if (NR) printf "%d tests, %d failures, %d errors, %d skipped", r, f, e, s}')
    if [ "$code" -eq 0 ]; then
        echo "run $i of $runs: PASS (exit 0) in ${took} s: ${totals:-no test totals}; $(uptime | sed 's/.*load/load/')"
    else
        failed=$((failed + 1))
        echo "run $i of $runs: FAIL (exit $code) in ${took} s: ${totals:-no test totals}; log $log"
        grep -E '^\[ERROR\]   ' "$log" | head -20
    fi
done

echo "$((runs - failed)) of $runs runs passed under a load of $load processes on $(nproc 2>/dev/null || echo '?') cores"
[ "$failed" -eq 0 ]
