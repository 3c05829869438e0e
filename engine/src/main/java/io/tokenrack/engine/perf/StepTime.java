package io.tokenrack.engine.perf;

/**
 * The time of one engine step on one accelerator and what it was spent on.
 *
 * @param seconds          wall time of the step
 * @param secondsByClass   time per {@link OperatorClass}, indexed by ordinal (sums to {@code seconds})
 * @param flops            floating-point operations the accelerator did in the step
 * @param bytes            bytes it moved to and from its memory
 * @param bound            what limited the step most
 */
public record StepTime(double seconds, double[] secondsByClass, double flops, double bytes, Bound bound) {

    public double share(OperatorClass c) {
        return seconds > 0 ? secondsByClass[c.ordinal()] / seconds : 0;
    }

    /** Achieved fraction of peak FLOP/s over the step. */
    public double computeUtilization(double peakFlopsPerSecond) {
        return seconds > 0 ? Math.min(1, flops / (peakFlopsPerSecond * seconds)) : 0;
    }

    /** Achieved fraction of peak memory bandwidth over the step. */
    public double memoryUtilization(double bytesPerSecond) {
        return seconds > 0 ? Math.min(1, bytes / (bytesPerSecond * seconds)) : 0;
    }
}
