package io.tokenrack.engine.kernels.llama;

import io.tokenrack.engine.kernels.Attention;
import io.tokenrack.engine.kernels.ParallelGemv;
import io.tokenrack.engine.kernels.RmsNorm;
import io.tokenrack.engine.kernels.WorkerPool;

/**
 * Runs a {@link LlamaWeights} model one token at a time with a KV cache, greedy sampling. All
 * buffers are allocated up front, so decoding allocates nothing. Linear layers (fused QKV,
 * output, fused gate/up, down, LM head) are GEMVs split by rows across the pool; attention is
 * split by heads; norms, RoPE, SwiGLU and residual adds run on the caller thread.
 */
public final class LlamaDecoder {
    private final LlamaConfig c;
    private final LlamaWeights w;
    private final WorkerPool pool;
    private final ParallelGemv gemv;
    private final AttentionTask attention = new AttentionTask();
    private final float[][] keyCache;
    private final float[][] valueCache;
    private final float[] ropeCos;
    private final float[] ropeSin;
    private final float[] x;
    private final float[] xb;
    private final float[] xb2;
    private final float[] qkv;
    private final float[] attOut;
    private final float[] hb;
    private final float[] hb2;
    private final float[] scores;
    private final float[] logits;
    private int position;

    public LlamaDecoder(LlamaWeights weights, WorkerPool pool) {
        this.w = weights;
        this.c = weights.config;
        this.pool = pool;
        this.gemv = new ParallelGemv(pool);
        keyCache = new float[c.layers()][c.maxSeq() * c.kvDim()];
        valueCache = new float[c.layers()][c.maxSeq() * c.kvDim()];
        int half = c.headDim() / 2;
        ropeCos = new float[c.maxSeq() * half];
        ropeSin = new float[c.maxSeq() * half];
        for (int p = 0; p < c.maxSeq(); p++) {
            for (int i = 0; i < half; i++) {
                double freq = 1.0 / Math.pow(c.ropeTheta(), (2.0 * i) / c.headDim());
                ropeCos[p * half + i] = (float) Math.cos(p * freq);
                ropeSin[p * half + i] = (float) Math.sin(p * freq);
            }
        }
        x = new float[c.dim()];
        xb = new float[Math.max(c.dim(), c.attentionDim())];
        xb2 = new float[c.dim()];
        qkv = new float[c.qkvDim()];
        attOut = new float[c.attentionDim()];
        hb = new float[2 * c.ffnDim()];
        hb2 = new float[c.ffnDim()];
        scores = new float[c.heads() * c.maxSeq()];
        logits = new float[c.vocab()];
    }

    public LlamaConfig config() {
        return c;
    }

    /** Tokens already in the KV cache. */
    public int position() {
        return position;
    }

    /** Empties the KV cache. */
    public void reset() {
        position = 0;
    }

    /** The logits of the last {@link #step}. */
    public float[] logits() {
        return logits;
    }

    /** Feeds one token at the next position; returns the greedy next token. */
    public int step(int token) {
        if (position >= c.maxSeq()) {
            throw new IllegalStateException("KV cache full: " + c.maxSeq() + " tokens");
        }
        if (token < 0 || token >= c.vocab()) {
            throw new IllegalArgumentException("token " + token + " outside vocabulary of " + c.vocab());
        }
        int dim = c.dim();
        int pos = position;
        System.arraycopy(w.embedding, token * dim, x, 0, dim);
        int kvDim = c.kvDim();
        int qDim = c.attentionDim();
        for (int l = 0; l < c.layers(); l++) {
            RmsNorm.apply(xb, x, w.attentionNorm[l], dim);
            gemv.multiply(w.wqkv[l], xb, qkv, c.qkvDim(), dim);
            rope(qkv, 0, c.heads(), pos);
            rope(qkv, qDim, c.kvHeads(), pos);
            System.arraycopy(qkv, qDim, keyCache[l], pos * kvDim, kvDim);
            System.arraycopy(qkv, qDim + kvDim, valueCache[l], pos * kvDim, kvDim);
            attention.attend(l, pos + 1);
            gemv.multiply(w.wo[l], attOut, xb2, dim, qDim);
            add(x, xb2, dim);
            RmsNorm.apply(xb, x, w.ffnNorm[l], dim);
            gemv.multiply(w.w13[l], xb, hb, 2 * c.ffnDim(), dim);
            swiglu(hb, hb2, c.ffnDim());
            gemv.multiply(w.w2[l], hb2, xb2, dim, c.ffnDim());
            add(x, xb2, dim);
        }
        RmsNorm.apply(xb, x, w.finalNorm, dim);
        gemv.multiply(w.lmHead, xb, logits, c.vocab(), dim);
        position++;
        return argmax(logits);
    }

