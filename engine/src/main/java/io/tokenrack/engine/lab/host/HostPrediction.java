package io.tokenrack.engine.lab.host;

import io.tokenrack.engine.kernels.llama.LlamaConfig;


/**
 * Predicts the small transformer's decode speed on this computer from its {@link HostProfile}
 * alone: per token it counts each operator's FLOPs and bytes (weights streamed once, the KV cache
 * read by attention) and applies the host roofline
 * {@code t_op = t_call + max(FLOPs / (eta_c * peak), bytes / (eta_bw * BW(working set)))}, where
 * {@code eta_bw * BW} is the measured GEMV (weight-streaming) bandwidth at the model's working set
 * (weights plus KV cache); attention runs at its measured rate; the element-wise operators on the
 * caller thread cost a call overhead each plus their bytes at L1 bandwidth.
 *
 * @param contextTokens   average KV-cache length over the predicted tokens
 * @param weightBytes     weight bytes streamed per token
 * @param kvBytes         KV-cache bytes read per token (all layers)
 * @param flops           FLOPs per token
 * @param linearSeconds   time of the linear layers (GEMVs) including their dispatch
 * @param attentionSeconds time of decode attention including its dispatch
 * @param serialSeconds   norms, RoPE, SwiGLU, residuals, cache writes on the caller thread
 * @param memoryBound     whether the linear layers are memory-bound on this host
 */
public record HostPrediction(int contextTokens, double weightBytes, double kvBytes, double flops,
                             double linearSeconds, double attentionSeconds, double serialSeconds,
                             boolean memoryBound) {

    /** fp32: four bytes per weight, activation and cached K/V element. */
    static final int BYTES = 4;
    /** Element-wise calls per layer on the caller thread: 2 norms, 2 RoPE, 2 cache copies, SwiGLU, 2 adds. */
    static final int SERIAL_CALLS_PER_LAYER = 9;

    public double secondsPerToken() {
        return linearSeconds + attentionSeconds + serialSeconds;
    }

    public double tokensPerSecond() {
        return 1.0 / secondsPerToken();
    }

    /** The prediction for decoding on all workers ({@code allCores}) or on one thread. */
    public static HostPrediction decode(LlamaConfig c, int contextTokens, HostProfile p, boolean allCores) {
        double peak = (allCores ? p.peakGflopsAllCores() : p.peakGflopsOneThread()) * 1e9;
        double etaCompute = gemvComputeEfficiency(p);
        double weightBytes = (double) BYTES * c.weightParamsReadPerToken();
        double kvBytes = (double) BYTES * 2 * c.layers() * (double) contextTokens * c.kvDim();
        long workingSet = (long) (weightBytes + kvBytes);
        double bw = p.gemvGBpsAt(workingSet, allCores) * 1e9;
        double dispatch = allCores && p.threads() > 1 ? p.parallelCallOverheadSeconds() : p.callOverheadSeconds();

        int[][] linear = {
                {c.qkvDim(), c.dim()}, {c.dim(), c.attentionDim()}, {2 * c.ffnDim(), c.dim()}, {c.dim(), c.ffnDim()}};
        double linearSeconds = 0;
        double linearFlops = 0;
        boolean memoryBound = true;
        for (int[] nk : linear) {
            double f = 2.0 * nk[0] * nk[1];
            double b = (double) BYTES * nk[0] * nk[1];
            double compute = f / (etaCompute * peak);
            double memory = b / bw;
            memoryBound &= memory >= compute;
            linearSeconds += c.layers() * (dispatch + Math.max(compute, memory));
            linearFlops += c.layers() * f;
        }
        double headFlops = 2.0 * c.vocab() * c.dim();
        linearSeconds += dispatch + Math.max(headFlops / (etaCompute * peak), (double) BYTES * c.vocab() * c.dim() / bw);
        linearFlops += headFlops;

        double attentionFlops = 4.0 * contextTokens * c.heads() * c.headDim() * c.layers();
        double attentionSeconds = c.layers() * dispatch + attentionFlops
                / ((allCores ? p.attentionGflopsAllCores() : p.attentionGflopsOneThread()) * 1e9);

        double l1 = p.memoryLevels().isEmpty() ? p.triadGBpsDram() : p.memoryLevels().get(0).triadGBpsOneThread();
        // bytes the element-wise ops touch per layer: norms (3 D each), RoPE (2 q+k), SwiGLU (3 F), adds (3 D each)
        double serialBytesPerLayer = BYTES * (2.0 * 3 * c.dim() + 2.0 * (c.attentionDim() + c.kvDim())
                + 3.0 * c.ffnDim() + 2.0 * 3 * c.dim() + 2.0 * c.kvDim());
        double serialSeconds = c.layers() * (SERIAL_CALLS_PER_LAYER * p.callOverheadSeconds() + serialBytesPerLayer / (l1 * 1e9))
                + 2 * p.callOverheadSeconds() + BYTES * 4.0 * c.dim() / (l1 * 1e9);

        return new HostPrediction(contextTokens, weightBytes, kvBytes, linearFlops + attentionFlops,
                linearSeconds, attentionSeconds, serialSeconds, memoryBound);
    }

    /**
     * The compute efficiency of a decode GEMV: η_max of the GEMM-versus-M sweep, as the engine uses
     * it ({@link HostConstants#HALF_EFFICIENCY_TOKENS}: the slowness of small M is bandwidth, priced
     * by the memory term).
     */
    static double gemvComputeEfficiency(HostProfile p) {
        return HostConstants.fitEfficiency(p.gemmByM())[0];
    }
}
