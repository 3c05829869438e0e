package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Workload;
import java.util.Locale;

/**
 * One way to serve a model on a design: how the accelerators are used (aggregated: every replica
 * prefills and decodes), the layout of a replica, how many replicas, how many requests in flight,
 * and speculative decoding. A point of the throughput-versus-interactivity frontier carries one.
 *
 * @param mode        how prefill and decode share the accelerators
 * @param parallelism the layout of one replica (tp, pp, ep, dp), all degrees set
 * @param replicas    replicas serving requests
 * @param concurrency requests in flight across the design
 * @param speculative the speculative decoding used, "off" for none
 */
public record ServingConfig(Mode mode, Parallelism parallelism, int replicas, int concurrency, String speculative) {
    /** How prefill and decode share the accelerators. */
    public enum Mode {
        /** Every replica prefills and decodes: decode steps carry prefill chunks. */
        AGGREGATED("aggregated"),
        /** Attention–FFN disaggregation: attention and the KV cache on one kind of accelerator, the FFN of some layers on another. */
        AFD("afd");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final String NO_SPECULATION = "off";

    public ServingConfig {
        if (speculative == null || speculative.isBlank()) {
            speculative = NO_SPECULATION;
        }
        if (parallelism == null || parallelism.tp() == null || parallelism.pp() == null || parallelism.ep() == null
                || parallelism.dp() == null) {
            throw new IllegalArgumentException("a serving configuration sets every parallel degree, was " + parallelism);
        }
        if (replicas < 1 || concurrency < 1) {
            throw new IllegalArgumentException("replicas and concurrency must be at least 1, were " + replicas + " and " + concurrency);
        }
    }

    /** The configuration an evaluation chose (its layout, replicas and requests in flight). */
    public static ServingConfig of(Evaluation.Ok e) {
        ServingPlan plan = e.plan();
        int concurrency = (int) Math.clamp(Math.round(plan.concurrency()), 1, Integer.MAX_VALUE);
        Mode mode = e.notes().stream().anyMatch(n -> n instanceof Note.AttentionFfn) ? Mode.AFD : Mode.AGGREGATED;
        return new ServingConfig(mode, plan.parallelism(), Math.max(1, plan.replicas()), concurrency, plan.speculation().label());
    }

    /** The request that makes the evaluator use exactly this configuration's speculative decoding. */
    public SpeculationRequest speculation() {
        return SpeculationRequest.parse(speculative);
    }

    /** The workload that asks the evaluator for exactly this configuration (latency limits left out). */
    public Workload applyTo(Workload w) {
        return w.withoutLimits().withParallelism(parallelism).withConcurrency(concurrency);
    }

    /** "aggregated, tp 8 × dp 1 (pp 1, ep 1), 2 replicas, 64 requests in flight, no speculative decoding". */
    public String describe() {
        Parallelism p = parallelism;
        return String.format(Locale.ROOT, "%s, tp %d × dp %d (pp %d, ep %d), %,d %s, %,d %s in flight, %s", mode.label(), p.tp(), p.dp(),
                p.pp(), p.ep(), replicas, replicas == 1 ? "replica" : "replicas", concurrency, concurrency == 1 ? "request" : "requests",
                NO_SPECULATION.equals(speculative) ? "no speculative decoding" : "speculative decoding " + speculative);
    }
}
