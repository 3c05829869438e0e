package io.tokenrack.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API matrix-vector product: four rows at a time (four weight streams in flight), scalar tail. */
final class VectorGemv {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorGemv() {}

    static void multiply(float[] w, float[] x, float[] y, int cols, int rowFrom, int rowTo) {
        int upper = S.loopBound(cols);
        int r = rowFrom;
        for (; r + 3 < rowTo; r += 4) {
            int b0 = r * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
            int k = 0;
            for (; k < upper; k += L) {
                FloatVector xv = FloatVector.fromArray(S, x, k);
                a0 = FloatVector.fromArray(S, w, b0 + k).fma(xv, a0);
                a1 = FloatVector.fromArray(S, w, b1 + k).fma(xv, a1);
                a2 = FloatVector.fromArray(S, w, b2 + k).fma(xv, a2);
                a3 = FloatVector.fromArray(S, w, b3 + k).fma(xv, a3);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            float s2 = a2.reduceLanes(VectorOperators.ADD);
            float s3 = a3.reduceLanes(VectorOperators.ADD);
            for (; k < cols; k++) {
                s0 += w[b0 + k] * x[k];
                s1 += w[b1 + k] * x[k];
                s2 += w[b2 + k] * x[k];
                s3 += w[b3 + k] * x[k];
            }
            y[r] = s0;
            y[r + 1] = s1;
            y[r + 2] = s2;
            y[r + 3] = s3;
        }
        for (; r < rowTo; r++) {
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
