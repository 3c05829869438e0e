package io.tokenrack.engine.perf;

import io.tokenrack.engine.workload.Precision;

/**
 * The decode step of a pool of decode replicas (GPUs: attention and the KV cache) whose FFN /
 * expert layers partly run on a pool of FFN chips (LPUs), as {@link AttentionFfnSplit} times one
 * offloaded layer. Used by the disaggregated serving search, so that attention–FFN disaggregation
 * combines with prefill/decode pools: the decode pool's step is the one this class gives, the
 * prefill pool and the KV transfer stay as they are.
 *
 * <p>The ways of placing the FFN pool searched at each batch: groups of g = c·2^k chips per layer
 * (c the fewest chips that hold one layer's FFN weights, g at most the pool), each group holding
 * one layer, so min(L, ⌊chips / g⌋) layers move; m = 1…{@value #MAX_MICRO_BATCHES} micro-batches;
 * or none. The step is linear in the layers moved (each saves the same t_gpu − t_layer), so only a
 * positive saving moves any, and moving none is always among the choices: more FFN chips never
 * make the step slower (the groups tried with fewer chips are tried with more, holding as many
 * layers or more). Immutable.
 */
public final class AfdOffload {
    /** Micro-batches tried per offloaded layer (1 to 4, as {@code AttentionFfnEvaluator}). */
    public static final int MAX_MICRO_BATCHES = 4;

    private final ModelShape shape;
    private final Device ffn;
    private final Precision precision;
    private final ModelConstants constants;
    private final int chips;
    private final double nicBytesPerSecond;
    private final int[] groups;
    /** The constants the FFN chips run by, worked out once. */
    private final ModelConstants ffnConstants;

    /** What moving the FFN of some layers did to one decode step. {@code offloaded} 0: nothing moved, the GPUs alone. */
    public record Step(double seconds, int offloaded, int group, int microBatches, double attention, double ffnSeconds, double send,
                       double back, double layer, double gpuLayer, AttentionFfnSplit.FfnTime ffn) {}

    /**
     * @param ffn                the FFN pool's chips
     * @param chips              how many of them
     * @param nicBytesPerSecond  NIC bandwidth per attention accelerator toward the FFN pool, bytes/s per direction
     */
    public AfdOffload(ModelShape shape, Device ffn, Precision precision, ModelConstants constants, int chips, double nicBytesPerSecond) {
        if (chips < 0 || !(nicBytesPerSecond > 0)) {
            throw new IllegalArgumentException("FFN chips " + chips + " and NIC bandwidth " + nicBytesPerSecond + ": chips ≥ 0, bandwidth > 0");
        }
        this.shape = shape;
        this.ffn = ffn;
        this.precision = precision;
        this.constants = constants;
        this.chips = chips;
        this.nicBytesPerSecond = nicBytesPerSecond;
        this.ffnConstants = AttentionFfnSplit.ffnConstants(ffn, constants);
        int base = AttentionFfnSplit.chipsPerLayer(shape, precision, ffn);
        int n = 0;
        for (long g = base; g <= chips && AttentionFfnSplit.ffnLayers(shape) > 0; g *= 2) {
            n++;
        }
        groups = new int[n];
        for (int i = 0; i < n; i++) {
            groups[i] = base << i;
        }
    }

    /** FFN layers the pool holds at most (one group of the fewest chips per layer). */
    public int layersHeld() {
        return groups.length == 0 ? 0 : layers(groups[0]);
    }

    public int chips() {
        return chips;
    }

    private int layers(int group) {
        return Math.min(AttentionFfnSplit.ffnLayers(shape), chips / group);
    }

    private static double seconds(StepTime t, OperatorClass c) {
        return t.secondsByClass()[c.ordinal()];
    }

    /**
     * A bound no placement goes below, at no extra step evaluation: every layer moved still takes at
     * least its send and return messages, 2·{@link AttentionFfnSplit#SEND_SECONDS}, and saves at most
     * its attention and FFN as {@code plain} (the whole decode step, draft passes included, whose
     * per-layer times are at least the verify pass's) runs them. What a search prunes by before it
     * asks {@link #step} for the exact step.
     */
    public double lowerBoundSeconds(StepModel decode, StepTime plain, double perReplica) {
        if (groups.length == 0 || decode.pp() != 1 || !(perReplica > 0)) {
            return plain.seconds();
        }
        return plain.seconds() - layersHeld() * Math.max(0, gpuLayer(decode, plain) - 2 * AttentionFfnSplit.SEND_SECONDS);
    }

