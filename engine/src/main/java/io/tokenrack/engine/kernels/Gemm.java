package io.tokenrack.engine.kernels;

/**
 * Blocked fp32 GEMM {@code C (M x N) = A (M x K) * B (K x N)}, all row-major, B pre-packed in a
 * {@link PackedB}. BLIS-style loops: K in blocks of {@link #KC}, rows in blocks of {@link #MC}
 * (the A block stays in L2), then one B micro-panel (KC x NR) against every MR-row tile of
 * the A block, through a register-blocked MR x NR micro-kernel whose tile fits the vector register
 * file ({@link #rowsFor}, {@link #columnsFor}); the K block and the row block are sized per tile
 * ({@link #depthFor}, {@link #blockRowsFor}) and each tile reads the next tile's C lines ahead
 * ({@link #touch}).
 * Threads split the column strips.
 */
public final class Gemm {
    private static final boolean VECTOR = VectorSupport.ENABLED;
    /**
     * Rows of the micro-kernel tile, chosen from the vector register file: 6 with 32 registers
     * (AVX-512, NEON), 5 with 16 (AVX2). See {@link #rowsFor}.
     */
    public static final int MR = VECTOR ? rowsFor(VectorSupport.VECTOR_REGISTERS) : 6;
    /**
     * Columns of the micro-kernel tile: two vectors of the preferred species (16 on the scalar
     * path). See {@link #columnsFor}.
     */
    public static final int NR = columnsFor(MR);
    /**
     * K block of the tile chosen here ({@link #depthFor}): 256 for the 6-row tile (its B
     * micro-panel, 256 x NR floats, is 32 KiB with 512-bit vectors and stays in L1), 1024 for
     * AVX2's 5 x 2 tile, 512 for the 3 x 3 tile. C is read and written once per K block; at 256
     * bits fewer passes over C were worth more than a B micro-panel in L1: the 5 x 2 tile reads
     * 6.4 bytes of B per FMA (the 3 x 3 tile 10.7), so its 64 KiB micro-panel streams from L2
     * and a 1,024-deep block (one pass over C at 1024³) ran 10-13% faster than 384 or the 3 x 3
     * tile at 512 (docs/kernel-lab.md).
     */
    public static final int KC = depthFor(MR);
    /**
     * Row block of the tile chosen here ({@link #blockRowsFor}): an MC x KC block of A meant for
     * L2 (144 KiB for the 6-row tile, 600 KiB for the 5-row tile, 288 KiB for the 3-row tile; the
     * 5-row tile reads 2 bytes of A per FMA, so a smaller L2 that holds only part of it costs little).
     */
    public static final int MC = blockRowsFor(MR);

    private Gemm() {}

    /**
     * Tile rows for a register file of {@code registers} vectors. An MR x V-vector tile holds
     * MR·V accumulators beside its V B loads and the broadcasts of A: 6 x 2 takes 12 + 2 + up to 6
     * (fits 32). With 16 registers (AVX2) the 6 x 2 tile spilled and ran at half the speed; the
     * 5 x 2 tile fits when its loop walks A and B by pointers (C2 then keeps two broadcast
     * registers, 14 in all; written with the index of k it kept all five and spilled too), does 10
     * FMAs for 2 vector loads and 5 floats of A a step (the 3 x 3 tile it replaced: 9 for 3 and 3)
     * and runs alone at the FMA peak (docs/kernel-lab.md).
     */
    static int rowsFor(int registers) {
        return registers >= 32 ? 6 : 5;
    }

    /**
     * Columns of the tile {@code mr} rows high, which fixes the strip width of B's packing: 3
     * vectors for the 3-row tile, 2 for the 5- and 6-row tiles (16 floats on the scalar path).
     */
    static int columnsFor(int mr) {
        if (!VECTOR) {
            return 16;
        }
        return (mr == 3 ? 3 : 2) * VectorSupport.FLOAT_LANES;
    }

    /**
     * K block for the tile {@code mr} rows high: 512 for the 3-row tile, 1024 for the 5-row tile
     * (16 registers, 256-bit vectors), 256 for the 6-row tile. See {@link #KC}.
     */
    static int depthFor(int mr) {
        return switch (mr) {
            case 3 -> 512;
            case 5 -> 1024;
            default -> 256;
        };
    }

    /** Row block for the tile {@code mr} rows high: a multiple of it, 150 rows for 5, 144 for 3 and 6. See {@link #MC}. */
    static int blockRowsFor(int mr) {
        return mr == 5 ? 150 : 144;
    }

