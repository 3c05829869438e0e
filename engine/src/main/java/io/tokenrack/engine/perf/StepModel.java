package io.tokenrack.engine.perf;

import io.tokenrack.engine.workload.Precision;

/**
 * Times one engine step of a model on one accelerator of a parallel group: a roofline per operator
 * with shape-dependent efficiencies, α–β collectives (not overlapped) and fixed overheads
 * (docs/model-reference.md §3–§5, docs/model.md).
 *
 * <p>The group: {@code tp} tensor-parallel ranks × {@code dp} attention-data-parallel ranks per
 * pipeline stage, {@code pp} stages. Attention and dense FFN weights are split over tp and
 * replicated over dp; routed experts are spread over all tp·dp ranks of a stage (expert
 * parallelism); embeddings and LM head are split over tp.
 *
 * <p>Immutable; one instance per (model, device, formats, parallelism), built once and called many
 * times while a concurrency curve is drawn.
 */
public final class StepModel {
    /** Activations and collective messages move as bf16 (2 bytes). */
    static final double ACTIVATION_BYTES = 2.0;
    /** Embedding and LM-head weights stay bf16 in every serving format (TensorRT-LLM and vLLM quantise the blocks only). */
    static final double EMBEDDING_BYTES = 2.0;
    /** FlashAttention query tile: the KV of the context is re-read once per tile of this many prefill queries. */
    static final double ATTENTION_QUERY_TILE = 128;
    /** MoE dispatch sends fp8 tokens (DeepEP low-latency mode), combine returns bf16: 1 + 2 bytes per element. */
    static final double EP_BYTES_PER_ELEMENT = 3.0;

    // Kernels one layer of each operator group launches on a GPU, for the per-kernel floor
    // (ModelConstants.kernelFloorSeconds; docs/model.md, "Small batch"). Counted from the layer's
    // structure as serving engines run it, fused where they commonly fuse.
    /** GQA attention block: input norm, fused QKV GEMM, RoPE with the KV-cache write, O GEMM, residual add with the next norm. */
    static final int KERNELS_ATTENTION_PROJECTIONS = 5;
    /** MLA attention block: input norm, q down, q norm, q up, kv down, kv norm, RoPE with the KV write, the two absorbed up-projections, O GEMM. */
    static final int KERNELS_ATTENTION_PROJECTIONS_MLA = 10;
    /** Decode attention over the KV cache: one kernel. */
    static final int KERNELS_ATTENTION_CORE = 1;
    /** SwiGLU FFN: fused gate-up GEMM, activation, down GEMM. */
    static final int KERNELS_FFN = 3;
    /** Routed experts: permute, grouped up GEMM, activation, grouped down GEMM, unpermute-combine. */
    static final int KERNELS_ROUTED_EXPERTS = 5;
    /** Router: its GEMM and the top-k. */
    static final int KERNELS_ROUTER = 2;
    /** LM head per step: its GEMM and sampling. */
    static final int KERNELS_LM_HEAD = 2;

    private final ModelShape shape;
    private final Device device;
    private final ModelConstants k;
    private final int tp;
    private final int pp;
    private final int dp;
    private final Fabric fabric;
    private final Fabric stageFabric;
    /** The scale-up link inside each domain when the tp·dp group spans several (else null). */
    private final Fabric domainFabric;
    /** Accelerators per scale-up domain when the group spans several (else 0). */
    private final int domainSize;
    /** MoE dispatch/combine hidden behind the other of two micro-batches (two-batch overlap). */
    private final boolean twoBatchOverlap;

    private final Precision weights;
    private final Precision kvPrecision;
    private final Precision attnPrecision;
    private final double weightBytes;
    /** Embedding, LM-head and router bytes: bf16, or the weights' width when that is wider (fp32 on the host). */
    private final double embeddingBytes;
    private final double attnWeightBytes;
    private final double peakGemm;
    private final double peakAttnProj;
    private final double peakAttention;
    private final double bw;
    private final double kvBytesPerElement;
    private final double layersPerStage;
    private final double moeLayersPerStage;
    private final double denseLayersPerStage;
    private final double slidingLayersPerStage;

