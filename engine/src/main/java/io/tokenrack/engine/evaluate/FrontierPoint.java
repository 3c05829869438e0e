package io.tokenrack.engine.evaluate;

/** A point of the throughput-versus-interactivity frontier and the serving configuration that reaches it. */
public record FrontierPoint(CurvePoint point, ServingConfig config) {
    /** An evaluation's operating point with the configuration it chose. */
    public static FrontierPoint of(Evaluation.Ok e) {
        ServingConfig c = ServingConfig.of(e);
        return new FrontierPoint(CurvePoint.of(c.concurrency(), e), c);
    }

    public double tokensPerSecondPerUser() {
        return point.tokensPerSecondPerUser();
    }

    public double outputTokensPerSecondPerAccelerator() {
        return point.outputTokensPerSecondPerAccelerator();
    }
}
