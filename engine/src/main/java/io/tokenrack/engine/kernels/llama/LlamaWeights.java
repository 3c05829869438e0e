package io.tokenrack.engine.kernels.llama;

import java.util.SplittableRandom;

/**
 * Deterministic random fp32 weights for a {@link LlamaConfig}: uniform with variance 1/fan-in
 * (activations keep a stable scale through the layers), norms at 1. The same seed gives the same
 * weights on every machine. Linear layers are row-major, out x in; Q, K and V are fused into one
 * matrix, gate and up into another (gate rows first).
 */
public final class LlamaWeights {
    final LlamaConfig config;
    final float[] embedding;
    final float[][] attentionNorm;
    final float[][] wqkv;
    final float[][] wo;
    final float[][] ffnNorm;
    final float[][] w13;
    final float[][] w2;
    final float[] finalNorm;
    final float[] lmHead;

    public LlamaWeights(LlamaConfig c) {
        this.config = c;
        SplittableRandom random = new SplittableRandom(c.seed());
        embedding = uniform(random, (long) c.vocab() * c.dim(), 1.0);
        attentionNorm = new float[c.layers()][];
        wqkv = new float[c.layers()][];
        wo = new float[c.layers()][];
        ffnNorm = new float[c.layers()][];
        w13 = new float[c.layers()][];
        w2 = new float[c.layers()][];
        for (int l = 0; l < c.layers(); l++) {
            attentionNorm[l] = ones(c.dim());
            wqkv[l] = uniform(random, (long) c.qkvDim() * c.dim(), 1.0 / c.dim());
            wo[l] = uniform(random, (long) c.dim() * c.attentionDim(), 1.0 / c.attentionDim());
            ffnNorm[l] = ones(c.dim());
            w13[l] = uniform(random, 2L * c.ffnDim() * c.dim(), 1.0 / c.dim());
            w2[l] = uniform(random, (long) c.dim() * c.ffnDim(), 1.0 / c.ffnDim());
        }
        finalNorm = ones(c.dim());
        lmHead = uniform(random, (long) c.vocab() * c.dim(), 1.0 / c.dim());
    }

    public LlamaConfig config() {
        return config;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    /** Uniform in [-sqrt(3 var), sqrt(3 var)]: mean 0, variance {@code variance}. */
    private static float[] uniform(SplittableRandom random, long n, double variance) {
        float[] a = new float[Math.toIntExact(n)];
        double half = Math.sqrt(3 * variance);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((random.nextDouble() * 2 - 1) * half);
        }
        return a;
    }
}
