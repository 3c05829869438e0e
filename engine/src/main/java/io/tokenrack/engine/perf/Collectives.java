package io.tokenrack.engine.perf;

/**
 * α–β collective times (docs/model-reference.md §5; GenZ collective_times.py and the NCCL-tests
 * bus-bandwidth convention). {@code bytes} is the message size held by each participant.
 */
public final class Collectives {
    private Collectives() {}

    /** Ring all-reduce: α + 2(p−1)/p · M / (η·β). */
    public static double allReduce(int p, double bytes, Fabric f, double linkEfficiency) {
        if (p <= 1) {
            return 0;
        }
        return f.collectiveLatencySeconds() + 2.0 * (p - 1) / p * bytes / (linkEfficiency * f.bytesPerSecondPerDirection());
    }

    /** All-to-all (MoE dispatch or combine): α + (p−1)/p · M / (η·β). */
    public static double allToAll(int p, double bytes, Fabric f, double linkEfficiency) {
        if (p <= 1) {
            return 0;
        }
        return f.collectiveLatencySeconds() + (double) (p - 1) / p * bytes / (linkEfficiency * f.bytesPerSecondPerDirection());
    }

    /**
     * All-to-all over {@code p} ranks in scale-up domains of {@code domain}: the (domain − 1)/p share
     * of the message bound for peers in the own domain crosses the scale-up link while the (p − domain)/p
     * share for other domains crosses the NICs, at once:
     * α_out + max((d−1)/p · M / (η·β_up), (p−d)/p · M / (η·β_out)).
     */
    public static double allToAllHierarchical(int p, int domain, double bytes, Fabric scaleUp, Fabric scaleOut, double linkEfficiency) {
        if (p <= 1) {
            return 0;
        }
        if (domain >= p) {
            return allToAll(p, bytes, scaleUp, linkEfficiency);
        }
        double inside = (double) (domain - 1) / p * bytes / (linkEfficiency * scaleUp.bytesPerSecondPerDirection());
        double outside = (double) (p - domain) / p * bytes / (linkEfficiency * scaleOut.bytesPerSecondPerDirection());
        return Math.max(scaleUp.collectiveLatencySeconds(), scaleOut.collectiveLatencySeconds()) + Math.max(inside, outside);
    }

    /** Point-to-point send between pipeline stages: α + M / (η·β). */
    public static double send(double bytes, Fabric f, double linkEfficiency) {
        return f.collectiveLatencySeconds() + bytes / (linkEfficiency * f.bytesPerSecondPerDirection());
    }
}
