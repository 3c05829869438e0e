package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.workload.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculative decoding on the made-up one-layer model of {@link StepModelTest}: a verify step of
 * k + 1 tokens per sequence, the draft's passes, and the acceptance curve, worked out by hand.
 */
class SpeculationTest {
    private static StepModel dense() {
        return new StepModel(ModelShape.of(StepModelTest.DENSE), StepModelTest.DEVICE, Precision.BF16, Precision.BF16, 1, 1, 1,
                StepModelTest.FABRIC, StepModelTest.FABRIC, StepModelTest.constants(8));
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    private static double seconds(StepTime s, OperatorClass c) {
        return s.secondsByClass()[c.ordinal()];
    }

    /*
     * The tiny dense layer (StepModelTest): attention projections 2,621,440 parameters, FFN 12,582,912,
     * LM head 32,768,000, KV 1,024 B per token in bf16. 1 PFLOP/s, 1 TB/s, η_max 0.8, M½ = 8, HBM 0.8,
     * attention 0.5 / 0.5, overheads 10 µs per step, 1 µs per sequence, 10 µs per layer.
     */

    @Test
    void aVerifyStepReadsTheWeightsAndEachSequencesKvOnceForAllItsTokens() {
        // 8 sequences at 1,000 tokens of context verify k = 2 drafts each: M = 24 rows, η = 0.8·24/32 = 0.6 → 600 TFLOP/s
        StepTime s = dense().stage(8, 3, 1000, 0, 0, 0);
        // projections: 2·24·2,621,440 = 125,829,120 FLOP (0.21 µs); weights 5,242,880 B + activations 2·24·1024·2 = 98,304 B
        //   = 5,341,184 B at 0.8 TB/s = 6.67648 µs
        close(6.67648e-6, seconds(s, OperatorClass.ATTENTION_PROJECTIONS), "projections");
        // attention: 24 queries · 4,096 FLOP · 1,000 tokens = 98,304,000 FLOP (0.197 µs at 500 TFLOP/s);
        //   the KV is read once per sequence: 8·1,024·1,000 = 8,192,000 B at 0.5 TB/s = 16.384 µs (as with one token)
        close(16.384e-6, seconds(s, OperatorClass.ATTENTION_CORE), "attention");
        // FFN: 2·24·12,582,912 = 603,979,776 FLOP (1.007 µs); 25,165,824 B at 0.8 TB/s = 31.45728 µs
        close(31.45728e-6, seconds(s, OperatorClass.DENSE_FFN), "FFN");
        // LM head on all 24 tokens: 1,572,864,000 FLOP at 600 TFLOP/s = 2.62 µs; 65,536,000 B at 0.8 TB/s = 81.92 µs
        close(81.92e-6, seconds(s, OperatorClass.LM_HEAD), "LM head");
        // overhead: 10 µs per step + 10 µs for the layer + 24 sampled positions · 1 µs
        close(44e-6, seconds(s, OperatorClass.OVERHEAD), "overhead");
        close(180.43776e-6, s.seconds(), "6.67648 + 16.384 + 31.45728 + 81.92 + 44 µs");
        close(125_829_120 + 98_304_000 + 603_979_776 + 1_572_864_000.0, s.flops(), "FLOPs grow with the 24 tokens");
    }

    @Test
    void aSpeculativeStepAddsKDraftPassesAndTpotIsTheStepOverTheAcceptanceLength() {
        // An EAGLE head on the one-layer model is that layer again (attention, FFN 4,096) with the LM head shared.
        // One draft pass over 8 sequences, one token each, is the 8-sequence decode of StepModelTest
        // (136.35584 µs of operators) with only the layer's own 10 µs of overhead: 146.35584 µs.
        StepModel target = dense();
        Drafter eagle = Drafter.of(SpeculativeMethod.EAGLE, target, null);
        close(146.35584e-6, eagle.passes(1, 8, 1000).seconds(), "one draft pass");
        close(2 * 146.35584e-6, eagle.passes(2, 8, 1000).seconds(), "k = 2 passes");
        // Its memory: the layer's weights, 2·(2,621,440 + 12,582,912) = 30,408,704 B, no embedding or LM head;
        // KV 1,024 B per token: 1,024,000 B for 1,000 tokens.
        close(30_408_704, eagle.weightBytesPerAccelerator(), "draft weights");
        close(1_024_000, eagle.kvBytesPerSequencePerAccelerator(1000), "draft KV");

        // A static batch of 8 with I = 996, O = 8: decode at a mean context of 996 + 4 = 1,000 tokens.
        // Step = verify 180.43776 + drafts 292.71168 = 473.14944 µs; with AL = 2.5, TPOT = 189.259776 µs,
        // slower than the 164.35584 µs of plain decoding: on this model the draft costs as much as the target.
        Speculation s = new Speculation(SpeculativeMethod.EAGLE, 2, 2.5, null);
        ServingModel plain = new ServingModel(target, StepModelTest.constants(8), 996, 8, Batching.STATIC);
        ServingModel spec = plain.withSpeculation(s, eagle);
        close(164.35584e-6, plain.at(8).tpotSeconds(), "plain TPOT");
        close(473.14944e-6 / 2.5, spec.at(8).tpotSeconds(), "speculative TPOT = step / AL");
        assertEquals(s, spec.speculation());
    }

    @Test
    void acceptanceLengthRisesWithDepthAndNeverExceedsKPlusOne() {
        List<AcceptanceCurve> curves = List.of(AcceptanceCurve.EAGLE, AcceptanceCurve.MTP, AcceptanceCurve.DRAFT,
                AcceptanceCurve.fit(List.of(1.92, 2.58, 2.82, 2.99, 3.01)), new AcceptanceCurve(0.99, 1), new AcceptanceCurve(0.3, 0.6));
        for (AcceptanceCurve c : curves) {
            assertEquals(1, c.at(0), 1e-12, "no drafts: one token per step");
            for (int k = 1; k <= 16; k++) {
                // strictly while a deeper draft adds anything a double can hold; a saturated curve stays flat
                assertTrue(k <= 8 ? c.at(k) > c.at(k - 1) : c.at(k) >= c.at(k - 1), c + " rises from k = " + (k - 1) + " to " + k);
                assertTrue(c.at(k) <= k + 1, c + " at k = " + k + " is at most k + 1");
            }
        }
        // geometric (d = 1): AL(2) = 1 + 0.7 + 0.49
        assertEquals(2.19, AcceptanceCurve.DRAFT.at(2), 1e-12);
    }

    @Test
    void theFittedCurveReproducesDeepSeekR1sPublishedMtpAcceptance() {
        // TensorRT-LLM, DeepSeek-R1 on 8 × B200, MTP 1–5: 1.92, 2.58, 2.82, 2.99, 3.01 tokens per step
        List<Double> published = List.of(1.92, 2.58, 2.82, 2.99, 3.01);
        AcceptanceCurve c = AcceptanceCurve.fit(published);
        for (int k = 1; k <= published.size(); k++) {
            double al = published.get(k - 1);
            assertEquals(al, c.at(k), 0.03 * al, "k = " + k);
        }
        assertTrue(c.decay() < 1, "the curve saturates: deeper drafts are accepted less often");
    }

    @Test
    void badSpeculationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Speculation(SpeculativeMethod.MTP, 2, 3.5, null), "AL > k + 1");
        assertThrows(IllegalArgumentException.class, () -> new Speculation(SpeculativeMethod.MTP, 0, 1, null), "no draft tokens");
        assertThrows(IllegalArgumentException.class, () -> new Speculation(SpeculativeMethod.DRAFT, 2, 2, null), "no draft model");
        assertThrows(IllegalArgumentException.class, () -> new AcceptanceCurve(1.0, 1), "a rate of 1");
        assertThrows(IllegalArgumentException.class, () -> new ServingModel(dense(), StepModelTest.constants(8), 100, 10,
                Batching.CONTINUOUS, 0, new Speculation(SpeculativeMethod.EAGLE, 1, 1.5, null), null), "speculation without a drafter");
    }
}
