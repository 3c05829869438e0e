package io.tokenrack.engine.kernels.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenrack.engine.kernels.RmsNorm;
import io.tokenrack.engine.kernels.WorkerPool;
import org.junit.jupiter.api.Test;

class LlamaDecoderTest {
    static final LlamaConfig TINY = new LlamaConfig(2, 64, 4, 2, 16, 96, 128, 16, 10_000, 7);

    /** A direct double-precision transcription of the Llama forward pass, one token at a time. */
    static final class NaiveLlama {
        final LlamaConfig c;
        final LlamaWeights w;
        final double[][] keys;
        final double[][] values;
        int pos;

        NaiveLlama(LlamaWeights w) {
            this.w = w;
            this.c = w.config();
            keys = new double[c.layers()][c.maxSeq() * c.kvDim()];
            values = new double[c.layers()][c.maxSeq() * c.kvDim()];
        }

        double[] step(int token) {
            int d = c.dim();
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = w.embedding[token * d + i];
            }
            for (int l = 0; l < c.layers(); l++) {
                double[] h = norm(x, w.attentionNorm[l]);
                double[] qkv = matvec(w.wqkv[l], h, c.qkvDim(), d);
                rope(qkv, 0, c.heads());
                rope(qkv, c.attentionDim(), c.kvHeads());
                System.arraycopy(qkv, c.attentionDim(), keys[l], pos * c.kvDim(), c.kvDim());
                System.arraycopy(qkv, c.attentionDim() + c.kvDim(), values[l], pos * c.kvDim(), c.kvDim());
                double[] att = new double[c.attentionDim()];
                int group = c.heads() / c.kvHeads();
                for (int hh = 0; hh < c.heads(); hh++) {
                    int kv = (hh / group) * c.headDim();
                    double[] s = new double[pos + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int t = 0; t <= pos; t++) {
                        for (int i = 0; i < c.headDim(); i++) {
                            s[t] += qkv[hh * c.headDim() + i] * keys[l][t * c.kvDim() + kv + i];
                        }
                        s[t] /= Math.sqrt(c.headDim());
                        max = Math.max(max, s[t]);
                    }
                    double sum = 0;
                    for (int t = 0; t <= pos; t++) {
                        s[t] = Math.exp(s[t] - max);
                        sum += s[t];
                    }
                    for (int t = 0; t <= pos; t++) {
                        for (int i = 0; i < c.headDim(); i++) {
                            att[hh * c.headDim() + i] += s[t] / sum * values[l][t * c.kvDim() + kv + i];
                        }
                    }
                }
                add(x, matvec(w.wo[l], att, d, c.attentionDim()));
                h = norm(x, w.ffnNorm[l]);
                double[] gu = matvec(w.w13[l], h, 2 * c.ffnDim(), d);
                double[] act = new double[c.ffnDim()];
                for (int i = 0; i < c.ffnDim(); i++) {
                    double g = gu[i];
                    act[i] = g / (1 + Math.exp(-g)) * gu[c.ffnDim() + i];
                }
                add(x, matvec(w.w2[l], act, d, c.ffnDim()));
            }
            pos++;
            return matvec(w.lmHead, norm(x, w.finalNorm), c.vocab(), d);
        }

        void rope(double[] v, int off, int heads) {
            int hd = c.headDim();
            for (int hh = 0; hh < heads; hh++) {
                for (int i = 0; i < hd / 2; i++) {
                    double angle = pos / Math.pow(c.ropeTheta(), 2.0 * i / hd);
                    int j = off + hh * hd + 2 * i;
                    double a = v[j], b = v[j + 1];
                    v[j] = a * Math.cos(angle) - b * Math.sin(angle);
                    v[j + 1] = a * Math.sin(angle) + b * Math.cos(angle);
                }
            }
        }

        static double[] norm(double[] x, float[] w) {
            double ss = 0;
            for (double v : x) {
                ss += v * v;
            }
            double scale = 1 / Math.sqrt(ss / x.length + RmsNorm.EPSILON);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = w[i] * x[i] * scale;
            }
            return out;
        }

        static double[] matvec(float[] w, double[] x, int rows, int cols) {
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    y[r] += w[r * cols + k] * x[k];
                }
            }
            return y;
        }

        static void add(double[] x, double[] y) {
            for (int i = 0; i < x.length; i++) {
                x[i] += y[i];
            }
        }
    }

    @Test
    void logitsMatchANaiveForwardPassOverSeveralPositions() {
        LlamaWeights w = new LlamaWeights(TINY);
        NaiveLlama naive = new NaiveLlama(w);
        try (WorkerPool pool = new WorkerPool(2)) {
            LlamaDecoder decoder = new LlamaDecoder(w, pool);
            int token = 5;
            for (int step = 0; step < 10; step++) {
                double[] expected = naive.step(token);
                int next = decoder.step(token);
                float[] logits = decoder.logits();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], logits[i], 2e-4 * (1 + Math.abs(expected[i])), "step " + step + " logit " + i);
                }
                assertEquals(LlamaDecoder.argmax(logits), next);
                token = next;
            }
        }
    }

    @Test
    void generationIsDeterministicAndIndependentOfThePoolSize() {
        LlamaWeights w = new LlamaWeights(TINY);
        int[][] outs = new int[3][8];
        for (int workers = 1; workers <= 3; workers++) {
            try (WorkerPool pool = new WorkerPool(workers)) {
                LlamaDecoder d = new LlamaDecoder(w, pool);
                d.generate(new int[] {1, 2, 3}, outs[workers - 1], 8, null);
            }
        }
        assertArrayEquals(outs[0], outs[1]);
        assertArrayEquals(outs[0], outs[2]);
        int[] again = new int[8];
        try (WorkerPool pool = new WorkerPool(1)) {
            new LlamaDecoder(new LlamaWeights(TINY), pool).generate(new int[] {1, 2, 3}, again, 8, null);
        }
        assertArrayEquals(outs[0], again, "same seed, same weights, same tokens");
    }

    @Test
    void theKvCacheRefusesToOverflow() {
        try (WorkerPool pool = new WorkerPool(1)) {
            LlamaDecoder d = new LlamaDecoder(new LlamaWeights(TINY), pool);
            for (int i = 0; i < TINY.maxSeq(); i++) {
                d.step(1);
            }
            assertThrows(IllegalStateException.class, () -> d.step(1));
            d.reset();
            assertEquals(0, d.position());
        }
    }

    @Test
    void theSmallModelCountsItsParameters() {
        LlamaConfig c = LlamaConfig.small();
        // per layer: qkv 768x512 + o 512x512 + gate/up/down 3x1792x512 + 2 norms x 512
        long perLayer = 768L * 512 + 512L * 512 + 3L * 1792 * 512 + 2 * 512;
        assertEquals(8 * perLayer + 8192L * 512 + 512 + 512, c.weightParamsReadPerToken());
        assertEquals(8 * perLayer + 2 * 8192L * 512 + 512, c.totalParams());
    }
}
