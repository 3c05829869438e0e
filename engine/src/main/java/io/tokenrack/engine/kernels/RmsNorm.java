package io.tokenrack.engine.kernels;

/** RMSNorm: {@code out[i] = weight[i] * x[i] / sqrt(mean(x^2) + eps)} over n elements. */
public final class RmsNorm {
    private static final boolean VECTOR = VectorSupport.ENABLED;
    public static final float EPSILON = 1e-5f;

    private RmsNorm() {}

    public static void apply(float[] out, float[] x, float[] weight, int n) {
        if (VECTOR) {
            VectorRmsNorm.apply(out, x, weight, n);
        } else {
            scalar(out, x, weight, n);
        }
    }

    static void scalar(float[] out, float[] x, float[] weight, int n) {
        float ss = 0;
        for (int i = 0; i < n; i++) {
            ss += x[i] * x[i];
        }
        float scale = (float) (1.0 / Math.sqrt(ss / n + EPSILON));
        for (int i = 0; i < n; i++) {
            out[i] = weight[i] * (scale * x[i]);
        }
    }
}
