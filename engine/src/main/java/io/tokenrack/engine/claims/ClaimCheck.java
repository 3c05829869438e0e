package io.tokenrack.engine.claims;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Band;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.HeadlineMetric;
import io.tokenrack.engine.evaluate.RangeEvaluator;
import io.tokenrack.engine.evaluate.RangedEvaluation;
import io.tokenrack.engine.perf.Batching;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates each claim's closest setup (and its baseline) and gives the model's number beside the
 * claim. A ratio's range is the interval quotient: setup low ÷ baseline high to setup high ÷ baseline low.
 * Pure; it may take seconds, so callers with a UI run it off their UI thread.
 */
public final class ClaimCheck {
    private final Catalog catalog;
    private final Evaluator evaluator;
    private final RangeEvaluator ranges;

    public ClaimCheck(Catalog catalog) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
        this.ranges = new RangeEvaluator(catalog);
    }

    public List<ModelAnswer> answers(List<Claim> claims) {
        return claims.stream().map(this::answer).toList();
    }

    public ModelAnswer answer(Claim c) {
        HeadlineMetric m = c.headline();
        Side s = side(c, c.setup());
        if (s.failure != null) {
            return failed(c, c.setup().text() + ": " + s.failure);
        }
        if (c.baseline() == null) {
            return new ModelAnswer(c, s.value, s.low, s.high, false, "");
        }
        Side b = side(c, c.baseline());
        if (b.failure != null) {
            return failed(c, c.baseline().text() + ": " + b.failure);
        }
        if (!(b.value > 0) || !(b.low > 0)) {
            return failed(c, String.format(Locale.ROOT, "%s gives no %s to divide by", c.baseline().text(), m.jsonName()));
        }
        return new ModelAnswer(c, s.value / b.value, s.low / b.high, s.high / b.low, true, "");
    }

    private static ModelAnswer failed(Claim c, String why) {
        return new ModelAnswer(c, Double.NaN, Double.NaN, Double.NaN, c.baseline() != null, why);
    }

    private record Side(double value, double low, double high, String failure) {}

    private Side side(Claim c, Claim.Setup setup) {
        Assumptions a = Assumptions.defaults(catalog.facility());
        RangeEvaluator.ClusterSource source = RangeEvaluator.ClusterSource.standard(setup.accelerator(), setup.count());
        Evaluation e;
        try {
            Cluster cluster = source.build(evaluator.clusters());
            e = evaluator.evaluate(cluster, c.workload(), a, Batching.CONTINUOUS);
        } catch (RuntimeException ex) {
            return new Side(Double.NaN, Double.NaN, Double.NaN, ex.getMessage());
        }
        if (!(e instanceof Evaluation.Ok ok)) {
            return new Side(Double.NaN, Double.NaN, Double.NaN, e.message());
        }
        double v = c.headline().of(ok);
        if (!Double.isFinite(v)) {
            return new Side(Double.NaN, Double.NaN, Double.NaN, c.headline().jsonName() + " is unknown (an input is not published)");
        }
        RangedEvaluation r = ranges.evaluate(ok, source, c.workload(), a, Batching.CONTINUOUS);
        Band band = r.band(c.headline());
        return band == null ? new Side(v, v, v, null) : new Side(v, band.low(), band.high(), null);
    }
}
