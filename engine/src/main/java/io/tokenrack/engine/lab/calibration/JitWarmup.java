package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.kernels.Attention;
import io.tokenrack.engine.kernels.Ert;
import io.tokenrack.engine.kernels.FmaPeak;
import io.tokenrack.engine.kernels.Gemm;
import io.tokenrack.engine.kernels.Gemv;
import io.tokenrack.engine.kernels.PackedB;
import io.tokenrack.engine.kernels.ParallelGemv;
import io.tokenrack.engine.kernels.RmsNorm;
import io.tokenrack.engine.kernels.Softmax;
import io.tokenrack.engine.kernels.Streams;
import io.tokenrack.engine.kernels.WorkerPool;

/**
 * Runs every kernel on tiny inputs often enough that C2 compiles it before any timing starts.
 * The Vector API is only fast once C2 has intrinsified it: interpreted or C1 code boxes every
 * vector, thousands of times slower, and a harness could mistake a steady slow phase for the result.
 */
public final class JitWarmup {
    /** Above C2's invocation threshold (about 15,000 with tiered compilation). */
    static final int CALLS = 20_000;

    private JitWarmup() {}

    /** Returns a checksum so the calls cannot be dropped. */
    public static double run(WorkerPool pool) {
        double sum = 0;
        double[] a = new double[256], b = new double[256], c = new double[256];
        float[] w = ComputeProbe.random(64 * 64, 1);
        float[] x = ComputeProbe.random(64, 2);
        float[] y = new float[64];
        // K one deeper than the GEMM's K block: the accumulating epilogue and the read-ahead of C run
        // too, so C2 compiles them before the square GEMM is timed instead of deoptimising during it
        int gemmK = Gemm.KC + 1;
        float[] gemmA = ComputeProbe.random(12 * gemmK, 3);
        float[] gemmB = ComputeProbe.random(gemmK * 64, 4);
        float[] gemmC = new float[12 * 64];
        PackedB packed = PackedB.of(gemmB, gemmK, 64);
        float[] kv = ComputeProbe.random(16 * 2 * 16, 5);
        float[] q = ComputeProbe.random(4 * 16, 6);
        float[] scores = new float[4 * 16];
        float[] out = new float[4 * 16];
        ParallelGemv gemv = new ParallelGemv(pool);
        for (int i = 0; i < CALLS; i++) {
            Streams.triad(a, b, c, 0.5, 0, 256);
            Streams.copy(a, b, 0, 256);
            Ert.run(a, 0, 256, 2, 0.999, 1e-3);
            Gemv.multiply(w, x, y, 64, 0, 64);
            Softmax.apply(y, 0, 64);
            RmsNorm.apply(y, x, x, 64);
            Attention.decode(q, kv, kv, scores, 16, out, 16, 4, 2, 16, 0, 4);
            sum += a[7] + y[3] + out[5] + FmaPeak.run(4, 1f);
            if (i % 8 == 0) {
                Gemm.multiply(gemmA, 12, packed, gemmC);
                packed.pack(gemmB, 0, 1);
                sum += gemmC[3];
            }
            if (i % 16 == 0) {
                gemv.multiply(w, x, y, 64, 64);
            }
        }
        return sum;
    }
}
