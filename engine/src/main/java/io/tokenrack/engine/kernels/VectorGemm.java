package io.tokenrack.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels, MR rows x NR columns of vectors: the accumulators stay in
 * registers across the K loop; each step loads the NR vectors of the packed B micro-panel and
 * broadcasts one element of each of the MR rows of the packed A tile. {@link #kernel6} (6 x 2,
 * 12 accumulators) is for a file of 32 vector registers (AVX-512, NEON), {@link #kernel5} (5 x 2,
 * 10 accumulators) for 16 (AVX2), where the 6-row tile spills ({@link Gemm#rowsFor});
 * {@link #kernel3} (3 x 3, 9 accumulators) is the previous 16-register tile, kept for comparison
 * and tested like the others. The kernel writes its tile to a scratch buffer;
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

    /** Columns of the 3 x 3-vector tile. */
    static final int NR3 = 3 * L;

    /**
     * The 3 x 3-vector tile for 16 registers: 9 accumulators, 3 B loads and 3 broadcasts, 15
     * registers a step; 9 FMAs for 6 loads (a 4 x 2 tile, which it replaced: 8 for 6) and 3 A
     * floats a step instead of 4, so less of A to bring from L2 per FMA. The B micro-panel is 3 vectors wide.
     */
    static void kernel3(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int tOff) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S);
        for (int k = 0; k < kc; k++) {
            int b = bOff + k * NR3;
            int a = aOff + k * 3;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
        }
        c00.intoArray(tile, tOff);
        c01.intoArray(tile, tOff + L);
        c02.intoArray(tile, tOff + 2 * L);
        c10.intoArray(tile, tOff + NR3);
        c11.intoArray(tile, tOff + NR3 + L);
        c12.intoArray(tile, tOff + NR3 + 2 * L);
        c20.intoArray(tile, tOff + 2 * NR3);
        c21.intoArray(tile, tOff + 2 * NR3 + L);
        c22.intoArray(tile, tOff + 2 * NR3 + 2 * L);
    }

    /**
     * The 5 x 2-vector tile for 16 registers: 10 accumulators, 2 B loads and one broadcast at a
     * time (C2 reuses two registers for the five broadcasts when the loop walks A and B by
     * pointers, as here: 14 registers). 10 FMAs for 2 vector loads and 5 floats of A a step, 84
     * bytes against the 3 x 3 tile's 108 for 9, so less to bring from L2 per FMA: its B
     * micro-panel (64 bytes a step, 64 KiB at its 1,024-deep K block) streams from L2.
     * Written with the index of k, as the other kernels are, C2 kept all five broadcasts live and
     * spilled (34 GFLOP/s against 78 in the same GEMM at 256 bits, docs/kernel-lab.md).
     */
    static void kernel5(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int tOff) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        for (int a = aOff, b = bOff, end = aOff + 5 * kc; a < end; a += 5, b += NR) {
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
    }

    /** Writes (or adds) a full {@code rows} x 2-vector tile into C. */
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

    /** Writes (or adds) a full 3 x 3-vector tile into C. */
    static void storeFull3(float[] tile, int tOff, float[] c, int cOff, int ldc, boolean overwrite) {
        for (int i = 0; i < 3; i++) {
            FloatVector v0 = FloatVector.fromArray(S, tile, tOff + i * NR3);
            FloatVector v1 = FloatVector.fromArray(S, tile, tOff + i * NR3 + L);
            FloatVector v2 = FloatVector.fromArray(S, tile, tOff + i * NR3 + 2 * L);
            int o = cOff + i * ldc;
            if (!overwrite) {
                v0 = v0.add(FloatVector.fromArray(S, c, o));
                v1 = v1.add(FloatVector.fromArray(S, c, o + L));
                v2 = v2.add(FloatVector.fromArray(S, c, o + 2 * L));
            }
            v0.intoArray(c, o);
            v1.intoArray(c, o + L);
            v2.intoArray(c, o + 2 * L);
        }
    }
}