    /**
     * @param fabric      link of the tp·dp group inside a stage
     * @param stageFabric link between pipeline stages
     */
    public StepModel(ModelShape shape, Device device, Precision weights, Precision kv, int tp, int pp, int dp,
                     Fabric fabric, Fabric stageFabric, ModelConstants constants) {
        this(shape, device, weights, kv, tp, pp, dp, fabric, stageFabric, constants, null, 0, false);
    }

    private StepModel(ModelShape shape, Device device, Precision weights, Precision kv, int tp, int pp, int dp,
                      Fabric fabric, Fabric stageFabric, ModelConstants constants, Fabric domainFabric, int domainSize,
                      boolean twoBatchOverlap) {
        if (tp < 1 || pp < 1 || dp < 1) {
            throw new IllegalArgumentException("parallel degrees must be positive: tp=" + tp + " pp=" + pp + " dp=" + dp);
        }
        if (pp > shape.layers()) {
            throw new IllegalArgumentException("pp=" + pp + " exceeds the model's " + shape.layers() + " layers");
        }
        this.shape = shape;
        this.device = device;
        this.k = device.sramResident() ? ChipToChip.constantsFor(constants) : constants;
        this.tp = tp;
        this.pp = pp;
        this.dp = dp;
        this.fabric = fabric;
        this.stageFabric = stageFabric;
        this.domainFabric = domainFabric;
        this.domainSize = domainSize;
        this.twoBatchOverlap = twoBatchOverlap;
        this.weights = weights;
        this.kvPrecision = kv;
        this.weightBytes = weights.bytesPerElement();
        this.embeddingBytes = Math.max(EMBEDDING_BYTES, weightBytes);
        // 4-bit checkpoints quantise the MLP/expert weights; attention projections stay at fp8.
        this.attnPrecision = weights == Precision.FP4 ? Precision.FP8 : weights;
        this.attnWeightBytes = attnPrecision.bytesPerElement();
        this.peakGemm = device.peakFlops(weights);
        this.peakAttnProj = device.peakFlops(attnPrecision);
        this.peakAttention = device.peakFlops(kv);
        this.bw = device.memBandwidthBytesPerSecond();
        this.kvBytesPerElement = kv.bytesPerElement();
        this.layersPerStage = (double) shape.layers() / pp;
        this.moeLayersPerStage = (double) shape.moeLayers() / pp;
        this.denseLayersPerStage = (double) shape.denseFfnLayers() / pp;
        this.slidingLayersPerStage = (double) shape.slidingLayers() / pp;
    }

    public int tp() {
        return tp;
    }

    /**
     * The same layout with a tp·dp group that spans several scale-up domains of {@code domainSize}
     * accelerators joined inside by {@code scaleUp}: MoE all-to-alls send the share of tokens bound
     * for the own domain over the scale-up link and the rest over the NICs, at once (hierarchical
     * all-to-all, as DeepEP's internode kernels do).
     */
    public StepModel withScaleUpInside(Fabric scaleUp, int domainSize) {
        if (domainSize < 1 || scaleUp == null) {
            throw new IllegalArgumentException("a scale-up link and a domain of at least 1 accelerator, was " + domainSize);
        }
        return new StepModel(shape, device, weights, kvPrecision, tp, pp, dp, fabric, stageFabric, k, scaleUp, domainSize, twoBatchOverlap);
    }

    /**
     * The same layout running two micro-batches that overlap each other's MoE dispatch and combine
     * with their compute (two-batch overlap): a step is two half-batch steps whose all-to-all hides
     * behind the other's work, 2·max(work(t/2), all-to-all(t/2)); the weights are read once per
     * micro-batch. Only MoE layouts with expert parallelism change.
     */
    public StepModel withTwoBatchOverlap() {
        return new StepModel(shape, device, weights, kvPrecision, tp, pp, dp, fabric, stageFabric, k, domainFabric, domainSize, true);
    }

    public boolean twoBatchOverlap() {
        return twoBatchOverlap;
    }

    /** Whether routed experts are spread over more than one rank (MoE dispatch and combine cross a link). */
    public boolean isExpertParallel() {
        return moeLayersPerStage > 0 && tp * dp > 1;
    }

    public int pp() {
        return pp;
    }

