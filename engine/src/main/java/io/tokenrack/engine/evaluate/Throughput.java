package io.tokenrack.engine.evaluate;

/**
 * Tokens per second at the operating point, across the whole design.
 *
 * @param totalTokensPerSecondPerAccelerator input and output tokens per accelerator
 * @param tokensPerSecondPerUser             output tokens/s each request sees
 */
public record Throughput(
        double outputTokensPerSecond,
        double inputTokensPerSecond,
        double outputTokensPerSecondPerAccelerator,
        double totalTokensPerSecondPerAccelerator,
        double tokensPerSecondPerUser) {}
