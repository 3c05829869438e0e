package io.tokenrack.engine.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API ERT kernel: eight vectors of the working set per step. */
final class VectorErt {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorErt() {}

    static void run(double[] x, int from, int to, int flopsPairs, double alpha, double beta) {
        DoubleVector a = DoubleVector.broadcast(S, alpha);
        DoubleVector b = DoubleVector.broadcast(S, beta);
        int i = from;
        for (; i + 8 * L <= to; i += 8 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, i);
            DoubleVector v1 = DoubleVector.fromArray(S, x, i + L);
            DoubleVector v2 = DoubleVector.fromArray(S, x, i + 2 * L);
            DoubleVector v3 = DoubleVector.fromArray(S, x, i + 3 * L);
            DoubleVector v4 = DoubleVector.fromArray(S, x, i + 4 * L);
            DoubleVector v5 = DoubleVector.fromArray(S, x, i + 5 * L);
            DoubleVector v6 = DoubleVector.fromArray(S, x, i + 6 * L);
            DoubleVector v7 = DoubleVector.fromArray(S, x, i + 7 * L);
            for (int f = 0; f < flopsPairs; f++) {
                v0 = v0.fma(a, b);
                v1 = v1.fma(a, b);
                v2 = v2.fma(a, b);
                v3 = v3.fma(a, b);
                v4 = v4.fma(a, b);
                v5 = v5.fma(a, b);
                v6 = v6.fma(a, b);
                v7 = v7.fma(a, b);
            }
            v0.intoArray(x, i);
            v1.intoArray(x, i + L);
            v2.intoArray(x, i + 2 * L);
            v3.intoArray(x, i + 3 * L);
            v4.intoArray(x, i + 4 * L);
            v5.intoArray(x, i + 5 * L);
            v6.intoArray(x, i + 6 * L);
            v7.intoArray(x, i + 7 * L);
        }
        Ert.scalar(x, i, to, flopsPairs, alpha, beta);
    }
}
