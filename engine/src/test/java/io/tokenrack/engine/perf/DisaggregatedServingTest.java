package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/** Rate matching, TTFT and TPOT of disaggregated serving, against sums done by hand from the step times. */
class DisaggregatedServingTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final ModelConstants K = ModelConstants.DEFAULT;
    static final Fabric NVLINK = new Fabric(450e9, 8e-6, false);

    static StepModel h200(String model, int tp) {
        return new StepModel(ModelShape.of(CATALOG.model(model)), Device.of(CATALOG.accelerator("h200-sxm")), Precision.FP8, Precision.FP8,
                tp, 1, 1, NVLINK, NVLINK, K);
    }

    @Test
    void thePrefillPoolRateIsItsReplicasTokenBudgetOverThePrompt() {
        StepModel p = h200("llama-3.1-8b", 1);
        DisaggregatedServing s = new DisaggregatedServing(p, 3, h200("llama-3.1-8b", 1), 1, K, 2048, 256, 0, 0);
        // one replica prefills 8,192 tokens per step of t_p(8192): 3 replicas, 2,048-token prompts
        double tp = p.stage(0, 0, 8192, 2048, 0).seconds();
        assertEquals(3 * 8192 / tp / 2048, s.prefillRequestsPerSecond(), 1e-9 * s.prefillRequestsPerSecond());
    }

    @Test
    void decodeBoundRequestsPerSecondAreTheDecodePoolsRate() {
        StepModel d = h200("llama-3.1-8b", 1);
        // 8 prefill replicas for 1 decode replica: decode is the slower pool
        DisaggregatedServing s = new DisaggregatedServing(h200("llama-3.1-8b", 1), 8, d, 1, K, 1024, 256, 0, 0);
        DisaggregatedServing.Point pt = s.at(64);
        double tpot = d.stage(64, 1024 + 128, 0, 1024, 0).seconds(); // pure decode, no prefill chunk
        assertEquals(tpot, pt.tpotSeconds(), 1e-12);
        double rate = 64 / tpot / 256;
        assertTrue(rate < s.prefillRequestsPerSecond(), "the case is decode-bound");
        assertEquals(rate * 256, pt.outputTokensPerSecond(), 1e-9 * rate * 256);
        assertEquals(rate * 1024, pt.inputTokensPerSecond(), 1e-9 * rate * 1024);
        assertEquals(64, pt.decodeConcurrency(), 1e-9);
    }

    @Test
    void prefillBoundRequestsPerSecondAreThePrefillPoolsRateAndTheDecodeBatchShrinksToMatch() {
        StepModel d = h200("llama-3.1-8b", 1);
        // one prefill replica for 4 decode replicas, long prompts: prefill is the slower pool
        DisaggregatedServing s = new DisaggregatedServing(h200("llama-3.1-8b", 1), 1, d, 4, K, 8192, 128, 0, 0);
        DisaggregatedServing.Point pt = s.at(4 * 256);
        double r = s.prefillRequestsPerSecond();
        assertTrue(s.decodeRequestsPerSecond(256) > r, "the case is prefill-bound");
        assertEquals(r * 128, pt.outputTokensPerSecond(), 1e-9 * r * 128, "requests/s = min(prefill pool, decode pool)");
        // the decode batch that keeps up: D·c / (TPOT(c)·O) = R
        double c = pt.decodeConcurrency() / 4;
        assertEquals(r, s.decodeRequestsPerSecond(c), 1e-3 * r);
        assertTrue(pt.queuedRequests() > 0, "the rest wait for prefill");
        assertEquals(pt.queuedRequests() / r + pt.prefillSeconds(), pt.ttftSeconds(), 1e-9, "TTFT = queue + prefill + transfer (0 here)");
        assertEquals(1, pt.prefillUtilization(), 1e-12);
    }

    @Test
    void ttftIsPrefillPlusTransferWithoutAHalfDecodeStep() {
        StepModel p = h200("llama-3.1-8b", 1);
        DisaggregatedServing s = new DisaggregatedServing(p, 4, h200("llama-3.1-8b", 1), 1, K, 4096, 256, 0, 0.002);
        DisaggregatedServing.Point pt = s.at(1);
        // one request: the prefill pool is nearly idle, its step carries the one 4,096-token prompt
        double prefill = p.stage(0, 0, 4096, 4096, 0).seconds();
        assertEquals(prefill + 0.002, pt.ttftSeconds(), 1e-12);
        assertEquals(0, pt.queuedRequests(), 0);
    }

    @Test
    void disaggregatedTpotIsNeverAboveAggregatedAtTheSameDecodeBatch() {
        for (String model : new String[] {"llama-3.1-8b", "llama-3.1-70b"}) {
            StepModel step = h200(model, model.endsWith("70b") ? 4 : 1);
            ServingModel aggregated = new ServingModel(step, K, 8192, 1024);
            // prefill pool far faster than needed: decode runs at exactly the batch asked
            DisaggregatedServing apart = new DisaggregatedServing(step, 64, step, 1, K, 8192, 1024, 0, 0);
            for (int c : new int[] {1, 4, 16, 64, 128}) {
                if (c > aggregated.maxConcurrency()) {
                    continue;
                }
                double together = aggregated.at(c).tpotSeconds();
                DisaggregatedServing.Point p = apart.at(c);
                assertEquals(c, p.decodeConcurrency(), 1e-9, model + " at " + c);
                assertTrue(p.tpotSeconds() <= together, model + " at " + c + ": " + p.tpotSeconds() + " > " + together);
            }
        }
    }

    @Test
    void aSpeculativeDecodePoolVerifiesKPlusOneTokensRunsKDraftPassesAndEmitsAlTokensAStep() {
        StepModel d = h200("llama-3.1-8b", 1);
        Drafter eagle = Drafter.of(SpeculativeMethod.EAGLE, d, null);
        Speculation s = new Speculation(SpeculativeMethod.EAGLE, 3, 2.5, null);
        // 8 prefill replicas for 1 decode replica: decode is the slower pool
        DisaggregatedServing apart = new DisaggregatedServing(h200("llama-3.1-8b", 1), 8, d, 1, K, 1024, 256, 0, 0, s, eagle);
        DisaggregatedServing.Point pt = apart.at(32);
        // one decode step by hand: 32 sequences verify 4 tokens each at a mean context of 1,024 + 128, no prefill
        // chunk, plus 3 draft passes of the EAGLE head over the 32 sequences (one pass is SpeculationTest's hand case)
        double verify = d.stage(32, 4, 1024 + 128, 0, 1024, 0).seconds();
        double drafts = 3 * eagle.passes(1, 32, 1024 + 128).seconds();
        double step = verify + drafts;
        assertEquals(step, pt.decodeStep().seconds(), 1e-9 * step);
        assertEquals(step / 2.5, pt.tpotSeconds(), 1e-9 * step, "TPOT = step / AL");
        double rate = 32 / (step / 2.5) / 256;
        assertTrue(rate < apart.prefillRequestsPerSecond(), "the case is decode-bound");
        assertEquals(rate * 256, pt.outputTokensPerSecond(), 1e-9 * rate * 256, "requests/s = D·c / (TPOT·O)");
        assertEquals(s, apart.speculation());
        // the draft's weights and KV come out of the decode pool's KV cache
        double held = 1024 + K.outputResidency() * 256;
        assertEquals(d.maxSequencesPerRank(held, eagle.weightBytesPerAccelerator(), eagle.kvBytesPerSequencePerAccelerator(held)),
                apart.maxConcurrency());
        assertTrue(apart.maxConcurrency() <= new DisaggregatedServing(h200("llama-3.1-8b", 1), 8, d, 1, K, 1024, 256, 0, 0).maxConcurrency());
    }

    @Test
    void withSpeculationDisaggregatedTpotIsStillNeverAboveAggregatedAtTheSameDecodeBatch() {
        for (String model : new String[] {"llama-3.1-8b", "llama-3.1-70b"}) {
            StepModel step = h200(model, model.endsWith("70b") ? 4 : 1);
            Drafter eagle = Drafter.of(SpeculativeMethod.EAGLE, step, null);
            for (int k = 1; k <= 4; k++) {
                Speculation s = new Speculation(SpeculativeMethod.EAGLE, k, 1 + 0.7 * k, null);
                ServingModel aggregated = new ServingModel(step, K, 8192, 1024).withSpeculation(s, eagle);
                DisaggregatedServing apart = new DisaggregatedServing(step, 64, step, 1, K, 8192, 1024, 0, 0, s, eagle);
                for (int c : new int[] {1, 4, 16, 64, 128}) {
                    if (c > aggregated.maxConcurrency() || c > apart.maxConcurrency()) {
                        continue;
                    }
                    DisaggregatedServing.Point p = apart.at(c);
                    assertEquals(c, p.decodeConcurrency(), 1e-9, model + " " + s.label() + " at " + c);
                    assertTrue(p.tpotSeconds() <= aggregated.at(c).tpotSeconds(), model + " " + s.label() + " at " + c);
                }
            }
        }
    }

    @Test
    void aDrafterGoesWithSpeculationAndOnlyWithIt() {
        StepModel d = h200("llama-3.1-8b", 1);
        Drafter eagle = Drafter.of(SpeculativeMethod.EAGLE, d, null);
        assertThrows(IllegalArgumentException.class, () -> new DisaggregatedServing(d, 1, d, 1, K, 1024, 256, 0, 0, Speculation.OFF, eagle));
        assertThrows(IllegalArgumentException.class, () -> new DisaggregatedServing(d, 1, d, 1, K, 1024, 256, 0, 0,
                new Speculation(SpeculativeMethod.EAGLE, 2, 2, null), null));
    }

    @Test
    void theDecodePoolHoldsWhatItsMemoryHolds() {
        StepModel d = h200("llama-3.1-70b", 4);
        DisaggregatedServing s = new DisaggregatedServing(h200("llama-3.1-70b", 4), 2, d, 3, K, 2048, 1024, 0, 0);
        int perReplica = d.maxSequencesPerRank(2048 + K.outputResidency() * 1024);
        assertEquals(3 * perReplica, s.maxConcurrency());
        assertTrue(s.fits());
    }

    @Test
    void badArgumentsAreRefused() {
        StepModel d = h200("llama-3.1-8b", 1);
        assertThrows(IllegalArgumentException.class, () -> new DisaggregatedServing(d, 0, d, 1, K, 10, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DisaggregatedServing(d, 1, d, 1, K, 10, 10, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DisaggregatedServing(d, 1, d, 1, K, 10, 10, 0, -1));
    }
}
