package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.perf.AfdOffload;
import io.tokenrack.engine.perf.AttentionFfnSplit;
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

/**
 * Disaggregated serving of a cluster: its accelerators split into a prefill pool and a decode pool,
 * each laid out by {@link ParallelismPlanner}, or a prefill pool of another accelerator beside it.
 * Searches the split (the prefill share of the accelerators), each pool's layout and the operating
 * point, and builds the {@link Evaluation} of the best. Pure, like {@link Evaluator}.
 */
final class DisaggregatedEvaluator {
    private final Catalog catalog;

    DisaggregatedEvaluator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The decode pool is {@code cluster}; the prefill pool is {@code prefill}, accelerators of another kind. */
    Evaluation evaluate(Cluster cluster, Cluster prefill, Workload w, Assumptions a) {
        return evaluate(cluster, prefill, w, a, SpeculationRequest.OFF);
    }

    /** As above, the decode pool running the speculative decoding asked for ({@code auto}: off or each draft depth, the best). */
    Evaluation evaluate(Cluster cluster, Cluster prefill, Workload w, Assumptions a, SpeculationRequest speculation) {
        return search(cluster, w, a, new Pools(prefill, cluster, true, false, cluster.scaleUpDomain()), 0, speculation);
    }

    /**
     * Splits {@code cluster}: {@code prefillCount} and {@code decodeCount} accelerators when given
     * (one may be null: the rest of the cluster), else the best split searched.
     */
    Evaluation evaluate(Cluster cluster, Integer prefillCount, Integer decodeCount, Workload w, Assumptions a) {
        return evaluate(cluster, prefillCount, decodeCount, w, a, 0, SpeculationRequest.OFF);
    }

    /**
     * As {@link #evaluate(Cluster, Integer, Integer, Workload, Assumptions)}; with {@code floor} output
     * tokens/s that another way of serving already reaches within the limits, splits that cannot
     * beat it are skipped (what comes back is then the best of the rest, possibly below the floor).
     */
    Evaluation evaluate(Cluster cluster, Integer prefillCount, Integer decodeCount, Workload w, Assumptions a, double floor) {
        return evaluate(cluster, prefillCount, decodeCount, w, a, floor, SpeculationRequest.OFF);
    }

    /** As above, the decode pool running the speculative decoding asked for ({@code auto}: off or each draft depth, the best). */
    Evaluation evaluate(Cluster cluster, Integer prefillCount, Integer decodeCount, Workload w, Assumptions a, double floor,
                        SpeculationRequest speculation) {
        int n = cluster.accelerators();
        if (n < 2) {
            throw new EvaluationException("disaggregated serving needs at least 2 accelerators (a prefill and a decode pool); the design has 1");
        }
        if (prefillCount == null && decodeCount == null) {
            return search(cluster, w, a, new Pools(cluster, cluster, false, true, cluster.scaleUpDomain()), floor, speculation);
        }
        int p = prefillCount != null ? prefillCount : n - decodeCount;
        int d = decodeCount != null ? decodeCount : n - prefillCount;
        if (p < 1 || d < 1 || (long) p + d > n) {
            throw new EvaluationException(String.format(Locale.ROOT,
                    "the prefill and decode pools need at least 1 accelerator each and %d in all at most; asked %d prefill + %d decode",
                    n, p, d));
        }
        return search(cluster, w, a, new Pools(pool(cluster, p), pool(cluster, d), false, false, cluster.scaleUpDomain()), 0, speculation);
    }

    /**
     * Where the two pools come from.
     *
     * @param prefill  the cluster the prefill layouts are planned on (the whole cluster when shared)
     * @param decode   the cluster the decode layouts are planned on
     * @param apart    the pools are separate clusters (another accelerator kind): only the NICs join them
     * @param shared   one cluster whose accelerators the two pools divide as the search chooses;
     *                 otherwise each pool is its own cluster, filled with as many replicas as fit
     * @param domain   the scale-up domain of the cluster split (a pool's own may be smaller)
     */
    private record Pools(Cluster prefill, Cluster decode, boolean apart, boolean shared, int domain, Cluster ffn) {
        Pools(Cluster prefill, Cluster decode, boolean apart, boolean shared, int domain) {
            this(prefill, decode, apart, shared, domain, null);
        }
    }

