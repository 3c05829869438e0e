package io.tokenrack.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API softmax: vector max, lane-wise exp, vector sum and scale; scalar tails. */
final class VectorSoftmax {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorSoftmax() {}

    static void apply(float[] x, int off, int n) {
        int end = off + n;
        int upper = off + S.loopBound(n);
        FloatVector vmax = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = off;
        for (; i < upper; i += L) {
            vmax = vmax.max(FloatVector.fromArray(S, x, i));
        }
        float max = vmax.reduceLanes(VectorOperators.MAX);
        for (; i < end; i++) {
            max = Math.max(max, x[i]);
        }
        FloatVector vm = FloatVector.broadcast(S, max);
        FloatVector vsum = FloatVector.zero(S);
        for (i = off; i < upper; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, i).sub(vm).lanewise(VectorOperators.EXP);
            e.intoArray(x, i);
            vsum = vsum.add(e);
        }
        float sum = vsum.reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) {
            float e = (float) Math.exp(x[i] - max);
            x[i] = e;
            sum += e;
        }
        FloatVector inv = FloatVector.broadcast(S, 1f / sum);
        for (i = off; i < upper; i += L) {
            FloatVector.fromArray(S, x, i).mul(inv).intoArray(x, i);
        }
        for (; i < end; i++) {
            x[i] *= 1f / sum;
        }
    }
}