    public int dp() {
        return dp;
    }

    /** Accelerators in one model replica. */
    public int groupSize() {
        return tp * pp * dp;
    }

    public Device device() {
        return device;
    }

    /** Weight bytes held by each accelerator. */
    public double weightBytesPerAccelerator() {
        double perLayerAttn = shape.attentionParamsPerLayer() * attnWeightBytes / tp;
        double dense = shape.denseFfnParamsPerLayer() * weightBytes / tp;
        double moe = 0;
        if (shape.isMoe()) {
            int experts = shape.spec().moe().routedExperts();
            moe = experts * shape.expertParams() * weightBytes / (tp * dp)
                    + shape.sharedExpertParamsPerLayer() * weightBytes / tp
                    + shape.routerParamsPerLayer() * embeddingBytes;
        }
        return layersPerStage * perLayerAttn + denseLayersPerStage * dense + moeLayersPerStage * moe
                + shape.embeddingParams() * embeddingBytes / (tp * pp);
    }

    /** Input-embedding and LM-head bytes held by each accelerator (a draft that shares them with its target holds none). */
    public double embeddingBytesPerAccelerator() {
        return shape.embeddingParams() * embeddingBytes / (tp * pp);
    }

    public ModelShape shape() {
        return shape;
    }

    /** Another model on the same accelerators, formats and tp × dp group, in one pipeline stage (a speculative draft). */
    public StepModel sameGroup(ModelShape other) {
        return new StepModel(other, device, weights, kvPrecision, tp, 1, dp, fabric, stageFabric, k);
    }

    /** KV-cache bytes one sequence of {@code contextTokens} holds on each accelerator of its attention rank. */
    public double kvBytesPerSequencePerAccelerator(double contextTokens) {
        double perTokenLayer;
        if (shape.isMla()) {
            perTokenLayer = shape.kvElementsPerTokenPerLayer() * kvBytesPerElement; // latent is replicated over tp
        } else {
            int kvHeads = shape.spec().kvHeads();
            double headsHere = Math.ceil((double) kvHeads / tp);
            perTokenLayer = shape.kvElementsPerTokenPerLayer() * kvBytesPerElement * headsHere / kvHeads;
        }
        double full = layersPerStage - slidingLayersPerStage;
        return perTokenLayer * (full * contextTokens
                + slidingLayersPerStage * shape.attendedContext(contextTokens, true));
    }

    /** Sequences one attention rank can hold in memory at {@code contextTokens} each (0 if the weights do not fit). */
    public int maxSequencesPerRank(double contextTokens) {
        return maxSequencesPerRank(contextTokens, 0, 0);
    }

    /**
     * As {@link #maxSequencesPerRank(double)} with a speculative draft beside the model: its
     * {@code extraWeightBytes} per accelerator and {@code extraKvBytesPerSequence} of KV cache.
     */
    public int maxSequencesPerRank(double contextTokens, double extraWeightBytes, double extraKvBytesPerSequence) {
        double free = device.memoryBytes() - weightBytesPerAccelerator() - extraWeightBytes;
        if (free <= 0) {
            return 0;
        }
        double perSeq = kvBytesPerSequencePerAccelerator(contextTokens) + extraKvBytesPerSequence;
        // an SRAM chip with DRAM beside it (LPX DDR5) keeps in DRAM the KV its SRAM cannot hold
        return (int) Math.min(k.maxSequencesPerRank(), Math.floor((free + device.kvDramBytes()) * k.kvMemoryFraction() / perSeq));
    }

    /**
     * One pipeline stage of one step on one accelerator.
     *
     * @param decodeSeqs      decoding sequences on this attention rank
     * @param decodeContext   their mean context length, tokens
     * @param prefillTokens   prompt tokens this rank processes in the step (chunked prefill)
     * @param promptTokens    length of the prompts being prefilled
     */
    public StepTime stage(double decodeSeqs, double decodeContext, double prefillTokens, double promptTokens) {
        return stage(decodeSeqs, decodeContext, prefillTokens, promptTokens, 0);
    }

