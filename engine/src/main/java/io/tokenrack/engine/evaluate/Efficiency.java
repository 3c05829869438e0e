package io.tokenrack.engine.evaluate;

/**
 * Output per unit of power at the operating point; NaN where the power is not known.
 *
 * @param outputTokensPerJoule            output tokens per joule of IT energy
 * @param outputTokensPerJouleFacility    output tokens per joule at the facility meter (IT × PUE)
 * @param tokensPerSecondPerProvisionedMW output tokens/s per MW provisioned (nameplate IT × PUE)
 */
public record Efficiency(double outputTokensPerJoule, double outputTokensPerJouleFacility, double tokensPerSecondPerProvisionedMW) {}
