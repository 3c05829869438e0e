package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.kernels.Attention;
import io.tokenrack.engine.kernels.FmaPeak;
import io.tokenrack.engine.kernels.Gemm;
import io.tokenrack.engine.kernels.Gemv;
import io.tokenrack.engine.kernels.PackedB;
import io.tokenrack.engine.kernels.ParallelGemm;
import io.tokenrack.engine.kernels.ParallelGemv;
import io.tokenrack.engine.kernels.WorkerPool;
import io.tokenrack.engine.kernels.llama.LlamaConfig;
import io.tokenrack.engine.lab.harness.Bench;
import io.tokenrack.engine.lab.harness.TimedOperation;
import io.tokenrack.engine.lab.host.HostProfile.GemmPoint;
import io.tokenrack.engine.lab.host.HostProfile.GemvPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * Compute-side measurements: the FMA ceiling, square GEMMs (packing included, as a BLAS call
 * would), GEMM efficiency versus M at a decode/prefill shape (weights pre-packed), GEMV bandwidth
 * versus matrix size, decode attention, and per-call overheads.
 */
final class ComputeProbe {
    private final Bench bench;
    private final WorkerPool pool;
    private final float[] perWorker;

    ComputeProbe(Bench bench, WorkerPool pool) {
        this.bench = bench;
        this.pool = pool;
        this.perWorker = new float[pool.size() * 16];
    }

    double peakOneThread() {
        long iters = 1 << 18;
        return bench.measure("fma 1T", () -> FmaPeak.run(iters, 1f)).rate(FmaPeak.flops(iters)) / 1e9;
    }

    double peakAllCores() {
        long iters = 1 << 18;
        WorkerPool.Task task = (w, ws) -> perWorker[w * 16] = FmaPeak.run(iters, w);
        return bench.measure("fma all", () -> {
            pool.run(task);
            return perWorker[0];
        }).rate(FmaPeak.flops(iters) * pool.size()) / 1e9;
    }

    /** Square fp32 GEMM, B packed inside the timed call; GFLOP/s at the median. */
    double squareGemm(int n, boolean allCores) {
        float[] a = random(n * n, 1);
        float[] b = random(n * n, 2);
        float[] c = new float[n * n];
        PackedB packed = new PackedB(n, n);
        double flops = 2.0 * n * n * n;
        if (allCores) {
            ParallelGemm gemm = new ParallelGemm(pool);
            return bench.measure("gemm all " + n, () -> {
                gemm.packAndMultiply(a, n, b, packed, c);
                return c[n];
            }).rate(flops) / 1e9;
        }
        return bench.measure("gemm 1T " + n, () -> {
            packed.pack(b);
            Gemm.multiply(a, n, packed, c);
            return c[n];
        }).rate(flops) / 1e9;
    }

    /**
     * The one-thread square GEMM of {@link #squareGemm} timed by this thread's CPU time: the
     * kernel's own speed on a busy computer (NaN where the JVM cannot read thread CPU time).
     */
    double squareGemmThreadCpu(int n) {
        Bench cpu = bench.onThreadCpuTime();
        if (cpu == null) {
            return Double.NaN;
        }
        float[] a = random(n * n, 1);
        float[] b = random(n * n, 2);
        float[] c = new float[n * n];
        PackedB packed = new PackedB(n, n);
        return cpu.measure("gemm 1T cpu " + n, () -> {
            packed.pack(b);
            Gemm.multiply(a, n, packed, c);
            return c[n];
        }).rate(2.0 * n * n * n) / 1e9;
    }

    /**
     * GEMM (M x K) * (K x N) with pre-packed weights, one thread, for each M. M = 1 runs as a GEMV
     * over the same weights stored N x K, as BLAS libraries dispatch it and as decoding runs it.
     */
    List<GemmPoint> gemmByM(int[] ms, int n, int k, double peakOneThread) {
        int maxM = 0;
        for (int m : ms) {
            maxM = Math.max(maxM, m);
        }
        float[] a = random(maxM * k, 3);
        float[] c = new float[maxM * n];
        PackedB w = PackedB.of(random(k * n, 4), k, n);
        List<GemmPoint> points = new ArrayList<>();
        float[] wt = random(n * k, 4);
        for (int m : ms) {
            TimedOperation op = m == 1
                    ? () -> {
                        Gemv.multiply(wt, a, c, k, 0, n);
                        return c[n - 1];
                    }
                    : () -> {
                        Gemm.multiply(a, m, w, c);
                        return c[m - 1];
                    };
            double g = bench.measure("gemm M=" + m, op).rate(2.0 * m * n * k) / 1e9;
            points.add(new GemmPoint(m, n, k, g, g / peakOneThread));
        }
        return points;
    }