    /**
     * One pipeline stage of one step whose prompts start with {@code cachedTokens} already in the
     * prefix cache: {@code prefillTokens} counts only uncached prompt tokens, and each attends to the
     * cached prefix as well as to the uncached tokens before it.
     *
     * @param cachedTokens    prompt tokens per prompt whose KV is already in memory (0 ≤ cached &lt; promptTokens)
     */
    public StepTime stage(double decodeSeqs, double decodeContext, double prefillTokens, double promptTokens, double cachedTokens) {
        return run(decodeSeqs, 1, decodeContext, prefillTokens, promptTokens, cachedTokens, true);
    }

    /**
     * One pipeline stage of a speculative verify step: each of the {@code decodeSeqs} sequences puts
     * {@code queriesPerSequence} = k + 1 tokens through the model (its last token and k drafts).
     * The weights are read once for all of them, each sequence's KV cache once (its k + 1 queries
     * share it), while the FLOPs, LM-head rows, collective messages and MoE routing grow with the
     * tokens, and so does the host's per-sequence work (each of the k + 1 positions is sampled and checked).
     */
    public StepTime stage(double decodeSeqs, int queriesPerSequence, double decodeContext, double prefillTokens, double promptTokens,
                          double cachedTokens) {
        if (queriesPerSequence < 1) {
            throw new IllegalArgumentException("queries per sequence must be 1 or more, was " + queriesPerSequence);
        }
        return run(decodeSeqs, queriesPerSequence, decodeContext, prefillTokens, promptTokens, cachedTokens, true);
    }

    /**
     * One forward pass of this model as a speculative draft over {@code decodeSeqs} sequences, one
     * token each: it runs inside the target's step, so the per-step and per-sequence host overheads
     * are the target's, and only the per-layer kernel overhead is its own.
     */
    public StepTime draftPass(double decodeSeqs, double decodeContext) {
        return run(decodeSeqs, 1, decodeContext, 0, decodeContext, 0, false);
    }

    private StepTime run(double decodeSeqs, int q, double decodeContext, double prefillTokens, double promptTokens, double cachedTokens,
                         boolean hostOverheads) {
        if (twoBatchOverlap && moeLayersPerStage > 0 && tp * dp > 1 && decodeSeqs + prefillTokens >= 2) {
            // two micro-batches of half the sequences and half the prompt tokens each
            return plainRun(decodeSeqs / 2, decodeSeqs, q, decodeContext, prefillTokens / 2, promptTokens, cachedTokens, hostOverheads).overlapped();
        }
        return plainRun(decodeSeqs, decodeSeqs, q, decodeContext, prefillTokens, promptTokens, cachedTokens, hostOverheads).result();
    }

