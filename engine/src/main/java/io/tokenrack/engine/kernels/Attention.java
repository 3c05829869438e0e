package io.tokenrack.engine.kernels;

/**
 * Decode attention for one new token over a KV cache with grouped-query attention: for each
 * query head h in [headFrom, headTo), scores over the {@code positions} cached keys of its KV head
 * ({@code h / (heads / kvHeads)}), softmax, and the weighted sum of cached values.
 *
 * <p>Layouts: {@code q} and {@code out} are [heads x headDim]; {@code keys} and {@code values}
 * are [position x kvHeads x headDim]; {@code scores} has room for heads x {@code scoreStride}.
 */
public final class Attention {
    private static final boolean VECTOR = VectorSupport.ENABLED;

    private Attention() {}

    public static void decode(float[] q, float[] keys, float[] values, float[] scores, int scoreStride, float[] out,
                              int positions, int heads, int kvHeads, int headDim, int headFrom, int headTo) {
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads " + heads + " is not a multiple of kvHeads " + kvHeads);
        }
        if (positions > scoreStride) {
            throw new IllegalArgumentException("positions " + positions + " exceed scoreStride " + scoreStride);
        }
        int group = heads / kvHeads;
        int kvDim = kvHeads * headDim;
        float scale = (float) (1.0 / Math.sqrt(headDim));
        for (int h = headFrom; h < headTo; h++) {
            int qOff = h * headDim;
            int kvOff = (h / group) * headDim;
            int sOff = h * scoreStride;
            for (int t = 0; t < positions; t++) {
                scores[sOff + t] = scale * dot(q, qOff, keys, t * kvDim + kvOff, headDim);
            }
            Softmax.apply(scores, sOff, positions);
            java.util.Arrays.fill(out, qOff, qOff + headDim, 0f);
            for (int t = 0; t < positions; t++) {
                axpy(scores[sOff + t], values, t * kvDim + kvOff, out, qOff, headDim);
            }
        }
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (VECTOR) {
            return VectorGemv.dot(a, aOff, b, bOff, n);
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    /** y[yOff+i] += alpha * x[xOff+i]. */
    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (VECTOR) {
            VectorAxpy.apply(alpha, x, xOff, y, yOff, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }
}
