package io.tokenrack.engine.kernels.llama;

/**
 * A small Llama-architecture decoder: RMSNorm, grouped-query attention with RoPE, SwiGLU MLP,
 * untied LM head, fp32 weights from a seeded generator.
 *
 * @param ffnDim SwiGLU intermediate size (gate and up are {@code ffnDim x dim} each, down is {@code dim x ffnDim})
 * @param maxSeq KV-cache capacity in tokens
 */
public record LlamaConfig(int layers, int dim, int heads, int kvHeads, int headDim, int ffnDim, int vocab,
                          int maxSeq, double ropeTheta, long seed) {

    public LlamaConfig {
        positive("layers", layers);
        positive("dim", dim);
        positive("heads", heads);
        positive("kvHeads", kvHeads);
        positive("headDim", headDim);
        positive("ffnDim", ffnDim);
        positive("vocab", vocab);
        positive("maxSeq", maxSeq);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads: " + heads + " is not a multiple of kvHeads " + kvHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("headDim: RoPE needs an even head dimension, was " + headDim);
        }
        if (!(ropeTheta > 0)) {
            throw new IllegalArgumentException("ropeTheta: must be positive, was " + ropeTheta);
        }
    }

    private static void positive(String field, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + ": must be positive, was " + v);
        }
    }

    /**
     * Llama-3.1-8B scaled down: width / 8 (hidden 4096 -> 512, FFN 14336 -> 1792), layers / 4
     * (32 -> 8), the GQA ratio kept (32:8 -> 8:2 heads of 64), vocabulary 128256 -> 8192.
     * About 31 M parameters, 126 MB of fp32 weights streamed per decoded token.
     */
    public static LlamaConfig small() {
        return new LlamaConfig(8, 512, 8, 2, 64, 1792, 8192, 512, 500_000, 42);
    }

    /** Width of the fused Q, K, V projection output. */
    public int qkvDim() {
        return (heads + 2 * kvHeads) * headDim;
    }

    public int kvDim() {
        return kvHeads * headDim;
    }

    public int attentionDim() {
        return heads * headDim;
    }

    /** Weights read from memory per decoded token (all linear layers, norms and the LM head; one embedding row). */
    public long weightParamsReadPerToken() {
        long perLayer = (long) qkvDim() * dim + (long) dim * attentionDim() + 3L * ffnDim * dim + 2L * dim;
        return layers * perLayer + (long) vocab * dim + dim + dim;
    }

    /** All parameters stored (including the whole embedding table). */
    public long totalParams() {
        return weightParamsReadPerToken() - dim + (long) vocab * dim;
    }
}