    /**
     * Prefill and decode pools split from {@code gpus} as the search chooses, the decode pool's FFN /
     * expert layers run, as far as they fit and pay, on {@code ffn} (attention–FFN disaggregation of
     * the decode pool, {@link AfdOffload}): the prefill pool prefills, the KV cache moves to the decode
     * pool, the decode pool runs attention and sends the offloaded layers' activations to the FFN
     * pool and back. {@code gpus} must reach the FFN pool through NICs (scale-out bandwidth set).
     */
    Evaluation evaluateWithFfnPool(Cluster gpus, Cluster ffn, Workload w, Assumptions a, SpeculationRequest speculation) {
        if (gpus.accelerators() < 2) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.DOES_NOT_FIT, "prefill and decode pools need at least 2 " + gpus.accelerator().id(),
                    gpus.accelerator().id(), w.modelId(), gpus.accelerators() + ffn.accelerators(), gpus.provenance());
        }
        return search(gpus, w, a, new Pools(gpus, gpus, false, true, gpus.scaleUpDomain(), ffn), 0, speculation);
    }

    /** A split's serving at its operating point: {@code x} prefill replicas of one layout, {@code y} decode replicas of another. */
    private record Choice(Pools pools, Plan prefillPlan, int x, Plan decodePlan, int y, DisaggregatedServing serving, KvTransfer kv,
                          DisaggregatedServing.Point point, boolean meetsLimits, boolean limitBound, boolean memoryBound) {
        int prefillUsed() {
            return x * prefillPlan.step().groupSize();
        }

        int decodeUsed() {
            return y * decodePlan.step().groupSize();
        }

        boolean better(Choice o) {
            if (meetsLimits != o.meetsLimits) {
                return meetsLimits;
            }
            double t = point.outputTokensPerSecond();
            double ot = o.point.outputTokensPerSecond();
            if (Math.abs(t - ot) > ot * 1e-4) {
                return t > ot;
            }
            // as many tokens: the faster for each user, then the fewer accelerators
            double u = point.tokensPerSecondPerUser();
            double ou = o.point.tokensPerSecondPerUser();
            return u > ou * 1.0001 || (Math.abs(u - ou) <= ou * 1e-4 && prefillUsed() + decodeUsed() < o.prefillUsed() + o.decodeUsed());
        }
    }

    private Evaluation search(Cluster cluster, Workload w, Assumptions a, Pools pools, double floor, SpeculationRequest speculation) {
        ModelConstants k = a.constants();
        ModelSpec model;
        ModelShape shape;
        List<Plan> prefillPlans;
        List<List<Plan>> decodePlans;
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
            List<Plan> decodeLayouts = ParallelismPlanner.plans(pools.decode, model, shape, w, k, Batching.CONTINUOUS);
            List<Plan> plainDecode = withTwoBatchOverlap(decodeLayouts);
            // the prefill pool does not draft: its layouts are the plain ones
            prefillPlans = pools.shared ? plainDecode
                    : withTwoBatchOverlap(ParallelismPlanner.plans(pools.prefill, model, shape, w, k, Batching.CONTINUOUS));
            decodePlans = Evaluator.speculative(plainDecode, model, speculation, catalog); // each decode layout once per speculation to try, off first
        } catch (InputException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), cluster.accelerator().id(), w.modelId(),
                    cluster.accelerators(), cluster.provenance());
        }
        AfdOffload offload = pools.ffn == null ? null : new AfdOffload(shape, Device.of(pools.ffn.accelerator()), w.precision(), k,
                pools.ffn.accelerators(), AttentionFfnEvaluator.nicBytesPerSecond(pools.decode));
        // one offloaded step per decode plan, remembered across the search
        Map<Plan, DisaggregatedServing.DecodeOffload> afds = new java.util.IdentityHashMap<>();
        // the decode side of each pair's bound, per decode plan and most decode replicas: the same for every prefill layout of a size
        Map<Plan, Map<Integer, Double>> decodeBounds = new java.util.IdentityHashMap<>();
        java.util.function.Function<Plan, DisaggregatedServing.DecodeOffload> afdOf = offload == null ? dp -> null
                : dp -> afds.computeIfAbsent(dp, x -> afd(offload, x, w));
        Choice best = null;
        String why = null;
        for (PrefillLayout pl : prefillCandidates(prefillPlans, w, k)) {
            for (List<Plan> layout : decodePlans) {
                // one decode layout, speculation off first, then each method's deeper and deeper drafts (DraftDepths)
                DraftDepths<Choice> depths = new DraftDepths<>(Choice::better);
                for (Plan dp : layout) {
                    var method = dp.serving().speculation().method();
                    depths.enter(method);
                    if (depths.stopped()) {
                        continue;
                    }
                    if (pools.shared) {
                        // no split of this pair beats the bound: min(most prefill with one decode replica, most decode)
                        double bound = upperBound(pools, pl, dp, w, k, offload, decodeBounds);
                        if (bound <= floor || best != null && best.meetsLimits && bound <= best.point.outputTokensPerSecond()) {
                            continue;
                        }
                    }
                    Choice local = null;
                    for (int[] xy : replicas(pools, pl, dp, w, k, afdOf.apply(dp))) {
                        int x = xy[0];
                        int y = xy[1];
                        KvLink link = link(pools, x * pl.plan.step().groupSize() + y * dp.step().groupSize(), k);
                        if (link == null) {
                            why = pools.apart
                                    ? "no NICs join the prefill pool (" + pools.prefill.accelerator().id() + ") and the decode pool ("
                                            + pools.decode.accelerator().id() + ") to move the KV cache: the catalog's servers for them list none"
                                    : "the prefill and decode pools are in different scale-up domains and no scale-out network joins them to move the KV cache";
                            continue;
                        }
                        KvTransfer kv = KvTransfer.of(pl.plan.step(), dp.step(), w.inputTokens(), link.fabric, link.name, k.linkEfficiency());
                        DisaggregatedServing ds = new DisaggregatedServing(pl.plan.step(), x, dp.step(), y, k,
                                w.inputTokens(), w.outputTokens(), w.effectivePrefixHitRate(), kv.seconds(),
                                dp.serving().speculation(), dp.serving().drafter(), afdOf.apply(dp));
                        if (!ds.fits()) {
                            continue;
                        }
                        Choice c = operatingPoint(pools, pl.plan, x, dp, y, ds, kv, w);
                        if (c != null && (local == null || c.better(local))) {
                            local = c;
                        }
                    }
                    if (local != null && (best == null || local.better(best))) {
                        best = local;
                    }
                    depths.record(method, local);
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
        return build(cluster, best, model, w, a, speculation);
    }

    /** TPOT of a decode replica of {@code dp} holding {@code perReplica} sequences: pure decode steps, speculative when it drafts. */
    private static double decodeTpot(Plan dp, double perReplica, Workload w, DisaggregatedServing.DecodeOffload offload, int replicas) {
        StepModel d = dp.step();
        var s = dp.serving().speculation();
        double in = w.inputTokens();
        StepTime plain = DisaggregatedServing.decodeStep(d, s, dp.serving().drafter(), perReplica, in, w.outputTokens(),
                w.effectivePrefixHitRate() * in);
        double seconds = offload == null ? plain.seconds() : offload.stepSeconds(plain, perReplica, replicas);
        return d.pp() * seconds / s.acceptanceLength();
    }

    /** A TPOT no placement of the FFN layers goes below ({@link AfdOffload#lowerBoundSeconds}), for bounds. */
    private static double lowestTpot(Plan dp, double perReplica, Workload w, AfdOffload offload) {
        StepModel d = dp.step();
        var s = dp.serving().speculation();
        double in = w.inputTokens();
        double cached = w.effectivePrefixHitRate() * in;
        StepTime plain = DisaggregatedServing.decodeStep(d, s, dp.serving().drafter(), perReplica, in, w.outputTokens(), cached);
        return d.pp() * offload.lowerBoundSeconds(d, plain, perReplica) / s.acceptanceLength();
    }

    /** The decode step of {@code dp}'s replicas with their FFN layers offloaded as far as it pays. */
    private static DisaggregatedServing.DecodeOffload afd(AfdOffload offload, Plan dp, Workload w) {
        double in = w.inputTokens();
        double context = in + w.outputTokens() / 2.0;
        double cached = w.effectivePrefixHitRate() * in;
        var spec = dp.serving().speculation();
        // the searches ask the same batch again and again (bounds, rate matching, the operating point): each is worked out once
        Map<List<Double>, Double> memo = new HashMap<>();
        return (plain, perReplica, replicas) -> memo.computeIfAbsent(List.of(perReplica, (double) replicas),
                key -> offload.step(dp.step(), spec, plain.seconds(), perReplica, replicas, context, in, cached).seconds());
    }

    /**
     * The layouts, and for MoE layouts with expert parallelism the same layout with two-batch
     * overlap as well: each pool runs whichever is faster (big, compute-bound batches hide the
     * all-to-all and pay little for the second read of the weights; small decode batches do not gain).
     */
    static List<Plan> withTwoBatchOverlap(List<Plan> plans) {
        List<Plan> out = new ArrayList<>(plans);
        for (Plan p : plans) {
            StepModel s = p.step();
            if (s.isExpertParallel()) {
                out.add(new Plan(s.withTwoBatchOverlap(), p.serving(), p.replicas()));
            }
        }
        return out;
    }

    /** A prefill layout with the requests per second one replica prefills at its full token budget. */
    private record PrefillLayout(Plan plan, double requestsPerSecond) {}

    /**
     * The prefill layouts worth pairing: for each replica size the one that prefills most per
     * accelerator (each size, since a large replica may leave no room for the decode pool), and the
     * one that prefills a prompt soonest (for a TTFT limit).
     */
    private static List<PrefillLayout> prefillCandidates(List<Plan> plans, Workload w, ModelConstants k) {
        Map<Integer, PrefillLayout> fastest = new HashMap<>();
        PrefillLayout soonest = null;
        double soonestLatency = Double.POSITIVE_INFINITY;
        double cached = w.effectivePrefixHitRate() * w.inputTokens();
        double uncached = w.inputTokens() - cached;
        double budget = k.maxTokensPerStep();
        for (Plan p : plans) {
            StepModel s = p.step();
            if (s.maxSequencesPerRank(w.inputTokens()) < 1) {
                continue;
            }
            int g = s.groupSize();
            double perReplica = s.dp() * budget / s.stage(0, 0, budget, w.inputTokens(), cached).seconds() / uncached;
            double chunk = Math.min(uncached, budget);
            double latency = Math.ceil(uncached / chunk) * s.pp() * s.stage(0, 0, chunk, w.inputTokens(), cached).seconds();
            PrefillLayout l = new PrefillLayout(p, perReplica);
            PrefillLayout f = fastest.get(g);
            if (f == null || perReplica > f.requestsPerSecond) {
                fastest.put(g, l);
            }
            if (latency < soonestLatency) {
                soonestLatency = latency;
                soonest = l;
            }
        }
        List<PrefillLayout> out = new ArrayList<>(fastest.values());
        PrefillLayout first = soonest;
        if (first != null && out.stream().noneMatch(o -> o.plan == first.plan)) {
            out.add(first);
        }
        return out;
    }

    /**
     * Replica counts {x prefill, y decode} to try for a pair of layouts. Pools of their own: as many
     * replicas as each holds. A shared cluster: the rates match where x·r_p (falling as y takes
     * accelerators) meets the decode pool's rate (rising with y), found by bisection on y; the
     * counts on both sides of the crossing are returned.
     */
    private static List<int[]> replicas(Pools pools, PrefillLayout pl, Plan dp, Workload w, ModelConstants k,
                                        DisaggregatedServing.DecodeOffload offload) {
        int gp = pl.plan.step().groupSize();
        int gd = dp.step().groupSize();
        if (!pools.shared) {
            int x = pools.prefill.accelerators() / gp;
            int y = pools.decode.accelerators() / gd;
            return x >= 1 && y >= 1 ? List.<int[]>of(new int[] {x, y}) : List.of();
        }
        int n = pools.decode.accelerators();
        int yMax = (n - gp) / gd;
        int perReplicaMax = dp.serving().maxConcurrency();
        if (yMax < 1 || perReplicaMax < 1) {
            return List.of();
        }
        double out = w.outputTokens();
        // The decode pool's rate with y replicas: N/y requests each (fixed N), or full replicas (max).
        java.util.function.IntToDoubleFunction decodeRate = y -> {
            double c = w.isMaxConcurrency() ? perReplicaMax : Math.min((double) w.concurrency() / y, perReplicaMax);
            return y * c / decodeTpot(dp, c, w, offload, y) / out;
        };
        java.util.function.IntToDoubleFunction prefillRate = y -> (double) ((n - y * gd) / gp) * pl.requestsPerSecond;
        int lo = 1;
        int hi = yMax;
        if (decodeRate.applyAsDouble(lo) >= prefillRate.applyAsDouble(lo)) {
            hi = lo;
        } else if (decodeRate.applyAsDouble(hi) <= prefillRate.applyAsDouble(hi)) {
            lo = hi;
        } else {
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (decodeRate.applyAsDouble(mid) < prefillRate.applyAsDouble(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
        List<int[]> out2 = new ArrayList<>(2);
        for (int y : lo == hi ? new int[] {lo} : new int[] {lo, hi}) {
            int x = (n - y * gd) / gp;
            if (x >= 1) {
                out2.add(new int[] {x, y});
            }
        }
        return out2;
    }

    /**
     * Output tokens/s no split of a shared cluster into these two layouts exceeds: the prefill pool
     * at its largest (one decode replica) and the decode pool at its largest (one prefill replica),
     * the smaller of the two, times O (the decode rate only grows with more replicas).
     */
    private static double upperBound(Pools pools, PrefillLayout pl, Plan dp, Workload w, ModelConstants k, AfdOffload offload,
                                     Map<Plan, Map<Integer, Double>> decodeBounds) {
        int gp = pl.plan.step().groupSize();
        int gd = dp.step().groupSize();
        int n = pools.decode.accelerators();
        int yMax = (n - gp) / gd;
        int perReplicaMax = dp.serving().maxConcurrency();
        if (yMax < 1 || perReplicaMax < 1) {
            return 0;
        }
        double out = w.outputTokens();
        double c = w.isMaxConcurrency() ? perReplicaMax : Math.min((double) w.concurrency() / yMax, perReplicaMax);
        double decode = decodeBounds.computeIfAbsent(dp, x -> new HashMap<>()).computeIfAbsent(yMax,
                y -> y * c / (offload == null ? decodeTpot(dp, c, w, null, 1) : lowestTpot(dp, c, w, offload)));
        double prefill = (double) ((n - gd) / gp) * pl.requestsPerSecond * out;
        return Math.min(decode, prefill);
    }

    private record KvLink(Fabric fabric, String name) {}

    /**
     * The link the KV cache crosses: the scale-up fabric when both pools ({@code used} accelerators)
     * sit in one scale-up domain, else the NICs (the slower side's); null when neither joins them.
     */
    private static KvLink link(Pools pools, int used, ModelConstants k) {
        Cluster c = pools.decode;
        double scaleUp = c.accelerator().scaleUpBytesPerSecond();
        if (!pools.apart && used <= pools.domain && scaleUp > 0) {
            return new KvLink(new Fabric(scaleUp, k.collectiveLatencyScaleUpSeconds(), false), "the scale-up fabric");
        }
        double out = pools.apart ? Math.min(pools.prefill.scaleOutBytesPerSecondPerAccelerator(), c.scaleOutBytesPerSecondPerAccelerator())
                : c.scaleOutBytesPerSecondPerAccelerator();
        if (!(out > 0)) {
            return null;
        }
        return new KvLink(new Fabric(out, k.collectiveLatencyScaleOutSeconds(), true), "the scale-out NICs");
    }

    private static Choice operatingPoint(Pools s, Plan pp, int x, Plan dp, int y, DisaggregatedServing ds, KvTransfer kv, Workload w) {
        if (!w.isMaxConcurrency()) {
            DisaggregatedServing.Point p = ds.at(w.concurrency());
            return new Choice(s, pp, x, dp, y, ds, kv, p, meets(p, w), false, p.queuedRequests() > 0);
        }
        int max = ds.maxConcurrency();
        DisaggregatedServing.Point top = ds.saturated();
        if (meets(top, w)) {
            return new Choice(s, pp, x, dp, y, ds, kv, top, true, false, top.decodeConcurrency() >= max * 0.999);
        }
        if (!meets(ds.at(1), w)) {
            return null;
        }
        int lo = 1;
        // beyond what the pools keep busy, requests only queue
        double busy = top.decodeConcurrency() + top.outputTokensPerSecond() / w.outputTokens() * (top.prefillSeconds() + kv.seconds());
        int hi = (int) Math.clamp(Math.ceil(busy), 1, max);
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (meets(ds.at(mid), w)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Choice(s, pp, x, dp, y, ds, kv, ds.at(lo), true, true, false);
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

    private Evaluation.Ok build(Cluster cluster, Choice ch, ModelSpec model, Workload w, Assumptions a, SpeculationRequest request) {
        Pools s = ch.pools;
        DisaggregatedServing.Point pt = ch.point;
        StepModel ps = ch.prefillPlan.step();
        StepModel ds = ch.decodePlan.step();
        int prefillUsed = ch.prefillUsed();
        int decodeUsed = ch.decodeUsed();
        int gpus = s.apart ? s.prefill.accelerators() + s.decode.accelerators() : cluster.accelerators();
        int idle = gpus - prefillUsed - decodeUsed;
        int n = gpus + (s.ffn == null ? 0 : s.ffn.accelerators());

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
        double networkW = cluster.networkWatts() + (s.apart ? s.prefill.networkWatts() : 0);
        // the hosts from their parts, as aggregated serving counts them (each kind's servers on their own)
        double hostW;
        if (s.apart) {
            double prefillBoards = prefillUsed * prefillW + idlePrefill * PowerModel.idleAcceleratorWatts(pd.tdpWatts());
            hostW = host(s.prefill, prefillBoards) + host(cluster, accW - prefillBoards);
        } else {
            hostW = host(cluster, accW);
        }
        double gpuIt = accW + hostW + networkW;
        double pue = s.apart ? (cluster.pue() * cluster.accelerators() + s.prefill.pue() * s.prefill.accelerators()) / gpus : cluster.pue();
        double facility = gpuIt * pue;
        double provisioned = cluster.provisionedItWatts() + (s.apart ? s.prefill.provisionedItWatts() : 0);
        // attention–FFN disaggregation of the decode pool: the FFN pool's chips, hosts and network, idle chips at idle
        FfnPool ffn = s.ffn == null ? null : ffnPool(s.ffn, ch, model, w, a.constants(), pt);
        if (ffn != null) {
            accW += ffn.boardWatts;
            hostW += ffn.hostWatts;
            networkW += s.ffn.networkWatts();
            facility += ffn.itWatts * s.ffn.pue();
            provisioned += s.ffn.provisionedItWatts();
        }
        double it = gpuIt + (ffn == null ? 0 : ffn.itWatts);
        pue = facility / it;
        PowerBreakdown power = new PowerBreakdown(accW, hostW, networkW, it, facility - it, facility, pue, provisioned);

        Double capexKnown = cluster.capexUsd() == null || (s.apart && s.prefill.capexUsd() == null) || (s.ffn != null && s.ffn.capexUsd() == null) ? null
                : cluster.capexUsd() + (s.apart ? s.prefill.capexUsd() : 0) + (s.ffn != null ? s.ffn.capexUsd() : 0);
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
        if (ffn != null) {
            AfdOffload.Step st = ffn.step;
            // of all the GPUs (the prefill pool's among them, as the split says), decodeUsed run attention
            notes.add(new Note.AttentionFfn(cluster.accelerator().id(), decodeUsed, gpus, s.ffn.accelerator().id(),
                    st.offloaded() * st.group(), s.ffn.accelerators(), st.offloaded(), ffn.layersHeld, AttentionFfnSplit.ffnLayers(ModelShape.of(model)),
                    st.group(), st.microBatches(), st.attention(), st.ffnSeconds(), st.send(), st.back(), st.layer(), st.gpuLayer(),
                    pt.tpotSeconds(), ffn.plainTpot));
        }
        if (idle > 0 && !s.shared && !s.apart) {
            // pools of the sizes asked: say which pool leaves what, and why
            notes.add(new Note.IdlePools(idle, n, s.prefill.accelerators(), prefillUsed, ps.groupSize(), s.decode.accelerators(), decodeUsed,
                    ds.groupSize()));
        } else if (idle > 0) {
            notes.add(new Note.IdleAccelerators(idle, gpus, ds.groupSize()));
        }
        if (!ch.meetsLimits) {
            notes.add(new Note.LimitsNotMet());
        }
        if (pt.queuedRequests() > 0) {
            // the prefill pool sets the rate (it runs full) or the decode pool's memory is full
            notes.add(pt.prefillUtilization() >= 0.999 ? new Note.WaitingForPrefill(pt.queuedRequests())
                    : new Note.QueuedRequests(pt.queuedRequests() / ch.y));
        }
        if (Double.isNaN(power.itWatts())) {
            notes.add(new Note.UnknownPower(cluster.accelerator().name(), cluster.accelerator().cpuAsAccelerator()));
        }
        if (Double.isNaN(cost.totalUsdPerHour())) {
            notes.add(new Note.UnknownCost(s.ffn != null && s.ffn.capexUsd() == null && cluster.capexUsd() != null ? s.ffn.accelerator().name()
                    : cluster.accelerator().name()));
        }
        List<Provenance> prov = new ArrayList<>(cluster.provenance());
        if (s.apart) {
            prov.addAll(s.prefill.provenance());
        }
        if (s.ffn != null) {
            prov.addAll(s.ffn.provenance());
            prov.addAll(AttentionFfnEvaluator.assumptions(cluster, s.ffn));
        }
        prov = new ArrayList<>(new LinkedHashSet<>(prov));
        for (Provenance p : prov) {
            switch (p.status()) {
                case ASSUMPTION -> notes.add(new Note.AssumedValue(p));
                case NOT_COUNTED -> notes.add(new Note.NotCounted(p));
                case DATASHEET, FILED, ANNOUNCED, SECONDARY, MEASURED, MODELLED, NOT_PUBLISHED, NOT_MEASURED -> { }
            }
        }
        if (!dd.hasNativeMath(w.precision())) {
            notes.add(new Note.NoNativeMath(cluster.accelerator().name(), w.precision()));
        }
        List<RackDraw> racks = s.apart ? List.of() : new ArrayList<>(Evaluator.rackDraws(cluster, gpuIt));
        if (ffn != null) {
            AttentionFfnEvaluator.draws(racks, s.ffn, ffn.itWatts);
        }
        Bottleneck bottleneck = bottleneck(ch, racks, notes, a.constants().maxSequencesPerRank());
        prov.add(new Provenance("model constants", String.format(Locale.ROOT, "η_gemm %.2f, η_mem %.2f, step overhead %.1f µs",
                a.constants().gemmEfficiencyMax(), a.constants().memoryEfficiency(), a.constants().stepOverheadSeconds() * 1e6),
                Provenance.Kind.MODELLED, "fitted on public TensorRT-LLM and Gaudi measurements; see docs/model.md"));
        prov.add(new Provenance(model.name(), String.format(Locale.ROOT, "%.1fB parameters, %d layers", model.totalParamsB(), model.layers()),
                Provenance.Kind.DATASHEET, String.join("; ", model.sources())));
        io.tokenrack.engine.perf.Speculation spec = ch.decodePlan.serving().speculation();
        if (!spec.isOff()) {
            prov.add(Evaluator.acceptance(model, spec, request.acceptanceLength() != null));
        }
        prov.add(new Provenance("KV cache transfer", String.format(Locale.ROOT, "%.1f MB per accelerator per request over %s at %.0f GB/s",
                ch.kv.bytesPerAccelerator() / 1e6, ch.kv.linkName(), ch.kv.link().bytesPerSecondPerDirection() / 1e9),
                Provenance.Kind.MODELLED, "disaggregated serving; see docs/model.md"));

        double perDecodeRank = pt.decodeConcurrency() / ch.y / ds.dp();
        double kvPerAcc = perDecodeRank * ds.kvBytesPerSequencePerAccelerator(w.inputTokens() + w.outputTokens() / 2.0);
        ServingSplit split = new ServingSplit(ServingMode.DISAGGREGATED, prefillUsed, decodeUsed, layout(ps, model), layout(ds, model),
                ch.x, ch.y, s.apart ? s.prefill.accelerator().id() : null, ch.kv.seconds(),
                ch.kv.linkName(), ps.twoBatchOverlap(), ds.twoBatchOverlap());
        ServingPlan plan = new ServingPlan(layout(ds, model), ch.x + ch.y,
                prefillUsed + decodeUsed + (ffn == null ? 0 : ffn.step.offloaded() * ffn.step.group()),
                pt.decodeConcurrency(), ch.serving.maxConcurrency(), spec, split);
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

    /** The FFN pool of attention–FFN disaggregation at a decode operating point: what it ran and what it draws. */
    private record FfnPool(AfdOffload.Step step, int layersHeld, double plainTpot, double boardWatts, double hostWatts, double itWatts) {}

    private static FfnPool ffnPool(Cluster ffn, Choice ch, ModelSpec model, Workload w, ModelConstants k, DisaggregatedServing.Point pt) {
        ModelShape shape = ModelShape.of(model);
        Device fd = Device.of(ffn.accelerator());
        StepModel ds = ch.decodePlan.step();
        var spec = ch.decodePlan.serving().speculation();
        AfdOffload offload = new AfdOffload(shape, fd, w.precision(), k, ffn.accelerators(), AttentionFfnEvaluator.nicBytesPerSecond(ch.pools.decode));
        double in = w.inputTokens();
        double plain = pt.decodeStep().seconds();
        AfdOffload.Step st = offload.step(ds, spec, plain, pt.decodeConcurrency() / ch.y, ch.y, in + w.outputTokens() / 2.0, in,
                w.effectivePrefixHitRate() * in);
        int used = st.offloaded() * st.group();
        double boards = AttentionFfnEvaluator.ffnBoardWatts(fd, w.precision(), ffn.accelerators(), used, st.microBatches(), st.ffn(), st.seconds());
        double host = host(ffn, boards);
        return new FfnPool(st, offload.layersHeld(), ds.pp() * plain / spec.acceptanceLength(), boards, host, boards + host + ffn.networkWatts());
    }

    private static double host(Cluster c, double boardWatts) {
        var cooling = c.accelerator().cooling();
        boolean liquid = cooling == io.tokenrack.engine.catalog.CoolingType.LIQUID || cooling == io.tokenrack.engine.catalog.CoolingType.IMMERSION;
        return io.tokenrack.engine.power.HostPower.of(c.accelerators(), boardWatts, c.hostNameplateWatts(), liquid,
                c.accelerator().cpuAsAccelerator()).totalWatts();
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
        if (ch.memoryBound && ch.serving.maxConcurrency() / ch.y / ds.dp() < maxSequencesPerRank) {
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
