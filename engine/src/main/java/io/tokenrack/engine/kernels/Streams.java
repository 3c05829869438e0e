package io.tokenrack.engine.kernels;

/**
 * STREAM-style memory kernels over {@code double} arrays. STREAM counts copy as 16 bytes and
 * triad as 24 bytes per element (reads plus the write, without the write-allocate read that a
 * cache without non-temporal stores also performs: 32 bytes of real traffic for triad).
 */
public final class Streams {
    private static final boolean VECTOR = VectorSupport.ENABLED;
    /** STREAM convention for triad, fp64: read b, read c, write a. */
    public static final int TRIAD_BYTES_PER_ELEMENT = 24;
    /** STREAM convention for copy, fp64: read b, write a. */
    public static final int COPY_BYTES_PER_ELEMENT = 16;

    private Streams() {}

    /** a[i] = b[i] for i in [from, to). */
    public static void copy(double[] a, double[] b, int from, int to) {
        if (VECTOR) {
            VectorStreams.copy(a, b, from, to);
        } else {
            System.arraycopy(b, from, a, from, to - from);
        }
    }

    /** a[i] = b[i] + s * c[i] for i in [from, to). */
    public static void triad(double[] a, double[] b, double[] c, double s, int from, int to) {
        if (VECTOR) {
            VectorStreams.triad(a, b, c, s, from, to);
        } else {
            for (int i = from; i < to; i++) {
                a[i] = b[i] + s * c[i];
            }
        }
    }
}
