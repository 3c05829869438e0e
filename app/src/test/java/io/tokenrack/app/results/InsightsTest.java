package io.tokenrack.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.evaluate.Bottleneck;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.UtilizationPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences beside the rack: the levers read off the frontier and the utilization sweep, by hand. */
class InsightsTest {
    private static CurvePoint at(double perUser, double perAccelerator) {
        return new CurvePoint(1, 0, perAccelerator, perAccelerator, perUser, 0, 0, 0, 0, 0, 0, Bottleneck.MEMORY_BANDWIDTH, null);
    }

    private static final List<CurvePoint> FRONTIER = List.of(at(10, 2_000), at(20, 1_800), at(40, 1_000), at(80, 400), at(120, 100));

    @Test
    void theFrontierIsReadBetweenItsPoints() {
        assertEquals(1_900, Insights.interpolate(FRONTIER, 15), 1e-9);
        assertEquals(1_000, Insights.interpolate(FRONTIER, 40), 1e-9);
        assertEquals(700, Insights.interpolate(FRONTIER, 60), 1e-9);
        assertTrue(Double.isNaN(Insights.interpolate(FRONTIER, 5)), "below the frontier's slowest point: no number");
        assertTrue(Double.isNaN(Insights.interpolate(FRONTIER, 130)), "beyond its fastest");
    }

    @Test
    void halfAndTwiceTheSpeedAreReadOffTheFrontier() {
        // now 40 tok/s/user at 1,000 per accelerator: at 20 the frontier gives 1,800 (1.8×), at 80 it gives 400 (0.4×)
        Insights.Insight slower = Insights.speedLever(FRONTIER, 40, 1_000, 0.5, "slower").orElseThrow();
        assertEquals(0.8, slower.gain(), 1e-12);
        assertEquals("At 20 tokens/s per user (half today's speed), the frontier makes 1.8× the tokens per accelerator (1,800).", slower.text());
        Insights.Insight faster = Insights.speedLever(FRONTIER, 40, 1_000, 2, "faster").orElseThrow();
        assertEquals(-0.6, faster.gain(), 1e-12);
        assertTrue(Insights.speedLever(FRONTIER, 100, 250, 2, "faster").isEmpty(), "200 tok/s/user is off the frontier");
        assertTrue(Insights.speedLever(List.of(at(10, 1)), 10, 1, 2, "faster").isEmpty(), "one point is no frontier");
    }

    @Test
    void fullUtilizationIsReadOffTheSweep() {
        List<UtilizationPoint> sweep = List.of(new UtilizationPoint(0.5, 0.70), new UtilizationPoint(0.7, 0.49), new UtilizationPoint(1.0, 0.35));
        Insights.Insight busy = Insights.utilizationLever(sweep, 0.49, 0.7).orElseThrow();
        assertEquals(0.49 / 0.35 - 1, busy.gain(), 1e-12);
        assertEquals("Busy 100 % of the hours instead of 70 %: $0.35 per M tokens instead of $0.49.", busy.text());
        assertTrue(Insights.utilizationLever(sweep, 0.35, 1.0).isEmpty(), "already fully used");
        assertTrue(Insights.utilizationLever(List.of(), 0.49, 0.7).isEmpty());
    }

    @Test
    void noNumbersNoInsights() {
        assertEquals(List.of(), Insights.of(null));
    }
}
