package io.tokenrack.engine.evaluate;

/** One point of a concurrency sweep (the Pareto view: throughput per accelerator against tokens/s per user), on its own best layout. */
public record CurvePoint(
        int concurrency,
        double outputTokensPerSecond,
        double outputTokensPerSecondPerAccelerator,
        double totalTokensPerSecondPerAccelerator,
        double tokensPerSecondPerUser,
        double ttftSeconds,
        double tpotSeconds,
        double itPowerWatts,
        double facilityPowerWatts,
        double outputTokensPerJoule,
        double usdPerMillionOutputTokens,
        Bottleneck bottleneck,
        io.tokenrack.engine.workload.Parallelism parallelism) {}
