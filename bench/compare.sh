#!/usr/bin/env bash
# Kernel lab against native baselines on this computer (developer tool, not shipped):
# runs `tokenrack calibrate` and the native references (bench/native.sh) back to back and prints
# Java / native ratios for the triad (same working set) and the one-thread fp32 GEMM.
# Usage: bench/compare.sh [--quick]     (needs a JDK 25, gcc; numpy for the GEMM baseline)
# Take numbers on a quiet machine: `uptime` should show a load average well below the core count.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/tokenrack-bench"
mkdir -p "$out"
[ -f engine/target/tokenrack-cli.jar ] || ./mvnw -B -q -pl engine -am package -DskipTests
echo "load before: $(uptime)"
java -jar engine/target/tokenrack-cli.jar calibrate "$@" --json --profile-file "$out/host-profile.json" > "$out/calibrate.json"
mib=$(python3 -c "import json; p=json.load(open('$out/calibrate.json'))['hostProfile']; print(max(s['workingSetBytes'] for s in p['streamSweep'])/2**20)")
bench/native.sh "$mib" | tee "$out/native.txt"
echo "load after: $(uptime)"
python3 - "$out/calibrate.json" "$out/native.txt" <<'PY'
import json, sys
cal = json.load(open(sys.argv[1]))
lines = [json.loads(l) for l in open(sys.argv[2]) if l.startswith("{")]
triad_all = max((l for l in lines if "bestTriadGBps" in l), key=lambda l: l["threads"])
gemm = {}
for l in lines:  # the strongest native baseline per size (auto-detected or forced AVX-512 kernels)
    if "medianGflops" in l and (l["n"] not in gemm or l["medianGflops"] > gemm[l["n"]]["medianGflops"]):
        gemm[l["n"]] = l
p = cal["hostProfile"]
print(f"triad (double, 24 B/element), all cores: Java {cal['triadGBps']:.1f} GB/s, C {triad_all['bestTriadGBps']:.1f} GB/s -> {100*cal['triadGBps']/triad_all['bestTriadGBps']:.0f}%")
for sq in p["gemmSquare"]:
    n = sq["n"]
    if n in gemm:
        print(f"fp32 GEMM {n}^3, one thread: Java {sq['gflopsOneThread']:.1f} GFLOP/s (median), numpy/OpenBLAS ({gemm[n]['openblasCoretype']} kernels) {gemm[n]['medianGflops']:.1f} (median) -> {100*sq['gflopsOneThread']/gemm[n]['medianGflops']:.0f}%")
for key in ("transformerDecodeOneThread", "transformerDecode"):
    d = cal[key]
    print(f"decode {d['threads']} thread(s): measured {d['measuredTokensPerSecond']:.1f} tokens/s, engine predicts {d['predictedTokensPerSecond']:.1f} ({d['predictionErrorPercent']:+.1f}%), kernel-lab count {d['kernelLabPredictedTokensPerSecond']:.1f}")
PY
