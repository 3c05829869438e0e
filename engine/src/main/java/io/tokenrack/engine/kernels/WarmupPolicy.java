package io.tokenrack.engine.kernels;

/**
 * When warm-up is over: the last {@code window} timings have a coefficient of variation below
 * {@code cvThreshold} (the JIT has settled), or {@code capSeconds} of warm-up have passed.
 */
public record WarmupPolicy(int window, double cvThreshold, double capSeconds) {

    public WarmupPolicy {
        if (window < 2) {
            throw new IllegalArgumentException("window: must be at least 2, was " + window);
        }
        if (!(cvThreshold > 0)) {
            throw new IllegalArgumentException("cvThreshold: must be positive, was " + cvThreshold);
        }
        if (!(capSeconds > 0)) {
            throw new IllegalArgumentException("capSeconds: must be positive, was " + capSeconds);
        }
    }

    /** Whether the timings recorded so far (oldest first, {@code count} of them) have settled. */
    public boolean settled(double[] timings, int count) {
        if (count < window) {
            return false;
        }
        double[] last = new double[window];
        System.arraycopy(timings, count - window, last, 0, window);
        return Stats.of(last).cv() < cvThreshold;
    }

    public boolean capReached(double elapsedSeconds) {
        return elapsedSeconds >= capSeconds;
    }
}
