package io.tokenrack.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API RMSNorm: vector sum of squares, then a scaled multiply; scalar tails. */
final class VectorRmsNorm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorRmsNorm() {}

    static void apply(float[] out, float[] x, float[] weight, int n) {
        int upper = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            acc = v.fma(v, acc);
        }
        float ss = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            ss += x[i] * x[i];
        }
        float scale = (float) (1.0 / Math.sqrt(ss / n + RmsNorm.EPSILON));
        FloatVector vs = FloatVector.broadcast(S, scale);
        for (i = 0; i < upper; i += L) {
            FloatVector.fromArray(S, x, i).mul(vs).mul(FloatVector.fromArray(S, weight, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = weight[i] * (scale * x[i]);
        }
    }
}
