package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.perf.AttentionFfnSplit;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.OperatorClass;
import io.tokenrack.engine.perf.ServingPoint;
import io.tokenrack.engine.perf.StepModel;
import io.tokenrack.engine.perf.StepTime;
import io.tokenrack.engine.power.PowerModel;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attention–FFN disaggregation on a design with two kinds of accelerators: the kind with the most
 * memory per chip (the GPUs) prefills, runs attention and holds the KV cache; the other (LPUs) runs
 * the FFN / experts of as many layers as its memory holds, one group of chips per layer
 * ({@link AttentionFfnSplit}). Searched: how many of the GPUs join (whole scale-up domains, so the
 * GPU:LPU ratio), their layout, the micro-batches and the concurrency; the best throughput that
 * meets the workload's limits wins, as in {@link Evaluator}.
 */
public final class AttentionFfnEvaluator {
    static final int[] MICRO_BATCHES = {1, 2, 3, 4};

    private final Evaluator evaluator;

    public AttentionFfnEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** AFD on a design that mixes two kinds of accelerators, speculative decoding as {@code auto} chooses it. */
    public Evaluation evaluate(RackDesign design, Workload w, Assumptions a) {
        return evaluate(design, w, a, SpeculationRequest.AUTO);
    }

    /** AFD on a design that mixes two kinds of accelerators, with the speculative decoding asked for. */
    public Evaluation evaluate(RackDesign design, Workload w, Assumptions a, SpeculationRequest speculation) {
        Map<String, Cluster> parts;
        List<Cluster> pools = new ArrayList<>();
        try {
            parts = evaluator.clusters().splitPools(design); // resolved once per design object
            pools.addAll(parts.values());
        } catch (InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), null, w.modelId(), 0, List.of());
        }
        if (pools.size() != 2) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, "attention–FFN disaggregation needs a design with two kinds of "
                    + "accelerators (one for attention and the KV cache, one for the FFN); this one has " + (pools.isEmpty() ? "none" : String.join(", ", parts.keySet())),
                    pools.isEmpty() ? null : pools.getFirst().accelerator().id(), w.modelId(), pools.stream().mapToInt(Cluster::accelerators).sum(), List.of());
        }
        boolean firstAttends = pools.get(0).accelerator().memoryBytes() >= pools.get(1).accelerator().memoryBytes();
        Cluster attn = firstAttends ? pools.get(0) : pools.get(1);
        Cluster ffn = firstAttends ? pools.get(1) : pools.get(0);
        Evaluation together = evaluate(attn, ffn, w, a, speculation);
        if (together instanceof Evaluation.Failed f && f.failure() == Evaluation.Failed.Failure.INVALID) {
            return together;
        }
        // the GPUs split into a prefill pool and a decode pool, the decode pool's FFN layers on the FFN chips: whichever serves better
        Evaluation pooled = withPools(attn, ffn, w, a, speculation);
        if (!pooled.ok() && !together.ok() && together instanceof Evaluation.Failed f && f.failure() == Evaluation.Failed.Failure.DOES_NOT_FIT
                && (w.ttftLimitMs() != null || w.tpotLimitMs() != null || w.minTokensPerSecondPerUser() != null)) {
            // neither meets the limits: say the best speed one request gets either way
            Workload one = w.withoutLimits().withConcurrency(1);
            double best = Math.max(perUser(evaluate(attn, ffn, one, a, speculation)), perUser(withPools(attn, ffn, one, a, speculation)));
            if (best > 0) {
                return new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, "no configuration meets the latency limits with attention–FFN "
                        + "disaggregation on " + attn.accelerators() + " × " + attn.accelerator().id() + " + " + ffn.accelerators() + " × "
                        + ffn.accelerator().id() + " (the GPUs shared by prefill and decode, or split into prefill and decode pools); one request "
                        + "alone gets at best " + Evaluator.plain(best) + " tokens/s per user", f.acceleratorId(), f.modelId(), f.accelerators(), f.provenance());
            }
        }
        return ServingSearch.better(pooled, together) ? pooled : together;
    }

    private static double perUser(Evaluation e) {
        return e instanceof Evaluation.Ok ok ? ok.throughput().tokensPerSecondPerUser() : 0;
    }

    /**
     * Attention–FFN disaggregation with prefill/decode pools: the attention accelerators split into
     * a prefill pool and a decode pool (as disaggregated serving splits them, rate-matched, the KV
     * cache moved from one to the other), the decode pool's FFN / expert layers on {@code ffn} as far
     * as they fit and pay. The attention accelerators reach each other across racks, and the FFN
     * pool, through their NICs ({@link #nicBytesPerSecond}).
     */
    public Evaluation withPools(Cluster attn, Cluster ffn, Workload w, Assumptions a, SpeculationRequest speculation) {
        Cluster gpus = attn.scaleOutBytesPerSecondPerAccelerator() > 0 ? attn
                : new Cluster(attn.accelerator(), attn.accelerators(), attn.scaleUpDomain(), nicBytesPerSecond(attn), attn.hostNameplateWatts(),
                        attn.networkWatts(), attn.pue(), attn.provisionedItWatts(), attn.capexUsd(), attn.racks(), attn.provenance());
        try {
            return new DisaggregatedEvaluator(evaluator.catalog()).evaluateWithFfnPool(gpus, ffn, w, a, speculation);
        } catch (io.tokenrack.engine.catalog.InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), attn.accelerator().id(), w.modelId(),
                    attn.accelerators() + ffn.accelerators(), List.of());
        }
    }

    /** One operating point: a GPU layout, its micro-batches and concurrency, and the AFD times there. */
    private record Point(Plan plan, int microBatches, int offloaded, int group, int active, ServingPoint agg, Parts parts, boolean meets) {
        double total() {
            return active * agg.concurrency() / parts.tpot;
        }

        boolean better(Point o) {
            if (meets != o.meets) {
                return meets;
            }
            return total() > o.total() * 1.0001 || (Math.abs(total() - o.total()) <= o.total() * 1e-4
                    && active * plan.step().groupSize() < o.active * o.plan.step().groupSize());
        }
    }

    /** The times of one AFD decode step. */
    private record Parts(double attention, double ffn, double send, double back, double layer, double aggregatedLayer, double tpot,
                         double step, double ttft, AttentionFfnSplit.FfnTime ffnTime) {}

    public Evaluation evaluate(Cluster attn, Cluster ffn, Workload w, Assumptions a) {
        return evaluate(attn, ffn, w, a, SpeculationRequest.AUTO);
    }

    /**
     * As above, with the speculative decoding asked for: each GPU layout is tried once per candidate
     * ({@code auto}: off, and the model's own MTP at each depth when it ships one); the draft runs on the
     * attention pool, the verify step's k + 1 tokens per sequence go through the offloaded layers.
     */
    public Evaluation evaluate(Cluster attn, Cluster ffn, Workload w, Assumptions a, SpeculationRequest speculation) {
        ModelConstants k = a.constants();
        int total = attn.accelerators() + ffn.accelerators();
        ModelSpec model;
        ModelShape shape;
        try {
            model = evaluator.catalog().model(w.modelId());
            if ((long) w.inputTokens() + w.outputTokens() > model.maxContextTokens()) {
                throw new EvaluationException(String.format(Locale.ROOT, "%d input + %d output tokens exceed the %,d-token context of %s",
                        w.inputTokens(), w.outputTokens(), model.maxContextTokens(), model.id()));
            }
            shape = ModelShape.of(model);
        } catch (InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), attn.accelerator().id(), w.modelId(), total, List.of());
        }
        Device fd = Device.of(ffn.accelerator());
        int held = AttentionFfnSplit.layersHeld(shape, w.precision(), fd, ffn.accelerators());
        if (held < 1) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, String.format(Locale.ROOT,
                    "the FFN of one layer of %s needs %s GB at %s, more than the %d × %s hold (%s GB)", model.id(),
                    Evaluator.plain(AttentionFfnSplit.ffnBytesPerLayer(shape, w.precision()) / 1e9), w.precision().label(), ffn.accelerators(),
                    ffn.accelerator().id(), Evaluator.plain(ffn.accelerators() * fd.memoryBytes() / 1e9)), attn.accelerator().id(), model.id(), total, List.of());
        }
        // how many layers to move: all the FFN pool holds, or fewer on larger groups of chips (halving)
        List<Integer> offloads = new ArrayList<>();
        for (int off = held; off >= 1; off /= 2) {
            offloads.add(off);
        }
        offloads.add(0); // none: the GPUs alone, the FFN pool idle, when moving layers would slow each token
        int domain = Math.max(1, Math.min(attn.scaleUpDomain(), attn.accelerators()));
        List<Integer> counts = new ArrayList<>();
        for (int n = domain; n <= attn.accelerators(); n += domain) {
            counts.add(n);
        }
        if (counts.isEmpty() || counts.getLast() != attn.accelerators()) {
            counts.add(attn.accelerators());
        }
        Point best = null;
        List<Plan> tried = new ArrayList<>();
        Map<Plan, Map<Double, ServingPoint>> cache = new java.util.IdentityHashMap<>();
        for (int n : counts) {
            Cluster sub = subCluster(attn, n);
            // attention data-parallel (tp 1: each GPU attends for its own sequences, as NVIDIA's AFD and DeepSeek-style
            // serving run it) when such a layout fits, else any single-stage layout
            List<Plan> single = ParallelismPlanner.plans(sub, model, shape, w, k, Batching.CONTINUOUS).stream()
                    .filter(pl -> pl.step().pp() == 1 && pl.replicas() >= 1 && pl.serving().maxConcurrency() >= 1).toList();
            List<Plan> dataParallel = single.stream().filter(pl -> pl.step().tp() == 1).toList();
            List<Plan> layouts;
            try {
                layouts = evaluator.speculative(dataParallel.isEmpty() ? single : dataParallel, model, speculation).stream()
                        .flatMap(List::stream).filter(pl -> pl.serving().maxConcurrency() >= 1).toList();
            } catch (InputException e) {
                return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), attn.accelerator().id(), w.modelId(), total, List.of());
            }
            for (Plan plan : layouts) {
                tried.add(plan);
                for (int off : offloads) {
                    for (int m : MICRO_BATCHES) {
                        Point p = operatingPoint(plan, m, w, shape, fd, off == 0 ? 0 : ffn.accelerators() / off, off, attn, k, cache);
                        if (p != null && (best == null || p.better(best))) {
                            best = p;
                        }
                    }
                }
            }
        }
        if (best == null) {
            String why = tried.isEmpty()
                    ? model.id() + " does not fit on the " + attn.accelerators() + " × " + attn.accelerator().id() + " with a single pipeline stage"
                    : "no concurrency meets the latency limits with attention–FFN disaggregation on " + attn.accelerators() + " × "
                            + attn.accelerator().id() + " + " + ffn.accelerators() + " × " + ffn.accelerator().id() + bestAlone(tried, w, shape, fd, offloads, ffn.accelerators(), attn, k, cache);
            return new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, why, attn.accelerator().id(), model.id(), total, List.of());
        }
        return build(attn, ffn, model, shape, w, a, best, fd);
    }

    /**
     * The boards of an FFN pool of {@code chips}: the {@code used} ones busy for the offloaded layers'
     * {@code microBatches} each step of {@code stepSeconds} (each group works on its own layer, once
     * per micro-batch), the rest idle.
     */
    static double ffnBoardWatts(Device fd, io.tokenrack.engine.workload.Precision p, int chips, int used, int microBatches,
                                AttentionFfnSplit.FfnTime f, double stepSeconds) {
        double idle = (chips - used) * PowerModel.idleAcceleratorWatts(fd.tdpWatts());
        if (used == 0) {
            return idle;
        }
        double busy = Math.min(1, microBatches * f.seconds() / stepSeconds);
        return used * PowerModel.acceleratorWatts(fd.tdpWatts(), Math.min(1, microBatches * f.flops() / (fd.peakFlops(p) * stepSeconds)),
                Math.min(1, microBatches * f.bytes() / (fd.memBandwidthBytesPerSecond() * stepSeconds)), f.computeBound() ? busy : 0) + idle;
    }

    private Point operatingPoint(Plan plan, int m, Workload w, ModelShape shape, Device fd, int group, int held, Cluster attn, ModelConstants k,
                                 Map<Plan, Map<Double, ServingPoint>> cache) {
        int max = plan.serving().maxConcurrency();
        if (!w.isMaxConcurrency()) {
            int active = Math.min(plan.replicas(), w.concurrency());
            return point(plan, m, active, (double) w.concurrency() / active, w, shape, fd, group, held, attn, k, cache);
        }
        Point top = point(plan, m, plan.replicas(), max, w, shape, fd, group, held, attn, k, cache);
        if (top.meets) {
            return top;
        }
        if (!point(plan, m, plan.replicas(), 1, w, shape, fd, group, held, attn, k, cache).meets) {
            return null;
        }
        int lo = 1;
        int hi = max;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (point(plan, m, plan.replicas(), mid, w, shape, fd, group, held, attn, k, cache).meets) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return point(plan, m, plan.replicas(), lo, w, shape, fd, group, held, attn, k, cache);
    }

    private static double seconds(StepTime t, OperatorClass c) {
        return t.secondsByClass()[c.ordinal()];
    }

    private Point point(Plan plan, int m, int active, double perReplica, Workload w, ModelShape shape, Device fd, int group, int held,
                        Cluster attn, ModelConstants k, Map<Plan, Map<Double, ServingPoint>> cache) {
        // the aggregated point depends on the layout and the concurrency only: shared by every micro-batching and offload tried
        ServingPoint sp = cache.computeIfAbsent(plan, x -> new java.util.HashMap<>()).computeIfAbsent(perReplica, c -> plan.serving().at(c));
        StepModel st = plan.step();
        // speculative decoding: each step verifies q = k + 1 tokens per sequence (the draft runs on the attention pool) and
        // emits AL of them, so TPOT = step / AL; every offloaded layer carries the q tokens of each sequence both ways
        io.tokenrack.engine.perf.Speculation spec = plan.serving().speculation();
        int q = spec.queriesPerSequence();
        double al = spec.acceptanceLength();
        double aggregatedStep = sp.tpotSeconds() * al;
        double layers = shape.layers();
        int ffnLayers = AttentionFfnSplit.ffnLayers(shape);
        double perRank = sp.concurrency() / st.dp();
        double context = w.inputTokens() + w.outputTokens() / 2.0;
        // what an offloaded layer takes off the attention pool: its decode attention and FFN (prefill stays on the GPUs, every layer)
        StepTime decode = st.stage(perRank, q, context, 0, w.inputTokens(), 0);
        double attnPerLayer = (seconds(decode, OperatorClass.ATTENTION_PROJECTIONS) + seconds(decode, OperatorClass.ATTENTION_CORE)) / layers;
        // the FFN as the GPUs ran it, per layer: experts and router with their all-to-all (tp = 1: every collective is the MoE's)
        double ffnOnGpu = (shape.isMoe() ? seconds(decode, OperatorClass.MOE_FFN) + (st.tp() == 1 ? seconds(decode, OperatorClass.COMMUNICATION) : 0)
                : seconds(decode, OperatorClass.DENSE_FFN)) / ffnLayers;
        if (held == 0) {
            Parts none = new Parts(0, 0, 0, 0, 0, attnPerLayer + ffnOnGpu, sp.tpotSeconds(), aggregatedStep, sp.ttftSeconds(),
                    new AttentionFfnSplit.FfnTime(0, 0, 0, false));
            return new Point(plan, m, 0, 0, active, sp, none, meets(w, sp.ttftSeconds(), sp.tpotSeconds()));
        }
        double micro = perRank / m;
        StepTime microStep = st.stage(micro, q, context, 0, w.inputTokens(), 0);
        double attnMicro = (seconds(microStep, OperatorClass.ATTENTION_PROJECTIONS) + seconds(microStep, OperatorClass.ATTENTION_CORE)) / layers;
        double tokens = active * st.dp() * micro * q;
        AttentionFfnSplit.FfnTime f = AttentionFfnSplit.ffnSeconds(shape, fd, w.precision(), k, tokens, group);
        double elements = micro * q * shape.spec().hiddenSize() / st.tp();
        double nic = nicBytesPerSecond(attn);
        double send = AttentionFfnSplit.sendSeconds(elements * AttentionFfnSplit.SEND_BYTES_PER_ELEMENT, nic, k.linkEfficiency());
        double back = AttentionFfnSplit.sendSeconds(elements * AttentionFfnSplit.RETURN_BYTES_PER_ELEMENT, nic, k.linkEfficiency());
        double layer = AttentionFfnSplit.layerSeconds(m, attnMicro, f.seconds(), send, back);
        double step = AttentionFfnSplit.stepSeconds(aggregatedStep, held, attnPerLayer, ffnOnGpu, layer);
        double tpot = step / al;
        double ttft = sp.ttftSeconds() - sp.tpotSeconds() / 2 + tpot / 2;
        Parts parts = new Parts(attnMicro, f.seconds(), send, back, layer, attnPerLayer + ffnOnGpu, tpot, step, ttft, f);
        return new Point(plan, m, held, group, active, sp, parts, meets(w, ttft, tpot));
    }

    private static boolean meets(Workload w, double ttft, double tpot) {
        return (w.ttftLimitMs() == null || ttft * 1000 <= w.ttftLimitMs())
                && (w.tpotLimitMs() == null || tpot * 1000 <= w.tpotLimitMs())
                && (w.minTokensPerSecondPerUser() == null || 1 / tpot >= w.minTokensPerSecondPerUser());
    }

    private String bestAlone(List<Plan> plans, Workload w, ModelShape shape, Device fd, List<Integer> offloads, int chips, Cluster attn,
                             ModelConstants k, Map<Plan, Map<Double, ServingPoint>> cache) {
        double best = 0;
        for (Plan plan : plans) {
            for (int off : offloads) {
                for (int m : MICRO_BATCHES) {
                    best = Math.max(best, 1 / point(plan, m, 1, 1, w, shape, fd, off == 0 ? 0 : chips / off, off, attn, k, cache).parts.tpot);
                }
            }
        }
        return "; one request alone gets at best " + Evaluator.plain(best) + " tokens/s per user";
    }

    /**
     * NIC bandwidth per attention accelerator toward the FFN pool: the design's, else the stand-in
     * {@link ClusterFactory} assumes for a server that lists no NIC (one 400 Gb/s port per accelerator).
     */
    static double nicBytesPerSecond(Cluster attn) {
        double nic = attn.scaleOutBytesPerSecondPerAccelerator();
        return nic > 0 ? nic : ClusterFactory.ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR * 1e9 / 8;
    }

    /** The first {@code n} accelerators of a pool, with their share of its host, network, power and capital. */
    private static Cluster subCluster(Cluster c, int n) {
        double f = (double) n / c.accelerators();
        return new Cluster(c.accelerator(), n, Math.min(c.scaleUpDomain(), n), c.scaleOutBytesPerSecondPerAccelerator(), c.hostNameplateWatts() * f,
                c.networkWatts() * f, c.pue(), c.provisionedItWatts() * f, c.capexUsd() == null ? null : c.capexUsd() * f, List.of(), c.provenance());
    }

    private Evaluation.Ok build(Cluster attn, Cluster ffn, ModelSpec model, ModelShape shape, Workload w, Assumptions a, Point p, Device fd) {
        int held = p.offloaded;
        int group = p.group;
        Plan plan = p.plan;
        StepModel st = plan.step();
        ServingPoint sp = p.agg;
        Parts parts = p.parts;
        Device gd = st.device();
        int gpusUsed = p.active * st.groupSize();
        int lpusUsed = held * group;
        double output = p.total();
        double input = output / w.outputTokens() * w.inputTokens();
        // GPUs: at the aggregated step's utilisation (as Evaluator), the rest idle
        StepTime step = sp.step();
        double gpuW = gpusUsed * PowerModel.acceleratorWatts(gd.tdpWatts(), step.computeUtilization(gd.peakFlops(w.precision())),
                step.memoryUtilization(gd.memBandwidthBytesPerSecond()), step.computeBusy())
                + (attn.accelerators() - gpusUsed) * PowerModel.idleAcceleratorWatts(gd.tdpWatts());
        // FFN chips: busy for the offloaded layers' m micro-batches each step
        double lpuW = ffnBoardWatts(fd, w.precision(), ffn.accelerators(), lpusUsed, p.microBatches, parts.ffnTime, parts.step);
        // hosts from their parts, as Evaluator counts them, for each pool
        double attnHost = io.tokenrack.engine.power.HostPower.of(attn.accelerators(), gpuW, attn.hostNameplateWatts(), liquid(attn), false).totalWatts();
        double ffnHost = io.tokenrack.engine.power.HostPower.of(ffn.accelerators(), lpuW, ffn.hostNameplateWatts(), liquid(ffn), false).totalWatts();
        double hostW = attnHost + ffnHost;
        double netW = attn.networkWatts() + ffn.networkWatts();
        double attnIt = gpuW + attnHost + attn.networkWatts();
        double ffnIt = lpuW + ffnHost + ffn.networkWatts();
        double it = attnIt + ffnIt;
        double facility = attnIt * attn.pue() + ffnIt * ffn.pue();
        double provisioned = attn.provisionedItWatts() + ffn.provisionedItWatts();
        PowerBreakdown power = new PowerBreakdown(gpuW + lpuW, hostW, netW, it, facility - it, facility, facility / it, provisioned);

        double capex = a.capexUsdOverride() != null ? a.capexUsdOverride()
                : attn.capexUsd() == null || ffn.capexUsd() == null ? Double.NaN : attn.capexUsd() + ffn.capexUsd();
        double capital = CostModel.capitalUsdPerHour(capex, a.costOfCapital(), a.amortizationYears());
        double energy = CostModel.energyUsdPerHour(facility, a.electricityUsdPerKwh());
        double fac = CostModel.facilityUsdPerHour(provisioned, a.colocationUsdPerKwMonth());
        double usdHour = capital + energy + fac;
        int n = attn.accelerators() + ffn.accelerators();
        CostBreakdown cost = new CostBreakdown(capital, energy, fac, usdHour, usdHour / n,
                CostModel.usdPerMillionTokens(usdHour, output, a.utilization()),
                CostModel.usdPerMillionTokens(usdHour * sp.prefillShare(), input, a.utilization()));

        List<Note> notes = new ArrayList<>();
        int ffnLayers = AttentionFfnSplit.ffnLayers(shape);
        notes.add(new Note.AttentionFfn(attn.accelerator().id(), gpusUsed, attn.accelerators(), ffn.accelerator().id(), lpusUsed,
                ffn.accelerators(), held, AttentionFfnSplit.layersHeld(shape, w.precision(), fd, ffn.accelerators()), ffnLayers, group, p.microBatches, parts.attention, parts.ffn, parts.send, parts.back, parts.layer,
                parts.aggregatedLayer, parts.tpot, sp.tpotSeconds()));
        if (p.active < plan.replicas()) {
            notes.add(new Note.IdleReplicas(plan.replicas() - p.active, plan.replicas()));
        }
        if (!p.meets) {
            notes.add(new Note.LimitsNotMet());
        }
        if (sp.queuedRequests() > 0) {
            notes.add(new Note.QueuedRequests(sp.queuedRequests()));
        }
        if (Double.isNaN(gpuW)) {
            notes.add(new Note.UnknownPower(attn.accelerator().name(), false));
        }
        if (Double.isNaN(lpuW)) {
            notes.add(new Note.UnknownPower(ffn.accelerator().name(), false));
        }
        if (Double.isNaN(usdHour)) {
            notes.add(new Note.UnknownCost(Double.isNaN(capex) && ffn.capexUsd() == null ? ffn.accelerator().name() : attn.accelerator().name()));
        }
        List<Provenance> prov = new ArrayList<>(attn.provenance());
        prov.addAll(ffn.provenance());
        prov.addAll(assumptions(attn, ffn));
        prov = new ArrayList<>(new java.util.LinkedHashSet<>(prov));
        for (Provenance pr : prov) {
            switch (pr.status()) {
                case ASSUMPTION -> notes.add(new Note.AssumedValue(pr));
                case NOT_COUNTED -> notes.add(new Note.NotCounted(pr));
                default -> { }
            }
        }
        List<RackDraw> racks = new ArrayList<>();
        draws(racks, attn, attnIt);
        draws(racks, ffn, ffnIt);
        Bottleneck bottleneck = null;
        for (RackDraw r : racks) {
            if (bottleneck == null && r.overPowerBudget()) {
                notes.add(new Note.RackOverPower(r.name(), r.itWatts(), r.powerBudgetWatts()));
                bottleneck = Bottleneck.POWER;
            }
        }
        if (bottleneck == null) {
            // what bounds the step the GPUs run, of which the offloaded layers are a part (the note gives their round trip)
            bottleneck = switch (step.bound()) {
                case COMPUTE -> Bottleneck.COMPUTE;
                case MEMORY_BANDWIDTH -> Bottleneck.MEMORY_BANDWIDTH;
                case NETWORK -> Bottleneck.NETWORK;
                case OVERHEAD -> Bottleneck.OVERHEAD;
            };
        }
        List<PhaseBreakdown> phases = List.of(
                PhaseBreakdown.of(Phase.PREFILL, sp.prefillOnly()),
                PhaseBreakdown.of(Phase.DECODE, sp.decodeOnly()),
                PhaseBreakdown.of(Phase.STEADY_STEP, sp.step()));
        double kvPerAcc = sp.concurrency() / st.dp() * st.kvBytesPerSequencePerAccelerator(w.inputTokens() + w.outputTokens() / 2.0);
        ServingPlan served = new ServingPlan(new Parallelism(st.tp(), st.pp(), model.moe() == null ? 1 : st.tp() * st.dp(), st.dp()),
                p.active, gpusUsed + lpusUsed, sp.concurrency() * p.active,
                (int) Math.min(Integer.MAX_VALUE, (long) plan.serving().maxConcurrency() * plan.replicas()), plan.serving().speculation());
        double provisionedMw = provisioned * (facility / it) / 1e6;
        return new Evaluation.Ok(attn.accelerator().id(), model.id(), n, served,
                new Throughput(output, input, output / n, (output + input) / n, 1 / parts.tpot),
                new Latency(parts.ttft, parts.tpot),
                new Memory(st.weightBytesPerAccelerator(), kvPerAcc),
                power, new Efficiency(output / it, output / facility, output / provisionedMw),
                cost, bottleneck, racks, phases, notes, prov);
    }

    /** The assumptions every attention–FFN evaluation rests on: the message latency, the NIC toward the FFN pool, the chips' hop latency. */
    static List<Provenance> assumptions(Cluster attn, Cluster ffn) {
        List<Provenance> prov = new ArrayList<>();
        prov.add(new Provenance("attention–FFN message latency", Evaluator.plain(AttentionFfnSplit.SEND_SECONDS * 1e6) + " µs one way",
                Provenance.Kind.ASSUMPTION, "one RDMA write across the Ethernet fabric joining the racks; see docs/model.md"));
        if (attn.scaleOutBytesPerSecondPerAccelerator() <= 0 || attn.scaleOutBytesPerSecondPerAccelerator() == ClusterFactory.ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR * 1e9 / 8) {
            prov.add(new Provenance("NIC toward the FFN pool", Evaluator.plain(ClusterFactory.ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR) + " Gb/s per "
                    + attn.accelerator().id(), Provenance.Kind.ASSUMPTION, "the design lists no NIC for these accelerators; one 400 Gb/s port each, as DGX H100"));
        }
        if (Device.of(ffn.accelerator()).sramResident()) {
            prov.add(new Provenance("chip-to-chip hop latency", Evaluator.plain(io.tokenrack.engine.perf.ChipToChip.HOP_SECONDS * 1e6) + " µs",
                    Provenance.Kind.ASSUMPTION, "no published figure for " + ffn.accelerator().name() + "; see docs/model.md"));
        }
        return prov;
    }

    private static boolean liquid(Cluster c) {
        var cooling = c.accelerator().cooling();
        return cooling == io.tokenrack.engine.catalog.CoolingType.LIQUID || cooling == io.tokenrack.engine.catalog.CoolingType.IMMERSION;
    }

    static void draws(List<RackDraw> out, Cluster c, double itWatts) {
        double perAcc = itWatts / c.accelerators();
        for (Cluster.RackBudget r : c.racks()) {
            out.add(new RackDraw(r.rackId(), r.name(), r.accelerators(), perAcc * r.accelerators(), r.powerBudgetWatts(), r.coolingCapacityWatts()));
        }
    }
}
