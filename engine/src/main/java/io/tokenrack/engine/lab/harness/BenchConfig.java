package io.tokenrack.engine.lab.harness;

/**
 * How hard the harness works on one workload.
 *
 * @param minSampleSeconds each timed sample repeats the operation until it lasts at least this long
 * @param samples          timed samples kept (samples during which a GC ran are discarded and redone)
 * @param warmup           when to stop warming up
 */
public record BenchConfig(double minSampleSeconds, int samples, WarmupPolicy warmup) {

    public BenchConfig {
        if (!(minSampleSeconds > 0)) {
            throw new IllegalArgumentException("minSampleSeconds: must be positive, was " + minSampleSeconds);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples: must be at least 1, was " + samples);
        }
        if (warmup == null) {
            throw new IllegalArgumentException("warmup: missing");
        }
    }

    /** The full calibration: 10 ms samples, 15 kept, warm-up at least 0.3 s, until CV < 3% or 2 s. */
    public static BenchConfig full() {
        return new BenchConfig(0.010, 15, new WarmupPolicy(5, 0.03, 0.3, 2.0));
    }

    /** The quick calibration: 4 ms samples, 7 kept, warm-up at least 0.1 s, until CV < 5% or 0.5 s. */
    public static BenchConfig quick() {
        return new BenchConfig(0.004, 7, new WarmupPolicy(4, 0.05, 0.1, 0.5));
    }
}
