package io.tokenrack.engine.perf;

/**
 * The link a parallel group talks over: per-accelerator bandwidth in one direction and the fixed
 * latency of one collective. Inside a scale-up domain this is NVLink / Infinity Fabric / ICI;
 * across servers it is the scale-out NICs.
 */
public record Fabric(double bytesPerSecondPerDirection, double collectiveLatencySeconds, boolean scaleOut) {
    public Fabric {
        if (!(bytesPerSecondPerDirection > 0)) {
            throw new IllegalArgumentException("fabric bandwidth must be positive, was " + bytesPerSecondPerDirection);
        }
    }
}