    /** @param stepSeqs the step's decoding sequences on this rank (both halves of a two-batch overlap), whose KV the chips hold */
    private Acc plainRun(double decodeSeqs, double stepSeqs, int q, double decodeContext, double prefillTokens, double promptTokens, double cachedTokens,
                         boolean hostOverheads) {
        Acc acc = new Acc();
        double uncached = promptTokens - cachedTokens;
        double t = decodeSeqs * q + prefillTokens; // tokens through the linear layers on this rank
        double eta = k.gemmEfficiency(t, weights);
        double etaAttn = k.gemmEfficiency(t, attnPrecision);

        // Attention projections (per layer), split over tp.
        double attnParams = shape.attentionParamsPerLayer() / tp;
        acc.op(OperatorClass.ATTENTION_PROJECTIONS, layersPerStage * 2 * t * attnParams, peakAttnProj * etaAttn,
                layersPerStage * (attnParams * attnWeightBytes + 2 * t * shape.spec().hiddenSize() * ACTIVATION_BYTES / tp), bw * k.memoryEfficiency(),
                layersPerStage * (shape.isMla() ? KERNELS_ATTENTION_PROJECTIONS_MLA : KERNELS_ATTENTION_PROJECTIONS) * floor());

        // Attention over the KV cache.
        attention(acc, decodeSeqs, stepSeqs, q, decodeContext, prefillTokens, promptTokens, cachedTokens);

        // Dense FFN layers.
        if (denseLayersPerStage > 0) {
            double p = shape.denseFfnParamsPerLayer() / tp;
            acc.op(OperatorClass.DENSE_FFN, denseLayersPerStage * 2 * t * p, peakGemm * eta,
                    denseLayersPerStage * p * weightBytes, bw * k.memoryEfficiency(), denseLayersPerStage * KERNELS_FFN * floor());
        }
        // MoE layers: routed experts over all tp·dp ranks of the stage, shared experts over tp.
        if (moeLayersPerStage > 0) {
            moe(acc, t);
        }
        // LM head on the sequences sampled this step.
        double promptsDone = uncached > 0 ? prefillTokens / uncached : 0;
        double sampled = decodeSeqs * q + promptsDone;
        double lm = shape.spec().hiddenSize() * (double) shape.spec().vocabSize() / tp;
        acc.op(OperatorClass.LM_HEAD, 2 * sampled * lm / pp, peakAttnProj * k.gemmEfficiency(sampled),
                lm * embeddingBytes / pp, bw * k.memoryEfficiency(), KERNELS_LM_HEAD * floor() / pp);

        // Tensor-parallel all-reduces: after attention and after the FFN of every layer.
        double message = t * shape.spec().hiddenSize() * ACTIVATION_BYTES;
        if (tp > 1) {
            acc.comm(layersPerStage * 2 * Collectives.allReduce(tp, message, fabric, k.linkEfficiency()));
        }
        if (pp > 1) {
            acc.comm(Collectives.send(message, stageFabric, k.linkEfficiency()));
        }
        // SRAM-resident chips run a statically scheduled program: no kernel launches per layer; their
        // per-layer cost is the chip-to-chip hops counted above (ChipToChip).
        double layerOverheads = layersPerStage * (device.sramResident() ? 0 : k.layerOverheadSeconds());
        acc.overhead(hostOverheads
                ? k.stepOverheadSeconds() / pp + layerOverheads + (decodeSeqs * q + promptsDone) * k.sequenceOverheadSeconds() / pp
                : layerOverheads);
        return acc;
    }

    /**
     * Sequences a rank holds with their KV in its own memory only (an SRAM chip's DRAM left out): past
     * them, on a chip with KV DRAM, each further sequence's KV is read at the DRAM's bandwidth.
     */
    public int maxSequencesPerRankInOwnMemory(double contextTokens) {
        double free = device.memoryBytes() - weightBytesPerAccelerator();
        if (free <= 0) {
            return 0;
        }
        return (int) Math.min(k.maxSequencesPerRank(), Math.floor(free * k.kvMemoryFraction() / kvBytesPerSequencePerAccelerator(contextTokens)));
    }

    /**
     * The bandwidth at which this accelerator reads KV when it holds {@code residentKvBytes} of it (the
     * sequences of all pp micro-batches in flight, each stage a micro-batch of them): its memory's,
     * or, on an SRAM chip with KV DRAM beside it, the SRAM's for the share the SRAM holds (what the
     * weights leave, × kvMemoryFraction) and the DRAM's for the rest, read one after the other:
     * bytes / (fast / bw + dram / bw_dram).
     */
    double kvReadBytesPerSecond(double residentKvBytes) {
        if (device.kvDramBytes() <= 0 || residentKvBytes <= 0) {
            return bw;
        }
        double fast = Math.max(0, device.memoryBytes() - weightBytesPerAccelerator()) * k.kvMemoryFraction();
        double dramShare = Math.max(0, residentKvBytes - fast) / residentKvBytes;
        return 1 / ((1 - dramShare) / bw + dramShare / device.kvDramBytesPerSecond());
    }

