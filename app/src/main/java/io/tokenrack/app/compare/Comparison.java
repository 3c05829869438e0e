package io.tokenrack.app.compare;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Two evaluations side by side, row by row: each number for this design (A) and the other (B),
 * B's difference from A in percent, and which is better where a direction makes sense (more
 * tokens, less latency, less cost; power and size are shown without a verdict).
 */
public final class Comparison {
    /**
     * Relative difference below which two values get no verdict: they round to the same three
     * significant figures the window shows (0.05%).
     */
    static final double SAME_WITHIN = 5e-4;

    private Comparison() {}

    /** Which side a row favours. */
    public enum Better { A, B, SAME, NONE }

    /**
     * One line of the comparison.
     *
     * @param delta B relative to A ("+12%", "−3.4%"), "—" where a value is unknown or the row is text
     */
    public record Row(String id, String label, String a, String b, String delta, Better better) {}

    private enum Direction { HIGHER, LOWER, NONE }

    private record Metric(String id, String label, ToDoubleFunction<Evaluation.Ok> value, Direction direction, Format format) {}

    @FunctionalInterface
    private interface Format {
        String of(double v);
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("output-tps", "Output tokens/s", e -> e.throughput().outputTokensPerSecond(), Direction.HIGHER, v -> Units.number(v) + " tok/s"),
            new Metric("output-tps-per-accelerator", "Output tokens/s per accelerator", e -> e.throughput().outputTokensPerSecondPerAccelerator(),
                    Direction.HIGHER, v -> Units.number(v) + " tok/s"),
            new Metric("tps-per-user", "Tokens/s per user", e -> e.throughput().tokensPerSecondPerUser(), Direction.HIGHER, v -> Units.number(v) + " tok/s"),
            new Metric("ttft", "Time to first token", e -> e.latency().ttftSeconds(), Direction.LOWER, Units::ms),
            new Metric("tpot", "Time per output token", e -> e.latency().tpotSeconds(), Direction.LOWER, Units::ms),
            new Metric("tokens-per-joule", "Tokens per joule (IT)", e -> e.efficiency().outputTokensPerJoule(), Direction.HIGHER, v -> Units.number(v) + " tok/J"),
            new Metric("usd-per-mtok", "$ per million output tokens", e -> e.cost().usdPerMillionOutputTokens(), Direction.LOWER, Units::usd),
            new Metric("it-power", "IT power", e -> e.power().itWatts(), Direction.NONE, Units::kw),
            new Metric("facility-power", "Facility power", e -> e.power().facilityWatts(), Direction.NONE, Units::kw),
            new Metric("accelerators", "Accelerators", e -> e.accelerators(), Direction.NONE, v -> String.format(Locale.ROOT, "%.0f", v)),
            new Metric("concurrency", "Requests in flight", e -> e.plan().concurrency(), Direction.NONE, Units::number));

    /** The rows for A and B; a side that did not evaluate shows its reason once and "—" elsewhere. */
    public static List<Row> rows(Evaluation a, Evaluation b) {
        List<Row> out = new ArrayList<>();
        for (Metric m : METRICS) {
            double va = value(a, m);
            double vb = value(b, m);
            out.add(new Row(m.id(), m.label(), text(va, m), text(vb, m), delta(va, vb), better(va, vb, m.direction())));
        }
        out.add(new Row("model", "Model", a == null ? Units.UNKNOWN : a.modelId(), b == null ? Units.UNKNOWN : b.modelId(),
                Units.UNKNOWN, Better.NONE));
        out.add(new Row("accelerator", "Accelerator", a == null ? Units.UNKNOWN : a.acceleratorId(), b == null ? Units.UNKNOWN : b.acceleratorId(),
                Units.UNKNOWN, Better.NONE));
        out.add(new Row("bottleneck", "Bottleneck", bottleneck(a), bottleneck(b), Units.UNKNOWN, Better.NONE));
        return out;
    }

    private static double value(Evaluation e, Metric m) {
        return e instanceof Evaluation.Ok ok ? m.value().applyAsDouble(ok) : Double.NaN;
    }

    private static String text(double v, Metric m) {
        return Double.isFinite(v) ? m.format().of(v) : Units.UNKNOWN;
    }

    private static String bottleneck(Evaluation e) {
        if (e == null) {
            return Units.UNKNOWN;
        }
        return e instanceof Evaluation.Ok ok ? ok.bottleneck().label() : e.message();
    }

    /** B relative to A in percent, with a sign; "—" where either is unknown or A is zero. */
    static String delta(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || a == 0) {
            return Units.UNKNOWN;
        }
        double pct = 100 * (b - a) / Math.abs(a);
        if (Math.abs(pct) < 0.05) {
            return "±0%";
        }
        String body = Math.abs(pct) >= 10 ? String.format(Locale.ROOT, "%.0f%%", Math.abs(pct)) : String.format(Locale.ROOT, "%.1f%%", Math.abs(pct));
        return (pct > 0 ? "+" : "−") + body;
    }

    private static Better better(double a, double b, Direction d) {
        if (d == Direction.NONE || !Double.isFinite(a) || !Double.isFinite(b)) {
            return Better.NONE;
        }
        if (Math.abs(b - a) <= SAME_WITHIN * Math.max(Math.abs(a), Math.abs(b))) {
            return Better.SAME;
        }
        boolean bHigher = b > a;
        return (d == Direction.HIGHER) == bHigher ? Better.B : Better.A;
    }
}
