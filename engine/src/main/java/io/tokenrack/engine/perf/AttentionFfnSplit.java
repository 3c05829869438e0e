package io.tokenrack.engine.perf;

import io.tokenrack.engine.workload.Precision;

/**
 * Attention–FFN disaggregation (AFD) of decode: a pool of GPUs runs attention and holds the KV
 * cache, a second pool (LPUs, or other accelerators) runs the FFN / experts of some layers, and
 * every such layer sends its activations from one pool to the other and back over the fabric that
 * joins the racks. With m micro-batches in flight the two pools work on different micro-batches at
 * once, so one offloaded layer takes
 * <pre>
 *   t_layer = max(m·t_attn, m·t_ffn, t_attn + t_send + t_ffn + t_return)
 * </pre>
 * (t_attn, t_ffn, t_send, t_return for one micro-batch of b/m sequences): the busier pool, or one
 * micro-batch's round trip when m is too small to hide it. The decode step is the aggregated step
 * with the attention and FFN of the offloaded layers replaced by t_layer each. Formulas and
 * constants: docs/model.md, "Attention–FFN disaggregation".
 */
public final class AttentionFfnSplit {
    private AttentionFfnSplit() {}

    /**
     * One-way latency of an activation message between the attention pool and the FFN pool across
     * the Ethernet fabric joining the racks (NIC to NIC through one switch, RDMA write): an explicit
     * assumption. A single RDMA write over 400–800 Gb/s RoCE NICs and one low-latency switch hop
     * takes about 2–10 µs; 5 µs is the middle of that range. (A collective across servers, which
     * synchronises every rank, is slower: ModelConstants' scale-out α.)
     */
    public static final double SEND_SECONDS = 5.0e-6;
    /** Activations go to the FFN pool in fp8 (1 byte per element), as DeepEP's low-latency dispatch. */
    public static final double SEND_BYTES_PER_ELEMENT = 1.0;
    /** FFN outputs come back in bf16 (2 bytes per element), combined over the token's experts on the FFN side. */
    public static final double RETURN_BYTES_PER_ELEMENT = 2.0;

    /** One FFN layer's time on a group of chips, and what it did. */
    public record FfnTime(double seconds, double flops, double bytes, boolean computeBound) {}

    /** t_layer = max(m·t_attn, m·t_ffn, t_attn + t_send + t_ffn + t_return). */
    public static double layerSeconds(int microBatches, double attention, double ffn, double send, double back) {
        if (microBatches < 1) {
            throw new IllegalArgumentException("micro-batches must be at least 1, was " + microBatches);
        }
        return Math.max(Math.max(microBatches * attention, microBatches * ffn), attention + send + ffn + back);
    }

    /**
     * The decode step with {@code offloaded} layers disaggregated: the aggregated step, less those
     * layers' attention and FFN as the attention pool ran them, plus t_layer for each.
     */
    public static double stepSeconds(double aggregatedStep, int offloaded, double attentionPerLayer, double ffnPerLayerOnAttentionPool,
                                      double afdLayer) {
        return aggregatedStep - offloaded * (attentionPerLayer + ffnPerLayerOnAttentionPool) + offloaded * afdLayer;
    }

    /** One message over a link: α + bytes / (η·β). */
    public static double sendSeconds(double bytes, double bytesPerSecond, double linkEfficiency) {
        return SEND_SECONDS + bytes / (linkEfficiency * bytesPerSecond);
    }

    /** Weight bytes of one FFN layer: all routed and shared experts and the router of a MoE layer, else the dense FFN. */
    public static double ffnBytesPerLayer(ModelShape shape, Precision weights) {
        if (shape.isMoe()) {
            return (shape.spec().moe().routedExperts() * shape.expertParams() + shape.sharedExpertParamsPerLayer()) * weights.bytesPerElement()
                    + shape.routerParamsPerLayer() * Math.max(StepModel.EMBEDDING_BYTES, weights.bytesPerElement());
        }
        return shape.denseFfnParamsPerLayer() * weights.bytesPerElement();
    }

