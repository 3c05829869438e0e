package io.tokenrack.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels, MR x 2 vectors: 2·MR accumulators stay in registers across
 * the K loop; each step loads two vectors of the packed B micro-panel and broadcasts one element
 * of each of the MR rows of the packed A tile. {@link #kernel6} (12 accumulators) is for a file
 * of 32 vector registers (AVX-512, NEON), {@link #kernel4} (8 accumulators) for 16 (AVX2), where
 * the 6-row tile spills ({@link Gemm#rowsFor}). The kernel writes its tile to a scratch buffer;
 * separate, small epilogues add it into C (edge tiles go through the scalar epilogue).
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 2 * L;

    private VectorGemm() {}

    /**
     * tile[i*NR + j] = sum over k of A-tile(i, k) * B-panel(k, j): no branches, so the JIT's
     * profile of the edge cases cannot degrade the loop.
     */
    static void kernel6(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int tOff) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int k = 0; k < kc; k++) {
            int b = bOff + k * NR;
            int a = aOff + k * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(tile, tOff);
        c01.intoArray(tile, tOff + L);
        c10.intoArray(tile, tOff + NR);
        c11.intoArray(tile, tOff + NR + L);
        c20.intoArray(tile, tOff + 2 * NR);
        c21.intoArray(tile, tOff + 2 * NR + L);
        c30.intoArray(tile, tOff + 3 * NR);
        c31.intoArray(tile, tOff + 3 * NR + L);
        c40.intoArray(tile, tOff + 4 * NR);
        c41.intoArray(tile, tOff + 4 * NR + L);
        c50.intoArray(tile, tOff + 5 * NR);
        c51.intoArray(tile, tOff + 5 * NR + L);
    }

    /** The 4 x 2-vector tile, as {@link #kernel6}: 8 accumulators, 14 registers a step. */
    static void kernel4(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int tOff) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int k = 0; k < kc; k++) {
            int b = bOff + k * NR;
            int a = aOff + k * 4;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        c00.intoArray(tile, tOff);
        c01.intoArray(tile, tOff + L);
        c10.intoArray(tile, tOff + NR);
        c11.intoArray(tile, tOff + NR + L);
        c20.intoArray(tile, tOff + 2 * NR);
        c21.intoArray(tile, tOff + 2 * NR + L);
        c30.intoArray(tile, tOff + 3 * NR);
        c31.intoArray(tile, tOff + 3 * NR + L);
    }

    /** Writes (or adds) a full {@code rows} x NR tile into C. */
    static void storeFull(float[] tile, int tOff, float[] c, int cOff, int ldc, boolean overwrite, int rows) {
        for (int i = 0; i < rows; i++) {
            FloatVector v0 = FloatVector.fromArray(S, tile, tOff + i * NR);
            FloatVector v1 = FloatVector.fromArray(S, tile, tOff + i * NR + L);
            int o = cOff + i * ldc;
            if (!overwrite) {
                v0 = v0.add(FloatVector.fromArray(S, c, o));
                v1 = v1.add(FloatVector.fromArray(S, c, o + L));
            }
            v0.intoArray(c, o);
            v1.intoArray(c, o + L);
        }
    }
}
