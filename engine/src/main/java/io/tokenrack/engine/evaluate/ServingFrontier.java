package io.tokenrack.engine.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The throughput-versus-interactivity Pareto frontier over serving configurations: candidates from
 * {@link ServingConfigs} are scored, the non-dominated ones kept (no other is at least as fast per
 * user and makes more tokens per accelerator), thinned to the points asked for, and each evaluated in
 * full with its configuration.
 */
final class ServingFrontier {
    private ServingFrontier() {}

    /** The non-dominated candidates, in increasing tokens/s per user. */
    static List<ServingConfigs.Candidate> pareto(List<ServingConfigs.Candidate> candidates) {
        List<ServingConfigs.Candidate> byUserSpeed = new ArrayList<>(candidates);
        byUserSpeed.sort(Comparator.comparingDouble(ServingConfigs.Candidate::tokensPerSecondPerUser).reversed()
                .thenComparing(Comparator.comparingDouble(ServingConfigs.Candidate::outputTokensPerSecondPerAccelerator).reversed()));
        List<ServingConfigs.Candidate> frontier = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (ServingConfigs.Candidate c : byUserSpeed) {
            if (c.outputTokensPerSecondPerAccelerator() > best) {
                frontier.add(c);
                best = c.outputTokensPerSecondPerAccelerator();
            }
        }
        return frontier.reversed();
    }

    /** At most {@code points} of the frontier, evenly spread along it, both ends kept. */
    static <T> List<T> thin(List<T> frontier, int points) {
        if (frontier.size() <= points) {
            return frontier;
        }
        List<T> out = new ArrayList<>(points);
        int last = -1;
        for (int i = 0; i < points; i++) {
            int k = points == 1 ? frontier.size() - 1 : (int) Math.round((double) i * (frontier.size() - 1) / (points - 1));
            if (k != last) {
                out.add(frontier.get(k));
                last = k;
            }
        }
        return out;
    }

    /** The frontier of evaluated points, dominated ones dropped, in increasing tokens/s per user. */
    static List<FrontierPoint> paretoPoints(List<FrontierPoint> points) {
        List<FrontierPoint> byUserSpeed = new ArrayList<>(points);
        byUserSpeed.sort(Comparator.comparingDouble(FrontierPoint::tokensPerSecondPerUser).reversed()
                .thenComparing(Comparator.comparingDouble(FrontierPoint::outputTokensPerSecondPerAccelerator).reversed()));
        List<FrontierPoint> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (FrontierPoint p : byUserSpeed) {
            if (p.outputTokensPerSecondPerAccelerator() > best) {
                out.add(p);
                best = p.outputTokensPerSecondPerAccelerator();
            }
        }
        return out.reversed();
    }
}
