package io.tokenrack.engine.kernels;

/**
 * Matrix-vector product {@code y[r] = sum_k w[r*cols + k] * x[k]} for rows [rowFrom, rowTo) of a
 * row-major fp32 matrix: the decode-time linear layer (one token, weights stored out x in).
 */
public final class Gemv {
    private static final boolean VECTOR = VectorSupport.ENABLED;

    private Gemv() {}

    public static void multiply(float[] w, float[] x, float[] y, int cols, int rowFrom, int rowTo) {
        if (VECTOR) {
            VectorGemv.multiply(w, x, y, cols, rowFrom, rowTo);
        } else {
            scalar(w, x, y, cols, rowFrom, rowTo);
        }
    }

    static void scalar(float[] w, float[] x, float[] y, int cols, int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            int base = r * cols;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = 0;
            for (; k + 3 < cols; k += 4) {
                s0 += w[base + k] * x[k];
                s1 += w[base + k + 1] * x[k + 1];
                s2 += w[base + k + 2] * x[k + 2];
                s3 += w[base + k + 3] * x[k + 3];
            }
            for (; k < cols; k++) {
                s0 += w[base + k] * x[k];
            }
            y[r] = (s0 + s1) + (s2 + s3);
        }
    }
}
