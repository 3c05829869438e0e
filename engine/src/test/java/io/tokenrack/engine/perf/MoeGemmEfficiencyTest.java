package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/**
 * Grouped expert GEMMs by the size of one expert's problem (rows × expert width): fine experts at
 * the fitted floor, coarse ones at a dense GEMM's efficiency (docs/model.md, "MoE experts").
 */
class MoeGemmEfficiencyTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final ModelConstants K = ModelConstants.DEFAULT;

    @Test
    void aFineExpertRunsAtTheFloorAndACoarseOneAtDenseEfficiency() {
        // DeepSeek-R1: 256 rows on one expert of width 2,048 = 524,288 elements; 524,288 / 1e7 = 0.052 < 0.25
        assertEquals(0.25, K.moeGemmEfficiency(256 * 2048), 1e-12);
        // Mixtral-8x7B: 2,048 rows on one expert of width 14,336 = 29,360,128 elements ≥ 1e7: dense
        assertEquals(1.0, K.moeGemmEfficiency(2048 * 14336), 1e-12);
        // between: 4,096 rows × 2,048 = 8,388,608 elements → 8,388,608 / 1e7 = 0.8388608
        assertEquals(0.8388608, K.moeGemmEfficiency(4096 * 2048), 1e-12);
        // the floor and the ceiling meet the ramp where it crosses them: 2.5e6 and 1e7 elements
        assertEquals(0.25, K.moeGemmEfficiency(2.5e6), 1e-12);
        assertEquals(1.0, K.moeGemmEfficiency(1e7), 1e-12);
    }

    @Test
    void theEfficiencyNeverFallsAsAnExpertsProblemGrows() {
        double last = 0;
        for (double w = 1; w < 1e9; w *= 1.7) {
            double e = K.moeGemmEfficiency(w);
            assertTrue(e >= last && e >= K.moeGemmEfficiencyScale() && e <= 1, w + " elements: " + e);
            last = e;
        }
    }

    @Test
    void constantsWithoutADenseSizeKeepTheFloorAtEverySize() {
        ModelConstants old = new ModelConstants(0.6, 0.89, 0.77, 35, 0.6, 0.57, 0.5, 1e-3, 2e-6, 22.5e-6, 8e-6, 25e-6, 0.75,
                0.25, 1.3, 0.9, 0.81, 8192, 1061);
        assertEquals(0.25, old.moeGemmEfficiency(1e12), 0);
        assertThrows(IllegalArgumentException.class, () -> new ModelConstants(0.6, 0.89, 0.77, 35, 0.6, 0.57, 0.5, 1e-3, 2e-6, 22.5e-6,
                8e-6, 25e-6, 0.75, 0.25, 1.3, 0.9, 0.81, 8192, 1061, 0));
    }

    @Test
    void mixtralsWideExpertsAtALargeBatchRunFourTimesFasterThanAtTheFloor() {
        Device h100 = Device.of(CATALOG.accelerator("h100-sxm"));
        Fabric nvlink = new Fabric(CATALOG.accelerator("h100-sxm").scaleUpBytesPerSecond(), 8e-6, false);
        ModelShape mixtral = ModelShape.of(CATALOG.model("mixtral-8x7b"));
        ModelConstants floorOnly = new ModelConstants(K.gemmEfficiencyMax(), K.fp8EfficiencyScale(), K.fp4EfficiencyScale(),
                K.gemmHalfEfficiencyTokens(), K.memoryEfficiency(), K.attentionComputeEfficiency(), K.attentionMemoryEfficiency(),
                K.stepOverheadSeconds(), K.sequenceOverheadSeconds(), K.layerOverheadSeconds(), K.collectiveLatencyScaleUpSeconds(),
                K.collectiveLatencyScaleOutSeconds(), K.linkEfficiency(), K.moeGemmEfficiencyScale(), K.moeImbalance(),
                K.kvMemoryFraction(), K.outputResidency(), K.maxTokensPerStep(), K.maxSequencesPerRank());
        StepModel now = new StepModel(mixtral, h100, Precision.FP8, Precision.FP8, 1, 1, 8, nvlink, nvlink, K);
        StepModel before = new StepModel(mixtral, h100, Precision.FP8, Precision.FP8, 1, 1, 8, nvlink, nvlink, floorOnly);
        // 1,000 sequences per rank × 8 ranks × top-2 over 8 experts: 2,000 rows an expert × 14,336 wide ≥ 1e7
        double moeNow = now.stage(1000, 500, 0, 427).secondsByClass()[OperatorClass.MOE_FFN.ordinal()];
        double moeBefore = before.stage(1000, 500, 0, 427).secondsByClass()[OperatorClass.MOE_FFN.ordinal()];
        assertTrue(moeBefore / moeNow > 3.5 && moeBefore / moeNow < 4.0 + 1e-9, "routed experts compute-bound: 1 / 0.25 = 4, router beside: "
                + moeBefore / moeNow);
        // DeepSeek-R1's narrow experts at the same batch stay at the floor: nothing changes
        ModelShape r1 = ModelShape.of(CATALOG.model("deepseek-r1"));
        StepModel r1Now = new StepModel(r1, h100, Precision.FP8, Precision.FP8, 1, 1, 8, nvlink, nvlink, K);
        StepModel r1Before = new StepModel(r1, h100, Precision.FP8, Precision.FP8, 1, 1, 8, nvlink, nvlink, floorOnly);
        assertEquals(r1Before.stage(100, 500, 0, 427).seconds(), r1Now.stage(100, 500, 0, 427).seconds(), 0);
    }

    @Test
    void outputTokensPerSecondNeverFallWithMoreRequestsAtAFixedLayoutUntilMemoryBinds() {
        record Case(String model, String accelerator, Precision p, int tp, int dp) {}
        for (Case c : new Case[] {
                new Case("llama-3.1-70b", "h100-sxm", Precision.FP8, 8, 1),
                new Case("mixtral-8x7b", "h100-sxm", Precision.FP8, 1, 8),
                new Case("deepseek-r1", "b200", Precision.FP4, 1, 8),
                new Case("deepseek-r1", "b200", Precision.FP4, 8, 1),
                new Case("llama-3.1-405b", "mi300x", Precision.FP8, 8, 1)}) {
            Device d = Device.of(CATALOG.accelerator(c.accelerator()));
            Fabric f = new Fabric(CATALOG.accelerator(c.accelerator()).scaleUpBytesPerSecond(), 8e-6, false);
            StepModel step = new StepModel(ModelShape.of(CATALOG.model(c.model())), d, c.p(), Precision.FP8, c.tp(), 1, c.dp(), f, f, K);
            for (Batching b : Batching.values()) {
                ServingModel serving = new ServingModel(step, K, 1024, 1024, b);
                double last = 0;
                for (int n = 1; n <= serving.maxConcurrency(); n = Math.max(n + 1, (int) (n * 1.15))) {
                    double rate = serving.at(n).outputTokensPerSecond();
                    assertTrue(rate >= last * (1 - 1e-9), c + " " + b + ": " + n + " requests give " + rate + " < " + last);
                    last = rate;
                }
            }
        }
    }
}
