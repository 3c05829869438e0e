#!/usr/bin/env bash
# Native baselines the kernel lab is judged against (developer tool, not shipped):
#   - fp64 triad in C (gcc -O3 -march=native -fopenmp), all cores and one thread
#   - fp32 GEMM through numpy's BLAS (OpenBLAS) on one thread, when python3 has numpy
# Usage: bench/native.sh [triad working-set MiB (default 768)]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${TMPDIR:-/tmp}/tokenrack-bench"
mkdir -p "$out"
mib="${1:-768}"
gcc -O3 -march=native -fopenmp -o "$out/stream_triad" "$here/stream_triad.c"
echo "# C triad, all cores ($(nproc) threads)"
OMP_NUM_THREADS="$(nproc)" OMP_PROC_BIND=spread "$out/stream_triad" "$mib"
echo "# C triad, one thread"
OMP_NUM_THREADS=1 "$out/stream_triad" "$mib"
if python3 -c "import numpy" 2>/dev/null; then
  echo "# numpy fp32 GEMM, one BLAS thread, the BLAS kernel the library picks for this CPU"
  OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 "$here/gemm_numpy.py" 512 1024 2048
  if grep -qw avx512f /proc/cpuinfo; then
    # OpenBLAS builds with DYNAMIC_ARCH may not know a new CPU and fall back to AVX2 kernels
    # (Zen 5 gets "Haswell"); force its AVX-512 kernels for the stronger baseline
    echo "# numpy fp32 GEMM, one BLAS thread, OPENBLAS_CORETYPE=SkylakeX (AVX-512 kernels)"
    OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 OMP_NUM_THREADS=1 \
      python3 "$here/gemm_numpy.py" 512 1024 2048
  fi
else
  echo "# numpy not found: install python3-numpy for the GEMM baseline"
fi
