package io.tokenrack.engine.kernels;

/**
 * The right-hand matrix B (K x N, row-major) of a GEMM rearranged for the micro-kernel: column
 * strips of {@link Gemm#NR} columns, each stored k-major ({@code NR} consecutive floats per k),
 * the last strip padded with zeros. Weights are packed once; activations can be packed per call
 * into a reused instance.
 */
public final class PackedB {
    final int k;
    final int n;
    /** Columns per strip: {@link Gemm#NR}, or the width of another tile for tests. */
    final int nr;
    final int strips;
    final float[] data;

    public PackedB(int k, int n) {
        this(k, n, Gemm.NR);
    }

    /** Strips of {@code nr} columns, for the tile of {@link Gemm#columnsFor} a test picks. */
    PackedB(int k, int n, int nr) {
        if (k < 1 || n < 1 || nr < 1) {
            throw new IllegalArgumentException("k, n, nr: must be positive, were " + k + ", " + n + ", " + nr);
        }
        this.k = k;
        this.n = n;
        this.nr = nr;
        this.strips = (n + nr - 1) / nr;
        this.data = new float[Math.multiplyExact(Math.multiplyExact(strips, k), nr)];
    }

    public int k() {
        return k;
    }

    public int n() {
        return n;
    }

    /** Packs B (K x N row-major, leading dimension N) into this buffer, strips [from, to). */
    public void pack(float[] b, int stripFrom, int stripTo) {
        // whole strips row by row: B is read in order, each row into every strip
        int whole = Math.max(stripFrom, Math.min(stripTo, n / nr));
        for (int kk = 0; kk < k; kk++) {
            int src = kk * n + stripFrom * nr;
            int dst = (stripFrom * k + kk) * nr;
            for (int s = stripFrom; s < whole; s++) {
                System.arraycopy(b, src, data, dst, nr);
                src += nr;
                dst += k * nr;
            }
        }
        for (int s = whole; s < stripTo; s++) {
            int col0 = s * nr;
            int width = Math.min(nr, n - col0);
            int dst = s * k * nr;
            for (int kk = 0; kk < k; kk++) {
                System.arraycopy(b, kk * n + col0, data, dst, width);
                for (int c = width; c < nr; c++) {
                    data[dst + c] = 0f;
                }
                dst += nr;
            }
        }
    }

    public void pack(float[] b) {
        pack(b, 0, strips);
    }

    /** A newly packed copy of B. */
    public static PackedB of(float[] b, int k, int n) {
        return of(b, k, n, Gemm.NR);
    }

    static PackedB of(float[] b, int k, int n, int nr) {
        PackedB p = new PackedB(k, n, nr);
        p.pack(b);
        return p;
    }
}
