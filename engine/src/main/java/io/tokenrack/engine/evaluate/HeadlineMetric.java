package io.tokenrack.engine.evaluate;

import java.util.function.ToDoubleFunction;

/** The headline numbers a range is carried to, each with its JSON name (the field of {@code evaluate --json}). */
public enum HeadlineMetric {
    OUTPUT_TOKENS_PER_SECOND("outputTokensPerSecond", e -> e.throughput().outputTokensPerSecond()),
    OUTPUT_TOKENS_PER_SECOND_PER_ACCELERATOR("outputTokensPerSecondPerAccelerator", e -> e.throughput().outputTokensPerSecondPerAccelerator()),
    TOKENS_PER_SECOND_PER_USER("tokensPerSecondPerUser", e -> e.throughput().tokensPerSecondPerUser()),
    TTFT_SECONDS("ttftSeconds", e -> e.latency().ttftSeconds()),
    TPOT_SECONDS("tpotSeconds", e -> e.latency().tpotSeconds()),
    IT_POWER_WATTS("itPowerWatts", e -> e.power().itWatts()),
    FACILITY_POWER_WATTS("facilityPowerWatts", e -> e.power().facilityWatts()),
    OUTPUT_TOKENS_PER_JOULE("outputTokensPerJoule", e -> e.efficiency().outputTokensPerJoule()),
    OUTPUT_TOKENS_PER_JOULE_FACILITY("outputTokensPerJouleFacility", e -> e.efficiency().outputTokensPerJouleFacility()),
    TOKENS_PER_SECOND_PER_PROVISIONED_MW("tokensPerSecondPerProvisionedMW", e -> e.efficiency().tokensPerSecondPerProvisionedMW()),
    USD_PER_HOUR("usdPerHour", e -> e.cost().totalUsdPerHour()),
    USD_PER_MILLION_OUTPUT_TOKENS("usdPerMillionOutputTokens", e -> e.cost().usdPerMillionOutputTokens());

    private final String jsonName;
    private final ToDoubleFunction<Evaluation.Ok> value;

    HeadlineMetric(String jsonName, ToDoubleFunction<Evaluation.Ok> value) {
        this.jsonName = jsonName;
        this.value = value;
    }

    public String jsonName() {
        return jsonName;
    }

    public double of(Evaluation.Ok e) {
        return value.applyAsDouble(e);
    }
}