    /** FFN layers that can move: the MoE layers of a MoE model, else the dense FFN layers. */
    public static int ffnLayers(ModelShape shape) {
        return shape.isMoe() ? shape.moeLayers() : shape.denseFfnLayers();
    }

    /** Chips one layer's FFN weights need, whole, in the FFN chips' memory. */
    public static int chipsPerLayer(ModelShape shape, Precision weights, Device ffn) {
        return (int) Math.ceil(ffnBytesPerLayer(shape, weights) / ffn.memoryBytes());
    }

    /** FFN layers a pool of {@code chips} holds, each on its own group of chips. */
    public static int layersHeld(ModelShape shape, Precision weights, Device ffn, int chips) {
        return Math.min(ffnLayers(shape), chips / chipsPerLayer(shape, weights, ffn));
    }

    /**
     * One FFN layer for {@code tokens} tokens on a group of {@code chips} chips, as the step model
     * times it (routed experts spread over the group, the shared expert and router split over it), plus
     * the exchange inside the group: two chip-to-chip hops on SRAM chips, two scale-up collectives else.
     */
    public static FfnTime ffnSeconds(ModelShape shape, Device d, Precision weights, ModelConstants constants, double tokens, int chips) {
        return ffnSecondsWith(shape, d, weights, ffnConstants(d, constants), tokens, chips);
    }

    /** The constants the FFN chips run by: {@link ChipToChip#constantsFor} on SRAM chips, else {@code constants}. */
    static ModelConstants ffnConstants(Device d, ModelConstants constants) {
        return d.sramResident() ? ChipToChip.constantsFor(constants) : constants;
    }

    /** {@link #ffnSeconds} with the FFN chips' constants ({@link #ffnConstants}) worked out once by the caller. */
    static FfnTime ffnSecondsWith(ModelShape shape, Device d, Precision weights, ModelConstants k, double tokens, int chips) {
        double wb = weights.bytesPerElement();
        double peak = d.peakFlops(weights);
        double bw = d.memBandwidthBytesPerSecond() * k.memoryEfficiency();
        double seconds = 0;
        double flops = 0;
        double bytes = 0;
        double computeBound = 0;
        if (shape.isMoe()) {
            var moe = shape.spec().moe();
            int experts = moe.routedExperts();
            double touched = experts * (1 - Math.pow(1 - (double) moe.expertsPerToken() / experts, tokens));
            double rows = tokens * moe.expertsPerToken() / Math.max(touched, 1e-9);
            double f = 2 * tokens * moe.expertsPerToken() * shape.expertParams() / chips * k.moeImbalance();
            double b = touched * shape.expertParams() * wb / chips * k.moeImbalance();
            double tc = f / (peak * k.gemmEfficiency(rows, weights) * k.moeGemmEfficiency(rows * moe.expertFfnSize()));
            double tm = b / bw;
            seconds += Math.max(tc, tm);
            computeBound += tc >= tm ? tc : 0;
            flops += f;
            bytes += b;
            double shared = (shape.sharedExpertParamsPerLayer() + shape.routerParamsPerLayer()) / chips;
            f = 2 * tokens * shared;
            b = shared * wb;
            tc = f / (peak * k.gemmEfficiency(tokens, weights));
            tm = b / bw;
            seconds += Math.max(tc, tm);
            computeBound += tc >= tm ? tc : 0;
            flops += f;
            bytes += b;
        } else {
            double p = shape.denseFfnParamsPerLayer() / chips;
            double f = 2 * tokens * p;
            double b = p * wb;
            double tc = f / (peak * k.gemmEfficiency(tokens, weights));
            double tm = b / bw;
            seconds += Math.max(tc, tm);
            computeBound += tc >= tm ? tc : 0;
            flops += f;
            bytes += b;
        }
        if (chips > 1) {
            seconds += d.sramResident() ? ChipToChip.ALL_REDUCE_HOPS * ChipToChip.HOP_SECONDS : 2 * k.collectiveLatencyScaleUpSeconds();
        }
        return new FfnTime(seconds, flops, bytes, computeBound > seconds / 2);
    }
}
