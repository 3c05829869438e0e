package io.tokenrack.engine.evaluate;

/** The cost per million output tokens if the design served {@code utilization} of the hours at its operating point. */
public record UtilizationPoint(double utilization, double usdPerMillionOutputTokens) {}
