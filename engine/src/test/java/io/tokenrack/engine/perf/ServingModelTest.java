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
}
