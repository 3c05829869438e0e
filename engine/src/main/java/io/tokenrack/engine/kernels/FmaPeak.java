package io.tokenrack.engine.kernels;

/**
 * The FMA ceiling probe: twelve independent fp32 accumulators chained through fused multiply-adds,
 * no memory traffic, so the loop runs at (FMA ports x vector lanes x 2) FLOPs per cycle.
 */
public final class FmaPeak {
    private static final boolean VECTOR = VectorSupport.ENABLED;
    /** Independent accumulators: more than FMA latency (4) x FMA ports (2) on current x86 cores. */
    public static final int CHAINS = 12;

    private FmaPeak() {}

    /** FLOPs performed by {@link #run} for {@code iterations}. */
    public static double flops(long iterations) {
        return 2.0 * CHAINS * VectorSupport.FLOAT_LANES * iterations;
    }

    /** Runs the chains {@code iterations} times; returns a value derived from every accumulator. */
    public static float run(long iterations, float seed) {
        return VECTOR ? VectorFmaPeak.run(iterations, seed) : scalar(iterations, seed);
    }

    static float scalar(long iterations, float seed) {
        float a = 0.999999f;
        float b = 1e-7f;
        float x0 = seed, x1 = seed + 1, x2 = seed + 2, x3 = seed + 3, x4 = seed + 4, x5 = seed + 5;
        float x6 = seed + 6, x7 = seed + 7, x8 = seed + 8, x9 = seed + 9, x10 = seed + 10, x11 = seed + 11;
        for (long i = 0; i < iterations; i++) {
            x0 = Math.fma(x0, a, b);
            x1 = Math.fma(x1, a, b);
            x2 = Math.fma(x2, a, b);
            x3 = Math.fma(x3, a, b);
            x4 = Math.fma(x4, a, b);
            x5 = Math.fma(x5, a, b);
            x6 = Math.fma(x6, a, b);
            x7 = Math.fma(x7, a, b);
            x8 = Math.fma(x8, a, b);
            x9 = Math.fma(x9, a, b);
            x10 = Math.fma(x10, a, b);
            x11 = Math.fma(x11, a, b);
        }
        return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11;
    }
}