    private void attention(Acc acc, double decodeSeqs, double stepSeqs, int q, double decodeContext, double prefillTokens, double promptTokens,
                           double cachedTokens) {
        int heads = shape.spec().attentionHeads();
        double headsHere = Math.ceil((double) heads / tp);
        double fullLayers = layersPerStage - slidingLayersPerStage;
        double decodeFlopsPerCtxToken;
        double prefillFlopsPerCtxToken;
        if (shape.isMla()) {
            var a = shape.spec().mla();
            // Absorbed decode: scores against the latent (d_c + d_R), then attend on the latent (d_c).
            decodeFlopsPerCtxToken = 2.0 * headsHere * (2 * a.kvLoraRank() + a.qkRopeHeadDim());
            // Prefill decompresses K/V: QK over (d_n + d_R), PV over d_v.
            prefillFlopsPerCtxToken = 2.0 * headsHere * (a.qkNopeHeadDim() + a.qkRopeHeadDim() + a.vHeadDim());
        } else {
            decodeFlopsPerCtxToken = 4.0 * headsHere * shape.spec().headDimension();
            prefillFlopsPerCtxToken = decodeFlopsPerCtxToken;
        }
        double kvPerToken = kvBytesPerSequencePerAccelerator(1) / Math.max(1e-9, layersPerStage); // per layer, full attention
        double decodeCtxFull = decodeContext;
        double decodeCtxSliding = shape.attendedContext(decodeContext, true);
        // k + 1 verify queries of a sequence attend to the same KV: q times the FLOPs, one read of the cache.
        double flops = decodeSeqs * q * decodeFlopsPerCtxToken * (fullLayers * decodeCtxFull + slidingLayersPerStage * decodeCtxSliding);
        double bytes = decodeSeqs * kvPerToken * (fullLayers * decodeCtxFull + slidingLayersPerStage * decodeCtxSliding);
        // Decode attention: each sequence reads its own KV, so batching does not raise intensity.
        acc.op(OperatorClass.ATTENTION_CORE, flops, peakAttention * k.attentionComputeEfficiency(),
                bytes, kvReadBytesPerSecond(stepSeqs * pp * kvBytesPerSequencePerAccelerator(decodeContext)) * k.attentionMemoryEfficiency(),
                decodeSeqs > 0 ? layersPerStage * KERNELS_ATTENTION_CORE * floor() : 0);
        if (prefillTokens > 0) {
            // Causal prefill: an uncached prompt token attends to the cached prefix and to half of the
            // uncached rest on average (window-capped); with no cache, half the prompt.
            double ctxFull = cachedTokens + (promptTokens - cachedTokens) / 2;
            double ctxSliding = Math.min(ctxFull, shape.slidingWindowTokens());
            double pf = prefillTokens * prefillFlopsPerCtxToken * (fullLayers * ctxFull + slidingLayersPerStage * ctxSliding);
            double pb = prefillTokens * kvPerToken * layersPerStage * (1 + ctxFull / ATTENTION_QUERY_TILE);
            acc.op(OperatorClass.ATTENTION_CORE, pf, peakAttention * k.attentionComputeEfficiency(),
                    pb, bw * k.memoryEfficiency());
        }
    }

    /** The least time of one kernel: none on an SRAM chip's static schedule (its constants carry 0). */
    private double floor() {
        return k.kernelFloorSeconds();
    }

    private void moe(Acc acc, double tokensHere) {
        var moe = shape.spec().moe();
        int g = tp * dp;
        double groupTokens = tokensHere * dp;
        int experts = moe.routedExperts();
        double touched = experts * (1 - Math.pow(1 - (double) moe.expertsPerToken() / experts, groupTokens));
        double rowsPerExpert = groupTokens * moe.expertsPerToken() / Math.max(touched, 1e-9);
        double routedFlops = 2 * groupTokens * moe.expertsPerToken() * shape.expertParams() / g * k.moeImbalance();
        double routedBytes = touched * shape.expertParams() * weightBytes / g * k.moeImbalance();
        // Grouped GEMMs: the dense curve at the rows each expert gets, times the grouped efficiency of an
        // expert problem of that many rows × the expert's width (fine experts: the floor; coarse ones: dense).
        acc.op(OperatorClass.MOE_FFN, moeLayersPerStage * routedFlops,
                peakGemm * k.gemmEfficiency(rowsPerExpert, weights) * k.moeGemmEfficiency(rowsPerExpert * moe.expertFfnSize()),
                moeLayersPerStage * routedBytes, bw * k.memoryEfficiency(), moeLayersPerStage * KERNELS_ROUTED_EXPERTS * floor());
        double sharedParams = shape.sharedExpertParamsPerLayer() / tp;
        double router = shape.routerParamsPerLayer();
        acc.op(OperatorClass.MOE_FFN,
                moeLayersPerStage * 2 * tokensHere * (sharedParams + router), peakGemm * k.gemmEfficiency(tokensHere, weights),
                moeLayersPerStage * (sharedParams * weightBytes + router * embeddingBytes), bw * k.memoryEfficiency(),
                moeLayersPerStage * (KERNELS_ROUTER + (sharedParams > 0 ? KERNELS_FFN : 0)) * floor());
        if (g > 1) {
            // Dispatch and combine: each token goes to k experts, most of them on other ranks.
            double bytes = tokensHere * moe.expertsPerToken() * shape.spec().hiddenSize() * EP_BYTES_PER_ELEMENT / 2;
            double once = domainFabric != null && domainSize > 1 && domainSize < g
                    ? Collectives.allToAllHierarchical(g, domainSize, bytes, domainFabric, fabric, k.linkEfficiency())
                    : Collectives.allToAll(g, bytes, fabric, k.linkEfficiency());
            acc.allToAll(moeLayersPerStage * 2 * once);
        }
    }

