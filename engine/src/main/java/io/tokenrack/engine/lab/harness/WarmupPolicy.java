package io.tokenrack.engine.lab.harness;

/**
 * When warm-up is over: at least {@code minSeconds} have passed and the last {@code window}
 * timings have a coefficient of variation below {@code cvThreshold} (the JIT has settled), or
 * {@code capSeconds} of warm-up have passed. The minimum keeps a run of equally slow interpreted
 * samples from passing for settled.
 */
public record WarmupPolicy(int window, double cvThreshold, double minSeconds, double capSeconds) {

    public WarmupPolicy {
        if (window < 2) {
            throw new IllegalArgumentException("window: must be at least 2, was " + window);
        }
        if (!(cvThreshold > 0)) {
            throw new IllegalArgumentException("cvThreshold: must be positive, was " + cvThreshold);
        }
        if (!(minSeconds >= 0)) {
            throw new IllegalArgumentException("minSeconds: must be zero or more, was " + minSeconds);
        }
        if (!(capSeconds > 0) || capSeconds < minSeconds) {
            throw new IllegalArgumentException("capSeconds: must be positive and at least minSeconds, was " + capSeconds);
        }
    }

    /** Whether the timings recorded so far (oldest first, {@code count} of them, over {@code elapsedSeconds}) have settled. */
    public boolean settled(double[] timings, int count, double elapsedSeconds) {
        if (count < window || elapsedSeconds < minSeconds) {
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
