package io.tokenrack.app.results;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.UtilizationPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the latest results say about the design in a few sentences, for the column beside the
 * racks: what binds it at its operating point, and the levers the results already hold (the
 * serving frontier at half and twice the speed per user, the cost at full utilization), the one
 * with the largest gain first. Read from the engine's results only: nothing is modelled here.
 */
public final class Insights {
    /** A lever smaller than this (relative) is not worth a line. */
    static final double SMALLEST_GAIN = 0.05;

    /**
     * One sentence. {@code gain} is the lever's relative improvement of its own number (0.3: 30 %
     * more tokens per accelerator, or 30 % off the cost); NaN for a sentence that is not a lever.
     */
    public record Insight(String id, String text, double gain) {
        public boolean lever() {
            return !Double.isNaN(gain);
        }
    }

    private Insights() {}

    /** What binds, then the levers, largest gain first; empty when there are no numbers. */
    public static List<Insight> of(Results r) {
        Evaluation.Ok e = r == null ? null : r.numbers();
        if (e == null) {
            return List.of();
        }
        List<Insight> out = new ArrayList<>();
        String why = Headline.decodeWhy(e, 1);
        out.add(new Insight("insight-binds", "Binds: " + e.bottleneck().label() + (why.isEmpty() ? "" : " (" + why + ")") + ".", Double.NaN));
        List<Insight> levers = new ArrayList<>();
        double speed = e.throughput().tokensPerSecondPerUser();
        double perAccelerator = e.throughput().outputTokensPerSecondPerAccelerator();
        List<CurvePoint> frontier = r.frontier().stream().map(FrontierPoint::point)
                .sorted(Comparator.comparingDouble(CurvePoint::tokensPerSecondPerUser)).toList();
        speedLever(frontier, speed, perAccelerator, 0.5, "slower").ifPresent(levers::add);
        speedLever(frontier, speed, perAccelerator, 2, "faster").ifPresent(levers::add);
        utilizationLever(r.utilizationSweep(), e.cost().usdPerMillionOutputTokens(), r.input().assumptions().utilization()).ifPresent(levers::add);
        levers.sort(Comparator.comparingDouble(Insight::gain).reversed());
        if (!levers.isEmpty() && levers.getFirst().gain() >= SMALLEST_GAIN) {
            Insight best = levers.getFirst();
            levers.set(0, new Insight(best.id(), "Most help: " + Character.toLowerCase(best.text().charAt(0)) + best.text().substring(1), best.gain()));
        }
        out.addAll(levers);
        return List.copyOf(out);
    }

    /**
     * At {@code factor} times the speed per user, the frontier's tokens per accelerator against
     * now's; empty when that speed is off the frontier.
     */
    static java.util.Optional<Insight> speedLever(List<CurvePoint> frontier, double speed, double perAccelerator, double factor, String word) {
        double target = speed * factor;
        if (frontier.size() < 2 || !(speed > 0) || !(perAccelerator > 0)) {
            return java.util.Optional.empty();
        }
        double at = interpolate(frontier, target);
        if (Double.isNaN(at)) {
            return java.util.Optional.empty();
        }
        double ratio = at / perAccelerator;
        String text = String.format(Locale.ROOT, "At %s tokens/s per user (%s today's speed), the frontier makes %s the tokens per accelerator (%s).",
                Units.number(target), factor < 1 ? "half" : "twice", times(ratio), Units.number(at));
        return java.util.Optional.of(new Insight("insight-" + word, text, ratio - 1));
    }

    /** The cost at the sweep's highest utilization against now's; empty when it is not above today's. */
    static java.util.Optional<Insight> utilizationLever(List<UtilizationPoint> sweep, double usdPerM, double utilization) {
        if (sweep.isEmpty() || !(usdPerM > 0)) {
            return java.util.Optional.empty();
        }
        UtilizationPoint full = sweep.stream().max(Comparator.comparingDouble(UtilizationPoint::utilization)).orElseThrow();
        if (!(full.utilization() > utilization + 1e-9) || !(full.usdPerMillionOutputTokens() > 0)) {
            return java.util.Optional.empty();
        }
        String text = String.format(Locale.ROOT, "Busy %s of the hours instead of %s: %s per M tokens instead of %s.",
                Units.percent(full.utilization()), Units.percent(utilization), Units.usd(full.usdPerMillionOutputTokens()), Units.usd(usdPerM));
        return java.util.Optional.of(new Insight("insight-utilization", text, usdPerM / full.usdPerMillionOutputTokens() - 1));
    }

    /** Tokens per accelerator at {@code speed} on the frontier (linear between its points); NaN off its ends. */
    static double interpolate(List<CurvePoint> sorted, double speed) {
        for (int i = 1; i < sorted.size(); i++) {
            CurvePoint a = sorted.get(i - 1);
            CurvePoint b = sorted.get(i);
            if (speed >= a.tokensPerSecondPerUser() && speed <= b.tokensPerSecondPerUser()) {
                double span = b.tokensPerSecondPerUser() - a.tokensPerSecondPerUser();
                double f = span == 0 ? 0 : (speed - a.tokensPerSecondPerUser()) / span;
                return a.outputTokensPerSecondPerAccelerator() + f * (b.outputTokensPerSecondPerAccelerator() - a.outputTokensPerSecondPerAccelerator());
            }
        }
        return Double.NaN;
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.1f×", ratio);
    }
}
