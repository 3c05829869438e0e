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
        io.tokenrack.engine.workload.Parallelism parallelism) {

    /** The point of an evaluation at {@code concurrency} requests. */
    static CurvePoint of(int concurrency, Evaluation.Ok e) {
        Throughput t = e.throughput();
        return new CurvePoint(concurrency, t.outputTokensPerSecond(), t.outputTokensPerSecondPerAccelerator(),
                t.totalTokensPerSecondPerAccelerator(), t.tokensPerSecondPerUser(), e.latency().ttftSeconds(), e.latency().tpotSeconds(),
                e.power().itWatts(), e.power().facilityWatts(), e.efficiency().outputTokensPerJoule(), e.cost().usdPerMillionOutputTokens(),
                e.bottleneck(), e.plan().parallelism());
    }
}
