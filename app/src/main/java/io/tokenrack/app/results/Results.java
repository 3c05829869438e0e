package io.tokenrack.app.results;

import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.RangedEvaluation;
import io.tokenrack.engine.evaluate.UtilizationPoint;
import java.util.List;

/**
 * What the engine said about one document state: the evaluation at the operating point, the
 * concurrency sweep, the throughput-versus-interactivity frontier over serving configurations (the
 * operating point on it) and the cost at other utilizations, all computed by the engine. {@code evaluation} is null when the design
 * has no workload yet ({@code message} says so).
 *
 * @param computeNanos how long the engine took
 * @param ranges       the headline numbers' ranges over the catalog's ranged figures; null when there are no numbers
 */
public record Results(
        DocState input,
        Evaluation evaluation,
        String message,
        List<CurvePoint> concurrencySweep,
        List<UtilizationPoint> utilizationSweep,
        long computeNanos,
        RangedEvaluation ranges,
        List<FrontierPoint> frontier) {

    public Results {
        concurrencySweep = List.copyOf(concurrencySweep);
        utilizationSweep = List.copyOf(utilizationSweep);
        frontier = List.copyOf(frontier);
    }

    /** Results without a serving frontier (the chart then draws the concurrency sweep's). */
    public Results(DocState input, Evaluation evaluation, String message, List<CurvePoint> concurrencySweep,
            List<UtilizationPoint> utilizationSweep, long computeNanos, RangedEvaluation ranges) {
        this(input, evaluation, message, concurrencySweep, utilizationSweep, computeNanos, ranges, List.of());
    }

    /** Results without ranges or a serving frontier. */
    public Results(DocState input, Evaluation evaluation, String message, List<CurvePoint> concurrencySweep,
                   List<UtilizationPoint> utilizationSweep, long computeNanos) {
        this(input, evaluation, message, concurrencySweep, utilizationSweep, computeNanos, null, List.of());
    }

    /** These results with the headline numbers' ranges, which took {@code extraNanos} more to compute. */
    public Results withRanges(RangedEvaluation r, long extraNanos) {
        return new Results(input, evaluation, message, concurrencySweep, utilizationSweep, computeNanos + extraNanos, r, frontier);
    }

    /** Whether some headline number is a range (an input of the design is known only as a range). */
    public boolean ranged() {
        return ranges != null && ranges.ranged();
    }

    public boolean ok() {
        return evaluation instanceof Evaluation.Ok;
    }

    /** The evaluation's numbers; null when there are none (no workload yet, or it failed: {@code message} says why). */
    public Evaluation.Ok numbers() {
        return evaluation instanceof Evaluation.Ok ok ? ok : null;
    }

    /** The engine threw while evaluating {@code input}: no numbers, and the reason where they would be. */
    public static Results failed(DocState input, RuntimeException e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new Results(input, null, "The evaluation failed: " + why, List.of(), List.of(), 0);
    }

    public static Results noWorkload(DocState input) {
        return new Results(input, null, "Choose a model in the workload bar to see what this rack produces.", List.of(), List.of(), 0);
    }
}
