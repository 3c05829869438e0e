package io.tokenrack.engine.kernels;

import java.util.SplittableRandom;

/** Plain double-precision reference implementations the kernels are checked against. */
final class Reference {
    private Reference() {}

    /** C = A (m x k) * B (k x n), row-major, in double. */
    static double[] gemm(float[] a, float[] b, int m, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** sum over p of |a(i,p)| |b(p,j)|: the scale of the rounding error of one GEMM entry. */
    static double[] gemmAbs(float[] a, float[] b, int m, int n, int k) {
        float[] aa = new float[a.length];
        float[] bb = new float[b.length];
        for (int i = 0; i < a.length; i++) {
            aa[i] = Math.abs(a[i]);
        }
        for (int i = 0; i < b.length; i++) {
            bb[i] = Math.abs(b[i]);
        }
        return gemm(aa, bb, m, n, k);
    }

    static double[] softmax(float[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        double[] e = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(x[off + i] - max);
            sum += e[i];
        }
        for (int i = 0; i < n; i++) {
            e[i] /= sum;
        }
        return e;
    }

    static double[] rmsNorm(float[] x, float[] w, int n) {
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (double) x[i] * x[i];
        }
        double scale = 1 / Math.sqrt(ss / n + RmsNorm.EPSILON);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = w[i] * x[i] * scale;
        }
        return out;
    }

    /** Decode attention for all heads, GQA: head h reads KV head h / (heads / kvHeads). */
    static double[] attention(float[] q, float[] keys, float[] values, int positions, int heads, int kvHeads, int hd) {
        int group = heads / kvHeads;
        int kvDim = kvHeads * hd;
        double[] out = new double[heads * hd];
        for (int h = 0; h < heads; h++) {
            int kv = (h / group) * hd;
            double[] s = new double[positions];
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < positions; t++) {
                double d = 0;
                for (int i = 0; i < hd; i++) {
                    d += (double) q[h * hd + i] * keys[t * kvDim + kv + i];
                }
                s[t] = d / Math.sqrt(hd);
                max = Math.max(max, s[t]);
            }
            double sum = 0;
            for (int t = 0; t < positions; t++) {
                s[t] = Math.exp(s[t] - max);
                sum += s[t];
            }
            for (int t = 0; t < positions; t++) {
                for (int i = 0; i < hd; i++) {
                    out[h * hd + i] += s[t] / sum * values[t * kvDim + kv + i];
                }
            }
        }
        return out;
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
