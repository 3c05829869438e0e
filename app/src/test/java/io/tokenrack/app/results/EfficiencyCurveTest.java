package io.tokenrack.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.ServingConfig;
import io.tokenrack.engine.perf.Speculation;
import io.tokenrack.engine.workload.Parallelism;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tokens/J chart draws: the serving frontier's configurations by requests in flight, else the sweep. */
class EfficiencyCurveTest {
    private static final Parallelism TP8 = new Parallelism(8, 1, 1, 1);

    private static CurvePoint point(int concurrency, double tokensPerJoule, double usd) {
        return new CurvePoint(concurrency, 1000, 125, 250, 40, 0.5, 0.02, 5000, 7500, tokensPerJoule, usd, null, TP8);
    }

    private static FrontierPoint frontier(int concurrency, double tokensPerJoule) {
        return new FrontierPoint(point(concurrency, tokensPerJoule, 1.5),
                new ServingConfig(ServingConfig.Mode.AGGREGATED, TP8, 4, concurrency, Speculation.OFF));
    }

    private static Results results(List<CurvePoint> sweep, List<FrontierPoint> frontier) {
        return new Results(null, null, "", sweep, List.of(), 0, null, frontier);
    }

    @Test
    void theFrontierIsDrawnByRequestsInFlightEachPointWithItsConfigurationAndNumbers() {
        // the frontier comes in increasing tokens/s per user, i.e. mostly decreasing requests in flight; one point has no power figure
        FrontierPoint a = frontier(256, 3.0);
        FrontierPoint b = frontier(64, 2.0);
        FrontierPoint c = frontier(64, 1.5);
        FrontierPoint unknownPower = frontier(8, Double.NaN);
        FrontierPoint d = frontier(1, 0.2);
        List<EfficiencyCurve.Point> curve = EfficiencyCurve.of(results(List.of(point(32, 9.9, 1)), List.of(a, b, c, unknownPower, d)));
        assertEquals(List.of(1, 64, 64, 256), curve.stream().map(EfficiencyCurve.Point::concurrency).toList());
        assertEquals(List.of(0.2, 1.5, 2.0, 3.0), curve.stream().map(EfficiencyCurve.Point::outputTokensPerJoule).toList(),
                "the engine's tokens/J, at equal requests in increasing order; the sweep is not drawn beside the frontier");
        assertSame(a.config(), curve.getLast().config());
        assertEquals(1.5, curve.getLast().usdPerMillionOutputTokens());
    }

    @Test
    void withoutAFrontierTheSweepIsDrawnWithoutConfigurationsAndWithoutNumbersNoCurrentPoint() {
        List<EfficiencyCurve.Point> curve = EfficiencyCurve.of(results(List.of(point(16, 2.0, 1), point(4, 1.0, 2)), List.of()));
        assertEquals(List.of(4, 16), curve.stream().map(EfficiencyCurve.Point::concurrency).toList());
        assertNull(curve.getFirst().config());
        assertNull(EfficiencyCurve.now(results(List.of(), List.of())), "no evaluation, no current point");
    }
}
