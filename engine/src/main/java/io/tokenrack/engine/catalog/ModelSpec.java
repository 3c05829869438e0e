package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An LLM architecture, as its published config states it.
 *
 * @param headDim          attention head dimension; null means hiddenSize / attentionHeads
 * @param ffnSize          intermediate size of the dense SwiGLU FFN layers, null when every layer is MoE
 * @param moe              mixture-of-experts layout, null for a dense model
 * @param mla              multi-head latent attention dimensions (DeepSeek), null for GQA/MHA
 * @param slidingWindow    local-attention layers, null when every layer attends to the whole context
 * @param totalParamsB     the authors' stated total parameter count, billions
 * @param activeParamsB    the authors' stated parameters active per token, billions
 * @param mtp              multi-token-prediction modules the model ships (speculative decoding), null when none
 * @param tokenizer        the tokenizer's name (models that share one can draft for each other), null when not stated:
 *                         then only the vocabulary sizes are compared
 */
public record ModelSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) int layers,
        @JsonProperty(required = true) int hiddenSize,
        @JsonProperty(required = true) int attentionHeads,
        @JsonProperty(required = true) int kvHeads,
        Integer headDim,
        Integer ffnSize,
        @JsonProperty(required = true) int vocabSize,
        @JsonProperty(required = true) int maxContextTokens,
        @JsonProperty(required = true) boolean tiedEmbeddings,
        Moe moe,
        Mla mla,
        SlidingWindow slidingWindow,
        @JsonProperty(required = true) double totalParamsB,
        @JsonProperty(required = true) double activeParamsB,
        @JsonProperty(required = true) String releasedPrecision,
        String notes,
        @JsonProperty(required = true) List<String> sources,
        Mtp mtp,
        String tokenizer) implements CatalogItem {

    /**
     * Multi-token-prediction (MTP) modules shipped with the weights, usable as speculative-decoding
     * drafts: each is one transformer block of the model's own shape (attention and the model's FFN
     * or MoE layer) plus a projection, sharing the embedding and the LM head.
     *
     * @param modules           MTP modules in the checkpoint (DeepSeek-V3/R1: 1); deeper drafts rerun them
     * @param acceptanceLength  published acceptance lengths at draft depth 1, 2, …, null or empty when none
     * @param acceptanceSource  where those figures come from (required with them)
     */
    public record Mtp(
            @JsonProperty(required = true) int modules,
            List<Double> acceptanceLength,
            String acceptanceSource) {
        public Mtp {
            Checks.positive("mtp.modules", modules);
            acceptanceLength = acceptanceLength == null ? List.of() : List.copyOf(acceptanceLength);
            for (int i = 0; i < acceptanceLength.size(); i++) {
                double al = acceptanceLength.get(i);
                if (!(al >= 1 && al <= i + 2)) {
                    throw new InputException("mtp.acceptanceLength[" + i + "]: must be in [1, " + (i + 2) + "] at draft depth "
                            + (i + 1) + ", was " + al);
                }
            }
            if (!acceptanceLength.isEmpty()) {
                Checks.text("mtp.acceptanceSource", acceptanceSource);
            }
        }
    }

    /**
     * Mixture-of-experts layout.
     *
     * @param firstDenseLayers leading layers that keep a dense FFN (DeepSeek: 3)
     * @param moeLayerInterval 1 = every (remaining) layer is MoE; 2 = every second layer (Llama 4 Maverick)
     */
    public record Moe(
            @JsonProperty(required = true) int routedExperts,
            @JsonProperty(required = true) int expertsPerToken,
            @JsonProperty(required = true) int sharedExperts,
            @JsonProperty(required = true) int expertFfnSize,
            @JsonProperty(required = true) int firstDenseLayers,
            @JsonProperty(required = true) int moeLayerInterval) {
        public Moe {
            Checks.positive("routedExperts", routedExperts);
            Checks.positive("expertsPerToken", expertsPerToken);
            if (expertsPerToken > routedExperts) {
                throw new InputException("expertsPerToken: " + expertsPerToken + " exceeds routedExperts " + routedExperts);
            }
            Checks.nonNegative("sharedExperts", sharedExperts);
            Checks.positive("expertFfnSize", expertFfnSize);
            Checks.nonNegative("firstDenseLayers", firstDenseLayers);
            Checks.positive("moeLayerInterval", moeLayerInterval);
        }
    }

    /** Multi-head latent attention dimensions (DeepSeek-V2/V3). */
    public record Mla(
            @JsonProperty(required = true) int qLoraRank,
            @JsonProperty(required = true) int kvLoraRank,
            @JsonProperty(required = true) int qkNopeHeadDim,
            @JsonProperty(required = true) int qkRopeHeadDim,
            @JsonProperty(required = true) int vHeadDim) {
        public Mla {
            Checks.positive("qLoraRank", qLoraRank);
            Checks.positive("kvLoraRank", kvLoraRank);
            Checks.positive("qkNopeHeadDim", qkNopeHeadDim);
            Checks.positive("qkRopeHeadDim", qkRopeHeadDim);
            Checks.positive("vHeadDim", vHeadDim);
        }
    }

    /** Layers that attend only to the last {@code windowTokens} tokens (or a chunk of that size). */
    public record SlidingWindow(
            @JsonProperty(required = true) int windowTokens,
            @JsonProperty(required = true) int layers) {
        public SlidingWindow {
            Checks.positive("windowTokens", windowTokens);
            Checks.positive("layers", layers);
        }
    }

    /** A model whose tokenizer is not named. */
    public ModelSpec(String id, String name, int layers, int hiddenSize, int attentionHeads, int kvHeads, Integer headDim,
                     Integer ffnSize, int vocabSize, int maxContextTokens, boolean tiedEmbeddings, Moe moe, Mla mla,
                     SlidingWindow slidingWindow, double totalParamsB, double activeParamsB, String releasedPrecision,
                     String notes, List<String> sources, Mtp mtp) {
        this(id, name, layers, hiddenSize, attentionHeads, kvHeads, headDim, ffnSize, vocabSize, maxContextTokens, tiedEmbeddings,
                moe, mla, slidingWindow, totalParamsB, activeParamsB, releasedPrecision, notes, sources, mtp, null);
    }

    /**
     * Whether {@code other} uses this model's tokenizer, as far as the catalog says: the same
     * vocabulary size, and the same tokenizer name where both name one.
     */
    public boolean sharesTokenizerWith(ModelSpec other) {
        return vocabSize == other.vocabSize && (tokenizer == null || other.tokenizer == null || tokenizer.equals(other.tokenizer));
    }

    /** A model that ships no MTP modules. */
    public ModelSpec(String id, String name, int layers, int hiddenSize, int attentionHeads, int kvHeads, Integer headDim,
                     Integer ffnSize, int vocabSize, int maxContextTokens, boolean tiedEmbeddings, Moe moe, Mla mla,
                     SlidingWindow slidingWindow, double totalParamsB, double activeParamsB, String releasedPrecision,
                     String notes, List<String> sources) {
        this(id, name, layers, hiddenSize, attentionHeads, kvHeads, headDim, ffnSize, vocabSize, maxContextTokens, tiedEmbeddings,
                moe, mla, slidingWindow, totalParamsB, activeParamsB, releasedPrecision, notes, sources, null, null);
    }

    public ModelSpec {
        Checks.text("id", id);
        Checks.text("name", name);
        Checks.positive("layers", layers);
        Checks.positive("hiddenSize", hiddenSize);
        Checks.positive("attentionHeads", attentionHeads);
        Checks.positive("kvHeads", kvHeads);
        if (kvHeads > attentionHeads) {
            throw new InputException("kvHeads: " + kvHeads + " exceeds attentionHeads " + attentionHeads);
        }
        Checks.positiveOrAbsent("headDim", headDim);
        Checks.positiveOrAbsent("ffnSize", ffnSize);
        Checks.positive("vocabSize", vocabSize);
        Checks.positive("maxContextTokens", maxContextTokens);
        Checks.positive("totalParamsB", totalParamsB);
        Checks.positive("activeParamsB", activeParamsB);
        Checks.text("releasedPrecision", releasedPrecision);
        if (moe == null && ffnSize == null) {
            throw new InputException("ffnSize: required for a dense model (no moe block)");
        }
        if (moe != null && ffnSize == null && (moe.firstDenseLayers() > 0 || moe.moeLayerInterval() > 1)) {
            throw new InputException("ffnSize: required when some layers are dense (moe.firstDenseLayers or moe.moeLayerInterval)");
        }
        if (slidingWindow != null && slidingWindow.layers() > layers) {
            throw new InputException("slidingWindow.layers: " + slidingWindow.layers() + " exceeds layers " + layers);
        }
        sources = Checks.sources(sources);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.MODEL;
    }

    public int headDimension() {
        return headDim != null ? headDim : hiddenSize / attentionHeads;
    }

    public boolean isMoe() {
        return moe != null;
    }

    /** Whether layer {@code i} (0-based) has a MoE FFN. */
    public boolean isMoeLayer(int i) {
        return moe != null && i >= moe.firstDenseLayers() && (i + 1 - moe.firstDenseLayers()) % moe.moeLayerInterval() == 0;
    }

    public int moeLayerCount() {
        int n = 0;
        for (int i = 0; i < layers; i++) {
            if (isMoeLayer(i)) {
                n++;
            }
        }
        return n;
    }
}
