package io.tokenrack.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemvTest {

    @ParameterizedTest(name = "rows={0} cols={1}")
    @CsvSource({"1, 1", "3, 17", "4, 16", "5, 64", "9, 100", "64, 512", "33, 1031"})
    void vectorAndScalarPathsMatchTheReference(int rows, int cols) {
        float[] w = Reference.random(rows * cols, 1);
        float[] x = Reference.random(cols, 2);
        double[] expected = Reference.gemm(w, x, rows, 1, cols);
        float[] y = new float[rows];
        float[] ys = new float[rows];
        Gemv.multiply(w, x, y, cols, 0, rows);
        Gemv.scalar(w, x, ys, cols, 0, rows);
        for (int r = 0; r < rows; r++) {
            assertEquals(expected[r], y[r], 1e-5 * cols, "row " + r);
            assertEquals(expected[r], ys[r], 1e-5 * cols, "scalar row " + r);
        }
    }

    @Test
    void aRowRangeLeavesOtherRowsUntouched() {
        int rows = 10, cols = 40;
        float[] w = Reference.random(rows * cols, 3);
        float[] x = Reference.random(cols, 4);
        float[] y = new float[rows];
        java.util.Arrays.fill(y, -7f);
        Gemv.multiply(w, x, y, cols, 3, 8);
        assertEquals(-7f, y[2]);
        assertEquals(-7f, y[8]);
        assertEquals(Reference.gemm(w, x, rows, 1, cols)[5], y[5], 1e-4);
    }

    @Test
    void parallelGemvCoversEveryRowOnAnyPoolSize() {
        int rows = 103, cols = 64;
        float[] w = Reference.random(rows * cols, 5);
        float[] x = Reference.random(cols, 6);
        float[] one = new float[rows];
        Gemv.multiply(w, x, one, cols, 0, rows);
        for (int workers = 1; workers <= 4; workers++) {
            try (WorkerPool pool = new WorkerPool(workers)) {
                float[] y = new float[rows];
                new ParallelGemv(pool).multiply(w, x, y, rows, cols);
                // equal up to rounding: interpreted, C1 and C2 code reduce vector lanes in different orders
                assertArrayEquals(one, y, 1e-5f, workers + " workers");
            }
        }
    }

    @Test
    void parallelGemvOverARowBlockWritesOnlyThatBlock() {
        int rows = 50, cols = 33;
        float[] w = Reference.random(rows * cols, 7);
        float[] x = Reference.random(cols, 8);
        double[] expected = Reference.gemm(w, x, rows, 1, cols);
        try (WorkerPool pool = new WorkerPool(3)) {
            float[] y = new float[rows];
            java.util.Arrays.fill(y, -1f);
            new ParallelGemv(pool).multiply(w, x, y, 20, 13, cols);
            assertEquals(-1f, y[19]);
            assertEquals(-1f, y[33]);
            for (int r = 20; r < 33; r++) {
                assertEquals(expected[r], y[r], 1e-4, "row " + r);
            }
        }
    }
}
