package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Workload;

/**
 * Evaluates a cluster served aggregated, disaggregated (prefill and decode pools) or whichever of
 * the two serves the operating point better ({@link ServingMode#AUTO}): the one that meets the
 * workload's limits, then the one with more output tokens per second. Pure, like {@link Evaluator}.
 */
public final class ServingSearch {
    private final Evaluator evaluator;
    private final DisaggregatedEvaluator disaggregated;

    public ServingSearch(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.disaggregated = new DisaggregatedEvaluator(evaluator.catalog());
    }

    /**
     * A design, as {@link #evaluate(Cluster, Workload, Assumptions, Batching, ServingOptions)}; a
     * design with two kinds of accelerator (each in racks of its own) is served disaggregated, the
     * racks of one kind prefilling and the other's decoding: the kind named by the options'
     * prefill accelerator, else whichever assignment serves better.
     */
    public Evaluation evaluate(io.tokenrack.engine.design.RackDesign design, Workload w, Assumptions a, Batching batching,
                               ServingOptions options) {
        return evaluate(design, w, a, batching, options, SpeculationRequest.AUTO);
    }

    /** As above, aggregated serving with the speculative decoding asked for. */
    public Evaluation evaluate(io.tokenrack.engine.design.RackDesign design, Workload w, Assumptions a, Batching batching,
                               ServingOptions options, SpeculationRequest speculation) {
        java.util.List<String> kinds = DesignPools.kinds(design, evaluator.catalog());
        String refused = refusal(kinds, options.mode(), batching);
        if (refused != null) {
            throw new EvaluationException(refused);
        }
        if (kinds.size() <= 1) {
            Cluster cluster;
            try {
                cluster = evaluator.clusters().fromDesign(design);
            } catch (io.tokenrack.engine.catalog.InputException e) {
                // a design that does not resolve (no accelerators, an unknown item) fails as Evaluator.evaluate(design) does
                return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), null, w.modelId(), 0, java.util.List.of());
            }
            return evaluate(cluster, w, a, batching, options, speculation);
        }
        boolean joined = DesignPools.hasSwitch(design, evaluator.catalog());
        if (options.mode() == ServingMode.AFD) {
            return joined ? new AttentionFfnEvaluator(evaluator).evaluate(design, w, a, speculation) : unjoined(design, kinds, w);
        }
        if (options.prefillCount() != null || options.decodeCount() != null) {
            throw new EvaluationException("the design's racks make the pools: a prefill or decode count does not apply to a design with two kinds");
        }
        if (options.prefillAcceleratorId() != null && !kinds.contains(options.prefillAcceleratorId())) {
            throw new EvaluationException("the prefill accelerator " + options.prefillAcceleratorId() + " is not in the design, which holds "
                    + kinds.get(0) + " and " + kinds.get(1));
        }
        Evaluation best = null;
        for (String prefill : kinds) {
            if (options.prefillAcceleratorId() != null && !options.prefillAcceleratorId().equals(prefill)) {
                continue;
            }
            String decode = kinds.get(0).equals(prefill) ? kinds.get(1) : kinds.get(0);
            Cluster p = evaluator.clusters().poolOf(design, prefill, false);
            Cluster d = evaluator.clusters().poolOf(design, decode, true);
            String small = tooSmall(p, w) != null ? tooSmall(p, w) : tooSmall(d, w);
            // a pool whose memory cannot hold the weights is refused before its layouts are searched (on SRAM chips that search is long)
            Evaluation e = small != null
                    ? new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, small, d.accelerator().id(), w.modelId(),
                            p.accelerators() + d.accelerators(), d.provenance())
                    : joined
                    ? disaggregated.evaluate(withNic(d), withNic(p), w, a, speculation)
                    : new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, "the design's " + prefill + " and " + decode
                            + " racks have no switch between them to move the KV cache", d.accelerator().id(), w.modelId(),
                            p.accelerators() + d.accelerators(), d.provenance());
            if (best == null || better(e, best)) {
                best = e;
            }
        }
        if (options.mode() == ServingMode.AUTO && options.prefillAcceleratorId() == null && joined) {
            // auto: attention–FFN disaggregation too, whichever serves the operating point better
            Evaluation afd = new AttentionFfnEvaluator(evaluator).evaluate(design, w, a, speculation);
            // when neither serves, attention–FFN's refusal says the best speed the design reaches
            if (best == null || better(afd, best) || !(best instanceof Evaluation.Ok) && !(afd instanceof Evaluation.Ok)) {
                best = afd;
            }
        }
        return best;
    }

    /**
     * A design with two kinds of accelerators served with continuous batching as {@code options} and
     * {@code speculation} ask: what {@link Evaluator#evaluate(io.tokenrack.engine.design.RackDesign, Workload, Assumptions)}
     * (the app) and the CLI's {@code evaluate --design} both run, so they agree. Input the search cannot
     * serve comes back as a failed evaluation carrying its message instead of an exception.
     */
    public Evaluation evaluateMixed(io.tokenrack.engine.design.RackDesign design, Workload w, Assumptions a, ServingOptions options,
                                    SpeculationRequest speculation) {
        try {
            return evaluate(design, w, a, Batching.CONTINUOUS, options, speculation);
        } catch (io.tokenrack.engine.catalog.InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), null, w.modelId(), 0, java.util.List.of());
        }
    }

    /** Why a design with these kinds of accelerator cannot be served in {@code mode}, or null when it can be tried. */
    private static String refusal(java.util.List<String> kinds, ServingMode mode, Batching batching) {
        if (mode == ServingMode.AFD && kinds.size() != 2) {
            return "attention–FFN disaggregation needs a design with two kinds of accelerators (attention and the "
                    + "KV cache on one, the FFN on the other); this one holds " + String.join(", ", kinds);
        }
        if (kinds.size() > 2) {
            return "the design holds " + kinds.size() + " kinds of accelerator (" + String.join(", ", kinds)
                    + "); disaggregated serving takes two, one for the prefill pool and one for the decode pool";
        }
        if (kinds.size() == 2 && (mode == ServingMode.AGGREGATED || batching == Batching.STATIC)) {
            return "the design mixes accelerators (" + kinds.get(0) + " and " + kinds.get(1)
                    + "): it serves only as two pools (continuous batching): attention and FFN (afd) or prefill and decode (disaggregated)";
        }
        return null;
    }

    /**
     * The engine's sentence refusing the serving and speculative decoding a workload asks of a design
     * (attention–FFN on one kind of accelerator, aggregated serving of two kinds, disaggregated serving
     * of one accelerator, MTP for a model without MTP modules, a draft model that cannot draft for
     * it), or empty when the evaluation can try it. Cheap: nothing is evaluated. What the app asks
     * before it accepts a change of serving, so that a refused choice is never stored.
     */
    public java.util.Optional<String> refusal(io.tokenrack.engine.design.RackDesign design, Workload w) {
        try {
            ServingOptions options = WorkloadServing.options(w);
            SpeculationRequest speculation = WorkloadServing.speculation(w);
            java.util.List<String> kinds = DesignPools.kinds(design, evaluator.catalog());
            String refused = refusal(kinds, options.mode(), Batching.CONTINUOUS);
            if (refused == null && kinds.size() == 1 && options.mode() == ServingMode.DISAGGREGATED && accelerators(design) < 2) {
                refused = "disaggregated serving needs at least 2 accelerators (a prefill and a decode pool); the design has 1";
            }
            if (refused != null) {
                return java.util.Optional.of(refused);
            }
            speculation.candidates(evaluator.catalog().model(w.modelId()), evaluator.catalog());
            return java.util.Optional.empty();
        } catch (io.tokenrack.engine.catalog.InputException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** The design's accelerators; when it cannot be resolved, 2 (nothing refused here: its evaluation says why). */
    private int accelerators(io.tokenrack.engine.design.RackDesign design) {
        try {
            return evaluator.clusters().fromDesign(design).accelerators();
        } catch (io.tokenrack.engine.catalog.InputException e) {
            return 2;
        }
    }

    /** Why {@code pool} cannot hold the model's weights at the workload's precision in all its memory together, or null when it may. */
    private String tooSmall(Cluster pool, Workload w) {
        try {
            io.tokenrack.engine.perf.ModelShape shape = io.tokenrack.engine.perf.ModelShape.of(evaluator.catalog().model(w.modelId()));
            double weights = shape.totalParams() * w.precision().bytesPerElement();
            double memory = pool.accelerators() * pool.accelerator().memoryBytes();
            return weights > memory ? String.format(java.util.Locale.ROOT, "the weights of %s (%s GB at %s) do not fit in the %d × %s (%s GB together)",
                    w.modelId(), Evaluator.plain(weights / 1e9), w.precision().label(), pool.accelerators(), pool.accelerator().id(),
                    Evaluator.plain(memory / 1e9)) : null;
        } catch (io.tokenrack.engine.catalog.InputException e) {
            return null; // the search says what is wrong
        }
    }

    /** Two kinds of accelerators in racks no switch joins: neither attention–FFN nor prefill–decode pools can talk. */
    private Evaluation unjoined(io.tokenrack.engine.design.RackDesign design, java.util.List<String> kinds, Workload w) {
        return new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, "the design's " + kinds.get(0) + " and " + kinds.get(1)
                + " racks have no switch between them to carry the activations", kinds.get(0), w.modelId(), 0, java.util.List.of());
    }

    /**
     * @throws EvaluationException for combinations that cannot be served (static batching disaggregated,
     *                             pools larger than the design, a decode count beside another prefill accelerator)
     */
    public Evaluation evaluate(Cluster cluster, Workload w, Assumptions a, Batching batching, ServingOptions options) {
        return evaluate(cluster, w, a, batching, options, SpeculationRequest.AUTO);
    }

    /**
     * As above, with the speculative decoding asked for: aggregated replicas and the disaggregated
     * decode pool run it (the prefill pool does not draft); {@code auto} tries off and each draft depth.
     */
    public Evaluation evaluate(Cluster cluster, Workload w, Assumptions a, Batching batching, ServingOptions options,
                               SpeculationRequest speculation) {
        if (options.mode() == ServingMode.AFD) {
            throw new EvaluationException("attention–FFN disaggregation needs a design with two kinds of accelerators (attention and the "
                    + "KV cache on one, the FFN on the other)");
        }
        ServingMode mode = options.poolsGiven() && options.mode() == ServingMode.AUTO ? ServingMode.DISAGGREGATED : options.mode();
        if (mode == ServingMode.AGGREGATED) {
            return evaluator.evaluate(cluster, w, a, batching, speculation);
        }
        if (!io.tokenrack.engine.power.OperatingPoint.MAX_P.equals(evaluator.operatingPoint())) {
            // the pools are modelled at full clocks: a power cap or Max-Q serves aggregated
            if (mode == ServingMode.DISAGGREGATED) {
                throw new EvaluationException("disaggregated serving is modelled at full clocks (Max-P); leave out the operating point or the power cap");
            }
            return evaluator.evaluate(cluster, w, a, batching, speculation);
        }
        if (batching == Batching.STATIC) {
            if (mode == ServingMode.DISAGGREGATED) {
                throw new EvaluationException("disaggregated serving is modelled with continuous batching, not static");
            }
            return evaluator.evaluate(cluster, w, a, batching, speculation);
        }
        if (mode == ServingMode.DISAGGREGATED) {
            return disaggregated(cluster, w, a, options, speculation);
        }
        Evaluation together = evaluator.evaluate(cluster, w, a, batching, speculation);
        if (together instanceof Evaluation.Failed f && f.failure() == Evaluation.Failed.Failure.INVALID || cluster.accelerators() < 2) {
            return together;
        }
        // splits that cannot beat aggregated serving within the limits are not worth evaluating
        double floor = together instanceof Evaluation.Ok t && t.notes().stream().noneMatch(n -> n instanceof Note.LimitsNotMet)
                ? t.throughput().outputTokensPerSecond() : 0;
        Evaluation apart = disaggregated.evaluate(cluster, null, null, w, a, floor, speculation);
        return better(apart, together) ? apart : together;
    }

    private Evaluation disaggregated(Cluster cluster, Workload w, Assumptions a, ServingOptions o, SpeculationRequest speculation) {
        if (o.prefillAcceleratorId() != null) {
            if (o.prefillCount() == null) {
                throw new EvaluationException("a prefill accelerator beside the design's needs a prefill count (how many of "
                        + o.prefillAcceleratorId() + ")");
            }
            if (o.decodeCount() != null && o.decodeCount() != cluster.accelerators()) {
                throw new EvaluationException("with another prefill accelerator the design's " + cluster.accelerators()
                        + " accelerators all decode: a decode count of " + o.decodeCount() + " does not match");
            }
            Cluster prefill = evaluator.clusters().standard(o.prefillAcceleratorId(), o.prefillCount());
            // the design's accelerators meet the other pool through their NICs, even when they fill one domain
            Cluster decode = cluster.accelerators() <= cluster.scaleUpDomain() ? withNic(cluster) : cluster;
            return disaggregated.evaluate(decode, withNic(prefill), w, a, speculation);
        }
        return disaggregated.evaluate(cluster, o.prefillCount(), o.decodeCount(), w, a, 0, speculation);
    }

    /** A pool of another kind reaches the design only through its NICs, even when it fits one scale-up domain. */
    private Cluster withNic(Cluster c) {
        if (c.scaleOutBytesPerSecondPerAccelerator() > 0) {
            return c;
        }
        double nic = evaluator.clusters().nicBytesPerSecondPerAccelerator(c.accelerator().id());
        return new Cluster(c.accelerator(), c.accelerators(), c.scaleUpDomain(), nic, c.hostNameplateWatts(), c.networkWatts(), c.pue(),
                c.provisionedItWatts(), c.capexUsd(), c.racks(), c.provenance());
    }

    /**
     * The concurrency sweep served disaggregated (each point's split, layouts and operating point
     * searched anew), from one request to the most the best split holds, {@code points} log-spaced,
     * latency limits left out: the disaggregated side of a throughput-vs-interactivity frontier.
     * Each point's {@code plan().split()} says its configuration. Empty when no split fits.
     */
    public java.util.List<Evaluation.Ok> disaggregatedSweep(Cluster cluster, Workload w, Assumptions a, int points) {
        return disaggregatedSweep(cluster, w, a, points, SpeculationRequest.OFF);
    }

    /** As above, the decode pool running the speculative decoding asked for. */
    public java.util.List<Evaluation.Ok> disaggregatedSweep(Cluster cluster, Workload w, Assumptions a, int points,
                                                            SpeculationRequest speculation) {
        if (cluster.accelerators() < 2 || points < 1) {
            return java.util.List.of();
        }
        Workload open = w.withConcurrency(null).withoutLimits();
        if (!(disaggregated.evaluate(cluster, null, null, open, a, 0, speculation) instanceof Evaluation.Ok top)) {
            return java.util.List.of();
        }
        int max = (int) Math.clamp(Math.round(top.plan().concurrency()), 1, Integer.MAX_VALUE);
        java.util.List<Evaluation.Ok> out = new java.util.ArrayList<>(points);
        int last = 0;
        for (int i = 0; i < points; i++) {
            double f = points == 1 ? 1 : (double) i / (points - 1);
            int c = Math.max(last + 1, (int) Math.round(Math.exp(f * Math.log(max))));
            if (c > max) {
                break;
            }
            last = c;
            if (disaggregated.evaluate(cluster, null, null, open.withConcurrency(c), a, 0, speculation) instanceof Evaluation.Ok e) {
                out.add(e);
            }
        }
        return java.util.List.copyOf(out);
    }

    /** Whether {@code a} serves better than {@code b}: it has numbers, then meets the limits, then more output tokens/s. */
    static boolean better(Evaluation a, Evaluation b) {
        if (!(a instanceof Evaluation.Ok x)) {
            return false;
        }
        if (!(b instanceof Evaluation.Ok y)) {
            return true;
        }
        boolean mx = x.notes().stream().noneMatch(n -> n instanceof Note.LimitsNotMet);
        boolean my = y.notes().stream().noneMatch(n -> n instanceof Note.LimitsNotMet);
        if (mx != my) {
            return mx;
        }
        return x.throughput().outputTokensPerSecond() > y.throughput().outputTokensPerSecond() * 1.0001;
    }
}
