package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.perf.DisaggregatedServing;
import io.tokenrack.engine.perf.Fabric;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.StepModel;
import io.tokenrack.engine.perf.StepTime;
import io.tokenrack.engine.power.PowerModel;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Disaggregated serving of a cluster: its accelerators split into a prefill pool and a decode pool,
 * each laid out by {@link ParallelismPlanner}, or a prefill pool of another accelerator beside it.
 * Searches the split (the prefill share of the accelerators), each pool's layout and the operating
 * point, and builds the {@link Evaluation} of the best. Pure, like {@link Evaluator}.
 */
final class DisaggregatedEvaluator {
    /** Splits tried when the search chooses the prefill share: about this many, spread evenly. */
    static final int SPLITS_SEARCHED = 24;

    private final Catalog catalog;

    DisaggregatedEvaluator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The decode pool is {@code cluster}; the prefill pool is {@code prefill}, accelerators of another kind. */
    Evaluation evaluate(Cluster cluster, Cluster prefill, Workload w, Assumptions a) {
        return search(cluster, w, a, List.of(new Split(prefill, cluster, true, cluster.scaleUpDomain())), true);
    }

    /**
     * Splits {@code cluster}: {@code prefillCount} and {@code decodeCount} accelerators when given
     * (one may be null: the rest of the cluster), else the best split searched.
     */
    Evaluation evaluate(Cluster cluster, Integer prefillCount, Integer decodeCount, Workload w, Assumptions a) {
        int n = cluster.accelerators();
        if (n < 2) {
            throw new EvaluationException("disaggregated serving needs at least 2 accelerators (a prefill and a decode pool); the design has 1");
        }
        List<Split> splits = new ArrayList<>();
        boolean forced = prefillCount != null || decodeCount != null;
        if (forced) {
            int p = prefillCount != null ? prefillCount : n - decodeCount;
            int d = decodeCount != null ? decodeCount : n - prefillCount;
            if (p < 1 || d < 1 || (long) p + d > n) {
                throw new EvaluationException(String.format(Locale.ROOT,
                        "the prefill and decode pools need at least 1 accelerator each and %d in all at most; asked %d prefill + %d decode",
                        n, p, d));
            }
            splits.add(new Split(pool(cluster, p), pool(cluster, d), false, cluster.scaleUpDomain()));
        } else {
            for (int p : prefillCounts(n, cluster.scaleUpDomain())) {
                splits.add(new Split(pool(cluster, p), pool(cluster, n - p), false, cluster.scaleUpDomain()));
            }
        }
        return search(cluster, w, a, splits, forced);
    }

