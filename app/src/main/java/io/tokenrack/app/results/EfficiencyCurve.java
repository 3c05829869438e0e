package io.tokenrack.app.results;

import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.ServingConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the tokens-per-joule chart draws: the configurations of the serving frontier (the same
 * search the throughput-vs-speed chart draws, so a disaggregated or speculative operating point is
 * on it), by requests in flight, each with the tokens/J the engine computed for it; before a
 * frontier exists (or when it is empty) the aggregated concurrency sweep. Points without a power
 * figure are left out. The app computes nothing here: every number is the engine's.
 */
public final class EfficiencyCurve {
    private EfficiencyCurve() {}

    /**
     * One point of the chart.
     *
     * @param config the serving configuration at this point; null on the aggregated sweep drawn
     *               when there is no frontier
     */
    public record Point(int concurrency, double outputTokensPerJoule, double usdPerMillionOutputTokens, ServingConfig config) {}

    /** The points in increasing requests in flight (at equal requests, increasing tokens/J). */
    public static List<Point> of(Results r) {
        List<Point> out = new ArrayList<>();
        if (!r.frontier().isEmpty()) {
            for (FrontierPoint f : r.frontier()) {
                add(out, f.point(), f.config());
            }
        } else {
            for (CurvePoint p : r.concurrencySweep()) {
                add(out, p, null);
            }
        }
        out.sort(Comparator.comparingInt(Point::concurrency).thenComparingDouble(Point::outputTokensPerJoule));
        return List.copyOf(out);
    }

    /** The operating point (its configuration, requests in flight as the frontier counts them); null without numbers or power. */
    public static Point now(Results r) {
        if (r.numbers() == null) {
            return null;
        }
        FrontierPoint f = FrontierPoint.of(r.numbers());
        CurvePoint p = f.point();
        return Double.isNaN(p.outputTokensPerJoule()) ? null
                : new Point(p.concurrency(), p.outputTokensPerJoule(), p.usdPerMillionOutputTokens(), f.config());
    }

    private static void add(List<Point> out, CurvePoint p, ServingConfig config) {
        if (!Double.isNaN(p.outputTokensPerJoule())) {
            out.add(new Point(p.concurrency(), p.outputTokensPerJoule(), p.usdPerMillionOutputTokens(), config));
        }
    }
}
