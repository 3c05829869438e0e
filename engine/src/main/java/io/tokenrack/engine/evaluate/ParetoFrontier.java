package io.tokenrack.engine.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The throughput-versus-interactivity frontier of a concurrency sweep: the points no other point
 * beats on both output tokens/s per accelerator and tokens/s per user. Each sweep point sits on
 * its own best layout, so where the layout changes a point can be dominated; drawn in concurrency
 * order the curve would jump back and forth. The frontier is what a deployment can choose from.
 */
public final class ParetoFrontier {
    private ParetoFrontier() {}

    /** The non-dominated points, in increasing tokens/s per user. */
    public static List<CurvePoint> of(List<CurvePoint> sweep) {
        List<CurvePoint> byUserSpeed = new ArrayList<>(sweep);
        byUserSpeed.sort(Comparator.comparingDouble(CurvePoint::tokensPerSecondPerUser).reversed()
                .thenComparing(Comparator.comparingDouble(CurvePoint::outputTokensPerSecondPerAccelerator).reversed()));
        List<CurvePoint> frontier = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (CurvePoint p : byUserSpeed) {
            if (p.outputTokensPerSecondPerAccelerator() > best) {
                frontier.add(p);
                best = p.outputTokensPerSecondPerAccelerator();
            }
        }
        return frontier.reversed();
    }

    /** The non-dominated points of a serving frontier (each with its configuration), in increasing tokens/s per user. */
    public static List<FrontierPoint> ofPoints(List<FrontierPoint> points) {
        return ServingFrontier.paretoPoints(points);
    }
}