    /** Bytes of one GEMV call in the working-set sweep: about one layer matrix of a small model. */
    static final long GEMV_CALL_BYTES = 4L << 20;
    /** Columns of the GEMV matrices (the small model's hidden sizes are of this order). */
    static final int GEMV_COLS = 1024;

    /**
     * GEMV on one thread and on all workers over working sets of the given sizes (1024 columns),
     * streamed as consecutive calls of at most {@link #GEMV_CALL_BYTES} (row blocks of one matrix),
     * as a decode step streams its layers one matrix at a time; efficiency against the triad.
     */
    /**
     * One weight-streaming pass: y = W·x over {@code rows} × {@value #GEMV_COLS}, as consecutive calls
     * of at most {@link #GEMV_CALL_BYTES}; on the caller's thread ({@code parallel} null) or on all
     * workers, as the GEMV sweep times it.
     */
    static void streamGemv(float[] w, float[] x, float[] y, int rows, ParallelGemv parallel) {
        int block = (int) Math.max(1, Math.min(rows, GEMV_CALL_BYTES / 4 / GEMV_COLS));
        for (int r = 0; r < rows; r += block) {
            if (parallel == null) {
                Gemv.multiply(w, x, y, GEMV_COLS, r, Math.min(rows, r + block));
            } else {
                parallel.multiply(w, x, y, r, Math.min(block, rows - r), GEMV_COLS);
            }
        }
    }

    List<GemvPoint> gemvByWorkingSet(long[] bytes, LongToDoubleFunction triadOneThread, LongToDoubleFunction triadAllCores) {
        int cols = GEMV_COLS;
        long max = 0;
        for (long b : bytes) {
            max = Math.max(max, b);
        }
        float[] w = random(Math.toIntExact(max / 4), 5);
        float[] x = random(cols, 6);
        int maxRows = Math.toIntExact(max / 4 / cols);
        float[] y = new float[maxRows];
        ParallelGemv gemv = new ParallelGemv(pool);
        List<GemvPoint> points = new ArrayList<>();
        for (long b : bytes) {
            int rows = Math.toIntExact(b / 4 / cols);
            double one = bench.measure("gemv 1T " + b, () -> {
                streamGemv(w, x, y, rows, null);
                return y[rows - 1];
            }).rate(4.0 * rows * cols) / 1e9;
            double all = bench.measure("gemv all " + b, () -> {
                streamGemv(w, x, y, rows, gemv);
                return y[rows - 1];
            }).rate(4.0 * rows * cols) / 1e9;
            long ws = 4L * rows * cols;
            points.add(new GemvPoint(ws, one, all, one / triadOneThread.applyAsDouble(ws), all / triadAllCores.applyAsDouble(ws)));
        }
        return points;
    }

    /** Decode attention in the model's shape at {@code positions} cached tokens, one thread or all workers; GFLOP/s. */
    double attention(LlamaConfig cfg, int positions, boolean allCores) {
        float[] q = random(cfg.attentionDim(), 7);
        float[] keys = random(positions * cfg.kvDim(), 8);
        float[] values = random(positions * cfg.kvDim(), 9);
        float[] scores = new float[cfg.heads() * positions];
        float[] out = new float[cfg.attentionDim()];
        WorkerPool.Task task = (w, ws) -> Attention.decode(q, keys, values, scores, positions, out, positions,
                cfg.heads(), cfg.kvHeads(), cfg.headDim(), WorkerPool.split(cfg.heads(), w, ws), WorkerPool.split(cfg.heads(), w + 1, ws));
        double flops = 4.0 * positions * cfg.heads() * cfg.headDim();
        if (!allCores) {
            return bench.measure("attention 1T", () -> {
                task.run(0, 1);
                return out[1];
            }).rate(flops) / 1e9;
        }
        return bench.measure("attention all", () -> {
            pool.run(task);
            return out[1];
        }).rate(flops) / 1e9;
    }

    /** One small kernel call on this thread (a 2 x 16 GEMV): the fixed cost of a call. */
    double callOverheadSeconds() {
        float[] w = random(32, 10);
        float[] x = random(16, 11);
        float[] y = new float[2];
        return bench.measure("call", () -> {
            Gemv.multiply(w, x, y, 16, 0, 2);
            return y[1];
        }).secondsPerOp().median();
    }

    /** Dispatching an empty task to all workers and waiting for them. */
    double parallelCallOverheadSeconds() {
        WorkerPool.Task task = (w, ws) -> perWorker[w * 16] += 1f;
        return bench.measure("dispatch", () -> {
            pool.run(task);
            return perWorker[0];
        }).secondsPerOp().median();
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
