package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.kernels.ParallelGemv;
import io.tokenrack.engine.kernels.WorkerPool;
import io.tokenrack.engine.kernels.llama.LlamaDecoder;
import io.tokenrack.engine.kernels.llama.LlamaWeights;
import io.tokenrack.engine.lab.harness.Stats;


/**
 * A quick re-measurement of the weight-streaming rate, taken between the decode generations so
 * that the decode and the bandwidth its prediction uses are measured under the same conditions:
 * on a shared computer another process can take a core between the calibration's bandwidth step
 * and the decode, and the prediction would then compare two different machines.
 *
 * <p>A pass streams the decode's own linear layers ({@link LlamaDecoder#linearLayers}): the
 * model's matrices (fused QKV, output, fused gate/up, down per layer, then the LM head), in the
 * decoder's order, through the same {@link ParallelGemv} calls on the same pool. The rate therefore carries whatever the decode's
 * GEMVs meet at this vector width and on these shapes (512- and 1,792-column rows, matrices of
 * 1-17 MB, one call per matrix), not that of a stand-in matrix: with 128- or 256-bit vectors a
 * 1,024-column stand-in streamed faster than the model's layers and the prediction came out too
 * fast. The calls' fixed cost (the measured dispatch, which the prediction adds per call) is
 * taken out of the pass time. Timed directly (the GEMV sweep already warmed the JIT), median of
 * {@value #PASSES} passes.
 */
final class GemvCheck {
    static final int PASSES = 5;

    private final LlamaDecoder decoder;
    private final double dispatchSeconds;
    private volatile float sink;

    /**
     * @param weights         the model the decode runs
     * @param dispatchSeconds the fixed cost of one GEMV call on this pool (the prediction's per-call dispatch)
     */
    GemvCheck(WorkerPool pool, LlamaWeights weights, double dispatchSeconds) {
        this.decoder = new LlamaDecoder(weights, pool);
        this.dispatchSeconds = Math.max(0, dispatchSeconds);
    }

    /** Bytes one pass streams: every linear layer's weights and the LM head. */
    long workingSetBytes() {
        return decoder.linearLayerBytes();
    }

    /** GEMV calls in one pass. */
    int calls() {
        return decoder.linearLayerCalls();
    }

    /** GB/s of the pass on the pool's workers, median of the passes, the calls' dispatch taken out. */
    double gbps() {
        double[] seconds = new double[PASSES];
        for (int p = 0; p < PASSES; p++) {
            long t0 = System.nanoTime();
            sink += decoder.linearLayers();
            seconds[p] = (System.nanoTime() - t0) * 1e-9;
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
