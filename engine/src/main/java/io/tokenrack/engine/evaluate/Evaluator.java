package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.ServingPoint;
import io.tokenrack.engine.perf.StepTime;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.power.HostPower;
import io.tokenrack.engine.power.OperatingPoint;
import io.tokenrack.engine.power.PowerModel;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Evaluates a design on a workload: throughput, latency, power, tokens per joule and cost, with the
 * bottleneck and the share of step time per operator class. Pure: the same inputs give the same
 * {@link Evaluation}; safe to call from any thread on every edit.
 */
public final class Evaluator {
    private final Catalog catalog;
    private final ClusterFactory clusters;
    private final Map<String, ModelConstants> measuredConstants;
    private final OperatingPoint operatingPoint;

    public Evaluator(Catalog catalog) {
        this(catalog, Map.of());
    }

    /**
     * @param measuredConstants model constants measured for particular accelerators (by id), used
     *                          instead of the assumptions' constants when such an accelerator is
     *                          evaluated: the kernel lab's "this computer"
     */
    public Evaluator(Catalog catalog, Map<String, ModelConstants> measuredConstants) {
        this(catalog, measuredConstants, OperatingPoint.MAX_P);
    }

    private Evaluator(Catalog catalog, Map<String, ModelConstants> measuredConstants, OperatingPoint operatingPoint) {
        this.catalog = catalog;
        this.clusters = new ClusterFactory(catalog);
        this.measuredConstants = Map.copyOf(measuredConstants);
        this.operatingPoint = java.util.Objects.requireNonNull(operatingPoint, "operatingPoint");
    }

    /** This evaluator with every accelerator at {@code op} (Max-P, Max-Q or a power cap). */
    public Evaluator withOperatingPoint(OperatingPoint op) {
        return new Evaluator(catalog, measuredConstants, op);
    }

