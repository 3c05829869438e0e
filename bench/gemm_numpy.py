"""Native GEMM reference for the kernel lab: numpy a @ b in fp32 on one BLAS thread.

Run through bench/native.sh, which sets OPENBLAS_NUM_THREADS=1 (and the MKL/OMP equivalents)
before numpy loads. Prints one JSON line per size: median and best GFLOP/s of 2 n^3 FLOPs.
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
    deadline = time.perf_counter() + 3.0
    while len(times) < 5 or (time.perf_counter() < deadline and len(times) < 30):
        t0 = time.perf_counter()
        c = a @ b
        times.append(time.perf_counter() - t0)
    times.sort()
    flops = 2.0 * n ** 3
    print(json.dumps({"n": n, "library": "numpy " + np.__version__,
                      "openblasCoretype": os.environ.get("OPENBLAS_CORETYPE", "auto"),
                      "medianGflops": round(flops / times[len(times) // 2] / 1e9, 1),
                      "bestGflops": round(flops / times[0] / 1e9, 1), "runs": len(times), "checksum": float(c[0, 0])}))
