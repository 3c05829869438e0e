"""Native GEMM reference for the kernel lab: numpy a @ b in fp32 on one BLAS thread.

Run through bench/native.sh, which sets OPENBLAS_NUM_THREADS=1 (and the MKL/OMP equivalents)
before numpy loads. Prints one JSON line per size: median and best GFLOP/s of 2 n^3 FLOPs, over
wall-clock time and over the calling thread's CPU time (with one BLAS thread the multiplication
runs on it; CPU time leaves out the time slices other processes took, so it is the figure to
compare on a shared machine).
A developer tool, not shipped.
"""
import json
import os
import sys
import time

import numpy as np

sizes = [int(s) for s in sys.argv[1:]] or [512, 1024, 2048]
for n in sizes:
    rng = np.random.default_rng(1)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    c = a @ b  # warm-up
    times = []
    cpu = []
    deadline = time.perf_counter() + 3.0
    while len(times) < 5 or (time.perf_counter() < deadline and len(times) < 30):
        t0 = time.perf_counter()
        c0 = time.thread_time()
        c = a @ b
        cpu.append(time.thread_time() - c0)
        times.append(time.perf_counter() - t0)
    times.sort()
    cpu.sort()
    flops = 2.0 * n ** 3
    print(json.dumps({"n": n, "library": "numpy " + np.__version__,
                      "openblasCoretype": os.environ.get("OPENBLAS_CORETYPE", "auto"),
                      "medianGflops": round(flops / times[len(times) // 2] / 1e9, 1),
                      "bestGflops": round(flops / times[0] / 1e9, 1),
                      "medianCpuGflops": round(flops / cpu[len(cpu) // 2] / 1e9, 1),
                      "bestCpuGflops": round(flops / cpu[0] / 1e9, 1), "runs": len(times), "checksum": float(c[0, 0])}))
