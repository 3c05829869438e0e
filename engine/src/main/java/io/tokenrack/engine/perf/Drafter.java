package io.tokenrack.engine.perf;

import io.tokenrack.engine.catalog.ModelSpec;

/**
 * The draft side of speculative decoding on one replica: the time of its k sequential passes in a
 * step and the memory it holds beside the target (docs/model.md, "Speculative decoding").
 * <ul>
 * <li>MTP: the model's own multi-token-prediction block, one transformer layer of the model's shape
 * (its MoE layer for a MoE model), sharing the embedding and LM head;</li>
 * <li>EAGLE: one decoder layer of the target's width and attention with a dense FFN (the target's
 * dense FFN size, or the active width of its MoE layer: experts per token + shared experts), sharing
 * the LM head (an assumption on the head's size: published heads are one such layer);</li>
 * <li>draft model: a whole smaller catalog model with its own embedding, LM head and KV cache.</li>
 * </ul>
 * Each pass runs on the target's tp × dp group, in its formats, inside the target's step.
 */
public final class Drafter {
    private final StepModel pass;
    private final boolean sharesEmbedding;

    private Drafter(StepModel pass, boolean sharesEmbedding) {
        this.pass = pass;
        this.sharesEmbedding = sharesEmbedding;
    }

    /** The drafter of {@code method} for {@code target}; {@code draftModel} only for the draft method. */
    public static Drafter of(SpeculativeMethod method, StepModel target, ModelSpec draftModel) {
        ModelSpec t = target.shape().spec();
        return switch (method) {
            case OFF -> throw new IllegalArgumentException("no drafter without speculation");
            case MTP -> new Drafter(target.sameGroup(ModelShape.of(oneLayer(t, t.moe() == null ? null
                    : new ModelSpec.Moe(t.moe().routedExperts(), t.moe().expertsPerToken(), t.moe().sharedExperts(),
                            t.moe().expertFfnSize(), 0, 1), t.ffnSize()))), true);
            case EAGLE -> new Drafter(target.sameGroup(ModelShape.of(oneLayer(t, null, t.ffnSize() != null ? t.ffnSize()
                    : t.moe().expertFfnSize() * (t.moe().expertsPerToken() + t.moe().sharedExperts())))), true);
            case DRAFT -> new Drafter(target.sameGroup(ModelShape.of(draftModel)), false);
        };
    }

    private static ModelSpec oneLayer(ModelSpec t, ModelSpec.Moe moe, Integer ffn) {
        return new ModelSpec(t.id() + "/draft-layer", t.name() + " draft layer", 1, t.hiddenSize(), t.attentionHeads(), t.kvHeads(),
                t.headDim(), ffn, t.vocabSize(), t.maxContextTokens(), t.tiedEmbeddings(), moe, t.mla(), null,
                t.totalParamsB(), t.activeParamsB(), t.releasedPrecision(), null, t.sources());
    }

    /** {@code passes} draft passes over {@code seqs} sequences on one accelerator, one token each. */
    public StepTime passes(int passes, double seqs, double context) {
        StepTime one = pass.draftPass(seqs, context);
        StepTime none = new StepTime(0, new double[one.secondsByClass().length], 0, 0, one.bound(), 0, 0);
        return none.plus(one, passes);
    }

    /** Draft weights each accelerator holds beside the target's. */
    public double weightBytesPerAccelerator() {
        return pass.weightBytesPerAccelerator() - (sharesEmbedding ? pass.embeddingBytesPerAccelerator() : 0);
    }

    /** Draft KV cache one sequence of {@code contextTokens} holds on each accelerator of its attention rank. */
    public double kvBytesPerSequencePerAccelerator(double contextTokens) {
        return pass.kvBytesPerSequencePerAccelerator(contextTokens);
    }
}
