package io.tokenrack.engine.perf;

import io.tokenrack.engine.catalog.ModelSpec;

/**
 * Parameter and KV-cache counts of one model, derived once from its architecture. Counts are in
 * elements (parameters), not bytes; formulas follow docs/model-reference.md §2.
 */
public record ModelShape(
        ModelSpec spec,
        int layers,
        int moeLayers,
        int denseFfnLayers,
        /** QKV + O projection parameters of one layer (MLA: the down/up projections incl. absorbed W_UK, W_UV). */
        double attentionParamsPerLayer,
        /** Dense SwiGLU FFN parameters of one dense layer (3·D·F). */
        double denseFfnParamsPerLayer,
        /** One routed expert (3·D·F_e). */
        double expertParams,
        /** Shared experts of one MoE layer (E_s·3·D·F_e). */
        double sharedExpertParamsPerLayer,
        /** Router of one MoE layer (D·E). */
        double routerParamsPerLayer,
        /** Input embedding plus LM head (one matrix when tied). */
        double embeddingParams,
        /** KV-cache elements one token adds to one layer (GQA: 2·H_kv·d_h; MLA: d_c + d_R). */
        double kvElementsPerTokenPerLayer,
        int slidingLayers,
        int slidingWindowTokens) {

    public static ModelShape of(ModelSpec m) {
        double d = m.hiddenSize();
        int h = m.attentionHeads();
        int hkv = m.kvHeads();
        int dh = m.headDimension();
        double attn;
        double kvPerTokenLayer;
        if (m.mla() != null) {
            ModelSpec.Mla a = m.mla();
            attn = d * a.qLoraRank()
                    + (double) a.qLoraRank() * h * (a.qkNopeHeadDim() + a.qkRopeHeadDim())
                    + d * (a.kvLoraRank() + a.qkRopeHeadDim())
                    + (double) a.kvLoraRank() * h * (a.qkNopeHeadDim() + a.vHeadDim())
                    + (double) h * a.vHeadDim() * d;
            kvPerTokenLayer = a.kvLoraRank() + a.qkRopeHeadDim();
        } else {
            attn = d * (h + 2.0 * hkv) * dh + (double) h * dh * d;
            kvPerTokenLayer = 2.0 * hkv * dh;
        }
        int moeLayers = m.moeLayerCount();
        int denseLayers = m.layers() - moeLayers;
        double dense = m.ffnSize() == null ? 0 : 3.0 * d * m.ffnSize();
        double expert = 0;
        double shared = 0;
        double router = 0;
        if (m.moe() != null) {
            expert = 3.0 * d * m.moe().expertFfnSize();
            shared = m.moe().sharedExperts() * expert;
            router = d * m.moe().routedExperts();
        }
        double embed = (m.tiedEmbeddings() ? 1 : 2) * d * m.vocabSize();
        int sliding = m.slidingWindow() == null ? 0 : m.slidingWindow().layers();
        int window = m.slidingWindow() == null ? 0 : m.slidingWindow().windowTokens();
        return new ModelShape(m, m.layers(), moeLayers, denseLayers, attn, dense, expert, shared, router, embed,
                kvPerTokenLayer, sliding, window);
    }

    public boolean isMla() {
        return spec.mla() != null;
    }

    public boolean isMoe() {
        return moeLayers > 0;
    }

    /** All parameters (embeddings, attention, FFN and experts; norms and biases are below 0.1% and left out). */
    public double totalParams() {
        double routed = spec.moe() == null ? 0 : spec.moe().routedExperts() * expertParams;
        return embeddingParams
                + layers * attentionParamsPerLayer
                + denseFfnLayers * denseFfnParamsPerLayer
                + moeLayers * (routed + sharedExpertParamsPerLayer + routerParamsPerLayer);
    }

    /** Parameters one token touches (top-k routed experts plus shared; embeddings counted once). */
    public double activeParams() {
        double routed = spec.moe() == null ? 0 : spec.moe().expertsPerToken() * expertParams;
        return embeddingParams
                + layers * attentionParamsPerLayer
                + denseFfnLayers * denseFfnParamsPerLayer
                + moeLayers * (routed + sharedExpertParamsPerLayer + routerParamsPerLayer);
    }

    /** KV-cache bytes per token for the whole model at {@code bytesPerElement}. */
    public double kvBytesPerToken(double bytesPerElement) {
        return layers * kvElementsPerTokenPerLayer * bytesPerElement;
    }

    /** Context a layer attends to: the window for sliding-window layers. */
    public double attendedContext(double context, boolean slidingLayer) {
        return slidingLayer ? Math.min(context, slidingWindowTokens) : context;
    }
}
