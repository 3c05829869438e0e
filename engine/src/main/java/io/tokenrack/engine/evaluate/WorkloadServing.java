package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.workload.Workload;

/**
 * The serving a workload asks for, in the evaluator's types: its {@code serving} as
 * {@link ServingOptions} (pools searched) and its {@code speculative} as a {@link SpeculationRequest};
 * absent fields are auto. What the app evaluates a design's workload with, and what the CLI falls
 * back to when no option overrides the design's workload.
 */
public final class WorkloadServing {
    private WorkloadServing() {}

    public static ServingOptions options(Workload w) {
        return w.serving() == null ? ServingOptions.AUTO : new ServingOptions(ServingMode.parse(w.serving()), null, null, null);
    }

    public static SpeculationRequest speculation(Workload w) {
        return w.speculative() == null ? SpeculationRequest.AUTO : SpeculationRequest.parse(w.speculative());
    }
}
