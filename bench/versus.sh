#!/usr/bin/env bash
# Java kernels against native baselines, interleaved so that other work on the machine hits both
# sides alike (developer tool, not shipped). Each round runs, back to back: the JMH fp32 GEMM
# (n = 1024, 2048, one thread, packing included), numpy a @ b on one OpenBLAS thread (the kernels
# OpenBLAS picks, and its AVX-512 kernels where the CPU has them), the JMH fp64 triad and the C
# OpenMP triad (1 GiB working set: one thread, and all cores with the set split across threads).
# GEMM: the best round's mean (Java, JMH throughput) against the best round's median (numpy).
# Triad: the fastest single pass on each side, as STREAM reports the best of its runs.
# Usage: bench/versus.sh [rounds (default 3)]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
out="${TMPDIR:-/tmp}/tokenrack-versus"
mkdir -p "$out"
threads=$(nproc)
./mvnw -B -q ${MVN_OFFLINE:+-o} -pl engine test-compile
./mvnw -B -q ${MVN_OFFLINE:+-o} -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
cp="engine/target/test-classes:engine/target/classes:$(cat engine/target/jmh.classpath)"
gcc -O3 -march=native -fopenmp -o "$out/stream_triad" bench/stream_triad.c
jmh() { java --add-modules jdk.incubator.vector -cp "$cp" org.openjdk.jmh.Main -w 1 -r 1 -f 1 "$@"; }
echo "load before: $(uptime)"
for r in $(seq 1 "$rounds"); do
  jmh 'KernelBenchmarks.gemmSquare$' -bm thrpt -tu s -wi 2 -i 3 -p n=1024,2048 -rf json -rff "$out/gemm-$r.json" > /dev/null
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 bench/gemm_numpy.py 1024 2048 > "$out/numpy-$r.txt" || true
  if grep -qw avx512f /proc/cpuinfo; then
    OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 bench/gemm_numpy.py 1024 2048 >> "$out/numpy-$r.txt" || true
  fi
  # single-shot passes, 20 timed: the best pass is STREAM's figure
  jmh 'KernelBenchmarks.triad$' -bm ss -tu ms -wi 5 -i 20 -p workingSetBytes=1073741824 -t 1 -rf json -rff "$out/triad1-$r.json" > /dev/null
  jmh 'KernelBenchmarks.triad$' -bm ss -tu ms -wi 5 -i 20 -p workingSetBytes=$((1073741824 / threads)) -t "$threads" -rf json -rff "$out/triadN-$r.json" > /dev/null
  OMP_NUM_THREADS=1 "$out/stream_triad" 1024 > "$out/c1-$r.txt"
  OMP_NUM_THREADS="$threads" OMP_PROC_BIND=spread "$out/stream_triad" 1024 > "$out/cN-$r.txt"
  echo "round $r done: $(uptime)"
done
python3 - "$out" "$rounds" <<'PY'
import glob, json, os, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def jmh_scores(pattern, best_shot=False):
    """Mean throughput per run, or (single shot) the fastest pass in ms of each run."""
    res = {}
    for f in glob.glob(os.path.join(out, pattern)):
        for b in json.load(open(f)):
            key = b["params"].get("n") or b["params"].get("workingSetBytes")
            m = b["primaryMetric"]
            value = min(x for fork in m["rawData"] for x in fork) if best_shot else m["score"]
            res.setdefault(key, []).append((value, b["threads"]))
    return res
gemm = jmh_scores("gemm-*.json")
numpy = {}
for f in glob.glob(os.path.join(out, "numpy-*.txt")):
    for line in open(f):
        if line.startswith("{"):
            d = json.loads(line)
            numpy.setdefault((d["n"], d["openblasCoretype"]), []).append(d["medianGflops"])
for n in sorted(gemm, key=int):
    java = max(v for v, _ in gemm[n]) * 2 * int(n) ** 3 / 1e9
    for (nn, core), v in sorted(numpy.items()):
        if nn == int(n):
            print(f"fp32 GEMM {n}^3, one thread: Java {java:.1f} GFLOP/s, numpy/OpenBLAS ({core} kernels) {max(v):.1f} -> {100 * java / max(v):.0f}%")
for label, jp, cp, threads in (("one thread", "triad1-*.json", "c1-*.txt", 1), ("all cores", "triadN-*.json", "cN-*.txt", None)):
    j = jmh_scores(jp, best_shot=True)
    (ws, shots), = j.items()
    ms, nthreads = min(shots)
    java = nthreads * 24 * (int(ws) // 24) / (ms / 1e3) / 1e9  # every thread streams its own set in that time
    c = max(json.loads(open(f).read())["bestTriadGBps"] for f in glob.glob(os.path.join(out, cp)))
    print(f"fp64 triad, 24 B/element, 1 GiB, {label}: Java {java:.1f} GB/s, C {c:.1f} GB/s -> {100 * java / c:.0f}%")
PY
echo "load after: $(uptime)"
