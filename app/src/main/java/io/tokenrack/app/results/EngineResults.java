package io.tokenrack.app.results;

import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.ParetoFrontier;
import java.util.ArrayList;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.RangeEvaluator;
import io.tokenrack.engine.evaluate.RangedEvaluation;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.workload.Workload;
import java.util.List;

/**
 * Results from the engine's {@link Evaluator}: the operating point, a concurrency sweep, the serving
 * frontier, a utilization sweep and the headline numbers' ranges where the design rests on ranged
 * catalog figures.
 */
public final class EngineResults implements ResultsEngine {
    /** Points in the concurrency sweep. */
    public static final int CURVE_POINTS = 24;
    /** At most this many points on the serving frontier. */
    public static final int FRONTIER_POINTS = 32;
    /** Utilizations the cost chart shows: 10 % … 100 %. */
    public static final int UTILIZATION_STEPS = 10;

    private final Evaluator evaluator;

    public EngineResults(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Results compute(DocState state) {
        long t0 = System.nanoTime();
        RackDesign design = state.design();
        Workload w = design.workload();
        if (w == null) {
            return Results.noWorkload(state);
        }
        Assumptions a = state.assumptions();
        // the serving and speculative decoding the workload asks for (absent: auto), as the CLI's evaluate takes them
        var serving = io.tokenrack.engine.evaluate.WorkloadServing.options(w);
        var speculation = io.tokenrack.engine.evaluate.WorkloadServing.speculation(w);
        Evaluation e;
        try {
            e = new io.tokenrack.engine.evaluate.ServingSearch(evaluator).evaluate(design, w, a, Batching.CONTINUOUS, serving, speculation);
        } catch (io.tokenrack.engine.catalog.InputException x) {
            // a way of serving this design cannot take (three kinds of accelerator, a pooled mode at a power cap): its sentence
            e = new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, x.getMessage(), null, w.modelId(), 0, List.of());
        }
        if (!(e instanceof Evaluation.Ok ok)) {
            return new Results(state, e, e.message(), List.of(), List.of(), System.nanoTime() - t0);
        }
        List<CurvePoint> curve = evaluator.curve(design, w, a, CURVE_POINTS);
        // the frontier over serving configurations, with the operating point on it (dominated points dropped)
        List<FrontierPoint> frontier = new ArrayList<>(new io.tokenrack.engine.evaluate.FrontierSearch(evaluator)
                .frontier(design, w, a, FRONTIER_POINTS, serving, speculation));
        frontier.add(FrontierPoint.of(ok));
        return new Results(state, ok, "", curve, ok.utilizationSweep(UTILIZATION_STEPS), System.nanoTime() - t0, null,
                ParetoFrontier.ofPoints(frontier));
    }

    /**
     * The headline numbers' ranges where the design rests on ranged catalog figures: up to 32 more
     * evaluations, so they follow the numbers instead of delaying them. Null when no input is ranged.
     */
    @Override
    public Results refine(Results first) {
        if (!(first.evaluation() instanceof Evaluation.Ok ok) || first.input().design().workload() == null) {
            return null;
        }
        RackDesign design = first.input().design();
        long t0 = System.nanoTime();
        Workload w = design.workload();
        // the bands re-run the configuration the numbers chose (its way of serving, pools and speculative decoding) at each end
        // of the ranged figures: the layouts are searched again, not the serving choice, so that 32 evaluations stay cheap
        var chosen = io.tokenrack.engine.evaluate.ServingConfig.of(ok);
        RangedEvaluation ranges = new RangeEvaluator(evaluator.catalog()).evaluate(ok, RangeEvaluator.ClusterSource.design(design),
                w, first.input().assumptions(), Batching.CONTINUOUS, chosen.speculation(), chosen.options());
        return ranges.ranged() ? first.withRanges(ranges, System.nanoTime() - t0) : null;
    }
}
