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
        // a few users at a time: at full batches the GroqChips' FFN is slower than the GPUs' and the search keeps every layer
        // on the GPUs (whenMovingLayersWouldSlowEachToken… in AfdDesignCliTest); the prefill stays on the GPUs for every layer
        // plain decode steps (speculation off): the step is checked against its parts
        Evaluation e = AFD.evaluate(gpus, lpus, kimi(100.0).withConcurrency(4), DEFAULTS, SpeculationRequest.OFF);
        assertTrue(e.ok(), e.message());
        Evaluation.Ok ok = (Evaluation.Ok) e;
        Note.AttentionFfn afd = ok.notes().stream().filter(n -> n instanceof Note.AttentionFfn).map(n -> (Note.AttentionFfn) n).findFirst()
                .orElseThrow(() -> new AssertionError("no AFD note in " + ok.noteTexts()));
        // kimi-k2's FFN layer in fp8 is ~17 GB: 74 GroqChips of 230 MB each, so 576 chips hold at most 7 of its 60 MoE layers
        assertEquals(60, afd.ffnLayers());
        assertTrue(afd.offloadedLayers() >= 1 && afd.offloadedLayers() <= 7, "offloaded " + afd.offloadedLayers());
        assertTrue(afd.chipsPerLayer() >= 74 && afd.chipsPerLayer() * afd.offloadedLayers() <= 576, afd.chipsPerLayer() + " chips per layer");
        // whole replicas of the attention layout, inside the 216 GPUs
        assertTrue(afd.attentionAccelerators() > 0 && afd.attentionAccelerators() <= 216, "attention GPUs: " + afd.attentionAccelerators());
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
    void speculativeDecodingVerifiesItsDraftsThroughTheOffloadedLayersAndDividesTheStepByTheAcceptanceLength() {
        Cluster gpus = EVALUATOR.clusters().standard("rubin", 72);
        Cluster lpus = EVALUATOR.clusters().standard("lp30", 256);
        Workload one = kimi(null).withConcurrency(1);
        Evaluation.Ok off = (Evaluation.Ok) AFD.evaluate(gpus, lpus, one, DEFAULTS, SpeculationRequest.OFF);
        Evaluation.Ok eagle = (Evaluation.Ok) AFD.evaluate(gpus, lpus, one, DEFAULTS, SpeculationRequest.parse("eagle:3"));
        Note.AttentionFfn a = afdNote(off);
        Note.AttentionFfn b = afdNote(eagle);
        assertEquals(io.tokenrack.engine.perf.SpeculativeMethod.EAGLE, eagle.plan().speculation().method());
        assertEquals(3, eagle.plan().speculation().draftTokens());
        double al = eagle.plan().speculation().acceptanceLength();
        assertTrue(al > 2 && al < 4, "EAGLE AL at 3 drafts " + al);
        assertTrue(b.offloadedLayers() >= 1 && b.offloadedLayers() == a.offloadedLayers(), a.offloadedLayers() + " vs " + b.offloadedLayers());
        // the step from its parts: the aggregated step (TPOT × AL) less the offloaded layers' own time plus their AFD time, over AL
        assertEquals(AttentionFfnSplit.stepSeconds(b.aggregatedTpotSeconds() * al, b.offloadedLayers(), 0, b.aggregatedLayerSeconds(),
                b.layerSeconds()) / al, b.tpotSeconds(), 1e-12, "the step from its parts");
        assertEquals(eagle.latency().tpotSeconds(), b.tpotSeconds(), 1e-15);
        // 4 tokens per sequence cross to the LPUs and back: more bytes each way, and more FFN work, than 1
        assertTrue(b.sendSeconds() > a.sendSeconds() && b.ffnSeconds() >= a.ffnSeconds(), a + " / " + b);
        // a step a little longer than without drafts, emitting AL tokens: the user sees more tokens per second
        assertTrue(b.tpotSeconds() * al > a.tpotSeconds() && b.tpotSeconds() < a.tpotSeconds() / 1.8,
                "step " + b.tpotSeconds() * al + " s, TPOT " + b.tpotSeconds() + " s vs " + a.tpotSeconds() + " s without drafts");
    }

    private static Note.AttentionFfn afdNote(Evaluation.Ok ok) {
        return ok.notes().stream().filter(n -> n instanceof Note.AttentionFfn).map(n -> (Note.AttentionFfn) n).findFirst()
                .orElseThrow(() -> new AssertionError("no AFD note in " + ok.noteTexts()));
    }

    @Test
    void theAppsEvaluateOfAMixedDesignIsTheCliSearchUnderAuto() {
        io.tokenrack.engine.design.RackDesign design = io.tokenrack.engine.design.DesignIO.read(
                java.nio.file.Path.of("../presets/designs/vera-rubin-lpx.json"));
        for (Double target : new Double[] {50.0, 200.0}) {
            Workload w = kimi(target);
            Evaluation.Ok app = (Evaluation.Ok) EVALUATOR.evaluate(design, w, DEFAULTS);
            Evaluation.Ok cli = (Evaluation.Ok) new ServingSearch(EVALUATOR).evaluate(design, w, DEFAULTS,
                    io.tokenrack.engine.perf.Batching.CONTINUOUS, ServingOptions.AUTO, SpeculationRequest.AUTO);
            assertEquals(cli.plan().split().mode(), app.plan().split().mode(), "at " + target);
            assertEquals(cli.throughput().outputTokensPerSecond(), app.throughput().outputTokensPerSecond(), 1e-9, "at " + target);
            assertEquals(cli.latency().tpotSeconds(), app.latency().tpotSeconds(), 1e-15, "at " + target);
            assertEquals(cli.power().itWatts(), app.power().itWatts(), 1e-9, "at " + target);
        }
        // what the search cannot serve comes back as a failed evaluation with its sentence, not an exception
        Evaluation refused = EVALUATOR.evaluate(design, kimi(100_000.0), DEFAULTS);
        assertFalse(refused.ok());
        assertTrue(refused.message().contains("tokens/s per user"), refused.message());
    }

    @Test
    void withPrefillDecodePoolsTheDecodePoolsFfnRunsOnTheLpusAndTheStepAddsUpFromItsParts() {
        Cluster gpus = EVALUATOR.clusters().standard("rubin", 216);
        Cluster lpus = EVALUATOR.clusters().standard("lp30", 256);
        Evaluation e = AFD.withPools(gpus, lpus, kimi(null).withConcurrency(48), DEFAULTS, SpeculationRequest.OFF);
        assertTrue(e.ok(), e.message());
        Evaluation.Ok ok = (Evaluation.Ok) e;
        Note.AttentionFfn a = afdNote(ok);
        var split = ok.plan().split();
        assertTrue(split.disaggregated(), "a prefill pool and a decode pool: " + split);
        assertTrue(split.prefillAccelerators() + split.decodeAccelerators() <= 216, split.toString());
        assertEquals(split.decodeAccelerators(), a.attentionAccelerators(), "the decode pool runs attention");
        assertTrue(a.offloadedLayers() >= 1, ok.noteTexts().toString());
        assertEquals(a.offloadedLayers() * a.chipsPerLayer(), a.ffnAccelerators());
        // the decode step from its parts: the GPUs' step less each moved layer's own time, plus its round trip
        assertEquals(AttentionFfnSplit.stepSeconds(a.aggregatedTpotSeconds(), a.offloadedLayers(), 0, a.aggregatedLayerSeconds(), a.layerSeconds()),
                a.tpotSeconds(), 1e-12);
        assertEquals(ok.latency().tpotSeconds(), a.tpotSeconds(), 1e-15);
        assertTrue(a.tpotSeconds() <= a.aggregatedTpotSeconds(), "the LPUs never slow a token");
        // TTFT: the prefill pool's prefill and the KV cache's move to the decode pool
        assertTrue(split.kvTransferSeconds() > 0 && ok.latency().ttftSeconds() > split.kvTransferSeconds(), ok.latency().toString());
        // the power of the whole design: every GPU and every LPU, the idle ones at idle
        assertEquals(216 + 256, ok.accelerators());
        assertTrue(ok.power().itWatts() > 0 && ok.plan().acceleratorsUsed() == split.prefillAccelerators() + split.decodeAccelerators() + a.ffnAccelerators());
    }

    @Test
    void onTheLpxDesignAtThreeHundredTokensPerUserThePooledSplitBeatsTheSharedGpus() {
        io.tokenrack.engine.design.RackDesign design = io.tokenrack.engine.design.DesignIO.read(
                java.nio.file.Path.of("../presets/designs/vera-rubin-lpx.json"));
        Evaluation.Ok pooled = (Evaluation.Ok) AFD.evaluate(design, kimi(300.0), DEFAULTS);
        assertTrue(pooled.plan().split().disaggregated(), pooled.noteTexts().toString());
        assertTrue(pooled.throughput().tokensPerSecondPerUser() >= 300);
        Cluster gpus = EVALUATOR.clusters().standard("rubin", 216);
        Cluster lpus = EVALUATOR.clusters().standard("lp30", 256);
        Evaluation shared = AFD.evaluate(gpus, lpus, kimi(300.0), DEFAULTS);
        // 8k prompts prefilled beside decode steps hold the shared GPUs to a few users; pools serve many times more
        assertTrue(!shared.ok() || pooled.throughput().outputTokensPerSecond() > 2 * ((Evaluation.Ok) shared).throughput().outputTokensPerSecond(),
                pooled.throughput() + " vs " + shared);
    }

    @Test
    void anFfnPoolTooSmallForOneLayerIsRefusedWithTheSizes() {
        Evaluation e = AFD.evaluate(EVALUATOR.clusters().standard("rubin", 72), EVALUATOR.clusters().standard("groq-lpu", 8), kimi(null), DEFAULTS);
        assertFalse(e.ok());
        assertTrue(e.message().contains("the FFN of one layer of kimi-k2 needs"), e.message());
    }
}
