package io.tokenrack.engine.lab.host;

import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.kernels.llama.LlamaConfig;
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
                "fp32", "deterministic random weights", List.of("kernels.llama.LlamaConfig.small()"));
    }

    static ModelConstants constants(LlamaConfig c, HostProfile p, boolean allCores, long workingSet, double peak, double bw) {
        double l1 = HostConstants.l1BytesPerSecond(p);
        // the element-wise work of HostPrediction on the caller thread: per layer and per step
        double serialBytes = 4.0 * (2.0 * 3 * c.dim() + 2.0 * (c.attentionDim() + c.kvDim())
                + 3.0 * c.ffnDim() + 2.0 * 3 * c.dim() + 2.0 * c.kvDim());
        return HostConstants.of(p, allCores, peak, bw, p.gemvGBpsAt(workingSet, allCores) * 1e9,
                serialBytes / l1, 4.0 * 4 * c.dim() / l1, 1);
    }
}
