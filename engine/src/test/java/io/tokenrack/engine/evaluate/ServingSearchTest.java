package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import org.junit.jupiter.api.Test;

/** Aggregated, disaggregated and auto serving of whole clusters. */
class ServingSearchTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final ServingSearch SEARCH = new ServingSearch(EVALUATOR);
    static final Assumptions A = Assumptions.defaults(CATALOG.facility());

    static Workload deepseek(Double minTokensPerUser) {
        return new Workload("deepseek-r1", Precision.FP8, null, 8192, 1024, null, null, null, minTokensPerUser, Parallelism.AUTO);
    }

    static Evaluation.Ok ok(Evaluation e) {
        return assertInstanceOf(Evaluation.Ok.class, e, e.message());
    }

    @Test
    void aggregatedIsWhatTheEvaluatorGives() {
        Cluster c = EVALUATOR.clusters().standard("b200", 8);
        Evaluation.Ok together = ok(SEARCH.evaluate(c, deepseek(null), A, Batching.CONTINUOUS, ServingOptions.AGGREGATED));
        assertEquals(ok(EVALUATOR.evaluate(c, deepseek(null), A)).throughput().outputTokensPerSecond(),
                together.throughput().outputTokensPerSecond(), 0);
        assertEquals(ServingMode.AGGREGATED, together.plan().split().mode());
        assertEquals(0, together.plan().split().kvTransferSeconds(), 0);
    }

    @Test
    void autoTakesTheBetterOfTheTwoAtAnInteractivityFloor() {
        // 8 × B200, DeepSeek-R1 8k/1k at ≥ 40 tokens/s per user: prefill chunks in every step hold the aggregated batch down
        Cluster c = EVALUATOR.clusters().standard("b200", 8);
        Evaluation.Ok together = ok(SEARCH.evaluate(c, deepseek(40.0), A, Batching.CONTINUOUS, ServingOptions.AGGREGATED));
        Evaluation.Ok apart = ok(SEARCH.evaluate(c, deepseek(40.0), A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.DISAGGREGATED, null, null, null)));
        Evaluation.Ok auto = ok(SEARCH.evaluate(c, deepseek(40.0), A, Batching.CONTINUOUS, ServingOptions.AUTO));
        assertTrue(apart.throughput().tokensPerSecondPerUser() >= 40);
        double best = Math.max(together.throughput().outputTokensPerSecond(), apart.throughput().outputTokensPerSecond());
        assertEquals(best, auto.throughput().outputTokensPerSecond(), 1e-9 * best);
        ServingSplit s = apart.plan().split();
        assertEquals(ServingMode.DISAGGREGATED, s.mode());
        assertTrue(s.prefillAccelerators() + s.decodeAccelerators() <= 8);
        assertTrue(s.kvTransferSeconds() > 0);
        assertEquals("the scale-up fabric", s.kvLink(), "one HGX B200 box: the KV cache crosses NVLink");
        // TTFT = queue + prefill + transfer: never below the transfer
        assertTrue(apart.latency().ttftSeconds() > s.kvTransferSeconds());
    }

    @Test
    void givenPoolsAreUsedAsGiven() {
        Cluster c = EVALUATOR.clusters().standard("b200", 8);
        Evaluation.Ok e = ok(SEARCH.evaluate(c, deepseek(null), A, Batching.CONTINUOUS, new ServingOptions(ServingMode.AUTO, 4, 4, null)));
        ServingSplit s = e.plan().split();
        assertEquals(ServingMode.DISAGGREGATED, s.mode(), "pools given make auto disaggregated");
        assertEquals(4, s.prefillAccelerators());
        assertEquals(4, s.decodeAccelerators());
        assertEquals(8, e.accelerators());
    }

    @Test
    void anotherPrefillAcceleratorSendsItsCacheOverTheNics() {
        Cluster decode = EVALUATOR.clusters().standard("gb200", 8);
        Evaluation.Ok e = ok(SEARCH.evaluate(decode, deepseek(null), A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.DISAGGREGATED, 8, null, "b200")));
        ServingSplit s = e.plan().split();
        assertEquals("b200", s.prefillAcceleratorId());
        assertEquals("the scale-out NICs", s.kvLink());
        assertEquals(16, e.accelerators(), "the prefill pool's accelerators come beside the design's");
        assertEquals("gb200", e.acceleratorId());
    }

    @Test
    void badCombinationsAreRefused() {
        Cluster c = EVALUATOR.clusters().standard("b200", 8);
        assertThrows(EvaluationException.class, () -> new ServingOptions(ServingMode.AGGREGATED, 2, null, null));
        assertThrows(EvaluationException.class, () -> SEARCH.evaluate(c, deepseek(null), A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.DISAGGREGATED, null, null, "b200")), "another accelerator beside, with no count");
        assertThrows(EvaluationException.class, () -> new ServingOptions(ServingMode.DISAGGREGATED, 0, null, null));
        assertThrows(EvaluationException.class, () -> SEARCH.evaluate(c, deepseek(null), A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.DISAGGREGATED, 5, 5, null)), "10 accelerators of 8");
        assertThrows(EvaluationException.class, () -> SEARCH.evaluate(c, deepseek(null), A, Batching.STATIC,
                new ServingOptions(ServingMode.DISAGGREGATED, null, null, null)));
        assertThrows(EvaluationException.class, () -> SEARCH.evaluate(EVALUATOR.clusters().standard("b200", 1), deepseek(null), A,
                Batching.CONTINUOUS, new ServingOptions(ServingMode.DISAGGREGATED, null, null, null)));
    }

    /** One rack of a DGX B200 with the leaf switch, one of two DGX H100: two kinds, each in racks of its own. */
    static io.tokenrack.engine.design.RackDesign mixed(boolean withSwitch) {
        var b200 = new java.util.ArrayList<>(java.util.List.of(new io.tokenrack.engine.design.Placement("dgx-1", "dgx-b200", 1, null)));
        if (withSwitch) {
            b200.add(new io.tokenrack.engine.design.Placement("leaf", "quantum-2-qm9700", 42, null));
        }
        var h100 = java.util.List.of(new io.tokenrack.engine.design.Placement("dgx-2", "dgx-h100", 1, null),
                new io.tokenrack.engine.design.Placement("dgx-3", "dgx-h100", 11, null));
        return new io.tokenrack.engine.design.RackDesign(1, "mixed", null, java.util.List.of(
                new io.tokenrack.engine.design.RackInstance("r1", "B200 rack", "air-42u-30kw", b200),
                new io.tokenrack.engine.design.RackInstance("r2", "H100 rack", "air-42u-30kw", h100)), null);
    }

    @Test
    void aDesignWithTwoKindsServesOneKindAsThePrefillPool() {
        Workload w = new Workload("llama-3.3-70b", Precision.FP8, null, 8192, 1024, null, null, null, null, Parallelism.AUTO);
        Evaluation.Ok h100Prefill = ok(SEARCH.evaluate(mixed(true), w, A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.AUTO, null, null, "h100-sxm")));
        assertEquals("h100-sxm", h100Prefill.plan().split().prefillAcceleratorId());
        assertEquals("b200", h100Prefill.acceleratorId());
        assertEquals(24, h100Prefill.accelerators());
        assertEquals("the scale-out NICs", h100Prefill.plan().split().kvLink());
        Evaluation.Ok b200Prefill = ok(SEARCH.evaluate(mixed(true), w, A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.AUTO, null, null, "b200")));
        Evaluation.Ok chosen = ok(SEARCH.evaluate(mixed(true), w, A, Batching.CONTINUOUS, ServingOptions.AUTO));
        assertEquals(Math.max(h100Prefill.throughput().outputTokensPerSecond(), b200Prefill.throughput().outputTokensPerSecond()),
                chosen.throughput().outputTokensPerSecond(), 1e-9 * chosen.throughput().outputTokensPerSecond());
        assertThrows(EvaluationException.class, () -> SEARCH.evaluate(mixed(true), w, A, Batching.CONTINUOUS, ServingOptions.AGGREGATED));
        assertThrows(EvaluationException.class, () -> SEARCH.evaluate(mixed(true), w, A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.AUTO, 4, null, null)));
        assertEquals(Evaluation.Status.DOES_NOT_FIT, SEARCH.evaluate(mixed(false), w, A, Batching.CONTINUOUS, ServingOptions.AUTO).status(),
                "no switch joins the two racks");
    }

    @Test
    void aModelNoPoolHoldsDoesNotFitDisaggregated() {
        // DeepSeek-R1 at fp8 needs all 8 H200s: no split leaves both pools room
        Evaluation e = SEARCH.evaluate(EVALUATOR.clusters().standard("h200-sxm", 8), deepseek(null), A, Batching.CONTINUOUS,
                new ServingOptions(ServingMode.DISAGGREGATED, null, null, null));
        assertFalse(e.ok());
        assertEquals(Evaluation.Status.DOES_NOT_FIT, e.status());
        // and auto falls back to aggregated
        assertEquals(ServingMode.AGGREGATED, ok(SEARCH.evaluate(EVALUATOR.clusters().standard("h200-sxm", 8), deepseek(null), A,
                Batching.CONTINUOUS, ServingOptions.AUTO)).plan().split().mode());
    }

    @Test
    void theDisaggregatedSweepRisesInConcurrencyAndEachPointSaysItsSplit() {
        Cluster c = EVALUATOR.clusters().standard("b200", 8);
        var sweep = SEARCH.disaggregatedSweep(c, deepseek(40.0), A, 16);
        assertTrue(sweep.size() >= 4, "points: " + sweep.size());
        for (int i = 0; i < sweep.size(); i++) {
            Evaluation.Ok e = sweep.get(i);
            assertEquals(ServingMode.DISAGGREGATED, e.plan().split().mode());
            if (i > 0) {
                assertTrue(e.plan().concurrency() > sweep.get(i - 1).plan().concurrency() - 1e-9);
            }
        }
        assertTrue(sweep.getFirst().throughput().tokensPerSecondPerUser() > sweep.getLast().throughput().tokensPerSecondPerUser(),
                "one request alone is served faster than a full pool");
        assertTrue(SEARCH.disaggregatedSweep(EVALUATOR.clusters().standard("b200", 1), deepseek(null), A, 16).isEmpty());
    }

    @Test
    void aRackHoldingBothKindsIsRefusedNamingTheRack() {
        var items = java.util.List.of(new io.tokenrack.engine.design.Placement("dgx-1", "dgx-b200", 1, null),
                new io.tokenrack.engine.design.Placement("dgx-2", "dgx-h100", 11, null),
                new io.tokenrack.engine.design.Placement("leaf", "quantum-2-qm9700", 42, null));
        var design = new io.tokenrack.engine.design.RackDesign(1, "one rack, two kinds", null, java.util.List.of(
                new io.tokenrack.engine.design.RackInstance("r1", "Shared rack", "air-42u-30kw", items)), null);
        Workload w = new Workload("llama-3.3-70b", Precision.FP8, null, 8192, 1024, null, null, null, null, Parallelism.AUTO);
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> SEARCH.evaluate(design, w, A, Batching.CONTINUOUS, ServingOptions.AUTO));
        assertTrue(e.getMessage().startsWith("rack 'Shared rack' holds b200 and h100-sxm"), e.getMessage());
    }
}