    /** Prefill pool sizes to try: about {@link #SPLITS_SEARCHED} shares of n, plus whole scale-up domains and powers of two. */
    static List<Integer> prefillCounts(int n, int domain) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 1; i < SPLITS_SEARCHED; i++) {
            out.add((int) Math.round((double) n * i / SPLITS_SEARCHED));
        }
        for (int p = 1; p < n; p *= 2) {
            out.add(p);
        }
        for (int p = domain; p < n && out.size() < 2 * SPLITS_SEARCHED; p += domain) {
            out.add(p);
        }
        out.removeIf(p -> p < 1 || p >= n);
        return List.copyOf(out);
    }

    /**
     * @param prefill  the prefill pool's cluster
     * @param decode   the decode pool's cluster
     * @param apart    the pools are separate clusters (another accelerator kind): only the NICs join them
     * @param domain   the scale-up domain of the cluster split (a pool's own may be smaller)
     */
    private record Split(Cluster prefill, Cluster decode, boolean apart, int domain) {}

    /** A split's serving at its operating point. */
    private record Choice(Split split, Plan prefillPlan, Plan decodePlan, DisaggregatedServing serving, KvTransfer kv,
                          DisaggregatedServing.Point point, boolean meetsLimits, boolean limitBound, boolean memoryBound) {
        int used() {
            return prefillPlan.acceleratorsUsed() + decodePlan.acceleratorsUsed();
        }

        boolean better(Choice o) {
            if (meetsLimits != o.meetsLimits) {
                return meetsLimits;
            }
            double t = point.outputTokensPerSecond();
            double ot = o.point.outputTokensPerSecond();
            return t > ot * 1.0001 || (Math.abs(t - ot) <= ot * 1e-4 && used() < o.used());
        }
    }

    private Evaluation search(Cluster cluster, Workload w, Assumptions a, List<Split> splits, boolean forced) {
        ModelConstants k = a.constants();
        ModelSpec model;
        ModelShape shape;
        try {
            if (w.precision() == io.tokenrack.engine.workload.Precision.FP32) {
                throw new EvaluationException("fp32 is modelled only for a measured CPU host, which is not served disaggregated");
            }
            model = catalog.model(w.modelId());
            if ((long) w.inputTokens() + w.outputTokens() > model.maxContextTokens()) {
                throw new EvaluationException(String.format(Locale.ROOT, "%d input + %d output tokens exceed the %,d-token context of %s",
                        w.inputTokens(), w.outputTokens(), model.maxContextTokens(), model.id()));
            }
            shape = ModelShape.of(model);
        } catch (InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), cluster.accelerator().id(), w.modelId(),
                    cluster.accelerators(), cluster.provenance());
        }
        Map<String, List<Plan>> plans = new HashMap<>();
        Choice best = null;
        String why = null;
        for (Split s : splits) {
            List<Plan> prefillPlans;
            List<Plan> decodePlans;
            try {
                prefillPlans = plans.computeIfAbsent(s.prefill.accelerator().id() + "/" + s.prefill.accelerators(),
                        x -> ParallelismPlanner.plans(s.prefill, model, shape, w, k, Batching.CONTINUOUS));
                decodePlans = plans.computeIfAbsent(s.decode.accelerator().id() + "/" + s.decode.accelerators(),
                        x -> ParallelismPlanner.plans(s.decode, model, shape, w, k, Batching.CONTINUOUS));
            } catch (InputException e) {
                if (forced) {
                    return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), cluster.accelerator().id(), w.modelId(),
                            cluster.accelerators(), cluster.provenance());
                }
                continue;
            }
            for (Plan pp : prefillCandidates(prefillPlans, w, k)) {
                for (Plan dp : decodePlans) {
                    KvLink link = link(s, pp, dp, k);
                    if (link == null) {
                        why = "the prefill and decode pools are in different scale-up domains and no scale-out network joins them to move the KV cache";
                        continue;
                    }
                    KvTransfer kv = KvTransfer.of(pp.step(), dp.step(), w.inputTokens(), link.fabric, link.name, k.linkEfficiency());
                    DisaggregatedServing ds = new DisaggregatedServing(pp.step(), pp.replicas(), dp.step(), dp.replicas(), k,
                            w.inputTokens(), w.outputTokens(), w.effectivePrefixHitRate(), kv.seconds());
                    if (!ds.fits()) {
                        continue;
                    }
                    Choice c = operatingPoint(s, pp, dp, ds, kv, w);
                    if (c != null && (best == null || c.better(best))) {
                        best = c;
                    }
                }
            }
        }
        if (best == null) {
            String msg = why != null ? why
                    : w.isMaxConcurrency() && (w.ttftLimitMs() != null || w.tpotLimitMs() != null || w.minTokensPerSecondPerUser() != null)
                    ? "no disaggregated split of the " + cluster.accelerators() + " × " + cluster.accelerator().id() + " meets the latency limits"
                    : "no disaggregated split of the " + cluster.accelerators() + " × " + cluster.accelerator().id()
                            + " gives both a prefill and a decode pool room for " + model.id() + " and one request's KV cache";
            return new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, msg, cluster.accelerator().id(), model.id(),
                    cluster.accelerators(), cluster.provenance());
        }
        return build(cluster, best, model, w, a);
    }

    /** The prefill layouts worth pairing: the one with the highest pool rate and the one that prefills a prompt soonest. */
    private static List<Plan> prefillCandidates(List<Plan> plans, Workload w, ModelConstants k) {
        Plan fastest = null;
        Plan soonest = null;
        double bestRate = 0;
        double bestLatency = Double.POSITIVE_INFINITY;
        double cached = w.effectivePrefixHitRate() * w.inputTokens();
        double uncached = w.inputTokens() - cached;
        for (Plan p : plans) {
            if (p.step().maxSequencesPerRank(w.inputTokens()) < 1) {
                continue;
            }
            StepModel s = p.step();
            double budget = k.maxTokensPerStep();
            double rate = p.replicas() * s.dp() * budget / s.stage(0, 0, budget, w.inputTokens(), cached).seconds();
            double chunk = Math.min(uncached, budget);
            double latency = Math.ceil(uncached / chunk) * s.pp() * s.stage(0, 0, chunk, w.inputTokens(), cached).seconds();
            if (rate > bestRate) {
                bestRate = rate;
                fastest = p;
            }
            if (latency < bestLatency) {
                bestLatency = latency;
                soonest = p;
            }
        }
        if (fastest == null) {
            return List.of();
        }
        return fastest == soonest ? List.of(fastest) : List.of(fastest, soonest);
    }

    private record KvLink(Fabric fabric, String name) {}

    /**
     * The link the KV cache crosses: the scale-up fabric when both pools sit in one scale-up domain,
     * else the NICs (the slower side's); null when neither joins them.
     */
    private static KvLink link(Split s, Plan prefill, Plan decode, ModelConstants k) {
        Cluster c = s.decode;
        double scaleUp = c.accelerator().scaleUpBytesPerSecond();
        int together = prefill.acceleratorsUsed() + decode.acceleratorsUsed();
        if (!s.apart && together <= s.domain && scaleUp > 0) {
            return new KvLink(new Fabric(scaleUp, k.collectiveLatencyScaleUpSeconds(), false), "the scale-up fabric");
        }
        double out = s.apart ? Math.min(s.prefill.scaleOutBytesPerSecondPerAccelerator(), c.scaleOutBytesPerSecondPerAccelerator())
                : c.scaleOutBytesPerSecondPerAccelerator();
        if (!(out > 0)) {
            return null;
        }
        return new KvLink(new Fabric(out, k.collectiveLatencyScaleOutSeconds(), true), "the scale-out NICs");
    }

    private static Choice operatingPoint(Split s, Plan pp, Plan dp, DisaggregatedServing ds, KvTransfer kv, Workload w) {
        if (!w.isMaxConcurrency()) {
            DisaggregatedServing.Point p = ds.at(w.concurrency());
            return new Choice(s, pp, dp, ds, kv, p, meets(p, w), false, p.queuedRequests() > 0);
        }
        int max = ds.maxConcurrency();
        DisaggregatedServing.Point top = ds.at(max);
        if (top.queuedRequests() > 0) {
            // the prefill pool keeps fewer busy: as many as it keeps, no queue
            top = ds.at(Math.max(1, max - top.queuedRequests()));
        }
        if (meets(top, w)) {
            return new Choice(s, pp, dp, ds, kv, top, true, false, top.decodeConcurrency() >= max * 0.999);
        }
        if (!meets(ds.at(1), w)) {
            return null;
        }
        int lo = 1;
        int hi = max;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (meets(ds.at(mid), w)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Choice(s, pp, dp, ds, kv, ds.at(lo), true, true, false);
    }

    private static boolean meets(DisaggregatedServing.Point p, Workload w) {
        if (w.ttftLimitMs() != null && p.ttftSeconds() * 1000 > w.ttftLimitMs()) {
            return false;
        }
        if (w.tpotLimitMs() != null && p.tpotSeconds() * 1000 > w.tpotLimitMs()) {
            return false;
        }
        return w.minTokensPerSecondPerUser() == null || p.tokensPerSecondPerUser() >= w.minTokensPerSecondPerUser();
    }

    /** A pool of {@code n} of the cluster's accelerators, with its share of the host, network, power and capital. */
    static Cluster pool(Cluster c, int n) {
        double share = (double) n / c.accelerators();
        return new Cluster(c.accelerator(), n, Math.min(c.scaleUpDomain(), n), c.scaleOutBytesPerSecondPerAccelerator(),
                c.hostNameplateWatts() * share, c.networkWatts() * share, c.pue(), c.provisionedItWatts() * share,
                c.capexUsd() == null ? null : c.capexUsd() * share, List.of(), c.provenance());
    }

    private static Parallelism layout(StepModel s, ModelSpec m) {
        return new Parallelism(s.tp(), s.pp(), m.moe() == null ? 1 : s.tp() * s.dp(), s.dp());
    }

    private Evaluation.Ok build(Cluster cluster, Choice ch, ModelSpec model, Workload w, Assumptions a) {
        Split s = ch.split;
        DisaggregatedServing.Point pt = ch.point;
        StepModel ps = ch.prefillPlan.step();
        StepModel ds = ch.decodePlan.step();
        int prefillUsed = ch.prefillPlan.acceleratorsUsed();
        int decodeUsed = ch.decodePlan.acceleratorsUsed();
        int n = s.apart ? s.prefill.accelerators() + s.decode.accelerators() : cluster.accelerators();
        int idle = n - prefillUsed - decodeUsed;

        // Power: the prefill pool busy for its utilisation (engine-active floor otherwise), the decode pool every step.
        Device pd = ps.device();
        Device dd = ds.device();
        double rho = pt.prefillUtilization();
        StepTime pstep = pt.prefillStep();
        StepTime dstep = pt.decodeStep();
        double prefillW = rho * PowerModel.acceleratorWatts(pd.tdpWatts(), pstep.computeUtilization(pd.peakFlops(w.precision())),
                pstep.memoryUtilization(pd.memBandwidthBytesPerSecond()), pstep.computeBusy())
                + (1 - rho) * PowerModel.acceleratorWatts(pd.tdpWatts(), 0, 0, 0);
        double decodeW = PowerModel.acceleratorWatts(dd.tdpWatts(), dstep.computeUtilization(dd.peakFlops(w.precision())),
                dstep.memoryUtilization(dd.memBandwidthBytesPerSecond()), dstep.computeBusy());
        int idlePrefill = s.apart ? s.prefill.accelerators() - prefillUsed : 0;
        int idleDecode = idle - idlePrefill;
        double accW = prefillUsed * prefillW + decodeUsed * decodeW
                + idlePrefill * PowerModel.idleAcceleratorWatts(pd.tdpWatts()) + idleDecode * PowerModel.idleAcceleratorWatts(dd.tdpWatts());
        double hostNameplate = cluster.hostNameplateWatts() + (s.apart ? s.prefill.hostNameplateWatts() : 0);
        double networkW = cluster.networkWatts() + (s.apart ? s.prefill.networkWatts() : 0);
        double hostW = hostNameplate * PowerModel.HOST_LOAD_FRACTION;
        double it = accW + hostW + networkW;
        double pue = s.apart ? (cluster.pue() * cluster.accelerators() + s.prefill.pue() * s.prefill.accelerators()) / n : cluster.pue();
        double facility = it * pue;
        double provisioned = cluster.provisionedItWatts() + (s.apart ? s.prefill.provisionedItWatts() : 0);
        PowerBreakdown power = new PowerBreakdown(accW, hostW, networkW, it, facility - it, facility, pue, provisioned);

        Double capexKnown = cluster.capexUsd() == null || (s.apart && s.prefill.capexUsd() == null) ? null
                : cluster.capexUsd() + (s.apart ? s.prefill.capexUsd() : 0);
        double capex = a.capexUsdOverride() != null ? a.capexUsdOverride() : capexKnown == null ? Double.NaN : capexKnown;
        double capital = CostModel.capitalUsdPerHour(capex, a.costOfCapital(), a.amortizationYears());
        double energy = CostModel.energyUsdPerHour(facility, a.electricityUsdPerKwh());
        double fac = CostModel.facilityUsdPerHour(provisioned, a.colocationUsdPerKwMonth());
        double total = capital + energy + fac;
        double output = pt.outputTokensPerSecond();
        double input = pt.inputTokensPerSecond();
        double prefillShare = (double) prefillUsed / (prefillUsed + decodeUsed);
        CostBreakdown cost = new CostBreakdown(capital, energy, fac, total, total / n,
                CostModel.usdPerMillionTokens(total, output, a.utilization()),
                CostModel.usdPerMillionTokens(total * prefillShare, input, a.utilization()));

        List<Note> notes = new ArrayList<>();
        if (idle > 0) {
            notes.add(new Note.IdleAccelerators(idle, n, ds.groupSize()));
        }
        if (!ch.meetsLimits) {
            notes.add(new Note.LimitsNotMet());
        }
        if (pt.queuedRequests() > 0) {
            notes.add(new Note.QueuedRequests(pt.queuedRequests() / ch.decodePlan.replicas()));
        }
        if (Double.isNaN(power.itWatts())) {
            notes.add(new Note.UnknownPower(cluster.accelerator().name(), cluster.accelerator().cpuAsAccelerator()));
        }
        if (Double.isNaN(cost.totalUsdPerHour())) {
            notes.add(new Note.UnknownCost(cluster.accelerator().name()));
        }
        List<Provenance> prov = new ArrayList<>(cluster.provenance());
        if (s.apart) {
            prov.addAll(s.prefill.provenance());
        }
        prov = new ArrayList<>(new LinkedHashSet<>(prov));
        for (Provenance p : prov) {
            switch (p.status()) {
                case ASSUMPTION -> notes.add(new Note.AssumedValue(p));
                case NOT_COUNTED -> notes.add(new Note.NotCounted(p));
                case DATASHEET, MEASURED, MODELLED, NOT_PUBLISHED, NOT_MEASURED -> { }
            }
        }
        if (!dd.hasNativeMath(w.precision())) {
            notes.add(new Note.NoNativeMath(cluster.accelerator().name(), w.precision()));
        }
        List<RackDraw> racks = s.apart ? List.of() : Evaluator.rackDraws(cluster, it);
        Bottleneck bottleneck = bottleneck(ch, racks, notes, a.constants().maxSequencesPerRank());
        prov.add(new Provenance("model constants", String.format(Locale.ROOT, "η_gemm %.2f, η_mem %.2f, step overhead %.1f µs",
                a.constants().gemmEfficiencyMax(), a.constants().memoryEfficiency(), a.constants().stepOverheadSeconds() * 1e6),
                Provenance.Kind.MODELLED, "fitted on public TensorRT-LLM and Gaudi measurements; see docs/model.md"));
        prov.add(new Provenance(model.name(), String.format(Locale.ROOT, "%.1fB parameters, %d layers", model.totalParamsB(), model.layers()),
                Provenance.Kind.DATASHEET, String.join("; ", model.sources())));
        prov.add(new Provenance("KV cache transfer", String.format(Locale.ROOT, "%.1f MB per accelerator per request over %s at %.0f GB/s",
                ch.kv.bytesPerAccelerator() / 1e6, ch.kv.linkName(), ch.kv.link().bytesPerSecondPerDirection() / 1e9),
                Provenance.Kind.MODELLED, "disaggregated serving; see docs/model.md"));

        double perDecodeRank = pt.decodeConcurrency() / ch.decodePlan.replicas() / ds.dp();
        double kvPerAcc = perDecodeRank * ds.kvBytesPerSequencePerAccelerator(w.inputTokens() + w.outputTokens() / 2.0);
        ServingSplit split = new ServingSplit(ServingMode.DISAGGREGATED, prefillUsed, decodeUsed, layout(ps, model), layout(ds, model),
                ch.prefillPlan.replicas(), ch.decodePlan.replicas(), s.apart ? s.prefill.accelerator().id() : null, ch.kv.seconds(),
                ch.kv.linkName());
        ServingPlan plan = new ServingPlan(layout(ds, model), ch.prefillPlan.replicas() + ch.decodePlan.replicas(), prefillUsed + decodeUsed,
                pt.decodeConcurrency(), ch.serving.maxConcurrency(), split);
        double provisionedMw = provisioned * pue / 1e6;
        List<PhaseBreakdown> phases = List.of(
                PhaseBreakdown.of(Phase.PREFILL, pstep),
                PhaseBreakdown.of(Phase.DECODE, dstep),
                PhaseBreakdown.of(Phase.STEADY_STEP, dstep));
        return new Evaluation.Ok(cluster.accelerator().id(), model.id(), n, plan,
                new Throughput(output, input, output / n, (output + input) / n, pt.tokensPerSecondPerUser()),
                new Latency(pt.ttftSeconds(), pt.tpotSeconds()),
                new Memory(ds.weightBytesPerAccelerator(), kvPerAcc),
                power, new Efficiency(output / power.itWatts(), output / power.facilityWatts(), output / provisionedMw),
                cost, bottleneck, racks, phases, notes, prov);
    }

    private static Bottleneck bottleneck(Choice ch, List<RackDraw> racks, List<Note> notes, int maxSequencesPerRank) {
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
        if (ch.limitBound) {
            return Bottleneck.LATENCY_LIMIT;
        }
        StepModel ds = ch.decodePlan.step();
        if (ch.memoryBound && ch.serving.maxConcurrency() / ch.decodePlan.replicas() / ds.dp() < maxSequencesPerRank) {
            return Bottleneck.MEMORY_CAPACITY;
        }
        // The slower pool sets the rate: the prefill pool when it runs full.
        StepTime limiting = ch.point.prefillUtilization() >= 0.999 ? ch.point.prefillStep() : ch.point.decodeStep();
        return switch (limiting.bound()) {
            case COMPUTE -> Bottleneck.COMPUTE;
            case MEMORY_BANDWIDTH -> Bottleneck.MEMORY_BANDWIDTH;
            case NETWORK -> Bottleneck.NETWORK;
            case OVERHEAD -> Bottleneck.OVERHEAD;
        };
    }
}
