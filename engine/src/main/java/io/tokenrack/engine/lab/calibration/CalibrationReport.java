package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.lab.host.HostPrediction;
import io.tokenrack.engine.lab.host.HostProfile;

/**
 * The result of {@code tokenrack calibrate}, as its JSON prints it: the headline numbers, the
 * small transformer's measured and predicted decode speed, energy where Linux exposes it, and
 * the full {@link HostProfile}.
 *
 * @param gemmGflopsPerCore     best large fp32 GEMM, one thread
 * @param gemmGflopsAllCores    best large fp32 GEMM, all workers
 * @param triadGBps             all-core triad at a DRAM working set, STREAM convention
 * @param triadElementType      "double": the triad streams fp64 elements
 * @param triadBytesPerElement  24: read b, read c, write a (write-allocate not counted)
 * @param transformerDecode     the small transformer decoding on all workers
 * @param transformerDecodeOneThread the same on one thread (robust where other work shares the cores)
 * @param measuredTokensPerJoule tokens per joule of package energy (all-core decode), null when energy is unavailable
 * @param launch                how this run got (or did not get) the Vector API module
 * @param loadAverageAtStart    the system's one-minute load average before calibrating (-1 where the OS gives none):
 *                              near or above the core count, other work shared the cores and the numbers are noisy
 */
public record CalibrationReport(
        double gemmGflopsPerCore,
        double gemmGflopsAllCores,
        double triadGBps,
        String triadElementType,
        int triadBytesPerElement,
        TransformerDecode transformerDecode,
        TransformerDecode transformerDecodeOneThread,
        boolean energyAvailable,
        String energyNote,
        Double measuredTokensPerJoule,
        String kernelPath,
        String kernelPathReason,
        String launch,
        double loadAverageAtStart,
        double elapsedSeconds,
        HostProfile hostProfile) {

    /**
     * The small Llama-architecture decoder run on this computer.
     *
     * @param contextTokens           average KV-cache length over the timed tokens
     * @param measuredTokensPerSecond 1 / median step time
     * @param measuredMsPerTokenP10   10th percentile step time, ms
     * @param measuredMsPerTokenP90   90th percentile step time, ms
     * @param predictedTokensPerSecond the engine's step model (perf.StepModel) on the host profile
     * @param predictionErrorPercent  (predicted - measured) / measured x 100
     * @param kernelLabPredictedTokensPerSecond the kernel lab's own operator count ({@link HostPrediction}), a cross-check
     * @param predictedBound          what the engine says limits the step
     * @param streamingGBpsDuringDecode the GEMV (weight-streaming) rate at the model's working set that the
     *                                prediction used, re-measured between the decode generations ({@link GemvCheck});
     *                                null in reports saved before it was measured
     */
    public record TransformerDecode(
            String model,
            int layers,
            int hiddenSize,
            int heads,
            int kvHeads,
            int ffnSize,
            int vocabSize,
            long parameters,
            double weightBytesPerToken,
            int threads,
            int contextTokens,
            int timedTokens,
            double measuredTokensPerSecond,
            double measuredMsPerTokenP10,
            double measuredMsPerTokenP90,
            double predictedTokensPerSecond,
            double predictionErrorPercent,
            double kernelLabPredictedTokensPerSecond,
            String predictedBound,
            Double streamingGBpsDuringDecode) {}
}
