package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.Speculation;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Workload;
import java.util.Locale;

/**
 * One way to serve a model on a design: how the accelerators are used (aggregated: every replica
 * prefills and decodes; disaggregated: a prefill and a decode pool; attention–FFN), the layout of a
 * replica, how many replicas, how many requests in flight, and speculative decoding. A point of the
 * throughput-versus-interactivity frontier carries one.
 *
 * @param mode        how prefill and decode share the accelerators
 * @param parallelism the layout of one replica (tp, pp, ep, dp), all degrees set; disaggregated: a decode replica's
 * @param replicas    replicas serving requests (disaggregated: prefill and decode replicas together)
 * @param concurrency requests in flight across the design
 * @param speculative the speculative decoding used ({@link Speculation#OFF} for none; disaggregated: the decode pool's)
 * @param split       which accelerators prefill and which decode: the pools of a disaggregated configuration
 */
public record ServingConfig(Mode mode, Parallelism parallelism, int replicas, int concurrency, Speculation speculative,
                            ServingSplit split) {
    /** How prefill and decode share the accelerators. */
    public enum Mode {
        /** Every replica prefills and decodes: decode steps carry prefill chunks. */
        AGGREGATED("aggregated"),
        /** A prefill pool and a decode pool (xPyD), the KV cache of each prompt moved from one to the other. */
        DISAGGREGATED("disaggregated"),
        /** Attention–FFN disaggregation: attention and the KV cache on one kind of accelerator, the FFN of some layers on another. */
        AFD("afd");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The serving mode that asks the engine for exactly this way of serving. */
        public ServingMode servingMode() {
            return switch (this) {
                case AGGREGATED -> ServingMode.AGGREGATED;
                case DISAGGREGATED -> ServingMode.DISAGGREGATED;
                case AFD -> ServingMode.AFD;
            };
        }
    }

    public ServingConfig {
        if (mode == null) {
            throw new IllegalArgumentException("a serving configuration has a mode");
        }
        if (speculative == null) {
            speculative = Speculation.OFF;
        }
        if (parallelism == null || parallelism.tp() == null || parallelism.pp() == null || parallelism.ep() == null
                || parallelism.dp() == null) {
            throw new IllegalArgumentException("a serving configuration sets every parallel degree, was " + parallelism);
        }
        if (replicas < 1 || concurrency < 1) {
            throw new IllegalArgumentException("replicas and concurrency must be at least 1, were " + replicas + " and " + concurrency);
        }
        if (mode == Mode.DISAGGREGATED && (split == null || !split.disaggregated()) || mode == Mode.AGGREGATED && split != null && split.disaggregated()) {
            throw new IllegalArgumentException("a disaggregated configuration carries its prefill/decode split, and only it");
        }
    }

    /** A configuration without prefill/decode pools (aggregated or attention–FFN). */
    public ServingConfig(Mode mode, Parallelism parallelism, int replicas, int concurrency, Speculation speculative) {
        this(mode, parallelism, replicas, concurrency, speculative, null);
    }

    /** The configuration an evaluation chose (its way of serving, layout, replicas, requests in flight and speculation). */
    public static ServingConfig of(Evaluation.Ok e) {
        ServingPlan plan = e.plan();
        int concurrency = (int) Math.clamp(Math.round(plan.concurrency()), 1, Integer.MAX_VALUE);
        boolean afd = e.notes().stream().anyMatch(n -> n instanceof Note.AttentionFfn);
        if (plan.split().disaggregated()) {
            // attention–FFN with prefill/decode pools carries its split too
            return new ServingConfig(afd ? Mode.AFD : Mode.DISAGGREGATED, plan.parallelism(), Math.max(1, plan.replicas()), concurrency, plan.speculation(),
                    plan.split());
        }
        Mode mode = e.notes().stream().anyMatch(n -> n instanceof Note.AttentionFfn) ? Mode.AFD : Mode.AGGREGATED;
        return new ServingConfig(mode, plan.parallelism(), Math.max(1, plan.replicas()), concurrency, plan.speculation());
    }

    /** The request that makes the evaluator use exactly this configuration's speculative decoding. */
    public SpeculationRequest speculation() {
        return SpeculationRequest.of(speculative);
    }

    /** The serving options that ask for this configuration's way of serving (disaggregated: its pools' sizes). */
    public ServingOptions options() {
        if (mode != Mode.DISAGGREGATED) {
            return new ServingOptions(mode.servingMode(), null, null, null);
        }
        // pools of another kind are the design's racks of that kind (a count does not apply), named by the kind
        return split.prefillAcceleratorId() == null
                ? new ServingOptions(ServingMode.DISAGGREGATED, split.prefillAccelerators(), split.decodeAccelerators(), null)
                : new ServingOptions(ServingMode.DISAGGREGATED, null, null, split.prefillAcceleratorId());
    }

    /**
     * The workload that asks the evaluator for exactly this configuration (latency limits left out;
     * its serving and speculative fields say this configuration's). Aggregated: its layout. Pooled
     * ways of serving keep the workload's layout, since their pools are laid out each on its own.
     */
    public Workload applyTo(Workload w) {
        Workload open = w.withoutLimits().withConcurrency(concurrency).withServing(mode.label()).withSpeculative(speculative.label());
        return mode == Mode.AGGREGATED ? open.withParallelism(parallelism) : open;
    }

    /**
     * "aggregated, tp 8 × dp 1 (pp 1, ep 1), 2 replicas, 64 requests in flight, no speculative decoding";
     * disaggregated: "disaggregated 1P3D (prefill tp 2 × dp 1 on 2, decode tp 2 × dp 1 on 6), decode tp 2 × dp 1 …".
     */
    public String describe() {
        Parallelism p = parallelism;
        String how = mode.label();
        if (split != null && split.disaggregated()) {
            Parallelism pp = split.prefillParallelism();
            how += String.format(Locale.ROOT, " %dP%dD (prefill tp %d × dp %d on %d, decode on %d)", split.prefillReplicas(),
                    split.decodeReplicas(), pp.tp(), pp.dp(), split.prefillAccelerators(), split.decodeAccelerators());
        }
        return String.format(Locale.ROOT, "%s, %stp %d × dp %d (pp %d, ep %d), %,d %s, %,d %s in flight, %s", how,
                mode == Mode.DISAGGREGATED ? "decode " : "", p.tp(), p.dp(), p.pp(), p.ep(), replicas, replicas == 1 ? "replica" : "replicas",
                concurrency, concurrency == 1 ? "request" : "requests",
                speculative.isOff() ? "no speculative decoding" : "speculative decoding " + speculative.label());
    }
}
