package io.tokenrack.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API matrix-vector product: two rows at a time, two accumulators per row, scalar tail. */
final class VectorGemv {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorGemv() {}

    static void multiply(float[] w, float[] x, float[] y, int cols, int rowFrom, int rowTo) {
        int upper = S.loopBound(cols);
        int r = rowFrom;
        for (; r + 1 < rowTo; r += 2) {
            int b0 = r * cols;
            int b1 = b0 + cols;
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
            FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
            int k = 0;
            for (; k + L < upper; k += 2 * L) {
                FloatVector x0 = FloatVector.fromArray(S, x, k);
                FloatVector x1 = FloatVector.fromArray(S, x, k + L);
                a0 = FloatVector.fromArray(S, w, b0 + k).fma(x0, a0);
                a1 = FloatVector.fromArray(S, w, b0 + k + L).fma(x1, a1);
                c0 = FloatVector.fromArray(S, w, b1 + k).fma(x0, c0);
                c1 = FloatVector.fromArray(S, w, b1 + k + L).fma(x1, c1);
            }
            for (; k < upper; k += L) {
                FloatVector x0 = FloatVector.fromArray(S, x, k);
                a0 = FloatVector.fromArray(S, w, b0 + k).fma(x0, a0);
                c0 = FloatVector.fromArray(S, w, b1 + k).fma(x0, c0);
            }
            float s0 = a0.add(a1).reduceLanes(VectorOperators.ADD);
            float s1 = c0.add(c1).reduceLanes(VectorOperators.ADD);
            for (; k < cols; k++) {
                s0 += w[b0 + k] * x[k];
                s1 += w[b1 + k] * x[k];
            }
            y[r] = s0;
            y[r + 1] = s1;
        }
        if (r < rowTo) {
            y[r] = dot(w, r * cols, x, 0, cols);
        }
    }

    /** {@code sum a[aOff+i] * b[bOff+i]} for i in [0, n). */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int upper = S.loopBound(n);
        FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
        int i = 0;
        for (; i + L < upper; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
            acc1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), acc1);
        }
        for (; i < upper; i += L) {
            acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }
}
