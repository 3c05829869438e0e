package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.kernels.ParallelGemv;
import io.tokenrack.engine.kernels.WorkerPool;
import io.tokenrack.engine.lab.harness.Stats;


/**
 * A quick re-measurement of the GEMV (weight-streaming) rate at one working set, taken between
 * the decode generations so that the decode and the bandwidth its prediction uses are measured
 * under the same conditions: on a shared computer another process can take a core between the
 * calibration's bandwidth step and the decode, and the prediction would then compare two
 * different machines. The same pass as the GEMV sweep ({@link ComputeProbe#streamGemv}); timed directly (the sweep
 * already warmed the JIT), median of {@value #PASSES} passes.
 */
final class GemvCheck {
    static final int PASSES = 5;

    private final float[] w;
    private final float[] x;
    private final float[] y;
    private final int rows;
    private final ParallelGemv parallel;
    private volatile float sink;

    /** @param workingSetBytes the matrix size to stream (rounded down to whole rows of 1,024 floats) */
    GemvCheck(WorkerPool pool, long workingSetBytes) {
        this.rows = Math.toIntExact(Math.max(1, workingSetBytes / 4 / ComputeProbe.GEMV_COLS));
        this.w = ComputeProbe.random(rows * ComputeProbe.GEMV_COLS, 11);
        this.x = ComputeProbe.random(ComputeProbe.GEMV_COLS, 12);
        this.y = new float[rows];
        this.parallel = pool.size() == 1 ? null : new ParallelGemv(pool);
    }

    /** Bytes one pass streams. */
    long workingSetBytes() {
        return 4L * rows * ComputeProbe.GEMV_COLS;
    }

    /** GB/s on all of the pool's workers (a pool of one: the caller's thread), median of the passes. */
    double gbps() {
        double[] seconds = new double[PASSES];
        for (int p = 0; p < PASSES; p++) {
            long t0 = System.nanoTime();
            ComputeProbe.streamGemv(w, x, y, rows, parallel);
            seconds[p] = (System.nanoTime() - t0) * 1e-9;
            sink += y[rows - 1];
        }
        return workingSetBytes() / Stats.of(seconds).median() / 1e9;
    }
}
