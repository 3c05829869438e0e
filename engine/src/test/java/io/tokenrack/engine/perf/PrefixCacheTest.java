package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/**
 * Prefix caching: a share h of every prompt is already in the KV cache, so only (1 − h)·I tokens
 * are prefilled; they attend to the whole context, and the memory per sequence does not change.
 */
class PrefixCacheTest {
    private static StepModel tinyDense() {
        // M½ = 0: η = 0.8 at any batch, so the GEMM time is exactly proportional to the tokens.
        return new StepModel(ModelShape.of(StepModelTest.DENSE), StepModelTest.DEVICE, Precision.BF16, Precision.BF16, 1, 1, 1,
                StepModelTest.FABRIC, StepModelTest.FABRIC, StepModelTest.constants(0));
    }

    private static double seconds(StepTime s, OperatorClass c) {
        return s.secondsByClass()[c.ordinal()];
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    @Test
    void halfThePromptCachedHalvesTheFfnButEachNewTokenStillAttendsToTheWholePrefix() {
        StepModel s = tinyDense();
        // The whole 8,000-token prompt prefilled in one step, h = 0 and h = 0.5.
        StepTime cold = s.stage(0, 0, 8000, 8000, 0);
        StepTime warm = s.stage(0, 0, 4000, 8000, 4000);

        // FFN: 2·t·12,582,912 FLOP at 1 PFLOP/s·0.8: t = 8,000 → 251.65824 µs; t = 4,000 → 125.82912 µs
        // (weights 25,165,824 B at 0.8 TB/s = 31.46 µs: compute-bound both times).
        close(251.65824e-6, seconds(cold, OperatorClass.DENSE_FFN), "FFN, nothing cached");
        close(125.82912e-6, seconds(warm, OperatorClass.DENSE_FFN), "FFN, half cached");

        // Attention: 4·H·d_h = 4,096 FLOP and 1,024 B of KV per context token, query tile 128.
        //   h = 0:   8,000 tokens attend to 4,000 on average: 1.31072e11 FLOP (262.144 µs at 0.5 PFLOP/s);
        //            reads 8,000·1,024·(1 + 4,000/128) = 264,192,000 B at 0.8 TB/s = 330.24 µs
        //   h = 0.5: 4,000 tokens attend to the 4,000 cached + 2,000 = 6,000: 9.8304e10 FLOP (196.608 µs);
        //            reads 4,000·1,024·(1 + 6,000/128) = 196,096,000 B = 245.12 µs
        close(330.24e-6, seconds(cold, OperatorClass.ATTENTION_CORE), "attention, nothing cached");
        close(245.12e-6, seconds(warm, OperatorClass.ATTENTION_CORE), "attention, half cached");

        // One prompt finishes in either step: one token sampled, the same LM head.
        close(seconds(cold, OperatorClass.LM_HEAD), seconds(warm, OperatorClass.LM_HEAD), "LM head");
        // Cached KV occupies memory all the same.
        assertEquals(s.maxSequencesPerRank(9000), s.maxSequencesPerRank(9000));
    }

    @Test
    void noPrefixCacheIsTheModelAsBefore() {
        StepModel s = ServingModelTest.h200Llama8b();
        ServingPoint before = new ServingModel(s, ModelConstants.DEFAULT, 4096, 512, Batching.CONTINUOUS).at(64);
        ServingPoint zero = new ServingModel(s, ModelConstants.DEFAULT, 4096, 512, Batching.CONTINUOUS, 0).at(64);
        assertEquals(before.ttftSeconds(), zero.ttftSeconds());
        assertEquals(before.tpotSeconds(), zero.tpotSeconds());
        assertEquals(before.outputTokensPerSecond(), zero.outputTokensPerSecond());
        assertEquals(before.inputTokensPerSecond(), zero.inputTokensPerSecond());
        close(s.stage(8, 4352, 100, 4096).seconds(), s.stage(8, 4352, 100, 4096, 0).seconds(), "stage");
    }

    @Test
    void moreCacheHitsNeverSlowTheFirstTokenNorCutThroughput() {
        StepModel s = ServingModelTest.h200Llama8b();
        for (Batching b : Batching.values()) {
            for (double c : new double[] {1, 16, 256}) {
                ServingPoint previous = null;
                int maxConcurrency = -1;
                for (double h : new double[] {0, 0.1, 0.5, 0.85, 0.9, 0.97, 0.999}) {
                    ServingModel m = new ServingModel(s, ModelConstants.DEFAULT, 8192, 1024, b, h);
                    ServingPoint p = m.at(c);
                    String at = b + " c=" + c + " h=" + h;
                    if (previous != null) {
                        assertTrue(p.ttftSeconds() <= previous.ttftSeconds(), "TTFT grew: " + at);
                        assertTrue(p.outputTokensPerSecond() >= previous.outputTokensPerSecond(), "tokens/s fell: " + at);
                        assertEquals(maxConcurrency, m.maxConcurrency(), "KV memory per sequence is unchanged: " + at);
                    }
                    // Input tokens/s counts every prompt token, cached or not.
                    assertEquals(p.outputTokensPerSecond() * 8192 / 1024, p.inputTokensPerSecond(), 1e-6 * p.inputTokensPerSecond(), at);
                    previous = p;
                    maxConcurrency = m.maxConcurrency();
                }
            }
        }
        ServingPoint cold = new ServingModel(s, ModelConstants.DEFAULT, 8192, 1024, Batching.CONTINUOUS, 0).at(16);
        ServingPoint warm = new ServingModel(s, ModelConstants.DEFAULT, 8192, 1024, Batching.CONTINUOUS, 0.9).at(16);
        assertTrue(warm.ttftSeconds() < 0.5 * cold.ttftSeconds(), "90% hits cut an 8k prompt's TTFT by more than half: "
                + cold.ttftSeconds() + " → " + warm.ttftSeconds());
    }

    @Test
    void aHitRateOutsideZeroToOneIsRefused() {
        for (double h : new double[] {-0.1, 1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new ServingModel(ServingModelTest.h200Llama8b(), ModelConstants.DEFAULT, 1024, 128, Batching.CONTINUOUS, h));
        }
    }
}
