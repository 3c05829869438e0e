package io.tokenrack.engine.validate;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.ServingMode;
import io.tokenrack.engine.evaluate.ServingOptions;
import io.tokenrack.engine.evaluate.ServingSearch;
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
    private final MetricReader metrics;

    public Validation(Evaluator evaluator, Assumptions assumptions) {
        this(evaluator, assumptions, MetricReader.HEADLINE);
    }

    /** @param metrics reads each row's {@code metric} from its evaluation (the CLI reads any numeric field of the JSON) */
    public Validation(Evaluator evaluator, Assumptions assumptions, MetricReader metrics) {
        this.evaluator = evaluator;
        this.assumptions = assumptions;
        this.metrics = metrics;
    }

    public List<Result> run(List<CalibrationRow> rows) {
        List<Result> out = new ArrayList<>(rows.size());
        for (CalibrationRow r : rows) {
            out.add(predict(r));
        }
        return out;
    }

    public Result predict(CalibrationRow r) {
        // the row's fields, checked as any input; the evaluation itself is outside the catch, so a defect surfaces
        Cluster cluster;
        Workload w;
        Batching batching;
        ValidationMode mode;
        try {
            mode = ValidationMode.parse(r.mode()).orElseThrow(() -> new InputException("mode: expected one of "
                    + ValidationMode.labels() + ", found '" + r.mode() + "'"));
            cluster = evaluator.clusters().standard(r.accelerator(), r.count());
            Integer concurrency = switch (mode) {
                case MAX_THROUGHPUT, MIN_TOKENS_PER_SECOND_PER_USER, LATENCY_LIMITS -> null;
                case CONCURRENCY, DISAGGREGATED -> r.limit() == null ? null : (int) Math.round(r.limit());
            };
            Double floor = mode == ValidationMode.MIN_TOKENS_PER_SECOND_PER_USER ? r.limit() : null;
            Parallelism p = r.automaticParallelism() ? Parallelism.AUTO : new Parallelism(r.tp(), 1, r.ep(), r.dp());
            w = new Workload(r.model(), Precision.parse(r.precision()), null, r.isl(), r.osl(), concurrency,
                    r.ttftLimitMs(), r.tpotLimitMs(), floor, p);
            // The data's "concurrency" rows are static batches of that size (Intel's Gaudi pages, offline latency benchmarks).
            batching = mode == ValidationMode.CONCURRENCY ? Batching.STATIC : Batching.CONTINUOUS;
        } catch (InputException e) {
            return new Result(r, Double.NaN, e.getMessage());
        }
        // a disaggregated row: prefill and decode on two pools of the row's accelerators, the split searched
        Evaluation e = mode == ValidationMode.DISAGGREGATED
                ? disaggregated(cluster, w, r)
                : evaluator.evaluate(cluster, w, assumptions, batching, speculation(r, mode));
        if (!(e instanceof Evaluation.Ok ok)) {
            return new Result(r, Double.NaN, e.message());
        }
        double predicted;
        try {
            predicted = metrics.read(ok, r.metric());
        } catch (InputException x) {
            return new Result(r, Double.NaN, x.getMessage());
        }
        if (!Double.isFinite(predicted)) {
            return new Result(r, Double.NaN, "metric: " + r.metric() + " is unknown for this evaluation");
        }
        return new Result(r, predicted, null);
    }

    /**
     * A disaggregated row: the row's accelerators split into a prefill and a decode pool, the split
     * and both layouts searched ({@link ServingSearch}); a split the engine refuses is the row's error.
     */
    private Evaluation disaggregated(Cluster cluster, Workload w, CalibrationRow r) {
        try {
            return new ServingSearch(evaluator).evaluate(cluster, w, assumptions, Batching.CONTINUOUS,
                    new ServingOptions(ServingMode.DISAGGREGATED, null, null, null), speculation(r, ValidationMode.DISAGGREGATED));
        } catch (InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), cluster.accelerator().id(), w.modelId(),
                    cluster.accelerators(), java.util.List.of());
        }
    }

    /**
     * Maximum-throughput and fixed-batch rows come from throughput tables run without speculative
     * decoding (TensorRT-LLM's performance overview, Intel's Gaudi pages), and the latency-limit rows
     * are MLPerf Server runs whose results do not say they ran it: they are predicted with it off (a
     * row that ran it says so in its speculative cell). A row at a tokens/s-per-user target, or of
     * disaggregated serving, is the best configuration its system found for that target, speculation
     * included, which is what {@code auto} searches.
     */
    static SpeculationRequest speculation(CalibrationRow r, ValidationMode mode) {
        // the row's own speculative cell says what the measurement ran (checked when the file was read)
        return r.speculative() != null ? SpeculationRequest.parse(r.speculative()) : speculation(mode);
    }

    static SpeculationRequest speculation(ValidationMode mode) {
        return switch (mode) {
            case MAX_THROUGHPUT, CONCURRENCY, LATENCY_LIMITS -> SpeculationRequest.OFF;
            case MIN_TOKENS_PER_SECOND_PER_USER, DISAGGREGATED -> SpeculationRequest.AUTO;
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
