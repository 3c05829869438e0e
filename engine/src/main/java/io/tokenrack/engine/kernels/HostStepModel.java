package io.tokenrack.engine.kernels;

import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.kernels.HostProfile.GemmPoint;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.perf.Fabric;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.StepModel;
import io.tokenrack.engine.perf.StepTime;
import io.tokenrack.engine.workload.Precision;
import java.util.List;

/**
 * Predicts the small transformer's decode step with the engine's own performance model
 * ({@link StepModel}), on this computer described as a device by its {@link HostProfile}: peak =
 * the measured FMA ceiling, bandwidth = the measured triad at the model's working set, and model
 * constants taken from the measurements instead of the GPU defaults (GEMM efficiency curve fitted
 * to the GEMM-versus-M sweep, memory efficiency = GEMV over triad bandwidth at that working set,
 * attention at its measured rate, per-layer overhead = kernel calls and element-wise work on the
 * caller thread). Where the GEMV outruns the triad (it only reads), the device's bandwidth is the
 * GEMV's and the efficiency 1: the product is the measured weight-streaming rate either way.
 */
public final class HostStepModel {
    private HostStepModel() {}

    /** One decode step (batch 1) at {@code contextTokens} on all workers or on one thread. */
    public static StepTime decode(LlamaConfig c, int contextTokens, HostProfile p, boolean allCores) {
        return stepModel(c, contextTokens, p, allCores).stage(1, contextTokens, 0, 0);
    }

    static StepModel stepModel(LlamaConfig c, int contextTokens, HostProfile p, boolean allCores) {
        double weightBytes = 4.0 * c.weightParamsReadPerToken();
        double kvBytes = 4.0 * 2 * c.layers() * (double) contextTokens * c.kvDim();
        long workingSet = (long) (weightBytes + kvBytes);
        double peak = (allCores ? p.peakGflopsAllCores() : p.peakGflopsOneThread()) * 1e9;
        double bw = Math.max(p.triadGBpsAt(workingSet, allCores), p.gemvGBpsAt(workingSet, allCores)) * 1e9;
        Device device = new Device("this-computer", peak, 0, 0, bw, Math.max(1, p.memoryBytes()), Double.NaN);
        Fabric none = new Fabric(1e12, 0, false);
        return new StepModel(ModelShape.of(spec(c)), device, Precision.FP32, Precision.FP32, 1, 1, 1, none, none,
                constants(c, p, allCores, workingSet, peak, bw));
    }

    /** The small model as a catalog model, so the engine can shape it like any preset. */
    static ModelSpec spec(LlamaConfig c) {
        double total = c.totalParams() / 1e9;
        return new ModelSpec("llama-small", "Llama-3.1-8B scaled down (kernel lab)", c.layers(), c.dim(), c.heads(),
                c.kvHeads(), c.headDim(), c.ffnDim(), c.vocab(), c.maxSeq(), false, null, null, null, total, total,
                "fp32", "deterministic random weights", List.of("kernels.LlamaConfig.small()"));
    }

    static ModelConstants constants(LlamaConfig c, HostProfile p, boolean allCores, long workingSet, double peak, double bw) {
        double[] fit = fitEfficiency(p.gemmByM());
        double memoryEfficiency = clampFraction(p.gemvGBpsAt(workingSet, allCores) * 1e9 / bw);
        double attention = (allCores ? p.attentionGflopsAllCores() : p.attentionGflopsOneThread()) * 1e9;
        double dispatch = allCores && p.threads() > 1 ? p.parallelCallOverheadSeconds() : p.callOverheadSeconds();
        double l1 = p.memoryLevels().isEmpty() ? p.triadGBpsDram() : p.memoryLevels().get(0).triadGBpsOneThread();
        // per layer: 5 parallel calls (QKV, attention, O, gate/up, down) and the element-wise work of
        // HostPrediction on the caller thread; per step: the LM-head call and the final norm
        double serialBytes = 4.0 * (2.0 * 3 * c.dim() + 2.0 * (c.attentionDim() + c.kvDim())
                + 3.0 * c.ffnDim() + 2.0 * 3 * c.dim() + 2.0 * c.kvDim());
        double layerOverhead = 5 * dispatch + HostPrediction.SERIAL_CALLS_PER_LAYER * p.callOverheadSeconds() + serialBytes / (l1 * 1e9);
        double stepOverhead = dispatch + 2 * p.callOverheadSeconds() + 4.0 * 4 * c.dim() / (l1 * 1e9);
        return new ModelConstants(fit[0], 1, 1, fit[1], memoryEfficiency,
                clampFraction(attention / peak), 1.0,
                stepOverhead, 0, layerOverhead,
                0, 0, 1.0, 1.0, 1.0, 0.9, 0.5, 8192, 1);
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

    private static double clampFraction(double v) {
        if (!(v > 0)) {
            return 1e-3;
        }
        return Math.min(1.0, v);
    }
}