    /**
     * Runs a decode step's linear layers alone, exactly as {@link #step} calls them (the same
     * matrices in the same order, through the same {@link ParallelGemv} on the same pool and
     * buffers), on whatever the activation buffers hold: the weight-streaming part of a step, so
     * that its rate can be measured on the decode's own kernels and shapes. Leaves the KV cache
     * and the position alone; returns one output value so the work cannot be dropped.
     */
    public float linearLayers() {
        int dim = c.dim();
        for (int l = 0; l < c.layers(); l++) {
            gemv.multiply(w.wqkv[l], xb, qkv, c.qkvDim(), dim);
            gemv.multiply(w.wo[l], attOut, xb2, dim, c.attentionDim());
            gemv.multiply(w.w13[l], xb, hb, 2 * c.ffnDim(), dim);
            gemv.multiply(w.w2[l], hb2, xb2, dim, c.ffnDim());
        }
        gemv.multiply(w.lmHead, xb, logits, c.vocab(), dim);
        return logits[0];
    }

    /** Weight bytes one {@link #linearLayers} pass streams (fp32). */
    public long linearLayerBytes() {
        long perLayer = (long) c.qkvDim() * c.dim() + (long) c.dim() * c.attentionDim() + 2L * c.ffnDim() * c.dim()
                + (long) c.dim() * c.ffnDim();
        return 4L * (c.layers() * perLayer + (long) c.vocab() * c.dim());
    }

    /** GEMV calls in one {@link #linearLayers} pass: four per layer and the LM head. */
    public int linearLayerCalls() {
        return 4 * c.layers() + 1;
    }

    /**
     * Feeds the prompt, then generates {@code count} tokens into {@code out}; when {@code stepNanos}
     * is not null, records each generated token's step time there.
     */
    public void generate(int[] prompt, int[] out, int count, long[] stepNanos) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("prompt: at least one token is required");
        }
        int next = 0;
        for (int t : prompt) {
            next = step(t);
        }
        for (int i = 0; i < count; i++) {
            out[i] = next;
            long t0 = System.nanoTime();
            next = step(next);
            if (stepNanos != null) {
                stepNanos[i] = System.nanoTime() - t0;
            }
        }
    }

    private void rope(float[] v, int off, int heads, int pos) {
        int hd = c.headDim();
        int half = hd / 2;
        int t = pos * half;
        for (int h = 0; h < heads; h++) {
            int base = off + h * hd;
            for (int i = 0; i < half; i++) {
                float a = v[base + 2 * i];
                float b = v[base + 2 * i + 1];
                float cos = ropeCos[t + i];
                float sin = ropeSin[t + i];
                v[base + 2 * i] = a * cos - b * sin;
                v[base + 2 * i + 1] = a * sin + b * cos;
            }
        }
    }

    private static void add(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            x[i] += y[i];
        }
    }

    /** out[i] = silu(gate[i]) * up[i] with gate = hb[0, n), up = hb[n, 2n). */
    private static void swiglu(float[] hb, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            float g = hb[i];
            out[i] = g / (1f + (float) Math.exp(-g)) * hb[n + i];
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Attention split by heads; reused every layer and token. */
    private final class AttentionTask implements WorkerPool.Task {
        private int layer;
        private int positions;

        void attend(int layer, int positions) {
            this.layer = layer;
            this.positions = positions;
            pool.run(this);
        }

        @Override
        public void run(int worker, int workers) {
            int from = WorkerPool.split(c.heads(), worker, workers);
            int to = WorkerPool.split(c.heads(), worker + 1, workers);
            Attention.decode(qkv, keyCache[layer], valueCache[layer], scores, c.maxSeq(), attOut,
                    positions, c.heads(), c.kvHeads(), c.headDim(), from, to);
        }
    }
}
