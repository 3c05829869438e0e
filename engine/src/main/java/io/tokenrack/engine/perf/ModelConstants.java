package io.tokenrack.engine.perf;

/**
 * The efficiency factors and fixed overheads that turn a roofline into a prediction. Each one is
 * named for one effect; its evidence is in the comment and in docs/model.md. The defaults were
 * fitted on the public measurements in the calibration data only (see the {@code validate}
 * command), within the ranges the evidence allows.
 *
 * @param gemmEfficiencyMax        η_max of η_c(M) = η_max·M/(M + M½) for matrix multiplies. A100 cuBLAS
 *                                 reaches 0.93 of peak at M = 16384 (LLMCompass measured data); Hopper and
 *                                 Blackwell are usually quoted lower (0.8), llm-analysis uses ≤ 0.7 for inference.
 * @param fp8EfficiencyScale       η_max of fp8 GEMMs relative to bf16 ones (FP8 GEMM 0.70–0.80 of FP8 peak against
 *                                 0.8–0.9 for bf16; AIConfigurator finds a stable per-format efficiency ratio).
 * @param fp4EfficiencyScale       the same for 4-bit GEMMs (block-scaled kernels reach a smaller share of their peak).
 * @param gemmHalfEfficiencyTokens M½: rows (tokens) at which a GEMM reaches half of η_max. The A100 data
 *                                 give ≈ 62% of peak at M = 128 → M½ ≈ 20–60.
 * @param memoryEfficiency         achieved fraction of peak HBM bandwidth for large streams: A100
 *                                 weight-streaming GEMM 78%; fleet-sim uses 0.80; tuned stacks 70–85%.
 * @param attentionComputeEfficiency fraction of peak for prefill attention (FlashAttention-2 on A100 50–73%,
 *                                 FlashAttention-3 on H100 up to 75%).
 * @param attentionMemoryEfficiency fraction of peak bandwidth for decode attention over the KV cache
 *                                 (paged KV reads, 0.6–0.8, docs/model-reference.md §4.2).
 * @param stepOverheadSeconds      fixed time per engine step: scheduling, sampling, input preparation
 *                                 (Vidur models these; 0.2–1 ms with async scheduling, docs/model-reference.md §4.1).
 * @param sequenceOverheadSeconds  host-side time per sequence per step (sampling, detokenising, scheduler
 *                                 bookkeeping, input preparation); Vidur profiles these CPU overheads per batch.
 * @param layerOverheadSeconds     kernel launch and synchronisation cost per layer per step (≈ 8–12 kernels
 *                                 of 1–5 µs each; CUDA graphs at the low end; the batch-1 study finds H100
 *                                 decode at 27% of the memory floor without them).
 * @param collectiveLatencyScaleUpSeconds α of one collective inside a scale-up domain (NVLink custom
 *                                 all-reduce 5–10 µs, GenZ t0 = 5 µs).
 * @param collectiveLatencyScaleOutSeconds α of one collective across servers (IB/RoCE 15–30 µs).
 * @param linkEfficiency           achieved fraction of link bandwidth (0.7–0.86 of spec for DeepEP on
 *                                 NVL72, 0.7–0.85 in NCCL practice).
 * @param moeGemmEfficiencyScale   grouped (MoE expert) GEMMs relative to dense ones at the same rows per expert, for
 *                                 fine-grained experts (many small GEMMs in one launch, routing gathers and scatters):
 *                                 the floor of {@link #moeGemmEfficiency(double)}.
 * @param moeImbalance             busiest expert rank's load over the mean (power-law routing, AIConfigurator
 *                                 P50 ≈ 1.1–1.3).
 * @param kvMemoryFraction         share of memory left after weights that holds KV cache (TensorRT-LLM's
 *                                 default free-GPU-memory fraction 0.9; vLLM gpu_memory_utilization 0.9).
 * @param outputResidency          share of the output length a sequence holds in the KV cache when capacity is
 *                                 counted: 0.5 is the steady-state mean of a paged cache (I + O/2), 1 the worst
 *                                 case (I + O) an engine that reserves full length must plan for.
 * @param maxTokensPerStep         token budget of one engine step (chunked prefill; TensorRT-LLM max_num_tokens
 *                                 8192 default in trtllm-bench).
 * @param maxSequencesPerRank      upper bound on sequences one attention rank schedules (engine max batch size).
 * @param moeDenseGemmElements     size of one expert's GEMM in a step, rows × expert width (output elements of its
 *                                 up-projection), at and above which a grouped GEMM runs as efficiently as a dense one:
 *                                 Mixtral's 8 wide experts with thousands of rows each do (MLPerf), the fine-grained
 *                                 experts of the calibration data, all below 1.3 M elements, do not. docs/model.md, "MoE experts".
 * @param kernelFloorSeconds       the least time one GPU kernel takes however little it reads or computes (the dependent
 *                                 launch inside a CUDA graph, filling the chip with blocks, the first loads' memory
 *                                 latency, the tail): each operator takes at least its kernel count × this. It binds
 *                                 only at small batch, where a layer is dozens of kernels that each move a few MB.
 *                                 Set from evidence (2–5 µs), not fitted: the maximum-throughput data cannot see it.
 *                                 docs/model.md, "Small batch".
 */
