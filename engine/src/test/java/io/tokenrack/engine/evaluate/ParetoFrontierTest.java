package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.workload.Parallelism;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontierTest {
    static CurvePoint point(int concurrency, double perAccelerator, double perUser) {
        return new CurvePoint(concurrency, perAccelerator * 8, perAccelerator, perAccelerator, perUser, 0.1, 0.01, 1, 1, 1, 1,
                io.tokenrack.engine.evaluate.Bottleneck.COMPUTE, Parallelism.AUTO);
    }

    @Test
    void dominatedPointsAreDroppedAndTheRestOrderedByUserSpeed() {
        // concurrency order, as a sweep gives them: the 64-request point sits on a poorer layout
        CurvePoint c1 = point(1, 100, 120);
        CurvePoint c16 = point(16, 900, 60);
        CurvePoint c64 = point(64, 181, 37);   // dominated by c16: slower per user and less throughput
        CurvePoint c256 = point(256, 1840, 30.6);
        List<CurvePoint> frontier = ParetoFrontier.of(List.of(c1, c16, c64, c256));
        assertEquals(List.of(c256, c16, c1), frontier);
    }

    @Test
    void aRealSweepGivesAFrontierThatFallsAsUserSpeedRises() {
        var catalog = io.tokenrack.engine.catalog.CatalogLoader.loadDefault();
        Evaluator evaluator = new Evaluator(catalog);
        var w = new io.tokenrack.engine.workload.Workload("llama-3.1-70b", io.tokenrack.engine.workload.Precision.FP8, null,
                1024, 1024, null, null, null, null, Parallelism.AUTO);
        List<CurvePoint> sweep = evaluator.curve(evaluator.clusters().standard("h100-sxm", 8), w,
                Assumptions.defaults(catalog.facility()), 32);
        List<CurvePoint> frontier = ParetoFrontier.of(sweep);
        assertTrue(!frontier.isEmpty() && frontier.size() <= sweep.size());
        for (int i = 1; i < frontier.size(); i++) {
            assertTrue(frontier.get(i).tokensPerSecondPerUser() >= frontier.get(i - 1).tokensPerSecondPerUser());
            assertTrue(frontier.get(i).outputTokensPerSecondPerAccelerator() < frontier.get(i - 1).outputTokensPerSecondPerAccelerator());
        }
        for (CurvePoint p : sweep) {
            assertTrue(frontier.stream().anyMatch(f -> f.tokensPerSecondPerUser() >= p.tokensPerSecondPerUser()
                    && f.outputTokensPerSecondPerAccelerator() >= p.outputTokensPerSecondPerAccelerator()), "every point is covered: " + p);
        }
    }
}
