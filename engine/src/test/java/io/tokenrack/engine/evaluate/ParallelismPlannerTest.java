package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which layouts the planner proposes. Layouts are written tp × pp × dp; the H100 has 80 GB, so a
 * layout is proposed when the weights on each accelerator leave room for at least one sequence.
 */
class ParallelismPlannerTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final AcceleratorSpec H100 = CATALOG.find("h100-sxm", AcceleratorSpec.class).orElseThrow();

    /** {@code n} H100s in scale-up domains of {@code domain}, with or without a scale-out network (50 GB/s per accelerator). */
    static Cluster h100s(int n, int domain, boolean scaleOut) {
        return new Cluster(H100, n, domain, scaleOut ? 50e9 : 0, 0, 0, 1.2, 0, null, List.of(), List.of());
    }

    /** A made-up dense model: D = 1536, 12 heads (4 KV), FFN {@code ffn}, {@code layers} layers. */
    static ModelSpec twelveHeads(int layers, int ffn) {
        return new ModelSpec("twelve-heads", "Twelve heads", layers, 1536, 12, 4, 128, ffn, 32_000, 8192, false,
                null, null, null, 1, 1, "bf16", null, List.of("made up for a test"));
    }

    static Workload workload(String model, Precision p, Parallelism parallelism) {
        return new Workload(model, p, null, 1024, 1024, null, null, null, null, parallelism);
    }

    static List<Plan> plans(Cluster c, ModelSpec m, Precision p, Parallelism parallelism) {
        return ParallelismPlanner.plans(c, m, ModelShape.of(m), workload(m.id(), p, parallelism), ModelConstants.DEFAULT,
                Batching.CONTINUOUS);
    }

    /** "tp×pp×dp/replicas" for each plan, in the order proposed. */
    static List<String> layouts(List<Plan> plans) {
        return plans.stream().map(p -> p.step().tp() + "×" + p.step().pp() + "×" + p.step().dp() + "/" + p.replicas()).toList();
    }

    @Test
    void aSmallDenseModelOnOneServerGetsEveryTensorParallelWidthAndReplicasForTheRest() {
        // llama-3.1-8b at fp8 is 8 GB: it fits on one H100, so tp = 1, 2, 4, 8 (32 heads), one stage, no dp for a dense model
        assertEquals(List.of("1×1×1/8", "2×1×1/4", "4×1×1/2", "8×1×1/1"),
                layouts(plans(h100s(8, 8, false), CATALOG.model("llama-3.1-8b"), Precision.FP8, Parallelism.AUTO)));
    }

    @Test
    void aModelThatDoesNotFitOnOneAcceleratorStartsAtTheWidthItNeeds() {
        // llama-3.1-70b in bf16 is 141 GB: 70.6 GB per accelerator at tp = 2 fits in 80 GB, tp = 1 does not
        assertEquals(List.of("2×1×1/4", "4×1×1/2", "8×1×1/1"),
                layouts(plans(h100s(8, 8, false), CATALOG.model("llama-3.1-70b"), Precision.BF16, Parallelism.AUTO)));
    }

    @Test
    void tensorParallelWidthsThatDoNotDivideTheHeadsAreNotProposed() {
        // 12 heads: tp = 8 would split heads; 1, 2 and 4 divide 12
        assertEquals(List.of("1×1×1/8", "2×1×1/4", "4×1×1/2"),
                layouts(plans(h100s(8, 8, false), twelveHeads(2, 4096), Precision.BF16, Parallelism.AUTO)));
    }

    @Test
    void pipelineStagesOnlyWhenTheWeightsNeedThemAndNeverMoreThanLayers() {
        // 2 layers with an FFN of 3·1536·13,000,000 ≈ 59.9 G parameters: 120 GB each in bf16, 240 GB in all. One stage
        // at tp = 4 holds 60 GB per accelerator and fits (tp = 8 is excluded by the 12 heads), so no pipeline is tried.
        ModelSpec big = twelveHeads(2, 13_000_000);
        assertEquals(List.of("4×1×1/8"), layouts(plans(h100s(32, 8, true), big, Precision.BF16, Parallelism.AUTO)));

        // 2 layers of 3·1536·26,000,000 ≈ 120 G parameters, 240 GB each in bf16: 60 GB per accelerator at tp = 4 with
        // a layer per stage (tp = 8 is excluded by the 12 heads); one stage at tp = 4 would hold 120 GB.
        ModelSpec huge = twelveHeads(2, 26_000_000);
        assertEquals(List.of("4×2×1/4"), layouts(plans(h100s(32, 8, true), huge, Precision.BF16, Parallelism.AUTO)));

        // 2 layers of 480 GB: even one layer per stage at tp = 4 is 120 GB per accelerator. Four stages would
        // split a layer, which is no layout: nothing is proposed (and nothing is thrown).
        ModelSpec tooBig = twelveHeads(2, 52_000_000);
        assertEquals(List.of(), layouts(plans(h100s(64, 8, true), tooBig, Precision.BF16, Parallelism.AUTO)));
    }

    @Test
    void withoutAScaleOutNetworkAReplicaStaysInsideOneScaleUpDomain() {
        // 16 accelerators in two domains of 8 and no network between them: the same layouts as one server, twice the replicas
        assertEquals(List.of("1×1×1/16", "2×1×1/8", "4×1×1/4", "8×1×1/2"),
                layouts(plans(h100s(16, 8, false), CATALOG.model("llama-3.1-8b"), Precision.FP8, Parallelism.AUTO)));
    }

    @Test
    void aLayoutThatDoesNotDivideTheCountLeavesTheRestIdle() {
        // 6 accelerators in one domain: tp = 4 gives one replica on 4 of them (4 × 1 replica = 4 used, 2 idle)
        List<Plan> plans = plans(h100s(6, 6, false), CATALOG.model("llama-3.1-70b"), Precision.BF16, Parallelism.AUTO);
        assertEquals(List.of("2×1×1/3", "4×1×1/1"), layouts(plans));
        assertEquals(4, plans.get(1).acceleratorsUsed());
    }

    @Test
    void aMixtureOfExpertsModelAlsoTriesAttentionDataParallelRanks() {
        // deepseek-r1 at fp8 is ≈ 690 GB, more than 8 H100s hold: on 16 in two domains of 8 joined by a network, the
        // routed experts must spread over all 16 ranks of the stage (tp·dp = 16), tp at most 8 and dp making up the rest.
        List<Plan> plans = plans(h100s(16, 8, true), CATALOG.model("deepseek-r1"), Precision.FP8, Parallelism.AUTO);
        assertTrue(!plans.isEmpty(), "some layout fits on 16 H100s");
        for (Plan p : plans) {
            assertEquals(16, p.step().tp() * p.step().dp() * p.step().pp(), layouts(plans).toString());
            assertTrue(p.step().tp() <= 8, "tensor parallelism stays inside a domain: " + layouts(plans));
        }
        assertTrue(plans.stream().anyMatch(p -> p.step().dp() > 1), "attention data parallelism is tried: " + layouts(plans));
    }

    @Test
    void aFixedParallelismIsTheOnlyLayoutEvenWhenOthersWouldBeFaster() {
        Parallelism fixed = new Parallelism(2, 2, null, null);
        assertEquals(List.of("2×2×1/2"), layouts(plans(h100s(8, 8, false), CATALOG.model("llama-3.1-8b"), Precision.FP8, fixed)));
        // a degree left out is 1
        assertEquals(List.of("4×1×1/2"),
                layouts(plans(h100s(8, 8, false), CATALOG.model("llama-3.1-8b"), Precision.FP8, new Parallelism(4, null, null, null))));
    }

    @Test
    void aFixedParallelismThatCannotWorkIsRefusedWithItsReason() {
        ModelSpec twelve = twelveHeads(2, 4096);
        Cluster eight = h100s(8, 8, false);
        assertRefused("exceeds the 8 accelerators", eight, CATALOG.model("llama-3.1-8b"), new Parallelism(4, 4, null, null));
        assertRefused("does not divide the 12 attention heads", eight, twelve, new Parallelism(8, null, null, null));
        assertRefused("exceeds the 2 layers", eight, twelve, new Parallelism(1, 4, null, null));
        assertRefused("is dense", eight, twelve, new Parallelism(2, null, 2, null));
        assertRefused("spans more than the scale-up domain of 8 accelerators", h100s(16, 8, false),
                CATALOG.model("llama-3.1-8b"), new Parallelism(16, null, null, null));
    }

    private static void assertRefused(String reason, Cluster c, ModelSpec m, Parallelism p) {
        EvaluationException e = assertThrows(EvaluationException.class, () -> plans(c, m, Precision.BF16, p));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
