package io.tokenrack.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormSoftmaxAttentionTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 16, 33, 300})
    void softmaxMatchesTheReferenceOnBothPaths(int n) {
        float[] x = Reference.random(n + 4, n);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 20; // large logits: the max subtraction matters
        }
        double[] expected = Reference.softmax(x, 2, n);
        float[] v = x.clone();
        float[] s = x.clone();
        Softmax.apply(v, 2, n);
        Softmax.scalar(s, 2, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], v[2 + i], 1e-5, "vector " + i);
            assertEquals(expected[i], s[2 + i], 1e-5, "scalar " + i);
            sum += v[2 + i];
        }
        assertEquals(1.0, sum, 1e-5);
        assertEquals(x[0], v[0]);
        assertEquals(x[n + 3], v[n + 3]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 100, 512})
    void rmsNormMatchesTheReferenceOnBothPaths(int n) {
        float[] x = Reference.random(n, 11);
        float[] w = Reference.random(n, 12);
        double[] expected = Reference.rmsNorm(x, w, n);
        float[] v = new float[n];
        float[] s = new float[n];
        RmsNorm.apply(v, x, w, n);
        RmsNorm.scalar(s, x, w, n);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], v[i], 1e-5, "vector " + i);
            assertEquals(expected[i], s[i], 1e-5, "scalar " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 17, 100})
    void decodeAttentionWithGroupedQueriesMatchesTheReference(int positions) {
        int heads = 8, kvHeads = 2, hd = 32;
        float[] q = Reference.random(heads * hd, 1);
        float[] k = Reference.random(positions * kvHeads * hd, 2);
        float[] v = Reference.random(positions * kvHeads * hd, 3);
        double[] expected = Reference.attention(q, k, v, positions, heads, kvHeads, hd);
        float[] out = new float[heads * hd];
        float[] scores = new float[heads * 128];
        // two calls over head ranges, as two workers would make
        Attention.decode(q, k, v, scores, 128, out, positions, heads, kvHeads, hd, 0, 3);
        Attention.decode(q, k, v, scores, 128, out, positions, heads, kvHeads, hd, 3, heads);
        for (int i = 0; i < out.length; i++) {
            assertEquals(expected[i], out[i], 1e-5, "output " + i);
        }
    }

    @Test
    void attentionRejectsAHeadCountThatIsNotAMultipleOfKvHeads() {
        float[] z = new float[64];
        assertThrows(IllegalArgumentException.class, () -> Attention.decode(z, z, z, z, 8, z, 1, 3, 2, 4, 0, 3));
    }
}