    /** C = A * B over the column strips [stripFrom, stripTo) of B; rows of C outside are untouched. */
    public static void multiply(float[] a, int m, PackedB b, float[] c, int stripFrom, int stripTo) {
        multiply(a, m, b, c, stripFrom, stripTo, MR);
    }

    /**
     * The same with an explicit tile height (3, 5 or 6; B packed for it, {@link #columnsFor}), so
     * tests cover every tile on any machine.
     */
    static void multiply(float[] a, int m, PackedB b, float[] c, int stripFrom, int stripTo, int mr) {
        if (mr != 3 && mr != 5 && mr != 6) {
            throw new IllegalArgumentException("mr: must be 3, 5 or 6, was " + mr);
        }
        int nr = b.nr;
        if (nr != columnsFor(mr)) {
            throw new IllegalArgumentException("b: packed in strips of " + nr + " columns, the " + mr
                    + "-row tile needs " + columnsFor(mr));
        }
        int k = b.k;
        int n = b.n;
        if (a.length < (long) m * k || c.length < (long) m * n) {
            throw new IllegalArgumentException("a or c too small for m=" + m + ", k=" + k + ", n=" + n);
        }
        float[] ap = PACKED_A.get();
        int kcMax = depthFor(mr);
        int mcMax = blockRowsFor(mr);
        float touched = 0;
        boolean readAhead = nr >= LINE_FLOATS;
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            boolean overwrite = pc == 0;
            for (int ic = 0; ic < m; ic += mcMax) {
                int mc = Math.min(mcMax, m - ic);
                packA(a, k, ic, mc, pc, kc, ap, mr);
                for (int s = stripFrom; s < stripTo; s++) {
                    int bOff = (s * k + pc) * nr;
                    int col0 = s * nr;
                    int width = Math.min(nr, n - col0);
                    for (int ir = 0; ir < mc; ir += mr) {
                        int row0 = ic + ir;
                        int rows = Math.min(mr, m - row0);
                        int aOff = ir * kc;
                        int cOff = row0 * n + col0;
                        // C is read from the second K block on: bring the next tile's lines in (the
                        // next row tile of this strip, or the first of the next strip)
                        if (readAhead && !overwrite && ir + mr < mc) {
                            touched += touch(c, cOff + mr * n, n, Math.min(mr, mc - ir - mr), width);
                        } else if (readAhead && !overwrite && s + 1 < stripTo) {
                            touched += touch(c, ic * n + col0 + nr, n, Math.min(mr, mc), Math.min(nr, n - col0 - nr));
                        }
                        if (VECTOR && mr == 6) {
                            VectorGemm.kernel6(ap, aOff, b.data, bOff, kc, ap, TILE);
                        } else if (VECTOR && mr == 5) {
                            VectorGemm.kernel5(ap, aOff, b.data, bOff, kc, ap, TILE);
                        } else if (VECTOR) {
                            VectorGemm.kernel3(ap, aOff, b.data, bOff, kc, ap, TILE);
                        } else {
                            scalarKernel(ap, aOff, b.data, bOff, kc, ap, TILE, mr, nr);
                        }
                        if (VECTOR && rows == mr && width == nr && mr == 3) {
                            VectorGemm.storeFull3(ap, TILE, c, cOff, n, overwrite);
                        } else if (VECTOR && rows == mr && width == nr) {
                            VectorGemm.storeFull(ap, TILE, c, cOff, n, overwrite, mr);
                        } else {
                            storeEdge(ap, TILE, c, cOff, n, rows, width, overwrite, nr);
                        }
                    }
                }
            }
        }
        ap[SINK] = touched;
    }

    /** Floats in a 64-byte cache line. */
    static final int LINE_FLOATS = 16;

    /**
     * Reads the cache lines of the next tile's C rows (one float per 64 bytes, and the last) while
     * this tile's K loop runs, so the epilogue that adds into them finds them in L1. The JDK has
     * no prefetch instruction to call; without this, the C rows (a stride of N floats apart, not a
     * pattern the hardware prefetchers follow) missed the caches at every tile once C outgrew L2:
     * at 256 bits, 2048³, it was worth about a sixth of the time (docs/kernel-lab.md). Only for
     * tiles whose rows span a line or more ({@code NR >= 16}): at 128 bits two strips share each
     * line, the previous strip has already brought it in, and the reads only cost time. Returns
     * their sum, which the caller keeps, so the reads are not dropped.
     */
    static float touch(float[] c, int cOff, int ldc, int rows, int width) {
        float t = 0;
        for (int i = 0; i < rows; i++) {
            int o = cOff + i * ldc;
            for (int j = 0; j < width; j += LINE_FLOATS) {
                t += c[o + j];
            }
            t += c[o + width - 1];
        }
        return t;
    }

    /** Where the micro-kernel's MR x NR result tile sits in the per-thread workspace: after the largest A block. */
    private static final int TILE = Math.max(blockRowsFor(6) * depthFor(6),
            Math.max(blockRowsFor(5) * depthFor(5), blockRowsFor(3) * depthFor(3)));
    /** Where the sum of the touched C values is kept (so the JIT cannot drop the reads). */
    private static final int SINK = TILE + 6 * Math.max(columnsFor(6), columnsFor(3));
    /** Each thread's workspace: one packed A block (up to 600 KiB), a result tile (up to 18 vectors) and the sink, reused across calls. */
    private static final ThreadLocal<float[]> PACKED_A = ThreadLocal.withInitial(() -> new float[SINK + 1]);

    static void storeEdge(float[] tile, int tOff, float[] c, int cOff, int ldc, int rows, int width, boolean overwrite, int nr) {
        for (int i = 0; i < rows; i++) {
            int t = tOff + i * nr;
            int o = cOff + i * ldc;
            for (int j = 0; j < width; j++) {
                c[o + j] = overwrite ? tile[t + j] : c[o + j] + tile[t + j];
            }
        }
    }

    /**
     * Packs rows [row0, row0+mc) x columns [k0, k0+kc) of A into mr-row tiles, each stored k-major
     * (mr consecutive floats per k), missing rows of the last tile as zeros. The kernel then reads
     * A sequentially instead of from mr rows a power-of-two stride apart.
     */
    static void packA(float[] a, int lda, int row0, int mc, int k0, int kc, float[] ap, int mr) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int dst = ir * kc;
            if (rows == mr && mr == 3) {
                int s0 = (row0 + ir) * lda + k0;
                int s1 = s0 + lda;
                int s2 = s1 + lda;
                for (int kk = 0; kk < kc; kk++, dst += 3) {
                    ap[dst] = a[s0 + kk];
                    ap[dst + 1] = a[s1 + kk];
                    ap[dst + 2] = a[s2 + kk];
                }
                continue;
            }
            if (rows == mr && mr == 5) {
                int s0 = (row0 + ir) * lda + k0;
                int s1 = s0 + lda;
                int s2 = s1 + lda;
                int s3 = s2 + lda;
                int s4 = s3 + lda;
                for (int kk = 0; kk < kc; kk++, dst += 5) {
                    ap[dst] = a[s0 + kk];
                    ap[dst + 1] = a[s1 + kk];
                    ap[dst + 2] = a[s2 + kk];
                    ap[dst + 3] = a[s3 + kk];
                    ap[dst + 4] = a[s4 + kk];
                }
                continue;
            }
            if (rows == mr) {
                // a whole 6-row tile: written in order, from its rows side by side
                int s0 = (row0 + ir) * lda + k0;
                int s1 = s0 + lda;
                int s2 = s1 + lda;
                int s3 = s2 + lda;
                int s4 = s3 + lda;
                int s5 = s4 + lda;
                for (int kk = 0; kk < kc; kk++, dst += 6) {
                    ap[dst] = a[s0 + kk];
                    ap[dst + 1] = a[s1 + kk];
                    ap[dst + 2] = a[s2 + kk];
                    ap[dst + 3] = a[s3 + kk];
                    ap[dst + 4] = a[s4 + kk];
                    ap[dst + 5] = a[s5 + kk];
                }
                continue;
            }
            for (int i = 0; i < rows; i++) {
                int src = (row0 + ir + i) * lda + k0;
                for (int kk = 0; kk < kc; kk++) {
                    ap[dst + kk * mr + i] = a[src + kk];
                }
            }
            for (int i = rows; i < mr; i++) {
                for (int kk = 0; kk < kc; kk++) {
                    ap[dst + kk * mr + i] = 0f;
                }
            }
        }
    }

    /** C = A * B on one thread. */
    public static void multiply(float[] a, int m, PackedB b, float[] c) {
        multiply(a, m, b, c, 0, b.strips);
    }

    static void scalarKernel(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int tOff, int mr, int nr) {
        java.util.Arrays.fill(tile, tOff, tOff + mr * nr, 0f);
        for (int kk = 0; kk < kc; kk++) {
            int a = aOff + kk * mr;
            int b = bOff + kk * nr;
            for (int i = 0; i < mr; i++) {
                float av = ap[a + i];
                int t = tOff + i * nr;
                for (int j = 0; j < nr; j++) {
                    tile[t + j] += av * bp[b + j];
                }
            }
        }
    }
}
