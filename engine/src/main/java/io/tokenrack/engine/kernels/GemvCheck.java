package io.tokenrack.engine.kernels;

import java.util.Arrays;

/**
 * A quick re-measurement of the GEMV (weight-streaming) rate at one working set, taken between
 * the decode generations so that the decode and the bandwidth its prediction uses are measured
 * under the same conditions: on a shared computer another process can take a core between the
 * calibration's bandwidth step and the decode, and the prediction would then compare two
 * different machines. Same kernel and call sizes as the GEMV sweep; timed directly (the sweep
 * already warmed the JIT), median of {@value #PASSES} passes.
 */
final class GemvCheck {
    static final int PASSES = 5;
    private static final int COLS = 1024;

    private final WorkerPool pool;
    private final float[] w;
    private final float[] x;
    private final float[] y;
    private final int rows;
    private final int block;
    private final ParallelGemv parallel;
    private volatile float sink;

    /** @param workingSetBytes the matrix size to stream (rounded down to whole rows of 1,024 floats) */
    GemvCheck(WorkerPool pool, long workingSetBytes) {
        this.pool = pool;
        this.rows = Math.toIntExact(Math.max(1, workingSetBytes / 4 / COLS));
        this.w = ComputeProbe.random(rows * COLS, 11);
        this.x = ComputeProbe.random(COLS, 12);
        this.y = new float[rows];
        this.block = (int) Math.max(1, Math.min(rows, ComputeProbe.GEMV_CALL_BYTES / 4 / COLS));
        this.parallel = new ParallelGemv(pool);
    }

    /** Bytes one pass streams. */
    long workingSetBytes() {
        return 4L * rows * COLS;
    }

    /** GB/s on all of the pool's workers (its size 1: one thread), median of the passes. */
    double gbps() {
        double[] seconds = new double[PASSES];
        for (int p = 0; p < PASSES; p++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < rows; r += block) {
                if (pool.size() == 1) {
                    Gemv.multiply(w, x, y, COLS, r, Math.min(rows, r + block));
                } else {
                    parallel.multiply(w, x, y, r, Math.min(block, rows - r), COLS);
                }
            }
            seconds[p] = (System.nanoTime() - t0) * 1e-9;
            sink += y[rows - 1];
        }
        Arrays.sort(seconds);
        return workingSetBytes() / seconds[PASSES / 2] / 1e9;
    }
}
