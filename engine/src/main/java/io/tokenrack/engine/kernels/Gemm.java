package io.tokenrack.engine.kernels;

/**
 * Blocked fp32 GEMM {@code C (M x N) = A (M x K) * B (K x N)}, all row-major, B pre-packed in a
 * {@link PackedB}. BLIS-style loops: K in blocks of {@link #KC}, rows in blocks of {@link #MC}
 * (the A block stays in L2), then one B micro-panel (KC x NR, in L1) against every MR-row tile of
 * the A block, through a register-blocked MR x NR micro-kernel. Threads split the column strips.
 */
public final class Gemm {
    private static final boolean VECTOR = VectorSupport.ENABLED;
    /** Rows of the micro-kernel tile. */
    public static final int MR = 6;
    /** Columns of the micro-kernel tile: two vectors of the preferred species (16 on the scalar path). */
    public static final int NR = VECTOR ? 2 * VectorSupport.FLOAT_LANES : 16;
    /** K block: one B micro-panel of KC x NR floats is 32 KiB with 512-bit vectors. */
    public static final int KC = 256;
    /** Row block: an MC x KC block of A (144 KiB) stays in L2. */
    public static final int MC = 144;

    private Gemm() {}

    /** C = A * B over the column strips [stripFrom, stripTo) of B; rows of C outside are untouched. */
    public static void multiply(float[] a, int m, PackedB b, float[] c, int stripFrom, int stripTo) {
        int k = b.k;
        int n = b.n;
        if (a.length < (long) m * k || c.length < (long) m * n) {
            throw new IllegalArgumentException("a or c too small for m=" + m + ", k=" + k + ", n=" + n);
        }
        float[] ap = PACKED_A.get();
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean overwrite = pc == 0;
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                packA(a, k, ic, mc, pc, kc, ap);
                for (int s = stripFrom; s < stripTo; s++) {
                    int bOff = (s * k + pc) * NR;
                    int col0 = s * NR;
                    int width = Math.min(NR, n - col0);
                    for (int ir = 0; ir < mc; ir += MR) {
                        int row0 = ic + ir;
                        int rows = Math.min(MR, m - row0);
                        int aOff = ir * kc;
                        if (VECTOR) {
                            VectorGemm.kernel(ap, aOff, b.data, bOff, kc, ap, TILE);
                        } else {
                            scalarKernel(ap, aOff, b.data, bOff, kc, ap, TILE);
                        }
                        int cOff = row0 * n + col0;
                        if (VECTOR && rows == MR && width == NR) {
                            VectorGemm.storeFull(ap, TILE, c, cOff, n, overwrite);
                        } else {
                            storeEdge(ap, TILE, c, cOff, n, rows, width, overwrite);
                        }
                    }
                }
            }
        }
    }

    /** Where the micro-kernel's MR x NR result tile sits in the per-thread workspace. */
    private static final int TILE = MC * KC;
    /** Each thread's workspace: one packed MC x KC block of A (144 KiB) and a result tile, reused across calls. */
    private static final ThreadLocal<float[]> PACKED_A = ThreadLocal.withInitial(() -> new float[MC * KC + MR * NR]);

    static void storeEdge(float[] tile, int tOff, float[] c, int cOff, int ldc, int rows, int width, boolean overwrite) {
        for (int i = 0; i < rows; i++) {
            int t = tOff + i * NR;
            int o = cOff + i * ldc;
            for (int j = 0; j < width; j++) {
                c[o + j] = overwrite ? tile[t + j] : c[o + j] + tile[t + j];
            }
        }
    }

    /**
     * Packs rows [row0, row0+mc) x columns [k0, k0+kc) of A into MR-row tiles, each stored k-major
     * (MR consecutive floats per k), missing rows of the last tile as zeros. The kernel then reads
     * A sequentially instead of from six rows a power-of-two stride apart.
     */
    static void packA(float[] a, int lda, int row0, int mc, int k0, int kc, float[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int dst = ir * kc;
            for (int i = 0; i < rows; i++) {
                int src = (row0 + ir + i) * lda + k0;
                for (int kk = 0; kk < kc; kk++) {
                    ap[dst + kk * MR + i] = a[src + kk];
                }
            }
            for (int i = rows; i < MR; i++) {
                for (int kk = 0; kk < kc; kk++) {
                    ap[dst + kk * MR + i] = 0f;
                }
            }
        }
    }

    /** C = A * B on one thread. */
    public static void multiply(float[] a, int m, PackedB b, float[] c) {
        multiply(a, m, b, c, 0, b.strips);
    }

    static void scalarKernel(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int tOff) {
        java.util.Arrays.fill(tile, tOff, tOff + MR * NR, 0f);
        for (int kk = 0; kk < kc; kk++) {
            int a = aOff + kk * MR;
            int b = bOff + kk * NR;
            for (int i = 0; i < MR; i++) {
                float av = ap[a + i];
                int t = tOff + i * NR;
                for (int j = 0; j < NR; j++) {
                    tile[t + j] += av * bp[b + j];
                }
            }
        }
    }
}