    public OperatingPoint operatingPoint() {
        return operatingPoint;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ClusterFactory clusters() {
        return clusters;
    }

    public Evaluation evaluate(RackDesign design, Workload workload, Assumptions assumptions) {
        if (AcceleratorPools.mixed(catalog, design)) {
            // two kinds of accelerators: the one serving search the CLI's evaluate runs too (attention–FFN or prefill–decode
            // pools, whichever serves the operating point better), so the app and the CLI show the same numbers
            return new ServingSearch(this).evaluateMixed(design, workload, assumptions, ServingOptions.AUTO, SpeculationRequest.AUTO);
        }
        Cluster cluster;
        try {
            cluster = clusters.fromDesign(design);
        } catch (InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), null, workload.modelId(), 0, List.of());
        }
        return evaluate(cluster, workload, assumptions);
    }

    public Evaluation evaluate(Cluster cluster, Workload w, Assumptions a) {
        return evaluate(cluster, w, a, Batching.CONTINUOUS);
    }

    /** As {@link #evaluate(Cluster, Workload, Assumptions)}, with the engine's batching made explicit. */
    public Evaluation evaluate(Cluster cluster, Workload w, Assumptions assumptions, Batching batching) {
        return evaluate(cluster, w, assumptions, batching, SpeculationRequest.AUTO);
    }

    /**
     * As {@link #evaluate(Cluster, Workload, Assumptions, Batching)}, with the speculative decoding
     * asked for: {@link SpeculationRequest#AUTO} tries off and each draft depth the model supports on
     * every parallel layout and keeps the best for the operating point (most throughput meeting the
     * limits; at a fixed concurrency that is the fastest per user).
     */
    public Evaluation evaluate(Cluster cluster, Workload w, Assumptions assumptions, Batching batching, SpeculationRequest speculation) {
        ModelConstants measured = measuredConstants.get(cluster.accelerator().id());
        Assumptions a = measured == null ? assumptions : assumptions.withConstants(measured);
        ModelConstants k = a.constants();
        ModelSpec model;
        List<List<Plan>> groups;
        ModelShape shape;
        try {
            if (w.precision() == Precision.FP32 && !cluster.accelerator().cpuAsAccelerator()) {
                throw new EvaluationException("fp32 is modelled only for a measured CPU host; " + cluster.accelerator().id()
                        + " serves bf16, fp8 or fp4");
            }
            if (io.tokenrack.engine.perf.Device.of(cluster.accelerator()).peakFlops(w.precision()) <= 0) {
                var dev = io.tokenrack.engine.perf.Device.of(cluster.accelerator());
                String serves = java.util.stream.Stream.of(Precision.BF16, Precision.FP8, Precision.FP4)
                        .filter(p -> dev.peakFlops(p) > 0).map(Precision::label).collect(java.util.stream.Collectors.joining(" or "));
                throw new EvaluationException(cluster.accelerator().id() + " has no " + w.precision().label()
                        + " math (no rate is published for it); it serves " + serves);
            }
            model = catalog.model(w.modelId());
            if ((long) w.inputTokens() + w.outputTokens() > model.maxContextTokens()) {
                throw new EvaluationException(String.format(Locale.ROOT, "%d input + %d output tokens exceed the %,d-token context of %s",
                        w.inputTokens(), w.outputTokens(), model.maxContextTokens(), model.id()));
            }
            shape = ModelShape.of(model);
            double tdp = cluster.accelerator().tdpWatts() == null ? Double.NaN : cluster.accelerator().tdpWatts();
            double clock = operatingPoint.clockFraction(tdp);
            if (Double.isNaN(clock)) {
                throw new EvaluationException(String.format(Locale.ROOT,
                        "a power cap of %.0f W per accelerator is at or below %s's engine-active floor of %.0f W (%.0f%% of its %.0f W TDP):"
                                + " no clock meets it", operatingPoint.limitWatts(tdp), cluster.accelerator().id(), tdp * PowerModel.STATIC_FRACTION,
                        PowerModel.STATIC_FRACTION * 100, tdp));
            }
            groups = speculative(ParallelismPlanner.plans(cluster, model, shape, w, k, batching, clock), model, speculation);
        } catch (InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), cluster.accelerator().id(), w.modelId(),
                    cluster.accelerators(), cluster.provenance());
        }
        Choice best = null;
        List<Plan> plans = new ArrayList<>();
        for (List<Plan> group : groups) {
            // one layout, speculation off first, then each method's deeper and deeper drafts (DraftDepths)
            DraftDepths<Choice> depths = new DraftDepths<>(Choice::better);
            for (Plan plan : group) {
                var method = plan.serving().speculation().method();
                Choice off = depths.off();
                // at a fixed concurrency no depth of this method can beat the best so far when even its
                // deepest acceptance length on this layout's off step could not: verifying k + 1 tokens
                // and drafting never make the step shorter, so tokens/s ≤ AL × off's
                if (depths.enter(method) && !w.isMaxConcurrency() && off != null && best != null && best.meetsLimits()
                        && off.total() * deepestAcceptance(group, method) < best.total()) {
                    depths.stop();
                }
                if (depths.stopped()) {
                    continue;
                }
                plans.add(plan);
                if (plan.serving().maxConcurrency() < 1 || plan.replicas() < 1) {
                    continue;
                }
                Choice c = operatingPoint(plan, w);
                if (c != null && (best == null || c.better(best))) {
                    best = c;
                }
                depths.record(method, c);
            }
        }
        if (best == null) {
            return doesNotFit(cluster, model, shape, w, plans);
        }
        // the chosen layout at Max-P, same requests in flight: what the capped power is scaled from
        ServingPoint maxP = best.point();
        Device fullClock = Device.of(cluster.accelerator());
        if (!fullClock.equals(best.plan().step().device())) {
            var st = best.plan().step();
            Plan full = ParallelismPlanner.plan(cluster, fullClock, shape, w, k, st.tp(), st.pp(), st.dp(), batching);
            io.tokenrack.engine.perf.Speculation s = best.plan().serving().speculation();
            maxP = (s.isOff() ? full.serving() : full.serving().withSpeculation(s, io.tokenrack.engine.perf.Drafter.of(s.method(), full.step(),
                    s.draftModelId() == null ? null : catalog.model(s.draftModelId())))).at(best.point().concurrency());
        }
        return build(cluster, model, w, a, best, operatingPoint, new FullClock(fullClock, maxP), speculation);
    }

    /**
     * Per plan, the plan once per speculation to try (off first, so that a tie keeps the plainer
     * one). A draft that does not fit beside the target leaves a plan with no concurrency, skipped.
     */
    List<List<Plan>> speculative(List<Plan> plans, ModelSpec model, SpeculationRequest request) {
        return speculative(plans, model, request, catalog);
    }

    /** {@link #speculative(List, ModelSpec, SpeculationRequest)} with the catalog the draft model comes from (the disaggregated decode pool's too). */
    static List<List<Plan>> speculative(List<Plan> plans, ModelSpec model, SpeculationRequest request, Catalog catalog) {
        List<io.tokenrack.engine.perf.Speculation> candidates = request.candidates(model, catalog);
        List<List<Plan>> out = new ArrayList<>(plans.size());
        if (candidates.size() == 1 && candidates.getFirst().isOff()) {
            plans.forEach(p -> out.add(List.of(p)));
            return out;
        }
        ModelSpec draftModel = request.draftModelId() == null ? null : catalog.model(request.draftModelId());
        for (Plan p : plans) {
            List<Plan> group = new ArrayList<>(candidates.size());
            io.tokenrack.engine.perf.Drafter drafter = null; // one drafter per method and layout (auto tries MTP and EAGLE)
            io.tokenrack.engine.perf.SpeculativeMethod drafted = null;
            for (var s : candidates) {
                if (!s.isOff() && s.method() != drafted) {
                    drafter = io.tokenrack.engine.perf.Drafter.of(s.method(), p.step(), draftModel);
                    drafted = s.method();
                }
                group.add(s.isOff() ? p : new Plan(p.step(), p.serving().withSpeculation(s, drafter), p.replicas()));
            }
            out.add(group);
        }
        return out;
    }

    /** The concurrency sweep with the parallelism chosen at the operating point. */
    public List<CurvePoint> curve(RackDesign design, Workload w, Assumptions a, int points) {
        if (AcceleratorPools.mixed(catalog, design)) {
            // attention–FFN disaggregation: the same sweep, each point searched as evaluate(design) searches it
            return curve(w, points, work -> evaluate(design, work, a));
        }
        Cluster cluster;
        try {
            cluster = clusters.fromDesign(design);
        } catch (InputException e) {
            return List.of();
        }
        return curve(cluster, w, a, points);
    }

    public List<CurvePoint> curve(Cluster cluster, Workload w, Assumptions a, int points) {
        return curve(cluster, w, a, points, Batching.CONTINUOUS);
    }

    /**
     * The concurrency sweep from one request to the most that fit, each point evaluated on its own
     * best parallel layout (or the user's): the Pareto view of throughput against speed per user.
     * Latency limits are left out so the whole frontier shows.
     */
    public List<CurvePoint> curve(Cluster cluster, Workload w, Assumptions a, int points, Batching batching) {
        return curve(w, points, work -> evaluate(cluster, work, a, batching));
    }

    private static List<CurvePoint> curve(Workload w, int points, java.util.function.Function<Workload, Evaluation> evaluation) {
        Workload open = w.withConcurrency(null).withoutLimits();
        if (!(evaluation.apply(open) instanceof Evaluation.Ok top)) {
            return List.of();
        }
        int max = (int) Math.clamp(Math.round(top.plan().concurrency()), 1, Integer.MAX_VALUE);
        List<CurvePoint> out = new ArrayList<>(points);
        int last = 0;
        for (int i = 0; i < points; i++) {
            double f = points == 1 ? 1 : (double) i / (points - 1);
            int c = (int) Math.round(Math.exp(f * Math.log(max)));
            if (c <= last) {
                c = last + 1;
            }
            if (c > max) {
                break;
            }
            last = c;
            if (evaluation.apply(open.withConcurrency(c)) instanceof Evaluation.Ok e) {
                out.add(CurvePoint.of(c, e));
            }
        }
        return out;
    }

    /** {@link #frontier(Cluster, Workload, Assumptions, int, Batching)} of a design; empty when it cannot be resolved. */
    public List<FrontierPoint> frontier(RackDesign design, Workload w, Assumptions a, int points) {
        Cluster cluster;
        try {
            cluster = clusters.fromDesign(design);
        } catch (InputException e) {
            return List.of();
        }
        return frontier(cluster, w, a, points, Batching.CONTINUOUS);
    }

    /**
     * The throughput-versus-interactivity Pareto frontier over serving configurations (every parallel
     * layout the planner offers, or the user's, × requests in flight), at most {@code points} points
     * in increasing tokens/s per user, each with the numbers an evaluation of its {@link ServingConfig} gives, and carrying it.
     * Latency limits are left out so the whole frontier shows; empty when the model does not fit.
     */
    public List<FrontierPoint> frontier(Cluster cluster, Workload w, Assumptions assumptions, int points, Batching batching) {
        return frontier(cluster, w, assumptions, points, batching, SpeculationRequest.AUTO);
    }

    /**
     * As {@link #frontier(Cluster, Workload, Assumptions, int, Batching)}, over the speculative decoding
     * asked for ({@link SpeculationRequest#AUTO}: off and each draft depth the model supports, each a
     * configuration of its own). Empty when the model does not fit or cannot run what was asked.
     */
    public List<FrontierPoint> frontier(Cluster cluster, Workload w, Assumptions assumptions, int points, Batching batching,
                                        SpeculationRequest speculation) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1, was " + points);
        }
        Workload open = w.withConcurrency(null).withoutLimits();
        if (!(evaluate(cluster, open, assumptions, batching, speculation) instanceof Evaluation.Ok)) {
            return List.of();
        }
        ModelConstants measured = measuredConstants.get(cluster.accelerator().id());
        Assumptions a = measured == null ? assumptions : assumptions.withConstants(measured);
        ModelSpec model = catalog.model(w.modelId());
        boolean moe = model.moe() != null;
        ModelShape shape = ModelShape.of(model);
        double tdp = cluster.accelerator().tdpWatts() == null ? Double.NaN : cluster.accelerator().tdpWatts();
        // the same clock as evaluate (Max-P, or slowed by a power cap); evaluate above has refused a cap no clock meets
        List<Plan> layouts = ParallelismPlanner.plans(cluster, model, shape, open, a.constants(), batching, operatingPoint.clockFraction(tdp));
        // every layout once per speculation auto tries (off first): a speculative point is a configuration of its own
        List<Plan> plans = new ArrayList<>();
        speculative(layouts, model, speculation).forEach(plans::addAll);
        // a coarse pass over every layout, then the layouts on its frontier at the full resolution
        List<ServingConfigs.Candidate> coarse = ServingFrontier.pareto(ServingConfigs.aggregated(plans, cluster.accelerators(), moe,
                FRONTIER_COARSE_POINTS));
        List<ServingConfigs.Candidate> candidates = new ArrayList<>(coarse);
        if (points > FRONTIER_COARSE_POINTS) {
            java.util.Set<Plan> onFrontier = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (ServingConfigs.Candidate c : coarse) {
                if (c.plan() != null && onFrontier.add(c.plan())) {
                    ServingConfigs.aggregated(c.plan(), cluster.accelerators(), moe, points, candidates);
                }
            }
        }
        List<FrontierPoint> out = new ArrayList<>(points);
        for (ServingConfigs.Candidate c : ServingFrontier.thin(ServingFrontier.pareto(candidates), points)) {
            if (c.plan() != null) {
                out.add(new FrontierPoint(point(cluster, shape, open, a, c.plan(), c.perReplica(), c.config(), batching), c.config()));
            } else if (evaluate(cluster, c.config().applyTo(open), assumptions, batching, c.config().speculation()) instanceof Evaluation.Ok e) {
                out.add(new FrontierPoint(CurvePoint.of(c.config().concurrency(), e), c.config()));
            }
        }
        return ServingFrontier.paretoPoints(out);
    }

    /** Requests-in-flight samples per layout in the frontier's first pass. */
    private static final int FRONTIER_COARSE_POINTS = 16;

    /**
     * A frontier point without the full evaluation (notes, provenance, phase shares): the same
     * throughput, latency, power, cost and bottleneck an evaluation with every replica busy gives.
     */
    private CurvePoint point(Cluster c, ModelShape shape, Workload w, Assumptions a, Plan plan, double perReplica, ServingConfig config,
            Batching batching) {
        ServingPoint sp = plan.serving().at(perReplica);
        int active = plan.replicas();
        // as evaluate: the power at a capped clock is scaled from the same layout at Max-P
        Device fullClock = Device.of(c.accelerator());
        ServingPoint maxP = sp;
        if (!fullClock.equals(plan.step().device())) {
            var st = plan.step();
            Plan full = ParallelismPlanner.plan(c, fullClock, shape, w, a.constants(), st.tp(), st.pp(), st.dp(), batching);
            io.tokenrack.engine.perf.Speculation s = plan.serving().speculation();
            var serving = s.isOff() ? full.serving() : full.serving().withSpeculation(s, io.tokenrack.engine.perf.Drafter.of(s.method(),
                    full.step(), s.draftModelId() == null ? null : catalog.model(s.draftModelId())));
            maxP = serving.at(sp.concurrency());
        }
        Metrics m = metrics(c, w, a, plan, active, sp, operatingPoint, new FullClock(fullClock, maxP));
        Choice choice = new Choice(plan, active, sp, true, sp.queuedRequests() > 0, false);
        Bottleneck b = bottleneck(choice, sp, rackDraws(c, m.power.itWatts()), new ArrayList<>(), a.constants().maxSequencesPerRank());
        int n = c.accelerators();
        return new CurvePoint(config.concurrency(), m.output, m.output / n, (m.output + m.input) / n, sp.tokensPerSecondPerUser(),
                sp.ttftSeconds(), sp.tpotSeconds(), m.power.itWatts(), m.power.facilityWatts(), m.output / m.power.itWatts(),
                m.cost.usdPerMillionOutputTokens(), b, config.parallelism());
    }

    /** A plan at its operating point, and whether the latency limits hold there. */
    /** The largest acceptance length among {@code group}'s plans drafting with {@code method}. */
    private static double deepestAcceptance(List<Plan> group, io.tokenrack.engine.perf.SpeculativeMethod method) {
        double al = 1;
        for (Plan p : group) {
            var s = p.serving().speculation();
            if (s.method() == method) {
                al = Math.max(al, s.acceptanceLength());
            }
        }
        return al;
    }

    private record Choice(Plan plan, int active, ServingPoint point, boolean meetsLimits, boolean memoryBound, boolean limitBound) {
        double total() {
            return point.outputTokensPerSecond() * active;
        }

        boolean better(Choice o) {
            if (meetsLimits != o.meetsLimits) {
                return meetsLimits;
            }
            return total() > o.total() * 1.0001 || (Math.abs(total() - o.total()) <= o.total() * 1e-4
                    && plan.step().groupSize() < o.plan.step().groupSize());
        }
    }

    private static Choice operatingPoint(Plan plan, Workload w) {
        int maxPerReplica = plan.serving().maxConcurrency();
        if (!w.isMaxConcurrency()) {
            // A few requests do not spread over every replica: only as many replicas as requests work.
            int active = Math.min(plan.replicas(), w.concurrency());
            ServingPoint sp = plan.serving().at((double) w.concurrency() / active);
            return new Choice(plan, active, sp, meets(sp, w), sp.queuedRequests() > 0, false);
        }
        ServingPoint top = plan.serving().at(maxPerReplica);
        int own = plan.serving().ownMemoryConcurrency();
        if (own >= 1 && own < maxPerReplica) {
            // KV beyond an SRAM chip's own memory is read from DRAM: filling it can lower the throughput, and then it is not filled
            ServingPoint inOwn = plan.serving().at(own);
            if (inOwn.outputTokensPerSecond() > top.outputTokensPerSecond()) {
                top = inOwn;
            }
        }
        if (meets(top, w)) {
            return new Choice(plan, plan.replicas(), top, true, true, false);
        }
        ServingPoint one = plan.serving().at(1);
        if (!meets(one, w)) {
            return null;
        }
        int lo = 1;
        int hi = maxPerReplica;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (meets(plan.serving().at(mid), w)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Choice(plan, plan.replicas(), plan.serving().at(lo), true, false, true);
    }

    private static boolean meets(ServingPoint sp, Workload w) {
        if (w.ttftLimitMs() != null && sp.ttftSeconds() * 1000 > w.ttftLimitMs()) {
            return false;
        }
        if (w.tpotLimitMs() != null && sp.tpotSeconds() * 1000 > w.tpotLimitMs()) {
            return false;
        }
        return w.minTokensPerSecondPerUser() == null || sp.tokensPerSecondPerUser() >= w.minTokensPerSecondPerUser();
    }

    private record Metrics(double output, double input, PowerBreakdown power, CostBreakdown cost) {}

    /** The device at Max-P and the chosen layout's serving point on it (the evaluated one itself at Max-P). */
    private record FullClock(Device device, ServingPoint point) {}

    /** One busy accelerator's board power at Max-P over {@code step}, W. */
    private static double maxPWatts(Device d, Workload w, StepTime step) {
        double uc = step.computeUtilization(d.peakFlops(w.precision()));
        double um = step.memoryUtilization(d.memBandwidthBytesPerSecond());
        return PowerModel.acceleratorWatts(d.tdpWatts(), uc, um, step.computeBusy());
    }

    /** One busy accelerator's board power over {@code capped} at the operating point, from the same step at Max-P, W. */
    private static double boardWatts(Device d, Workload w, StepTime full, StepTime capped, double clock, double limit, double floor) {
        double p0 = maxPWatts(d, w, full);
        if (clock >= 1) {
            return Math.min(limit, p0);
        }
        return PowerModel.cappedWatts(d.tdpWatts(), p0, full.memoryUtilization(d.memBandwidthBytesPerSecond()), clock,
                capped.seconds() / full.seconds(), limit, floor);
    }

    private static Metrics metrics(Cluster c, Workload w, Assumptions a, Plan plan, int active, ServingPoint sp, OperatingPoint op,
            FullClock f) {
        double output = sp.outputTokensPerSecond() * active;
        double input = sp.inputTokensPerSecond() * active;
        Device d = f.device();
        ServingPoint full = f.point();
        double limit = op.limitWatts(d.tdpWatts());
        double clock = op.clockFraction(d.tdpWatts());
        double floor = op.floorFraction();
        double steady = boardWatts(d, w, full.step(), sp.step(), clock, limit, floor);
        double idle = Math.min(limit, PowerModel.idleAcceleratorWatts(d.tdpWatts()));
        int used = active * plan.step().groupSize();
        double accW = used * steady + (c.accelerators() - used) * idle;
        boolean liquid = c.accelerator().cooling() == CoolingType.LIQUID || c.accelerator().cooling() == CoolingType.IMMERSION;
        HostPower.Draw host = HostPower.of(c.accelerators(), accW, c.hostNameplateWatts(), liquid, c.accelerator().cpuAsAccelerator());
        double hostW = host.totalWatts();
        double it = accW + hostW + c.networkWatts();
        double facility = it * c.pue();
        PowerDetail detail = new PowerDetail(op, limit, clock, boardWatts(d, w, full.prefillOnly(), sp.prefillOnly(), clock, limit, floor),
                boardWatts(d, w, full.decodeOnly(), sp.decodeOnly(), clock, limit, floor), steady, idle, host, accW + hostW);
        PowerBreakdown power = new PowerBreakdown(accW, hostW, c.networkWatts(), it, facility - it, facility, c.pue(),
                c.provisionedItWatts(), detail);

        double capex = a.capexUsdOverride() != null ? a.capexUsdOverride() : c.capexUsd() == null ? Double.NaN : c.capexUsd();
        double capital = CostModel.capitalUsdPerHour(capex, a.costOfCapital(), a.amortizationYears());
        double energy = CostModel.energyUsdPerHour(facility, a.electricityUsdPerKwh());
        double fac = CostModel.facilityUsdPerHour(c.provisionedItWatts(), a.colocationUsdPerKwMonth());
        double total = capital + energy + fac;
        double prefillShare = sp.prefillShare();
        CostBreakdown cost = new CostBreakdown(capital, energy, fac, total, total / c.accelerators(),
                CostModel.usdPerMillionTokens(total, output, a.utilization()),
                CostModel.usdPerMillionTokens(total * prefillShare, input, a.utilization()));
        return new Metrics(output, input, power, cost);
    }

    /**
     * {@code prov} with its assumed "host power" figure restated from the host power model: the
     * host draw per accelerator the power figures use (from its parts), then the nameplate the
     * provisioned power uses, so that the note says what the model used. Unchanged without a power
     * detail (a CPU-as-accelerator or unknown power).
     */
    static List<Provenance> hostPowerAsModelled(List<Provenance> prov, PowerDetail pd, int accelerators) {
        if (pd == null || pd.host() == null || accelerators <= 0 || !Double.isFinite(pd.host().totalWatts())) {
            return prov;
        }
        List<Provenance> out = new ArrayList<>(prov.size());
        for (Provenance p : prov) {
            if (p.label().equals("host power") && p.status() == Provenance.Status.ASSUMPTION) {
                out.add(new Provenance(p.label(), fmt("%.0f W per accelerator drawn at %s (host power model: CPUs, memory, NICs, board, "
                        + "fans, supply loss); %s nameplate for provisioned power", pd.host().totalWatts() / accelerators,
                        pd.operatingPoint().label(), p.value()), Provenance.Kind.ASSUMPTION, p.source()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private Evaluation.Ok build(Cluster c, ModelSpec model, Workload w, Assumptions a, Choice choice, OperatingPoint op, FullClock f,
                                SpeculationRequest request) {
        Plan plan = choice.plan();
        ServingPoint sp = choice.point();
        int active = choice.active();
        Metrics m = metrics(c, w, a, plan, active, sp, op, f);
        int n = c.accelerators();
        int used = active * plan.step().groupSize();
        List<Note> notes = new ArrayList<>();
        if (plan.acceleratorsUsed() < n) {
            notes.add(new Note.IdleAccelerators(n - plan.acceleratorsUsed(), n, plan.step().groupSize()));
        }
        if (active < plan.replicas()) {
            notes.add(new Note.IdleReplicas(plan.replicas() - active, plan.replicas()));
        }
        if (!choice.meetsLimits()) {
            notes.add(new Note.LimitsNotMet());
        }
        if (sp.queuedRequests() > 0) {
            notes.add(new Note.QueuedRequests(sp.queuedRequests()));
        }
        if (Double.isNaN(m.power.itWatts())) {
            notes.add(new Note.UnknownPower(c.accelerator().name(), c.accelerator().cpuAsAccelerator()));
        }
        if (Double.isNaN(m.cost.totalUsdPerHour())) {
            notes.add(new Note.UnknownCost(c.accelerator().name()));
        }
        List<Provenance> clusterProv = hostPowerAsModelled(c.provenance(), m.power.detail(), n);
        for (Provenance p : clusterProv) {
            // stand-ins and gaps the numbers rest on; an unpublished or unmeasured TDP is said by UnknownPower instead
            switch (p.status()) {
                case ASSUMPTION -> notes.add(new Note.AssumedValue(p));
                case NOT_COUNTED -> notes.add(new Note.NotCounted(p));
                case DATASHEET, FILED, ANNOUNCED, SECONDARY, MEASURED, MODELLED, NOT_PUBLISHED, NOT_MEASURED -> { }
            }
        }
        if (!plan.step().device().hasNativeMath(w.precision())) {
            notes.add(new Note.NoNativeMath(c.accelerator().name(), w.precision()));
        }
        if (plan.step().device().sramResident()) {
            notes.add(SramLayouts.explain(plan, sp.step(), sp.tpotSeconds(), model.layers(), SramLayouts.linkBytesPerSecond(c)));
            SramLayouts.assumedLink(c, plan.step().groupSize()).ifPresent(notes::add);
            SramLayouts.kvInDram(plan, sp.concurrency()).ifPresent(notes::add);
        }
        List<RackDraw> racks = rackDraws(c, m.power.itWatts());
        Bottleneck bottleneck = bottleneck(choice, sp, racks, notes, a.constants().maxSequencesPerRank());
        var step = plan.step();
        double kvPerAcc = sp.concurrency() / step.dp() * step.kvBytesPerSequencePerAccelerator(w.inputTokens() + w.outputTokens() / 2.0);
        List<PhaseBreakdown> phases = List.of(
                PhaseBreakdown.of(Phase.PREFILL, sp.prefillOnly()),
                PhaseBreakdown.of(Phase.DECODE, sp.decodeOnly()),
                PhaseBreakdown.of(Phase.STEADY_STEP, sp.step()));
        List<Provenance> prov = new ArrayList<>(clusterProv);
        boolean measured = measuredConstants.containsKey(c.accelerator().id());
        prov.add(new Provenance("model constants", fmt("η_gemm %.2f, η_mem %.2f, step overhead %.1f µs", a.constants().gemmEfficiencyMax(),
                a.constants().memoryEfficiency(), a.constants().stepOverheadSeconds() * 1e6),
                measured ? Provenance.Kind.MEASURED : Provenance.Kind.MODELLED,
                measured ? "measured on this computer by the kernel lab (tokenrack calibrate); see docs/kernel-lab.md"
                        : "fitted on public TensorRT-LLM and Gaudi measurements; see docs/model.md"));
        PowerDetail pd = m.power.detail();
        if (pd != null && !c.accelerator().cpuAsAccelerator()) {
            prov.add(new Provenance("power", fmt("%s, %.0f W limit per accelerator; host from its parts (CPUs, memory, NICs, board, fans)"
                    + " and %.0f%% supply efficiency", pd.operatingPoint().label(), pd.limitWattsPerAccelerator(), PowerModel.PSU_EFFICIENCY * 100),
                    Provenance.Kind.MODELLED, "modelled draw; host parts partly assumed; checked on MLPerf wall power: see docs/model.md, Power"));
        }
        prov.add(new Provenance(model.name(), fmt("%.1fB parameters, %d layers", model.totalParamsB(), model.layers()),
                Provenance.Kind.DATASHEET, String.join("; ", model.sources())));
        io.tokenrack.engine.perf.Speculation spec = plan.serving().speculation();
        if (!spec.isOff()) {
            prov.add(acceptance(model, spec, request.acceptanceLength() != null));
        }
        double provisionedMw = m.power.provisionedItWatts() * c.pue() / 1e6;
        ServingPlan served = new ServingPlan(new Parallelism(step.tp(), step.pp(), model.moe() == null ? 1 : step.tp() * step.dp(), step.dp()),
                active, used, sp.concurrency() * active, (int) Math.min(Integer.MAX_VALUE, (long) plan.serving().maxConcurrency() * plan.replicas()),
                plan.serving().speculation());
        return new Evaluation.Ok(c.accelerator().id(), model.id(), n, served,
                new Throughput(m.output, m.input, m.output / n, (m.output + m.input) / n, sp.tokensPerSecondPerUser()),
                new Latency(sp.ttftSeconds(), sp.tpotSeconds()),
                new Memory(step.weightBytesPerAccelerator(), kvPerAcc),
                m.power,
                new Efficiency(m.output / m.power.itWatts(), m.output / m.power.facilityWatts(), m.output / provisionedMw),
                m.cost, bottleneck, racks, phases, notes, prov);
    }

    /** Where the acceptance length of the chosen speculation comes from. */
    static Provenance acceptance(ModelSpec model, io.tokenrack.engine.perf.Speculation s, boolean given) {
        String value = fmt("%s: %.2f tokens per step per user", s.label(), s.acceptanceLength());
        if (given) {
            return new Provenance("acceptance length", value, Provenance.Kind.ASSUMPTION, "given by the user");
        }
        return switch (s.method()) {
            case MTP -> model.mtp() != null && !model.mtp().acceptanceLength().isEmpty()
                    ? new Provenance("acceptance length", value, Provenance.Kind.MODELLED,
                            "curve fitted to " + model.mtp().acceptanceSource() + "; see docs/model.md")
                    : new Provenance("acceptance length", value, Provenance.Kind.MODELLED,
                            "MTP curve fitted to InferenceX golden acceptance lengths (DeepSeek-V4-Pro, GLM-5.2, Qwen3.5-397B); see docs/model.md");
            case EAGLE -> new Provenance("acceptance length", value, Provenance.Kind.MODELLED,
                    "EAGLE curve fitted to InferenceX EAGLE3 (Kimi-K2.5, MiniMax-M3) and SGLang EAGLE acceptance lengths; see docs/model.md");
            case DRAFT -> new Provenance("acceptance length", value, Provenance.Kind.ASSUMPTION,
                    "assumed: each draft token accepted with probability 0.7 (GenZ's default); see docs/model.md");
            case OFF -> throw new IllegalStateException("no acceptance length without speculation");
        };
    }

    /** Each rack's share of the IT power: the design's IT power per accelerator × the rack's accelerators. */
    static List<RackDraw> rackDraws(Cluster c, double itWatts) {
        double itPerAcc = itWatts / c.accelerators();
        List<RackDraw> out = new ArrayList<>(c.racks().size());
        for (Cluster.RackBudget r : c.racks()) {
            out.add(new RackDraw(r.rackId(), r.name(), r.accelerators(), itPerAcc * r.accelerators(), r.powerBudgetWatts(),
                    r.coolingCapacityWatts()));
        }
        return out;
    }

    private static Bottleneck bottleneck(Choice choice, ServingPoint sp, List<RackDraw> racks, List<Note> notes, int maxSequencesPerRank) {
        for (RackDraw r : racks) {
            if (r.overPowerBudget()) {
                notes.add(new Note.RackOverPower(r.name(), r.itWatts(), r.powerBudgetWatts()));
                return Bottleneck.POWER;
            }
            if (r.overCooling()) {
                notes.add(new Note.RackOverCooling(r.name(), r.itWatts(), r.coolingCapacityWatts()));
                return Bottleneck.COOLING;
            }
        }
        if (choice.limitBound()) {
            return Bottleneck.LATENCY_LIMIT;
        }
        // At "max" the batch stops where memory is full, unless the engine's batch limit came first.
        Plan plan = choice.plan();
        boolean memoryCapped = choice.memoryBound()
                && plan.serving().maxConcurrency() / plan.step().dp() < maxSequencesPerRank;
        if (memoryCapped) {
            return Bottleneck.MEMORY_CAPACITY;
        }
        return switch (sp.step().bound()) {
            case COMPUTE -> Bottleneck.COMPUTE;
            case MEMORY_BANDWIDTH -> Bottleneck.MEMORY_BANDWIDTH;
            case NETWORK -> Bottleneck.NETWORK;
            case OVERHEAD -> Bottleneck.OVERHEAD;
        };
    }

    private Evaluation doesNotFit(Cluster c, ModelSpec model, ModelShape shape, Workload w, List<Plan> plans) {
        double weights = shape.totalParams() * w.precision().bytesPerElement();
        double memory = c.accelerators() * c.accelerator().memoryBytes();
        String msg;
        if (plans.isEmpty() && weights <= memory) {
            // together the accelerators hold the weights, but no layout spreads one replica that far
            msg = fmt("%s does not fit: its weights need %s GB at %s, and a replica spans at most %d pipeline stages (one per layer)"
                    + " × tensor parallelism within the scale-up domain of %d, never enough of the %d × %s of %s GB each",
                    model.id(), plain(weights / 1e9), w.precision().label(), model.layers(), c.scaleUpDomain(), c.accelerators(),
                    c.accelerator().id(), plain(c.accelerator().memoryGB()));
        } else if (plans.isEmpty() || weights > memory) {
            msg = fmt("%s does not fit: its weights need %s GB at %s and the %d × %s hold %s GB",
                    model.id(), plain(weights / 1e9), w.precision().label(), c.accelerators(), c.accelerator().id(), plain(memory / 1e9));
        } else if (w.isMaxConcurrency() && (w.ttftLimitMs() != null || w.tpotLimitMs() != null || w.minTokensPerSecondPerUser() != null)) {
            msg = "no concurrency meets the latency limits on " + c.accelerators() + " × " + c.accelerator().id() + bestAlone(plans, w);
        } else {
            msg = fmt("%s does not fit with room for the KV cache of one %d-token request: weights %s GB at %s on %d × %s of %s GB",
                    model.id(), w.inputTokens() + w.outputTokens(), plain(weights / 1e9), w.precision().label(), c.accelerators(),
                    c.accelerator().id(), plain(c.accelerator().memoryGB()));
        }
        return new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, msg, c.accelerator().id(), model.id(), c.accelerators(),
                c.provenance());
    }

    /** "; one request alone gets at best …, asked …": what the limits are up against. */
    private static String bestAlone(List<Plan> plans, Workload w) {
        double tps = 0;
        double ttft = Double.POSITIVE_INFINITY;
        double tpot = Double.POSITIVE_INFINITY;
        for (Plan plan : plans) {
            if (plan.serving().maxConcurrency() < 1) {
                continue;
            }
            ServingPoint one = plan.serving().at(1);
            tps = Math.max(tps, one.tokensPerSecondPerUser());
            ttft = Math.min(ttft, one.ttftSeconds());
            tpot = Math.min(tpot, one.tpotSeconds());
        }
        if (tps == 0) {
            return "";
        }
        List<String> asked = new ArrayList<>();
        if (w.minTokensPerSecondPerUser() != null) {
            asked.add("≥ " + plain(w.minTokensPerSecondPerUser()) + " tokens/s per user");
        }
        if (w.ttftLimitMs() != null) {
            asked.add("TTFT ≤ " + plain(w.ttftLimitMs()) + " ms");
        }
        if (w.tpotLimitMs() != null) {
            asked.add("TPOT ≤ " + plain(w.tpotLimitMs()) + " ms");
        }
        return fmt(": one request alone gets at best %s tokens/s per user, TTFT %s ms, TPOT %s ms; asked %s",
                plain(tps), plain(ttft * 1e3), plain(tpot * 1e3), String.join(", ", asked));
    }

    /**
     * Three significant figures below 1,000 and whole units above, never rounded to 0 and without
     * exponent notation, thousands grouped (5,000, 117, 1.23, 0.0004).
     */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }

}
