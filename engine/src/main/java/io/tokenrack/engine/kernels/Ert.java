package io.tokenrack.engine.kernels;

/**
 * The Empirical Roofline Toolkit's kernel: every element of the working set is read, updated
 * {@code flopsPairs} times with {@code x = x * alpha + beta} (2 FLOPs each), and written back, so
 * arithmetic intensity is {@code 2 * flopsPairs / 16} FLOPs per byte (fp64, read + write).
 * Eight independent vectors are in flight so FMA latency does not bound the high-intensity end.
 */
public final class Ert {
    private static final boolean VECTOR = VectorSupport.ENABLED;
    /** Bytes moved per element: one fp64 read and one fp64 write. */
    public static final int BYTES_PER_ELEMENT = 16;

    private Ert() {}

    public static double flopsPerByte(int flopsPairs) {
        return 2.0 * flopsPairs / BYTES_PER_ELEMENT;
    }

    public static void run(double[] x, int from, int to, int flopsPairs, double alpha, double beta) {
        if (VECTOR) {
            VectorErt.run(x, from, to, flopsPairs, alpha, beta);
        } else {
            scalar(x, from, to, flopsPairs, alpha, beta);
        }
    }

    static void scalar(double[] x, int from, int to, int flopsPairs, double alpha, double beta) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            double v0 = x[i], v1 = x[i + 1], v2 = x[i + 2], v3 = x[i + 3];
            for (int f = 0; f < flopsPairs; f++) {
                v0 = v0 * alpha + beta;
                v1 = v1 * alpha + beta;
                v2 = v2 * alpha + beta;
                v3 = v3 * alpha + beta;
            }
            x[i] = v0;
            x[i + 1] = v1;
            x[i + 2] = v2;
            x[i + 3] = v3;
        }
        for (; i < to; i++) {
            double v = x[i];
            for (int f = 0; f < flopsPairs; f++) {
                v = v * alpha + beta;
            }
            x[i] = v;
        }
    }
}