public record ModelConstants(
        double gemmEfficiencyMax,
        double fp8EfficiencyScale,
        double fp4EfficiencyScale,
        double gemmHalfEfficiencyTokens,
        double memoryEfficiency,
        double attentionComputeEfficiency,
        double attentionMemoryEfficiency,
        double stepOverheadSeconds,
        double sequenceOverheadSeconds,
        double layerOverheadSeconds,
        double collectiveLatencyScaleUpSeconds,
        double collectiveLatencyScaleOutSeconds,
        double linkEfficiency,
        double moeGemmEfficiencyScale,
        double moeImbalance,
        double kvMemoryFraction,
        double outputResidency,
        int maxTokensPerStep,
        int maxSequencesPerRank,
        double moeDenseGemmElements,
        double kernelFloorSeconds) {

    /**
     * Fitted on the calibration data with {@code tokenrack fit} ({@link io.tokenrack.engine.validate.ConstantsFit}):
     * a coordinate search, each constant inside its evidence range, minimising the median
     * |ln(predicted/measured)| plus half its mean plus a penalty for rows beyond 2×, started from
     * several points (the best kept). docs/model.md lists where the fit sits at the edge of a range
     * (HBM efficiency 0.60, MoE imbalance 1.3).
     */
    public static final ModelConstants DEFAULT = new ModelConstants(
            0.60, 0.89, 0.77, 35, 0.60,
            0.57, 0.50,
            1.0e-3, 2.0e-6, 22.5e-6,
            8e-6, 25e-6, 0.75,
            0.25, 1.3, 0.90, 0.81, 8192, 1061,
            1.0e7, 3.5e-6);

    /**
     * The constants with no per-kernel floor ({@link #kernelFloorSeconds()} 0): statically scheduled
     * chips (no kernels), measured hosts (their own dispatch costs) and hand-computed tests.
     */
    public ModelConstants(double gemmEfficiencyMax, double fp8EfficiencyScale, double fp4EfficiencyScale, double gemmHalfEfficiencyTokens,
                          double memoryEfficiency, double attentionComputeEfficiency, double attentionMemoryEfficiency,
                          double stepOverheadSeconds, double sequenceOverheadSeconds, double layerOverheadSeconds,
                          double collectiveLatencyScaleUpSeconds, double collectiveLatencyScaleOutSeconds, double linkEfficiency,
                          double moeGemmEfficiencyScale, double moeImbalance, double kvMemoryFraction, double outputResidency,
                          int maxTokensPerStep, int maxSequencesPerRank, double moeDenseGemmElements) {
        this(gemmEfficiencyMax, fp8EfficiencyScale, fp4EfficiencyScale, gemmHalfEfficiencyTokens, memoryEfficiency,
                attentionComputeEfficiency, attentionMemoryEfficiency, stepOverheadSeconds, sequenceOverheadSeconds, layerOverheadSeconds,
                collectiveLatencyScaleUpSeconds, collectiveLatencyScaleOutSeconds, linkEfficiency, moeGemmEfficiencyScale, moeImbalance,
                kvMemoryFraction, outputResidency, maxTokensPerStep, maxSequencesPerRank, moeDenseGemmElements, 0);
    }

    /**
     * The constants with grouped expert GEMMs at {@link #moeGemmEfficiencyScale()} whatever their size
     * ({@link #moeDenseGemmElements()} infinite) and no per-kernel floor: statically scheduled chips,
     * measured hosts and hand-computed tests.
     */
    public ModelConstants(double gemmEfficiencyMax, double fp8EfficiencyScale, double fp4EfficiencyScale, double gemmHalfEfficiencyTokens,
                          double memoryEfficiency, double attentionComputeEfficiency, double attentionMemoryEfficiency,
                          double stepOverheadSeconds, double sequenceOverheadSeconds, double layerOverheadSeconds,
                          double collectiveLatencyScaleUpSeconds, double collectiveLatencyScaleOutSeconds, double linkEfficiency,
                          double moeGemmEfficiencyScale, double moeImbalance, double kvMemoryFraction, double outputResidency,
                          int maxTokensPerStep, int maxSequencesPerRank) {
        this(gemmEfficiencyMax, fp8EfficiencyScale, fp4EfficiencyScale, gemmHalfEfficiencyTokens, memoryEfficiency,
                attentionComputeEfficiency, attentionMemoryEfficiency, stepOverheadSeconds, sequenceOverheadSeconds, layerOverheadSeconds,
                collectiveLatencyScaleUpSeconds, collectiveLatencyScaleOutSeconds, linkEfficiency, moeGemmEfficiencyScale, moeImbalance,
                kvMemoryFraction, outputResidency, maxTokensPerStep, maxSequencesPerRank, Double.POSITIVE_INFINITY);
    }

    /** This set with another per-kernel floor. */
    public ModelConstants withKernelFloorSeconds(double seconds) {
        return new ModelConstants(gemmEfficiencyMax, fp8EfficiencyScale, fp4EfficiencyScale, gemmHalfEfficiencyTokens, memoryEfficiency,
                attentionComputeEfficiency, attentionMemoryEfficiency, stepOverheadSeconds, sequenceOverheadSeconds, layerOverheadSeconds,
                collectiveLatencyScaleUpSeconds, collectiveLatencyScaleOutSeconds, linkEfficiency, moeGemmEfficiencyScale, moeImbalance,
                kvMemoryFraction, outputResidency, maxTokensPerStep, maxSequencesPerRank, moeDenseGemmElements, seconds);
    }

    public ModelConstants {
        requireFraction("gemmEfficiencyMax", gemmEfficiencyMax);
        requireFraction("memoryEfficiency", memoryEfficiency);
        requireFraction("fp8EfficiencyScale", fp8EfficiencyScale);
        requireFraction("fp4EfficiencyScale", fp4EfficiencyScale);
        requireFraction("attentionComputeEfficiency", attentionComputeEfficiency);
        requireFraction("attentionMemoryEfficiency", attentionMemoryEfficiency);
        requireFraction("linkEfficiency", linkEfficiency);
        requireFraction("kvMemoryFraction", kvMemoryFraction);
        requireFraction("moeGemmEfficiencyScale", moeGemmEfficiencyScale);
        if (!(outputResidency >= 0.5 && outputResidency <= 1)) {
            throw new IllegalArgumentException("outputResidency: must be in [0.5, 1], was " + outputResidency);
        }
        if (!(gemmHalfEfficiencyTokens >= 0)) {
            throw new IllegalArgumentException("gemmHalfEfficiencyTokens: must be zero or more, was " + gemmHalfEfficiencyTokens);
        }
        if (!(moeImbalance >= 1)) {
            throw new IllegalArgumentException("moeImbalance: must be 1 or more, was " + moeImbalance);
        }
        if (stepOverheadSeconds < 0 || sequenceOverheadSeconds < 0 || layerOverheadSeconds < 0 || collectiveLatencyScaleUpSeconds < 0 || collectiveLatencyScaleOutSeconds < 0) {
            throw new IllegalArgumentException("overheads: must be zero or more");
        }
        if (!(kernelFloorSeconds >= 0 && kernelFloorSeconds < 1e-3)) {
            throw new IllegalArgumentException("kernelFloorSeconds: must be in [0, 1 ms), was " + kernelFloorSeconds);
        }
        if (!(moeDenseGemmElements > 0)) {
            throw new IllegalArgumentException("moeDenseGemmElements: must be positive, was " + moeDenseGemmElements);
        }
        if (maxTokensPerStep <= 0 || maxSequencesPerRank <= 0) {
            throw new IllegalArgumentException("maxTokensPerStep and maxSequencesPerRank: must be positive");
        }
    }

    private static void requireFraction(String field, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(field + ": must be in (0, 1], was " + v);
        }
    }

    /**
     * Efficiency of one expert's grouped GEMM relative to a dense GEMM with the same rows, for an
     * expert problem of {@code elements} = rows × expert width: W / W_dense, at least
     * {@link #moeGemmEfficiencyScale()} (fine-grained experts) and at most 1 (an expert as big as a
     * dense layer's GEMM).
     */
    public double moeGemmEfficiency(double elements) {
        return Math.max(moeGemmEfficiencyScale, Math.min(1, elements / moeDenseGemmElements));
    }

    /** η_c for a GEMM with {@code m} rows in bf16. */
    public double gemmEfficiency(double m) {
        return gemmEfficiencyMax * m / (m + gemmHalfEfficiencyTokens);
    }

    /** η_c for a GEMM with {@code m} rows whose math runs in {@code p}. */
    public double gemmEfficiency(double m, io.tokenrack.engine.workload.Precision p) {
        double scale = switch (p) {
            case BF16, FP32 -> 1.0;
            case FP8 -> fp8EfficiencyScale;
            case FP4 -> fp4EfficiencyScale;
        };
        return scale * gemmEfficiency(m);
    }
}
