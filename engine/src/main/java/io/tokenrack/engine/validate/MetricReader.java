package io.tokenrack.engine.validate;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Evaluation;

/** Reads a calibration row's {@code metric} (a numeric field of {@code evaluate --json}) from an evaluation. */
@FunctionalInterface
public interface MetricReader {
    /**
     * The value of {@code metric} in {@code e}.
     *
     * @throws InputException when {@code metric} is not a numeric field
     */
    double read(Evaluation.Ok e, String metric);

    /** The headline fields, read without building the JSON: what the fit and the accuracy gate use. */
    MetricReader HEADLINE = (e, metric) -> switch (metric) {
        case "outputTokensPerSecondPerAccelerator" -> e.throughput().outputTokensPerSecondPerAccelerator();
        case "outputTokensPerSecond" -> e.throughput().outputTokensPerSecond();
        case "inputTokensPerSecond" -> e.throughput().inputTokensPerSecond();
        case "totalTokensPerSecondPerAccelerator" -> e.throughput().totalTokensPerSecondPerAccelerator();
        case "tokensPerSecondPerUser" -> e.throughput().tokensPerSecondPerUser();
        case "ttftSeconds" -> e.latency().ttftSeconds();
        case "tpotSeconds" -> e.latency().tpotSeconds();
        case "itPowerWatts" -> e.power().itWatts();
        case "outputTokensPerJoule" -> e.efficiency().outputTokensPerJoule();
        default -> throw new InputException("metric '" + metric + "' is not one of the headline fields");
    };
}
