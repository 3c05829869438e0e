package io.tokenrack.app.results;

import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/** Results from the engine's {@link Evaluator}: the operating point, a concurrency sweep and a utilization sweep. */
public final class EngineResults implements ResultsEngine {
    /** Points in the concurrency sweep. */
    public static final int CURVE_POINTS = 24;
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
        Evaluation e = evaluator.evaluate(design, w, a);
        List<CurvePoint> curve = e.ok() ? evaluator.curve(design, w, a, CURVE_POINTS) : List.of();
        List<Results.UtilizationPoint> util = new ArrayList<>();
        if (e.ok()) {
            // the rack costs the same per hour whatever share of the hours it serves, so $/M tokens
            // scales as 1/utilization from the operating point (CostModel.usdPerMillionTokens): one
            // evaluation gives the whole sweep
            double usdAtOperatingPoint = e.usdPerMillionOutputTokens();
            for (int i = 1; i <= UTILIZATION_STEPS; i++) {
                double u = (double) i / UTILIZATION_STEPS;
                util.add(new Results.UtilizationPoint(u, usdAtOperatingPoint * a.utilization() / u));
            }
        }
        return new Results(state, e, e.ok() ? "" : e.message(), curve, util, System.nanoTime() - t0);
    }
}
