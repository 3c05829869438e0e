package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.AttentionFfnSplit;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import org.junit.jupiter.api.Test;

/** Attention on Rubin GPUs, the FFN of some layers on SRAM chips: the pools, the ratio and the step from its parts. */
class AttentionFfnEvaluatorTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions DEFAULTS = Assumptions.defaults(CATALOG.facility());
    static final AttentionFfnEvaluator AFD = new AttentionFfnEvaluator(EVALUATOR);

    static Workload kimi(Double minTokensPerSecondPerUser) {
        return new Workload("kimi-k2", Precision.FP8, null, 8192, 1024, null, null, null, minTokensPerSecondPerUser, Parallelism.AUTO);
    }

    @Test
    void rubinGpusRunAttentionAndSramChipsTheFfnOfTheLayersTheyHold() {
        Cluster gpus = EVALUATOR.clusters().standard("rubin", 216);
        Cluster lpus = EVALUATOR.clusters().standard("groq-lpu", 576);
        Evaluation e = AFD.evaluate(gpus, lpus, kimi(100.0), DEFAULTS);
        assertTrue(e.ok(), e.message());
        Evaluation.Ok ok = (Evaluation.Ok) e;
        Note.AttentionFfn afd = ok.notes().stream().filter(n -> n instanceof Note.AttentionFfn).map(n -> (Note.AttentionFfn) n).findFirst()
                .orElseThrow(() -> new AssertionError("no AFD note in " + ok.noteTexts()));
        // kimi-k2's FFN layer in fp8 is ~17 GB: 74 GroqChips of 230 MB each, so 576 chips hold at most 7 of its 60 MoE layers
        assertEquals(60, afd.ffnLayers());
        assertTrue(afd.offloadedLayers() >= 1 && afd.offloadedLayers() <= 7, "offloaded " + afd.offloadedLayers());
        assertTrue(afd.chipsPerLayer() >= 74 && afd.chipsPerLayer() * afd.offloadedLayers() <= 576, afd.chipsPerLayer() + " chips per layer");
        assertTrue(afd.attentionAccelerators() % 72 == 0 && afd.attentionAccelerators() <= 216, "whole NVL72 domains: " + afd.attentionAccelerators());
        assertEquals(AttentionFfnSplit.layerSeconds(afd.microBatches(), afd.attentionSeconds(), afd.ffnSeconds(), afd.sendSeconds(),
                afd.returnSeconds()), afd.layerSeconds(), 1e-15, "the layer from its parts");
        assertEquals(AttentionFfnSplit.stepSeconds(afd.aggregatedTpotSeconds(), afd.offloadedLayers(), 0, afd.aggregatedLayerSeconds(),
                afd.layerSeconds()), afd.tpotSeconds(), 1e-12, "the step from its parts");
        assertEquals(ok.latency().tpotSeconds(), afd.tpotSeconds(), 1e-15);
        assertTrue(ok.throughput().tokensPerSecondPerUser() >= 100);
        assertTrue(afd.sendSeconds() >= AttentionFfnSplit.SEND_SECONDS && afd.returnSeconds() > afd.sendSeconds(),
                "each way costs the link latency; bf16 results weigh twice the fp8 activations");
        assertEquals(216 + 576, ok.accelerators());
    }

    @Test
    void anFfnPoolTooSmallForOneLayerIsRefusedWithTheSizes() {
        Evaluation e = AFD.evaluate(EVALUATOR.clusters().standard("rubin", 72), EVALUATOR.clusters().standard("groq-lpu", 8), kimi(null), DEFAULTS);
        assertFalse(e.ok());
        assertTrue(e.message().contains("the FFN of one layer of kimi-k2 needs"), e.message());
    }
}
