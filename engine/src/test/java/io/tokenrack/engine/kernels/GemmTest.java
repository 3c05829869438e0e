package io.tokenrack.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GemmTest {

    /** Each entry within 1e-5 of the sum of |a||b| it is made of (fp32 accumulation over K). */
    static void assertClose(double[] expected, double[] scale, float[] actual, int count) {
        for (int i = 0; i < count; i++) {
            double tol = 1e-5 * scale[i] + 1e-6;
            assertEquals(expected[i], actual[i], tol, "entry " + i);
        }
    }

    @ParameterizedTest(name = "M={0} N={1} K={2}")
    @CsvSource({
            "1, 1, 1", "1, 33, 7", "4, 32, 256", "5, 32, 256", "6, 31, 300", "7, 64, 257", "13, 100, 513",
            "64, 96, 64", "150, 65, 40", "300, 17, 600",
            // odd sizes across several K blocks (256 or 512 deep) and row blocks (144 rows), so the
            // accumulating epilogue and the read-ahead of the next tile's C (Gemm.touch) run at edges too
            "1, 130, 1030", "7, 33, 513", "33, 7, 1025", "130, 130, 777", "130, 1, 600", "200, 49, 530"})
    void matchesTheReferenceOnEdgeAndBlockedShapes(int m, int n, int k) {
        float[] a = Reference.random(m * k, 1);
        float[] b = Reference.random(k * n, 2);
        double[] expected = Reference.gemm(a, b, m, n, k);
        double[] scale = Reference.gemmAbs(a, b, m, n, k);
        // the chosen tile, and every tile explicitly (B packed for it): each width and register file picks one
        float[] chosen = new float[m * n];
        Gemm.multiply(a, m, PackedB.of(b, k, n), chosen);
        assertClose(expected, scale, chosen, m * n);
        for (int mr : new int[] {3, 5, 6}) {
            PackedB packed = PackedB.of(b, k, n, Gemm.columnsFor(mr));
            float[] c = new float[m * n];
            java.util.Arrays.fill(c, Float.NaN); // C is written before it is read: the first K block overwrites
            Gemm.multiply(a, m, packed, c, 0, packed.strips, mr);
            assertClose(expected, scale, c, m * n);
        }
    }

    /**
     * The 5 x 2-vector tile against the naive product on odd sizes (1, 7, 33, 130 in every
     * position: partial tiles, partial strips, K blocks of 1024 with a remainder), into C filled
     * with NaN so every entry must be written, and through the accumulating second K block.
     */
    @ParameterizedTest(name = "5-row tile M={0} N={1} K={2}")
    @CsvSource({"1, 1, 1", "7, 7, 7", "33, 33, 33", "130, 130, 130", "1, 130, 33", "130, 1, 7", "7, 33, 130",
            "33, 130, 1", "130, 7, 777", "33, 33, 1025", "151, 17, 2049", "5, 16, 1024", "301, 33, 130"})
    void theFiveRowTileMatchesTheNaiveProduct(int m, int n, int k) {
        float[] a = Reference.random(m * k, 11);
        float[] b = Reference.random(k * n, 12);
        double[] expected = Reference.gemm(a, b, m, n, k);
        double[] scale = Reference.gemmAbs(a, b, m, n, k);
        PackedB packed = PackedB.of(b, k, n, Gemm.columnsFor(5));
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, Float.NaN);
        Gemm.multiply(a, m, packed, c, 0, packed.strips, 5);
        assertClose(expected, scale, c, m * n);
    }

    @Test
    void theTileHeightFitsTheRegisterFile() {
        // MR·V accumulators + V B loads + the broadcasts: 6 x 2 takes 12 + 2 + up to 6 of 32; 5 x 2 takes
        // 10 + 2 + 2 of 16 (C2 reuses two broadcast registers in the pointer-walking loop)
        assertEquals(6, Gemm.rowsFor(32));
        assertEquals(5, Gemm.rowsFor(16));
        int vectors = Gemm.NR / VectorSupport.FLOAT_LANES;
        assertTrue(Gemm.MR * vectors + vectors + 2 <= VectorSupport.VECTOR_REGISTERS || !VectorSupport.ENABLED);
        assertEquals(3 * VectorSupport.FLOAT_LANES, Gemm.columnsFor(3));
        assertEquals(2 * VectorSupport.FLOAT_LANES, Gemm.columnsFor(5));
        assertEquals(2 * VectorSupport.FLOAT_LANES, Gemm.columnsFor(6));
        IllegalArgumentException seven = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(new float[1], 1, PackedB.of(new float[1], 1, 1), new float[1], 0, 1, 7));
        assertTrue(seven.getMessage().contains("must be 3, 5 or 6, was 7"), seven.getMessage());
        assertThrows(IllegalArgumentException.class, // the 4 x 2 tile is gone
                () -> Gemm.multiply(new float[1], 1, PackedB.of(new float[1], 1, 1), new float[1], 0, 1, 4));
        // K block per tile: 512 deep for the 3-row tile (half the passes over C), 1024 for the 5-row
        // tile (one pass over C up to K = 1024), 256 for the 6-row tile; row blocks a multiple of the tile
        assertEquals(512, Gemm.depthFor(3));
        assertEquals(1024, Gemm.depthFor(5));
        assertEquals(256, Gemm.depthFor(6));
        assertEquals(Gemm.depthFor(Gemm.MR), Gemm.KC);
        for (int mr : new int[] {3, 5, 6}) {
            assertEquals(0, Gemm.blockRowsFor(mr) % mr, "row block of the " + mr + "-row tile");
        }
        assertEquals(Gemm.blockRowsFor(Gemm.MR), Gemm.MC);
        // B packed for another tile's width is refused, not read wrongly
        PackedB forThree = PackedB.of(new float[1], 1, 1, Gemm.columnsFor(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(new float[1], 1, forThree, new float[1], 0, 1, 6));
        assertTrue(e.getMessage().contains("the 6-row tile needs " + Gemm.columnsFor(6)), e.getMessage());
    }

    @Test
    void theRegisterFileComesFromTheArchitectureAndTheAvxLevel() {
        assertEquals(32, VectorSupport.vectorRegisters(null, "amd64", "3"));
        assertEquals(16, VectorSupport.vectorRegisters(null, "amd64", "2"));
        assertEquals(16, VectorSupport.vectorRegisters(null, "x86_64", null));
        assertEquals(32, VectorSupport.vectorRegisters(null, "aarch64", null));
        assertEquals(16, VectorSupport.vectorRegisters(null, "riscv64", null));
        assertEquals(16, VectorSupport.vectorRegisters("16", "aarch64", null));
        assertEquals(32, VectorSupport.vectorRegisters("32", "amd64", "2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VectorSupport.vectorRegisters("24", "amd64", "3"));
        assertTrue(e.getMessage().contains("must be 16 or 32, was 24"), e.getMessage());
    }

    @Test
    void parallelSplitsGiveTheSameResultAsOneThread() {
        int m = 37, n = 200, k = 300;
        float[] a = Reference.random(m * k, 3);
        float[] b = Reference.random(k * n, 4);
        float[] one = new float[m * n];
        Gemm.multiply(a, m, PackedB.of(b, k, n), one);
        for (int workers = 1; workers <= 3; workers++) {
            try (WorkerPool pool = new WorkerPool(workers)) {
                float[] c = new float[m * n];
                new ParallelGemm(pool).packAndMultiply(a, m, b, new PackedB(k, n), c);
                assertArrayEquals(one, c, 1e-4f, workers + " workers");
            }
        }
    }

    @Test
    void packingPadsTheLastStripWithZeros() {
        int k = 3, n = Gemm.NR + 2;
        float[] b = Reference.random(k * n, 5);
        PackedB p = PackedB.of(b, k, n);
        assertEquals(2, p.strips);
        // strip 1, k = 2, columns NR.. : two real values then zeros
        int base = (1 * k + 2) * Gemm.NR;
        assertEquals(b[2 * n + Gemm.NR], p.data[base]);
        assertEquals(b[2 * n + Gemm.NR + 1], p.data[base + 1]);
        for (int c = 2; c < Gemm.NR; c++) {
            assertEquals(0f, p.data[base + c]);
        }
    }

    @ParameterizedTest(name = "MR={0}")
    @CsvSource({"3", "5", "6"})
    void scalarMicroKernelAgreesWithTheVectorKernels(int mr) {
        int kc = 50;
        int nr = Gemm.columnsFor(mr);
        float[] ap = Reference.random(mr * kc, 6);
        float[] bp = Reference.random(nr * kc, 7);
        float[] scalar = new float[mr * nr];
        Gemm.scalarKernel(ap, 0, bp, 0, kc, scalar, 0, mr, nr);
        for (int i = 0; i < mr; i++) {
            for (int j = 0; j < nr; j++) {
                double s = 0;
                for (int p = 0; p < kc; p++) {
                    s += (double) ap[p * mr + i] * bp[p * nr + j];
                }
                assertEquals(s, scalar[i * nr + j], 1e-4);
            }
        }
        if (VectorSupport.ENABLED) {
            float[] vector = new float[mr * nr];
            if (mr == 6) {
                VectorGemm.kernel6(ap, 0, bp, 0, kc, vector, 0);
            } else if (mr == 5) {
                VectorGemm.kernel5(ap, 0, bp, 0, kc, vector, 0);
            } else {
                VectorGemm.kernel3(ap, 0, bp, 0, kc, vector, 0);
            }
            assertArrayEquals(scalar, vector, 1e-4f);
        }
    }

    @Test
    void touchReadsEveryCacheLineOfTheTileAndChangesNothing() {
        // one float every 16 (a 64-byte cache line) from the tile's first column, and its last: rows of 24 floats at 8 and 48
        float[] c = new float[3 * 40];
        for (int i = 0; i < c.length; i++) {
            c[i] = 1 << (i % 20);
        }
        float[] before = c.clone();
        float sum = Gemm.touch(c, 8, 40, 2, 24);
        // row 0: c[8] + c[24] + c[31]; row 1: c[48] + c[64] + c[71]
        float expected = c[8] + c[24] + c[31] + c[48] + c[64] + c[71];
        assertEquals(expected, sum);
        assertArrayEquals(before, c, 0f);
        assertEquals(c[5], Gemm.touch(c, 5, 40, 1, 1) / 2); // a one-column tile: its only float, read as first and last
    }

    @Test
    void theKernelsRunOnTheVectorApiInTheTestJvm() {
        // surefire adds the module; a silent scalar fallback would make every benchmark meaningless
        assertTrue(VectorSupport.ENABLED, VectorSupport.REASON);
        assertEquals(Gemm.columnsFor(Gemm.MR), Gemm.NR);
    }
}
