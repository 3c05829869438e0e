package io.tokenrack.engine.lab.harness;

/**
 * The timing of one workload.
 *
 * @param secondsPerOp      per-operation time over the kept samples (median, spread)
 * @param opsPerSample      repetitions inside each timed sample
 * @param warmupSamples     samples run before timing started
 * @param warmupSettled     true when warm-up ended because timings settled, false when the cap ended it
 * @param discardedGcSamples samples thrown away because a garbage collection ran during them
 */
public record Measurement(String name, Stats secondsPerOp, int opsPerSample, int warmupSamples,
                          boolean warmupSettled, int discardedGcSamples) {

    /** Operations per second at the median time. */
    public double opsPerSecond() {
        return 1.0 / secondsPerOp.median();
    }

    /** {@code work} units per op divided by the median time (e.g. FLOPs per op -> FLOP/s). */
    public double rate(double workPerOp) {
        return workPerOp / secondsPerOp.median();
    }

    /** {@code work} per op divided by the best (minimum) time, STREAM's convention. */
    public double bestRate(double workPerOp) {
        return workPerOp / secondsPerOp.min();
    }
}
