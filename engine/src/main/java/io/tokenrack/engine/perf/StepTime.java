package io.tokenrack.engine.perf;

/**
 * The time of one engine step on one accelerator and what it was spent on.
 *
 * @param seconds          wall time of the step
 * @param secondsByClass   time per {@link OperatorClass}, indexed by ordinal (sums to {@code seconds})
 * @param flops            floating-point operations the accelerator did in the step
 * @param bytes            bytes it moved to and from its memory
 * @param bound            what limited the step most
 * @param computeBoundSeconds time in operators limited by compute
 * @param memoryBoundSeconds  time in operators limited by memory bandwidth
 */
public record StepTime(double seconds, double[] secondsByClass, double flops, double bytes, Bound bound,
                       double computeBoundSeconds, double memoryBoundSeconds) {

    /** Share of the step the math units are the limit (busy), whatever efficiency they reach. */
    public double computeBusy() {
        return seconds > 0 ? computeBoundSeconds / seconds : 0;
    }

    /** Share of the step memory is the limit. */
    public double memoryBusy() {
        return seconds > 0 ? memoryBoundSeconds / seconds : 0;
    }

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

    /**
     * The average of {@code na} steps like {@code a} and {@code nb} like {@code b}, per one of
     * {@code per} units (e.g. per output token): times, FLOPs and bytes add, then divide.
     */
    public static StepTime average(StepTime a, double na, StepTime b, double nb, double per) {
        double[] byClass = new double[a.secondsByClass.length];
        for (int i = 0; i < byClass.length; i++) {
            byClass[i] = (na * a.secondsByClass[i] + nb * b.secondsByClass[i]) / per;
        }
        Bound bound = na * a.seconds >= nb * b.seconds ? a.bound : b.bound;
        return new StepTime((na * a.seconds + nb * b.seconds) / per, byClass,
                (na * a.flops + nb * b.flops) / per, (na * a.bytes + nb * b.bytes) / per, bound,
                (na * a.computeBoundSeconds + nb * b.computeBoundSeconds) / per,
                (na * a.memoryBoundSeconds + nb * b.memoryBoundSeconds) / per);
    }

    /** This step followed by {@code n} runs of {@code other} (a speculative step: verify, then the draft passes). */
    public StepTime plus(StepTime other, double n) {
        if (n == 0) {
            return this;
        }
        double[] byClass = secondsByClass.clone();
        for (int i = 0; i < byClass.length; i++) {
            byClass[i] += n * other.secondsByClass[i];
        }
        double cb = computeBoundSeconds + n * other.computeBoundSeconds;
        double mb = memoryBoundSeconds + n * other.memoryBoundSeconds;
        double comm = byClass[OperatorClass.COMMUNICATION.ordinal()];
        double over = byClass[OperatorClass.OVERHEAD.ordinal()];
        Bound b = Bound.COMPUTE;
        double max = cb;
        if (mb > max) {
            b = Bound.MEMORY_BANDWIDTH;
            max = mb;
        }
        if (comm > max) {
            b = Bound.NETWORK;
            max = comm;
        }
        if (over > max) {
            b = Bound.OVERHEAD;
        }
        return new StepTime(seconds + n * other.seconds, byClass, flops + n * other.flops, bytes + n * other.bytes, b, cb, mb);
    }
}
