package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

class ServingModelTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();

    static StepModel h200Llama8b() {
        Device d = Device.of(CATALOG.accelerator("h200-sxm"));
        Fabric nvlink = new Fabric(450e9, 8e-6, false);
        return new StepModel(ModelShape.of(CATALOG.model("llama-3.1-8b")), d, Precision.FP8, Precision.FP8, 1, 1, 1, nvlink, nvlink,
                ModelConstants.DEFAULT);
    }

    @Test
    void continuousBatchingGivesOneTokenPerSequencePerStep() {
        ServingModel m = new ServingModel(h200Llama8b(), ModelConstants.DEFAULT, 1024, 256);
        ServingPoint p = m.at(32);
        assertEquals(32 / p.tpotSeconds(), p.outputTokensPerSecond(), 1e-6);
        assertEquals(p.outputTokensPerSecond() * 1024 / 256, p.inputTokensPerSecond(), 1e-6);
        assertTrue(p.ttftSeconds() > p.tpotSeconds() / 2);
    }

    @Test
    void staticBatchPaysThePrefillBeforeDecoding() {
        ServingModel m = new ServingModel(h200Llama8b(), ModelConstants.DEFAULT, 2048, 128, Batching.STATIC);
        ServingPoint p = m.at(16);
        // E2E = TTFT (the whole batch's prefill) + (O − 1)·TPOT; output/s = B·O / E2E.
        double e2e = p.ttftSeconds() + 127 * p.tpotSeconds();
        assertEquals(16 * 128 / e2e, p.outputTokensPerSecond(), 1e-6 * p.outputTokensPerSecond());
        ServingPoint continuous = new ServingModel(h200Llama8b(), ModelConstants.DEFAULT, 2048, 128).at(16);
        assertTrue(p.ttftSeconds() > continuous.ttftSeconds(), "a static batch waits for every prompt");
    }

    @Test
    void requestsBeyondMemoryQueueAndAddToTtftNotThroughput() {
        ServingModel m = new ServingModel(h200Llama8b(), ModelConstants.DEFAULT, 1024, 1024);
        int max = m.maxConcurrency();
        ServingPoint full = m.at(max);
        ServingPoint over = m.at(max + 500);
        assertEquals(full.outputTokensPerSecond(), over.outputTokensPerSecond(), 1e-9);
        assertEquals(500, over.queuedRequests(), 1e-9);
        assertTrue(over.ttftSeconds() > full.ttftSeconds());
    }

    @Test
    void staticBatchTokensPerUserIncludeThePrefillWait() {
        // one request, 2048 in, 128 out: the user gets 128 tokens over TTFT + 127·TPOT, not one per TPOT
        ServingModel m = new ServingModel(h200Llama8b(), ModelConstants.DEFAULT, 2048, 128, Batching.STATIC);
        ServingPoint one = m.at(1);
        double e2e = one.ttftSeconds() + 127 * one.tpotSeconds();
        assertEquals(128 / e2e, one.tokensPerSecondPerUser(), 1e-9 * one.tokensPerSecondPerUser());
        assertEquals(one.outputTokensPerSecond(), one.tokensPerSecondPerUser(), 1e-9, "a batch of one: the user has all of it");
        assertTrue(one.tokensPerSecondPerUser() < 1 / one.tpotSeconds());
        ServingPoint sixteen = m.at(16);
        assertEquals(sixteen.outputTokensPerSecond() / 16, sixteen.tokensPerSecondPerUser(), 1e-9);
    }

    @Test
    void staticBatchTokensPerUserByHand() {
        // a static batch of 4 with prefill 2 s and TPOT 0.1 s over 11 output tokens: E2E = 2 + 10 × 0.1 = 3 s,
        // the replica makes 4 × 11 / 3 = 14.67 tokens/s and each user 11 / 3 = 3.667 (1/TPOT would say 10)
        StepTime none = new StepTime(0, new double[OperatorClass.values().length], 0, 0, Bound.OVERHEAD, 0, 0);
        ServingPoint p = new ServingPoint(4, 0, 4 * 11 / 3.0, 4 * 100 / 3.0, 2, 0.1, none, none, none);
        assertEquals(11 / 3.0, p.tokensPerSecondPerUser(), 1e-12);
        ServingPoint continuous = new ServingPoint(4, 0, 4 / 0.1, 0, 0.5, 0.1, none, none, none);
        assertEquals(10, continuous.tokensPerSecondPerUser(), 1e-12);
    }
}
