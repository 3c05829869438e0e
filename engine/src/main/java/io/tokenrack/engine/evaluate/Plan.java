package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.ServingModel;
import io.tokenrack.engine.perf.StepModel;

/** One way to split the model over the cluster: a step model per replica and how many replicas fit. */
record Plan(StepModel step, ServingModel serving, int replicas) {
    int acceleratorsUsed() {
        return replicas * step.groupSize();
    }
}
