package io.tokenrack.engine.evaluate;

/** A point of the throughput-versus-interactivity frontier and the serving configuration that reaches it. */
public record FrontierPoint(CurvePoint point, ServingConfig config) {
    public double tokensPerSecondPerUser() {
        return point.tokensPerSecondPerUser();
    }

    public double outputTokensPerSecondPerAccelerator() {
        return point.outputTokensPerSecondPerAccelerator();
    }
}
