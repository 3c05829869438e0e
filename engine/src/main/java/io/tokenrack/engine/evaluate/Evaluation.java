package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.cost.CostModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating a design on a workload: {@link Ok} with the numbers, grouped, or
 * {@link Failed} with why there are none.
 */
public sealed interface Evaluation permits Evaluation.Ok, Evaluation.Failed {

    /** The outcome as one word (the JSON's {@code status}). */
    enum Status {
        OK, DOES_NOT_FIT, INVALID
    }

    /** The accelerator evaluated; null when the design could not even be read as a cluster. */
    String acceleratorId();

    String modelId();

    /** Accelerators in the design (0 when it could not be read). */
    int accelerators();

    /** Where the inputs came from. */
    List<Provenance> provenance();

    Status status();

    /** Why there are no numbers; empty for {@link Ok}. */
    String message();

    default boolean ok() {
        return this instanceof Ok;
    }

    /**
     * An evaluation with numbers. Figures that rest on an unpublished input (a TDP, a price) are NaN,
     * and a {@link Note} says so.
     *
     * @param racks per rack of the design, its modelled draw (empty for "N accelerators" clusters)
     * @param notes what to know beside the numbers
     */
    record Ok(
            String acceleratorId,
            String modelId,
            int accelerators,
            ServingPlan plan,
            Throughput throughput,
            Latency latency,
            Memory memory,
            PowerBreakdown power,
            Efficiency efficiency,
            CostBreakdown cost,
            Bottleneck bottleneck,
            List<RackDraw> racks,
            List<PhaseBreakdown> phases,
            List<Note> notes,
            List<Provenance> provenance) implements Evaluation {

        public Ok {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(bottleneck, "bottleneck");
            racks = List.copyOf(racks);
            phases = List.copyOf(phases);
            notes = List.copyOf(notes);
            provenance = List.copyOf(provenance);
        }

        @Override
        public Status status() {
            return Status.OK;
        }

        @Override
        public String message() {
            return "";
        }

        /** Whether some item publishes no power figure, so the network's (and the IT) power leaves it out. */
        public boolean networkPowerIncomplete() {
            return provenance.stream().anyMatch(p -> p.status() == Provenance.Status.NOT_COUNTED);
        }

        /** The notes as the words shown. */
        public List<String> noteTexts() {
            return notes.stream().map(Note::text).toList();
        }

        /** The breakdown of one phase, or null when the evaluation has none for it. */
        public PhaseBreakdown phase(Phase phase) {
            return phases.stream().filter(ph -> ph.phase() == phase).findFirst().orElse(null);
        }

        /**
         * $ per million output tokens if the design served {@code utilization} of the hours: the
         * design costs the same per hour whatever share of the hours it serves, so only the tokens
         * per hour change. NaN when the cost is unknown.
         */
        public double usdPerMillionOutputTokensAt(double utilization) {
            if (!(utilization > 0 && utilization <= 1)) {
                throw new IllegalArgumentException("utilization: must be in (0, 1], was " + utilization);
            }
            return CostModel.usdPerMillionTokens(cost.totalUsdPerHour(), throughput.outputTokensPerSecond(), utilization);
        }

        /** The cost at utilizations 1/steps, 2/steps, …, 1: the curve the cost chart draws. */
        public List<UtilizationPoint> utilizationSweep(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps: must be at least 1, was " + steps);
            }
            List<UtilizationPoint> out = new ArrayList<>(steps);
            for (int i = 1; i <= steps; i++) {
                double u = (double) i / steps;
                out.add(new UtilizationPoint(u, usdPerMillionOutputTokensAt(u)));
            }
            return List.copyOf(out);
        }
    }

    /**
     * An evaluation without numbers, and why.
     *
     * @param acceleratorId null when the design could not be read as a cluster
     * @param message       the reason in a sentence (e.g. the model does not fit, with the sizes)
     */
    record Failed(Failure failure, String message, String acceleratorId, String modelId, int accelerators, List<Provenance> provenance)
            implements Evaluation {

        /** Why there are no numbers. */
        public enum Failure {
            /** The model (or one request's KV cache, or the latency limits) does not fit the design. */
            DOES_NOT_FIT,
            /** The input cannot be evaluated (unknown id, impossible parallelism, prompt beyond the context, …). */
            INVALID
        }

        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(message, "message");
            provenance = List.copyOf(provenance);
        }

        @Override
        public Status status() {
            return switch (failure) {
                case DOES_NOT_FIT -> Status.DOES_NOT_FIT;
                case INVALID -> Status.INVALID;
            };
        }
    }
}
