package io.tokenrack.engine.evaluate;

/**
 * Cost per hour of the whole design and per million tokens; NaN when the catalog has no price.
 *
 * @param usdPerMillionOutputTokens all hardware hours charged to generated tokens (as InferenceMAX reports)
 * @param usdPerMillionInputTokens  the prefill share of the hours charged to prompt tokens
 */
public record CostBreakdown(
        double capitalUsdPerHour,
        double energyUsdPerHour,
        double facilityUsdPerHour,
        double totalUsdPerHour,
        double usdPerAcceleratorHour,
        double usdPerMillionOutputTokens,
        double usdPerMillionInputTokens) {}
