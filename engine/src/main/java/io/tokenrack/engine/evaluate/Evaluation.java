package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.workload.Parallelism;
import java.util.List;

/**
 * The result of evaluating a design on a workload. When {@link #status()} is not OK the numbers
 * are NaN and {@link #message()} says why in a sentence (e.g. the model does not fit, with the
 * sizes).
 *
 * @param concurrency            requests in flight across the design (served, not queued)
 * @param replicas               model replicas the accelerators form
 * @param acceleratorsUsed       accelerators in those replicas (the rest idle)
 */
public record Evaluation(
        Status status,
        String message,
        String acceleratorId,
        String modelId,
        int accelerators,
        int acceleratorsUsed,
        int replicas,
        Parallelism parallelism,
        double concurrency,
        int maxConcurrency,
        double outputTokensPerSecond,
        double inputTokensPerSecond,
        double outputTokensPerSecondPerAccelerator,
        double totalTokensPerSecondPerAccelerator,
        double tokensPerSecondPerUser,
        double ttftSeconds,
        double tpotSeconds,
        double weightBytesPerAccelerator,
        double kvCacheBytesPerAccelerator,
        PowerBreakdown power,
        double outputTokensPerJoule,
        double outputTokensPerJouleFacility,
        double tokensPerSecondPerProvisionedMW,
        CostBreakdown cost,
        Bottleneck bottleneck,
        List<PhaseBreakdown> phases,
        List<String> notes,
        List<Provenance> provenance) {

    public enum Status {
        OK, DOES_NOT_FIT, INVALID
    }

    public Evaluation {
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
        provenance = List.copyOf(provenance);
    }

    /** Whether some network item publishes no power figure, so the network's (and the IT) power leaves it out. */
    public boolean networkPowerIncomplete() {
        return provenance.stream().anyMatch(p -> Provenance.NOT_COUNTED.equals(p.value()));
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public double itPowerWatts() {
        return power.itWatts();
    }

    public double facilityPowerWatts() {
        return power.facilityWatts();
    }

    public double usdPerMillionOutputTokens() {
        return cost.usdPerMillionOutputTokens();
    }

    static Evaluation failed(Status status, String message, String acceleratorId, String modelId, int accelerators, List<Provenance> provenance) {
        double n = Double.NaN;
        return new Evaluation(status, message, acceleratorId, modelId, accelerators, 0, 0, Parallelism.AUTO, n, 0,
                n, n, n, n, n, n, n, n, n,
                new PowerBreakdown(n, n, n, n, n, n, n, n), n, n, n,
                new CostBreakdown(n, n, n, n, n, n, n), null, List.of(), List.of(), provenance);
    }
}
