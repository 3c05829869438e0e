package io.tokenrack.engine.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API copy and triad, two vectors per step, scalar tail. */
final class VectorStreams {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorStreams() {}

    static void copy(double[] a, double[] b, int from, int to) {
        int i = from;
        for (; i + 2 * L <= to; i += 2 * L) {
            DoubleVector.fromArray(S, b, i).intoArray(a, i);
            DoubleVector.fromArray(S, b, i + L).intoArray(a, i + L);
        }
        for (; i < to; i++) {
            a[i] = b[i];
        }
    }

    static void triad(double[] a, double[] b, double[] c, double s, int from, int to) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = from;
        for (; i + 2 * L <= to; i += 2 * L) {
            DoubleVector.fromArray(S, c, i).fma(vs, DoubleVector.fromArray(S, b, i)).intoArray(a, i);
            DoubleVector.fromArray(S, c, i + L).fma(vs, DoubleVector.fromArray(S, b, i + L)).intoArray(a, i + L);
        }
        for (; i < to; i++) {
            a[i] = b[i] + s * c[i];
        }
    }
}
