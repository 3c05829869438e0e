package io.tokenrack.engine.kernels;


/**
 * A quick re-measurement of the weight-streaming rate, taken between the decode generations so
 * that the decode and the bandwidth its prediction uses are measured under the same conditions:
 * on a shared computer another process can take a core between the calibration's bandwidth step
 * and the decode, and the prediction would then compare two different machines.
 *
 * <p>A pass streams the decode's own linear layers: the model's matrices (fused QKV, output,
 * fused gate/up, down per layer, then the LM head), in the decoder's order, through the same
 * {@link ParallelGemv} calls on the same pool. The rate therefore carries whatever the decode's
 * GEMVs meet at this vector width and on these shapes (512- and 1,792-column rows, matrices of
 * 1-17 MB, one call per matrix), not that of a stand-in matrix: with 128- or 256-bit vectors a
 * 1,024-column stand-in streamed faster than the model's layers and the prediction came out too
 * fast. The calls' fixed cost (the measured dispatch, which the prediction adds per call) is
 * taken out of the pass time. Timed directly (the GEMV sweep already warmed the JIT), median of
 * {@value #PASSES} passes.
 */
final class GemvCheck {
    static final int PASSES = 5;

    private final LlamaWeights w;
    private final LlamaConfig c;
    private final ParallelGemv gemv;
    private final float[] x;
    private final float[] y;
    private final double dispatchSeconds;
    private volatile float sink;

    /**
     * @param weights         the model the decode runs
     * @param dispatchSeconds the fixed cost of one GEMV call on this pool (the prediction's per-call dispatch)
     */
    GemvCheck(WorkerPool pool, LlamaWeights weights, double dispatchSeconds) {
        this.w = weights;
        this.c = weights.config();
        this.gemv = new ParallelGemv(pool);
        this.x = ComputeProbe.random(Math.max(Math.max(c.dim(), c.attentionDim()), c.ffnDim()), 12);
        this.y = new float[Math.max(Math.max(c.qkvDim(), 2 * c.ffnDim()), Math.max(c.dim(), c.vocab()))];
        this.dispatchSeconds = Math.max(0, dispatchSeconds);
    }

    /** Bytes one pass streams: every linear layer's weights and the LM head. */
    long workingSetBytes() {
        long perLayer = (long) c.qkvDim() * c.dim() + (long) c.dim() * c.attentionDim() + 2L * c.ffnDim() * c.dim()
                + (long) c.dim() * c.ffnDim();
        return 4L * (c.layers() * perLayer + (long) c.vocab() * c.dim());
    }

    /** GEMV calls in one pass. */
    int calls() {
        return 4 * c.layers() + 1;
    }

    /** One pass over the linear layers, as the decoder calls them. */
    private void pass() {
        for (int l = 0; l < c.layers(); l++) {
            gemv.multiply(w.wqkv[l], x, y, c.qkvDim(), c.dim());
            gemv.multiply(w.wo[l], x, y, c.dim(), c.attentionDim());
            gemv.multiply(w.w13[l], x, y, 2 * c.ffnDim(), c.dim());
            gemv.multiply(w.w2[l], x, y, c.dim(), c.ffnDim());
        }
        gemv.multiply(w.lmHead, x, y, c.vocab(), c.dim());
    }

    /** GB/s of the pass on the pool's workers, median of the passes, the calls' dispatch taken out. */
    double gbps() {
        double[] seconds = new double[PASSES];
        for (int p = 0; p < PASSES; p++) {
            long t0 = System.nanoTime();
            pass();
            seconds[p] = (System.nanoTime() - t0) * 1e-9;
            sink += y[0];
        }
        return workingSetBytes() / streamingSeconds(Stats.of(seconds).median(), calls(), dispatchSeconds) / 1e9;
    }

    /**
     * The streaming part of a pass: its time less the calls' fixed cost, but never less than half
     * the pass (a dispatch figure measured in busier minutes must not make the rate absurd).
     */
    static double streamingSeconds(double passSeconds, int calls, double dispatchSeconds) {
        return Math.max(passSeconds - calls * dispatchSeconds, passSeconds / 2);
    }
}
