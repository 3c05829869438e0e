package io.tokenrack.engine.validate;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Predicts every calibration row with the evaluator and summarises the error. */
public final class Validation {

    /** One row: measured, predicted (NaN when the row cannot be predicted) and why not. */
    public record Result(CalibrationRow row, double predicted, String problem) {
        public boolean predictedOk() {
            return problem == null;
        }

        /** Signed relative error (predicted − measured) / measured. */
        public double error() {
            return (predicted - row.value()) / row.value();
        }
    }

    /** Median and worst |error| over the predicted rows. */
    public record Summary(int rows, int predicted, double medianAbsError, double worstAbsError, Result worst, double withinTwoX) {}

    private final Evaluator evaluator;
    private final Assumptions assumptions;

    public Validation(Evaluator evaluator, Assumptions assumptions) {
        this.evaluator = evaluator;
        this.assumptions = assumptions;
    }

    public List<Result> run(List<CalibrationRow> rows) {
        List<Result> out = new ArrayList<>(rows.size());
        for (CalibrationRow r : rows) {
            out.add(predict(r));
        }
        return out;
    }

    public Result predict(CalibrationRow r) {
        if (!"outputTokensPerSecondPerAccelerator".equals(r.metric())) {
            return new Result(r, Double.NaN, "metric " + r.metric() + " is not predicted");
        }
        // the row's fields, checked as any input; the evaluation itself is outside the catch, so a defect surfaces
        Cluster cluster;
        Workload w;
        Batching batching;
        try {
            cluster = evaluator.clusters().standard(r.accelerator(), r.count());
            Integer concurrency = switch (r.mode()) {
                case "max-throughput", "min-tokens-per-second-per-user" -> null;
                case "concurrency" -> r.limit() == null ? null : (int) Math.round(r.limit());
                default -> throw new InputException("unknown mode '" + r.mode() + "'");
            };
            Double floor = "min-tokens-per-second-per-user".equals(r.mode()) ? r.limit() : null;
            w = new Workload(r.model(), Precision.parse(r.precision()), null, r.isl(), r.osl(), concurrency,
                    null, null, floor, new Parallelism(r.tp(), 1, r.ep(), r.dp()));
            // The data's "concurrency" rows are static batches of that size (Intel's Gaudi pages).
            batching = "concurrency".equals(r.mode()) ? Batching.STATIC : Batching.CONTINUOUS;
        } catch (InputException e) {
            return new Result(r, Double.NaN, e.getMessage());
        }
        Evaluation e = evaluator.evaluate(cluster, w, assumptions, batching, speculation(r.mode()));
        if (!(e instanceof Evaluation.Ok ok)) {
            return new Result(r, Double.NaN, e.message());
        }
        return new Result(r, ok.throughput().outputTokensPerSecondPerAccelerator(), null);
    }

    /**
     * Maximum-throughput and fixed-batch rows come from throughput tables run without speculative
     * decoding (TensorRT-LLM's performance overview, Intel's Gaudi pages): they are predicted with it
     * off. A row at an interactivity target is the best configuration its system found for that
     * target, speculation included, which is what {@code auto} searches.
     */
    static SpeculationRequest speculation(String mode) {
        return switch (mode) {
            case "max-throughput", "concurrency" -> SpeculationRequest.OFF;
            default -> SpeculationRequest.AUTO;
        };
    }

    public static Summary summarize(List<Result> results) {
        List<Result> ok = results.stream().filter(Result::predictedOk).toList();
        double[] abs = ok.stream().mapToDouble(x -> Math.abs(x.error())).toArray();
        Arrays.sort(abs);
        double median = abs.length == 0 ? Double.NaN
                : abs.length % 2 == 1 ? abs[abs.length / 2] : (abs[abs.length / 2 - 1] + abs[abs.length / 2]) / 2;
        Result worst = null;
        for (Result x : ok) {
            if (worst == null || Math.abs(x.error()) > Math.abs(worst.error())) {
                worst = x;
            }
        }
        long within = ok.stream().filter(x -> x.predicted() / x.row().value() <= 2 && x.row().value() / x.predicted() <= 2).count();
        return new Summary(results.size(), ok.size(), median, worst == null ? Double.NaN : Math.abs(worst.error()), worst,
                ok.isEmpty() ? Double.NaN : (double) within / ok.size());
    }
}