    /** One layer's attention and FFN as the attention pool runs them in {@code whole}, per layer. */
    private double gpuLayer(StepModel decode, StepTime whole) {
        return (seconds(whole, OperatorClass.ATTENTION_PROJECTIONS) + seconds(whole, OperatorClass.ATTENTION_CORE)) / shape.layers() + ffnOnGpu(decode, whole);
    }

    private double ffnOnGpu(StepModel decode, StepTime whole) {
        return (shape.isMoe() ? seconds(whole, OperatorClass.MOE_FFN) + (decode.tp() == 1 ? seconds(whole, OperatorClass.COMMUNICATION) : 0)
                : seconds(whole, OperatorClass.DENSE_FFN)) / AttentionFfnSplit.ffnLayers(shape);
    }

    /**
     * The fastest decode step over the placements above, for {@code replicas} decode replicas of
     * {@code decode} each holding {@code perReplica} sequences, whose step without offloading takes
     * {@code plainSeconds} (the verify step and the draft's passes). A layout with more than one
     * pipeline stage, or no FFN chips, keeps its plain step.
     */
    public Step step(StepModel decode, Speculation spec, double plainSeconds, double perReplica, int replicas, double context,
                     double promptTokens, double cachedTokens) {
        Step none = new Step(plainSeconds, 0, 0, 1, 0, 0, 0, 0, 0, 0, null);
        if (groups.length == 0 || decode.pp() != 1 || !(perReplica > 0)) {
            return none;
        }
        int q = spec.queriesPerSequence();
        double perRank = perReplica / decode.dp();
        double layersAll = shape.layers();
        StepTime whole = decode.stage(perRank, q, context, 0, promptTokens, cachedTokens);
        double attnPerLayer = (seconds(whole, OperatorClass.ATTENTION_PROJECTIONS) + seconds(whole, OperatorClass.ATTENTION_CORE)) / layersAll;
        // the FFN as the GPUs ran it, per layer: experts and router, with their all-to-all when every collective is the MoE's (tp 1)
        double ffnOnGpu = ffnOnGpu(decode, whole);
        double gpuLayer = attnPerLayer + ffnOnGpu;
        if (gpuLayer <= 2 * AttentionFfnSplit.SEND_SECONDS) {
            return none; // the two messages alone take longer than the layer on the GPUs
        }
        Step best = none;
        int most = layersHeld();
        for (int m = 1; m <= MAX_MICRO_BATCHES; m++) {
            double micro = perRank / m;
            double elements = micro * q * shape.spec().hiddenSize() / decode.tp();
            double send = AttentionFfnSplit.sendSeconds(elements * AttentionFfnSplit.SEND_BYTES_PER_ELEMENT, nicBytesPerSecond, constants.linkEfficiency());
            double back = AttentionFfnSplit.sendSeconds(elements * AttentionFfnSplit.RETURN_BYTES_PER_ELEMENT, nicBytesPerSecond, constants.linkEfficiency());
            // the messages alone bound t_layer from below: when even then no placement beats the best so far, this m cannot
            if (send + back >= gpuLayer || plainSeconds - most * (gpuLayer - send - back) >= best.seconds) {
                continue;
            }
            StepTime microStep = m == 1 ? whole : decode.stage(micro, q, context, 0, promptTokens, cachedTokens);
            double attnMicro = (seconds(microStep, OperatorClass.ATTENTION_PROJECTIONS) + seconds(microStep, OperatorClass.ATTENTION_CORE)) / layersAll;
            // the round trip alone (with m·t_attn) bounds t_layer from below: when it saves nothing, no group can
            if (Math.max(m * attnMicro, attnMicro + send + back) >= gpuLayer) {
                continue;
            }
            double tokens = (double) replicas * decode.dp() * micro * q;
            for (int g : groups) {
                AttentionFfnSplit.FfnTime f = AttentionFfnSplit.ffnSecondsWith(shape, ffn, precision, ffnConstants, tokens, g);
                double layer = AttentionFfnSplit.layerSeconds(m, attnMicro, f.seconds(), send, back);
                int off = layers(g);
                double step = AttentionFfnSplit.stepSeconds(plainSeconds, off, attnPerLayer, ffnOnGpu, layer);
                if (layer < gpuLayer && step < best.seconds) {
                    best = new Step(step, off, g, m, attnMicro, f.seconds(), send, back, layer, gpuLayer, f);
                }
            }
        }
        return best;
    }
}
