package io.tokenrack.engine.lab.host;

import io.tokenrack.engine.lab.host.HostProfile.GemmPoint;
import io.tokenrack.engine.perf.ModelConstants;
import java.util.List;

/**
 * The engine's {@link ModelConstants} for this computer, taken from its {@link HostProfile}
 * instead of the GPU-fitted defaults: η_max of the GEMM efficiency curve fitted to the
 * GEMM-versus-M sweep (M½ = {@link #HALF_EFFICIENCY_TOKENS}, see there), memory efficiency = GEMV (weight streaming) over the device bandwidth, attention at its
 * measured rate, per-layer overhead = five parallel kernel dispatches (QKV, attention, O,
 * gate/up, down) plus {@link HostPrediction#SERIAL_CALLS_PER_LAYER} element-wise calls on the
 * caller thread, per-step overhead = the LM-head dispatch and two calls. No collectives (one
 * host), no MoE penalty measured (1), engine limits as in the defaults.
 */
final class HostConstants {
    /**
     * M½ of the GEMM efficiency curve on a CPU: 0. A small-M GEMM is slower here because it streams
     * its weights from cache or memory for few FLOPs; that is a bandwidth limit, which the memory
     * term of the roofline already prices with the measured streaming rate. Fitting M½ to the
     * GEMM-versus-M sweep (≈ 5 on the development machine, η(1) ≈ 0.17) would count it twice, and
     * would make narrow weights (bf16, fp8, fp4 stored, fp32 math) look compute-bound at batch 1.
     */
    static final double HALF_EFFICIENCY_TOKENS = 0;

    private HostConstants() {}

    /**
     * @param peakFlops          the device's compute peak, FLOP/s
     * @param deviceBytesPerSecond the device's memory bandwidth the engine will use, bytes/s
     * @param streamingBytesPerSecond the measured GEMV rate at the working set of interest, bytes/s
     * @param serialSecondsPerLayer element-wise bytes per layer over L1 bandwidth (0 when not counted)
     * @param serialSecondsPerStep  the same per step
     * @param maxSequencesPerRank the engine's batch limit
     */
    static ModelConstants of(HostProfile p, boolean allCores, double peakFlops, double deviceBytesPerSecond,
                             double streamingBytesPerSecond, double serialSecondsPerLayer, double serialSecondsPerStep,
                             int maxSequencesPerRank) {
        double[] fit = fitEfficiency(p.gemmByM());
        double attention = (allCores ? p.attentionGflopsAllCores() : p.attentionGflopsOneThread()) * 1e9;
        double dispatch = allCores && p.threads() > 1 ? p.parallelCallOverheadSeconds() : p.callOverheadSeconds();
        double layerOverhead = 5 * dispatch + HostPrediction.SERIAL_CALLS_PER_LAYER * p.callOverheadSeconds() + serialSecondsPerLayer;
        double stepOverhead = dispatch + 2 * p.callOverheadSeconds() + serialSecondsPerStep;
        ModelConstants d = ModelConstants.DEFAULT;
        return new ModelConstants(fit[0], 1, 1, HALF_EFFICIENCY_TOKENS, clampFraction(streamingBytesPerSecond / deviceBytesPerSecond),
                clampFraction(attention / peakFlops), 1.0,
                stepOverhead, 0, layerOverhead,
                0, 0, 1.0, 1.0, 1.0, d.kvMemoryFraction(), d.outputResidency(), d.maxTokensPerStep(), maxSequencesPerRank);
    }

    /** L1 bandwidth of one thread (the element-wise work runs on the caller thread), bytes/s. */
    static double l1BytesPerSecond(HostProfile p) {
        return (p.memoryLevels().isEmpty() ? p.triadGBpsDram() : p.memoryLevels().get(0).triadGBpsOneThread()) * 1e9;
    }

    /**
     * Fits {@code eta(M) = etaMax * M / (M + mHalf)} to the GEMM-versus-M points by least squares
     * on {@code 1/eta = 1/etaMax + (mHalf/etaMax) / M}; returns {etaMax, mHalf}. With fewer than two
     * points: {best efficiency or 1, 0}.
     */
    static double[] fitEfficiency(List<GemmPoint> points) {
        if (points.size() < 2) {
            return new double[] {points.isEmpty() ? 1 : clampFraction(points.get(0).efficiency()), 0};
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = points.size();
        for (GemmPoint g : points) {
            double x = 1.0 / g.m();
            double y = 1.0 / g.efficiency();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double etaMax = intercept > 0 ? Math.min(1.0, 1.0 / intercept) : 1.0;
        double mHalf = Math.max(0, slope * etaMax);
        return new double[] {etaMax, mHalf};
    }

    static double clampFraction(double v) {
        if (!(v > 0)) {
            return 1e-3;
        }
        return Math.min(1.0, v);
    }
}
