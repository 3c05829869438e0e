package io.tokenrack.engine.kernels;

/** In-place, numerically stable softmax over {@code x[off, off+n)}: subtract the max, exponentiate, normalise. */
public final class Softmax {
    private static final boolean VECTOR = VectorSupport.ENABLED;

    private Softmax() {}

    public static void apply(float[] x, int off, int n) {
        if (VECTOR) {
            VectorSoftmax.apply(x, off, n);
        } else {
            scalar(x, off, n);
        }
    }

    static void scalar(float[] x, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) {
            max = Math.max(max, x[i]);
        }
        float sum = 0;
        for (int i = off; i < off + n; i++) {
            float e = (float) Math.exp(x[i] - max);
            x[i] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int i = off; i < off + n; i++) {
            x[i] *= inv;
        }
    }
}
