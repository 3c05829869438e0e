package io.tokenrack.engine.validate;

import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.perf.ModelConstants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the model constants to measured rows: a coordinate search, each constant kept inside the
 * range its evidence allows (docs/model.md), minimising
 * {@code median |ln(p/m)| + ½·mean |ln(p/m)| + 2·Σ max(0, |ln(p/m)| − ln 2)}: a low median, a low
 * mean, and a heavy penalty for any row beyond 2×. Deterministic: the same rows and start give the
 * same constants.
 */
public final class ConstantsFit {
    /** One fitted constant: its name (the {@link ModelConstants} component) and the range its evidence allows. */
    public record Knob(String name, double lo, double hi) {
        /** Whether {@code value} sits on an end of the range (the fit would have gone further). */
        public boolean atEdge(double value) {
            return Math.abs(value - lo) <= 1e-9 * Math.max(1, Math.abs(lo)) || Math.abs(value - hi) <= 1e-9 * Math.max(1, Math.abs(hi));
        }
    }

    /** One fitted constant before and after the fit. */
    public record Change(Knob knob, double before, double after) {}

    static final List<Knob> KNOBS = List.of(
            new Knob("gemmEfficiencyMax", 0.5, 0.93),
            new Knob("fp8EfficiencyScale", 0.6, 1.0),
            new Knob("fp4EfficiencyScale", 0.4, 1.0),
            new Knob("gemmHalfEfficiencyTokens", 8, 512),
            new Knob("memoryEfficiency", 0.6, 0.85),
            new Knob("attentionComputeEfficiency", 0.3, 0.75),
            new Knob("attentionMemoryEfficiency", 0.4, 0.8),
            new Knob("stepOverheadSeconds", 100e-6, 3e-3),
            new Knob("sequenceOverheadSeconds", 0, 30e-6),
            new Knob("layerOverheadSeconds", 2e-6, 80e-6),
            new Knob("moeGemmEfficiencyScale", 0.2, 1.0),
            new Knob("moeImbalance", 1.0, 1.3),
            new Knob("outputResidency", 0.5, 1.0),
            new Knob("maxSequencesPerRank", 128, 2048));

    /**
     * The fitted constants and the validation summary they give, beside the constants the fit started
     * from and their summary.
     */
    public record Result(ModelConstants start, Validation.Summary startSummary, ModelConstants constants, Validation.Summary summary,
            double objective) {
        /** Each fitted constant, old and new, in {@link #knobs()} order. */
        public List<Change> changes() {
            double[] before = read(start);
            double[] after = read(constants);
            List<Change> out = new ArrayList<>();
            for (int i = 0; i < KNOBS.size(); i++) {
                out.add(new Change(KNOBS.get(i), before[i], after[i]));
            }
            return out;
        }
    }

    /** The constants the fit moves, each with its evidence range. */
    public static List<Knob> knobs() {
        return KNOBS;
    }

    private final Evaluator evaluator;
    private final Assumptions base;
    private final List<CalibrationRow> rows;

    public ConstantsFit(Evaluator evaluator, Assumptions base, List<CalibrationRow> rows) {
        this.evaluator = evaluator;
        this.base = base;
        this.rows = List.copyOf(rows);
    }

    public Result fit(ModelConstants start, int rounds) {
        double[] v = read(start);
        ModelConstants template = start;
        double best = objective(build(template, v));
        double step = 0.5;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < v.length; i++) {
                for (double f : new double[] {1 + step, 1 / (1 + step)}) {
                    double[] w = v.clone();
                    Knob k = KNOBS.get(i);
                    double x = w[i] == 0 ? (f > 1 ? k.hi() * 0.05 : 0) : w[i] * f;
                    w[i] = Math.max(k.lo(), Math.min(k.hi(), x));
                    double s = objective(build(template, w));
                    if (s < best - 1e-9) {
                        best = s;
                        v = w;
                    }
                }
            }
            step *= 0.6;
        }
        ModelConstants fitted = build(template, v);
        return new Result(start, summary(start), fitted, summary(fitted), best);
    }

    private Validation.Summary summary(ModelConstants c) {
        return Validation.summarize(new Validation(evaluator, base.withConstants(c)).run(rows));
    }

    double objective(ModelConstants c) {
        List<Validation.Result> results = new Validation(evaluator, base.withConstants(c)).run(rows);
        List<Double> errors = new ArrayList<>();
        double over = 0;
        for (Validation.Result r : results) {
            if (r.predictedOk()) {
                double e = Math.abs(Math.log(r.predicted() / r.row().value()));
                errors.add(e);
                over += Math.max(0, e - Math.log(2));
            }
        }
        if (errors.isEmpty()) {
            return Double.MAX_VALUE;
        }
        double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        return sorted[sorted.length / 2] + 0.5 * mean + 2 * over;
    }

    static double[] read(ModelConstants c) {
        return new double[] {c.gemmEfficiencyMax(), c.fp8EfficiencyScale(), c.fp4EfficiencyScale(), c.gemmHalfEfficiencyTokens(),
                c.memoryEfficiency(), c.attentionComputeEfficiency(), c.attentionMemoryEfficiency(), c.stepOverheadSeconds(),
                c.sequenceOverheadSeconds(), c.layerOverheadSeconds(), c.moeGemmEfficiencyScale(), c.moeImbalance(),
                c.outputResidency(), c.maxSequencesPerRank()};
    }

    static ModelConstants build(ModelConstants t, double[] v) {
        return new ModelConstants(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                t.collectiveLatencyScaleUpSeconds(), t.collectiveLatencyScaleOutSeconds(), t.linkEfficiency(),
                v[10], v[11], t.kvMemoryFraction(), v[12], t.maxTokensPerStep(), (int) Math.round(v[13]), t.moeDenseGemmElements(),
                t.kernelFloorSeconds());
    }
}
