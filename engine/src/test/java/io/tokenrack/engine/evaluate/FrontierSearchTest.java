package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.SpeculativeMethod;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disaggregated serving with speculative decoding, and the frontier over every way of serving. */
class FrontierSearchTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final ServingSearch SEARCH = new ServingSearch(EVALUATOR);
    static final FrontierSearch FRONTIERS = new FrontierSearch(EVALUATOR);
    static final Assumptions A = Assumptions.defaults(CATALOG.facility());
    static final Cluster B200X8 = EVALUATOR.clusters().standard("b200", 8);
    static final ServingOptions DISAGGREGATED = new ServingOptions(ServingMode.DISAGGREGATED, null, null, null);

    /** DeepSeek-R1 fp4, 8k in, 1k out. */
    static Workload r1(Integer concurrency) {
        return new Workload("deepseek-r1", Precision.FP4, null, 8192, 1024, concurrency, null, null, null, Parallelism.AUTO);
    }

    static Evaluation.Ok ok(Evaluation e) {
        return assertInstanceOf(Evaluation.Ok.class, e, e.message());
    }

    @Test
    void theDisaggregatedDecodePoolRunsTheSpeculativeDecodingAsked() {
        Evaluation.Ok plain = ok(SEARCH.evaluate(B200X8, r1(5), A, Batching.CONTINUOUS, DISAGGREGATED, SpeculationRequest.OFF));
        Evaluation.Ok mtp3 = ok(SEARCH.evaluate(B200X8, r1(5), A, Batching.CONTINUOUS, DISAGGREGATED, SpeculationRequest.parse("mtp:3")));
        assertTrue(mtp3.plan().split().disaggregated(), mtp3.plan().split().words("b200"));
        assertEquals(SpeculativeMethod.MTP, mtp3.plan().speculation().method());
        assertEquals(3, mtp3.plan().speculation().draftTokens());
        assertTrue(plain.plan().speculation().isOff());
        // DeepSeek-R1's MTP accepts ~2.4 tokens per step at k = 3 for a step ~1.6× as long: at 5 users each user is much faster
        assertTrue(mtp3.throughput().tokensPerSecondPerUser() > 1.3 * plain.throughput().tokensPerSecondPerUser(),
                mtp3.throughput().tokensPerSecondPerUser() + " vs " + plain.throughput().tokensPerSecondPerUser());
        assertTrue(mtp3.provenance().stream().anyMatch(p -> p.label().equals("acceptance length")), "the AL says where it comes from");
        // the configuration it reports asks for the same way of serving again
        ServingConfig c = ServingConfig.of(mtp3);
        assertEquals(ServingConfig.Mode.DISAGGREGATED, c.mode());
        assertEquals("mtp:3", c.speculative().label());
    }

    @Test
    void autoServingWeighsSpeculationOnTheDecodePoolToo() {
        // at 5 users 8k/1k on 8 × B200 the disaggregated pools serve best; auto tries each draft depth on them
        Evaluation.Ok auto = ok(SEARCH.evaluate(B200X8, r1(5), A, Batching.CONTINUOUS, ServingOptions.AUTO, SpeculationRequest.AUTO));
        Evaluation.Ok apartMtp3 = ok(SEARCH.evaluate(B200X8, r1(5), A, Batching.CONTINUOUS, DISAGGREGATED, SpeculationRequest.parse("mtp:3")));
        Evaluation.Ok apartOff = ok(SEARCH.evaluate(B200X8, r1(5), A, Batching.CONTINUOUS, DISAGGREGATED, SpeculationRequest.OFF));
        double best = Math.max(apartMtp3.throughput().outputTokensPerSecond(), apartOff.throughput().outputTokensPerSecond());
        assertTrue(auto.throughput().outputTokensPerSecond() >= best * 0.999,
                auto.throughput().outputTokensPerSecond() + " < " + best + " (" + ServingConfig.of(auto).describe() + ")");
    }

    @Test
    void theFrontierOf8B200OnDeepSeekR1HasDisaggregatedPointsAndEveryPointsConfigurationServes() {
        Workload w = r1(null);
        List<FrontierPoint> f = FRONTIERS.frontier(B200X8, w, A, 64, Batching.CONTINUOUS, ServingOptions.AUTO, SpeculationRequest.AUTO);
        assertTrue(f.size() >= 4, "points " + f.size());
        assertTrue(f.stream().anyMatch(p -> p.config().mode() == ServingConfig.Mode.DISAGGREGATED),
                () -> "no disaggregated point: " + f.stream().map(p -> p.config().describe()).toList());
        for (int i = 0; i < f.size(); i++) {
            FrontierPoint p = f.get(i);
            if (i > 0) {
                assertTrue(p.tokensPerSecondPerUser() > f.get(i - 1).tokensPerSecondPerUser(), "increasing speed per user");
                assertTrue(p.outputTokensPerSecondPerAccelerator() < f.get(i - 1).outputTokensPerSecondPerAccelerator(),
                        "and decreasing throughput: none dominated");
            }
            ServingConfig c = p.config();
            // asked for again, the configuration is served (a feasible configuration), the same way, near the same numbers
            Evaluation.Ok again = ok(SEARCH.evaluate(B200X8, c.applyTo(w), A, Batching.CONTINUOUS, c.options(), c.speculation()));
            ServingConfig back = ServingConfig.of(again);
            assertEquals(c.mode(), back.mode(), c.describe());
            assertEquals(c.speculative().label(), back.speculative().label(), c.describe());
            assertEquals(p.tokensPerSecondPerUser(), again.throughput().tokensPerSecondPerUser(), 0.02 * p.tokensPerSecondPerUser(),
                    c.describe());
            if (c.mode() == ServingConfig.Mode.DISAGGREGATED) {
                assertTrue(c.split().prefillAccelerators() + c.split().decodeAccelerators() <= 8, c.describe());
                assertTrue(c.describe().contains("P") && c.describe().contains("D ("), c.describe());
            }
        }
    }

    @Test
    void aDesignWithTwoKindsOfAcceleratorHasAttentionFfnPointsOnItsFrontier() {
        var design = io.tokenrack.engine.design.DesignIO.read(java.nio.file.Path.of("..", "presets", "designs", "vera-rubin-lpx.json"));
        Workload w = design.workload().withoutLimits().withConcurrency(null);
        List<FrontierPoint> afd = FRONTIERS.frontier(design, w, A, 16, new ServingOptions(ServingMode.AFD, null, null, null),
                SpeculationRequest.AUTO);
        assertFalse(afd.isEmpty(), "attention–FFN points");
        assertTrue(afd.stream().allMatch(p -> p.config().mode() == ServingConfig.Mode.AFD), () -> afd.stream().map(p -> p.config().describe()).toList().toString());
        // aggregated serving of two kinds is refused by the engine: no frontier
        assertTrue(FRONTIERS.frontier(design, w, A, 16, ServingOptions.AGGREGATED, SpeculationRequest.AUTO).isEmpty());
    }

    @Test
    void theFrontierFollowsTheServingModeAsked() {
        Workload w = r1(null);
        List<FrontierPoint> together = FRONTIERS.frontier(B200X8, w, A, 32, Batching.CONTINUOUS, ServingOptions.AGGREGATED,
                SpeculationRequest.AUTO);
        List<FrontierPoint> apart = FRONTIERS.frontier(B200X8, w, A, 32, Batching.CONTINUOUS, DISAGGREGATED, SpeculationRequest.AUTO);
        List<FrontierPoint> off = FRONTIERS.frontier(B200X8, w, A, 32, Batching.CONTINUOUS, ServingOptions.AGGREGATED,
                SpeculationRequest.OFF);
        assertFalse(together.isEmpty());
        assertFalse(apart.isEmpty());
        assertTrue(together.stream().allMatch(p -> p.config().mode() == ServingConfig.Mode.AGGREGATED));
        assertTrue(apart.stream().allMatch(p -> p.config().mode() == ServingConfig.Mode.DISAGGREGATED));
        assertTrue(off.stream().allMatch(p -> p.config().speculative().isOff()));
        assertTrue(together.stream().anyMatch(p -> !p.config().speculative().isOff()), "auto speculation reaches the fast end with MTP");
        // attention–FFN needs two kinds of accelerators: none on one kind
        assertTrue(FRONTIERS.frontier(B200X8, w, A, 32, Batching.CONTINUOUS, new ServingOptions(ServingMode.AFD, null, null, null),
                SpeculationRequest.AUTO).isEmpty());
    }
}
