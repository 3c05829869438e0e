#!/usr/bin/env bash
# The kernel lab at every vector width on this computer (developer tool, not shipped): the
# one-thread fp32 GEMM against numpy/OpenBLAS at the same width, and optionally the small
# transformer's decode against its prediction, with the narrower widths forced by JVM flags:
#   512-bit: no flag (where the CPU has AVX-512)     OpenBLAS kernels: SkylakeX (AVX-512)
#   256-bit: -XX:UseAVX=2 (AVX2, 16 registers)        OpenBLAS kernels: Haswell (AVX2 + FMA)
#   128-bit: -XX:MaxVectorSize=16                      OpenBLAS kernels: Nehalem (SSE, no FMA: x86 OpenBLAS
#            has no 128-bit FMA kernel, so the ratio against the 128-bit FMA peak is printed too)
# Rounds are interleaved (Java and numpy of every width, then the next round) so that other work
# on the machine hits every side alike. The summary gives, per width and size, the ratio of Java's
# to OpenBLAS's median of each round, the median and spread of those ratios, and the best runs, in
# GFLOP/s over the thread's CPU time (time slices taken by other processes left out). TASKSET=CPU
# pins every run to that CPU (taskset -c CPU). WIDTHS="256" (or "512 128", ...) runs only those widths.
# Usage: bench/widths.sh [rounds (default 3)] [--decode]   (needs JDK 25 and python3 with numpy)
#   --decode also runs `calibrate --quick --json` once per width and prints measured and predicted
#   decode speeds (one thread and all cores).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
decode="${2:-}"
out="${TMPDIR:-/tmp}/tokenrack-widths"
rm -rf "$out" && mkdir -p "$out"
[ -f engine/target/tokenrack-cli.jar ] || ./mvnw -B -q ${MVN_OFFLINE:+-o} -pl engine -am package -DskipTests
java=(java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xms1g -XX:+IgnoreUnrecognizedVMOptions
      -XX:+UseTransparentHugePages -cp engine/target/tokenrack-cli.jar)
widths=(512 256 128)
flags=("" "-XX:UseAVX=2" "-XX:MaxVectorSize=16")
cores=(SkylakeX Haswell Nehalem)
sizes=(1024 2048)
pin=${TASKSET:+taskset -c $TASKSET}
echo "load before: $(uptime)"
selected=()
for i in 0 1 2; do
  case " ${WIDTHS:-512 256 128} " in *" ${widths[$i]} "*) selected+=("$i") ;; esac
done
for r in $(seq 1 "$rounds"); do
  for i in "${selected[@]}"; do
    # shellcheck disable=SC2086
    $pin "${java[@]}" ${flags[$i]} bench/GemmWidth.java "${sizes[@]}" 2>/dev/null > "$out/java-${widths[$i]}-$r.txt"
    OPENBLAS_CORETYPE=${cores[$i]} OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $pin python3 bench/gemm_numpy.py "${sizes[@]}" \
      > "$out/numpy-${widths[$i]}-$r.txt"
  done
  echo "round $r done: $(uptime)"
done
if [ "$decode" = "--decode" ]; then
  for i in "${selected[@]}"; do
    # shellcheck disable=SC2086
    "${java[@]}" ${flags[$i]} io.tokenrack.engine.cli.CalibrateCommand --quick --json \
      --profile-file "$out/profile-${widths[$i]}.json" 2>"$out/calibrate-${widths[$i]}.log" > "$out/calibrate-${widths[$i]}.json"
  done
fi
python3 - "$out" "$rounds" <<'PY'
import glob, json, os, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def rounds_of(pattern):
    """{size: {round: result}} from files named ...-ROUND.txt"""
    res = {}
    for f in glob.glob(os.path.join(out, pattern)):
        r = int(f.rsplit("-", 1)[1].split(".")[0])
        for line in open(f):
            if line.startswith("{"):
                d = json.loads(line)
                res.setdefault(d["n"], {})[r] = d
    return res
def med(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2
for w, core in (("512", "SkylakeX"), ("256", "Haswell"), ("128", "Nehalem")):
    j, n = rounds_of(f"java-{w}-*.txt"), rounds_of(f"numpy-{w}-*.txt")
    for size in sorted(j):
        if size not in n:
            continue
        both = sorted(set(j[size]) & set(n[size]))
        # each round's medians side by side (the runs of one round were made minutes apart, so load hits both)
        ratios = [j[size][r]["medianCpuGflops"] / n[size][r]["medianCpuGflops"] for r in both]
        bj = max(d["bestCpuGflops"] for d in j[size].values())
        bn = max(d["bestCpuGflops"] for d in n[size].values())
        d0 = next(iter(j[size].values()))
        print(f"{w}-bit ({d0['path']}; tile {d0['mr']}x{d0['nr']}, K block {d0.get('kc', '?')}): fp32 GEMM {size}^3 one thread, "
              f"CPU time: Java / OpenBLAS {core} per round (medians) {' '.join(f'{x:.2f}' for x in ratios)} -> "
              f"median {med(ratios):.2f}x (spread {min(ratios):.2f}-{max(ratios):.2f}); "
              f"Java {med([d['medianCpuGflops'] for d in j[size].values()]):.1f} GFLOP/s, "
              f"OpenBLAS {med([d['medianCpuGflops'] for d in n[size].values()]):.1f} (medians of round medians); "
              f"best {bj:.1f} / {bn:.1f} = {bj / bn:.2f}x")
for w in ("512", "256", "128"):
    f = os.path.join(out, f"calibrate-{w}.json")
    if os.path.exists(f) and os.path.getsize(f) > 0:
        cal = json.load(open(f))
        p = cal["hostProfile"]
        print(f"{w}-bit: {cal['kernelPathReason']}; FMA peak one thread {p['peakGflopsOneThread']:.1f} GFLOP/s; "
              f"GEMM one thread {cal['gemmGflopsPerCore']:.1f} ({cal['gemmGflopsPerCore'] / p['peakGflopsOneThread']:.0%} of peak)")
        for key in ("transformerDecodeOneThread", "transformerDecode"):
            d = cal[key]
            print(f"  decode {d['threads']} thread(s): measured {d['measuredTokensPerSecond']:.1f} tokens/s, engine predicts "
                  f"{d['predictedTokensPerSecond']:.1f} ({d['predictionErrorPercent']:+.1f}%), kernel-lab count "
                  f"{d['kernelLabPredictedTokensPerSecond']:.1f}")
PY
echo "load after: $(uptime)"
