package io.tokenrack.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamsAndErtTest {

    @Test
    void triadComputesBPlusScaledCOverTheRangeOnly() {
        int n = 1003;
        double[] a = new double[n], b = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i;
            c[i] = 2 * i + 1;
        }
        java.util.Arrays.fill(a, -1);
        Streams.triad(a, b, c, 0.5, 3, 1000);
        assertEquals(-1, a[2]);
        assertEquals(-1, a[1000]);
        for (int i = 3; i < 1000; i++) {
            assertEquals(b[i] + 0.5 * c[i], a[i], 0, "element " + i);
        }
    }

    @Test
    void copyCopiesTheRange() {
        double[] a = new double[77], b = new double[77];
        for (int i = 0; i < 77; i++) {
            b[i] = i * 1.5;
        }
        Streams.copy(a, b, 1, 76);
        assertEquals(0, a[0]);
        assertEquals(0, a[76]);
        assertEquals(75 * 1.5, a[75]);
    }

    @Test
    void ertMatchesTheScalarRecurrence() {
        int n = 200;
        double[] x = new double[n];
        double[] ref = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ref[i] = i * 0.01;
        }
        Ert.run(x, 0, n, 7, 0.9, 0.1);
        for (int i = 0; i < n; i++) {
            double v = ref[i];
            for (int f = 0; f < 7; f++) {
                v = v * 0.9 + 0.1;
            }
            assertEquals(v, x[i], 1e-12, "element " + i);
        }
    }

    @Test
    void ertIntensityIsTwoFlopsPerPairOverSixteenBytes() {
        // 8 pairs = 16 FLOPs per element, 16 bytes moved: 1 FLOP/byte
        assertEquals(1.0, Ert.flopsPerByte(8));
        assertEquals(0.125, Ert.flopsPerByte(1));
    }

    @Test
    void fmaPeakOnEveryLaneEqualsTheScalarChains() {
        float scalar = FmaPeak.scalar(1000, 1f);
        float chosen = FmaPeak.run(1000, 1f);
        // the vector path runs the same twelve chains on every lane
        assertEquals(VectorSupport.FLOAT_LANES * scalar, chosen, 1e-4 * Math.abs(chosen));
        assertEquals(2.0 * FmaPeak.CHAINS * VectorSupport.FLOAT_LANES * 1000, FmaPeak.flops(1000));
    }
}