    /** Accumulates operator times by class and by limiting resource. */
    private static final class Acc {
        final double[] byClass = new double[OperatorClass.values().length];
        double computeBound;
        double memoryBound;
        /** Operators held at their kernels' floor (latency, not bandwidth or compute): counted as overhead. */
        double kernelLatency;
        double comm;
        double overhead;
        double flops;
        double bytes;

        void op(OperatorClass c, double f, double flopsPerSecond, double b, double bytesPerSecond) {
            op(c, f, flopsPerSecond, b, bytesPerSecond, 0);
        }

        /** @param floor the least time of the operator's kernels (their count × the per-kernel floor) */
        void op(OperatorClass c, double f, double flopsPerSecond, double b, double bytesPerSecond, double floor) {
            double tc = f / flopsPerSecond;
            double tm = b / bytesPerSecond;
            double t = Math.max(Math.max(tc, tm), floor);
            byClass[c.ordinal()] += t;
            if (floor > tc && floor > tm) {
                kernelLatency += t;
            } else if (tc >= tm) {
                computeBound += t;
            } else {
                memoryBound += t;
            }
            flops += f;
            bytes += b;
        }

        double allToAll;

        void comm(double seconds) {
            byClass[OperatorClass.COMMUNICATION.ordinal()] += seconds;
            comm += seconds;
        }

        void allToAll(double seconds) {
            comm(seconds);
            allToAll += seconds;
        }

        /**
         * Two micro-batches like this one (each half the step's tokens): each one's all-to-all runs
         * while the other computes, so a step is 2·max(rest, all-to-all) with rest = everything but
         * the all-to-all; what cannot hide stays as communication.
         */
        StepTime overlapped() {
            double rest = computeBound + memoryBound + kernelLatency + comm - allToAll + overhead;
            double visible = Math.max(0, allToAll - rest);
            double[] classes = byClass.clone();
            for (int i = 0; i < classes.length; i++) {
                classes[i] *= 2;
            }
            classes[OperatorClass.COMMUNICATION.ordinal()] -= 2 * (allToAll - visible);
            double total = 2 * (rest + visible);
            Acc twice = new Acc();
            twice.computeBound = 2 * computeBound;
            twice.memoryBound = 2 * memoryBound;
            twice.comm = 2 * (comm - allToAll + visible);
            twice.overhead = 2 * overhead;
            twice.kernelLatency = 2 * kernelLatency;
            StepTime r = twice.result();
            return new StepTime(total, classes, 2 * flops, 2 * bytes, r.bound(), 2 * computeBound, 2 * memoryBound);
        }

        void overhead(double seconds) {
            byClass[OperatorClass.OVERHEAD.ordinal()] += seconds;
            overhead += seconds;
        }

        StepTime result() {
            double total = computeBound + memoryBound + kernelLatency + comm + overhead;
            Bound bound = Bound.COMPUTE;
            double max = computeBound;
            if (memoryBound > max) {
                bound = Bound.MEMORY_BANDWIDTH;
                max = memoryBound;
            }
            if (comm > max) {
                bound = Bound.NETWORK;
                max = comm;
            }
            if (overhead + kernelLatency > max) {
                bound = Bound.OVERHEAD;
            }
            return new StepTime(total, byClass, flops, bytes, bound, computeBound, memoryBound);
        }
    }
}
