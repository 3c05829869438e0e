package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.power.OperatingPoint;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The throughput-versus-interactivity frontier over every serving configuration a design can run
 * under the serving asked for: aggregated layouts × requests in flight × speculative depth
 * ({@link Evaluator#frontier}), disaggregated prefill/decode splits (each point's split, layouts
 * and speculation searched at its requests in flight, at most {@value #POOLED_POINTS} points), and
 * on a design with two kinds of accelerator attention–FFN configurations. Dominated points are
 * dropped; each point carries its {@link ServingConfig}. Pure, like {@link Evaluator}.
 */
public final class FrontierSearch {
    /** Requests-in-flight samples for each pooled way of serving (disaggregated, attention–FFN): each is a whole search. */
    static final int POOLED_POINTS = 8;

    private final Evaluator evaluator;
    private final ServingSearch search;

    public FrontierSearch(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.search = new ServingSearch(evaluator);
    }

    /**
     * The frontier of a design under {@code options}' mode ({@code auto}: every way the design can
     * serve) and the speculative decoding asked for, at most {@code points} points in increasing
     * tokens/s per user; empty when the design cannot be resolved or serves nothing.
     */
    public List<FrontierPoint> frontier(RackDesign design, Workload w, Assumptions a, int points, ServingOptions options,
                                        SpeculationRequest speculation) {
        List<String> kinds;
        try {
            kinds = DesignPools.kinds(design, evaluator.catalog());
        } catch (InputException e) {
            return List.of();
        }
        if (kinds.size() == 2) {
            List<FrontierPoint> out = new ArrayList<>();
            ServingMode mode = options.mode();
            if (mode == ServingMode.AFD || mode == ServingMode.AUTO) {
                out.addAll(sweep(work -> search.evaluate(design, work, a, Batching.CONTINUOUS,
                        new ServingOptions(ServingMode.AFD, null, null, null), speculation), w, ServingConfig.Mode.AFD));
            }
            if (mode == ServingMode.DISAGGREGATED || mode == ServingMode.AUTO) {
                ServingOptions pools = new ServingOptions(ServingMode.DISAGGREGATED, null, null, options.prefillAcceleratorId());
                out.addAll(sweep(work -> search.evaluate(design, work, a, Batching.CONTINUOUS, pools, speculation), w,
                        ServingConfig.Mode.DISAGGREGATED));
            }
            return ServingFrontier.thin(ServingFrontier.paretoPoints(out), points);
        }
        if (kinds.size() > 2) {
            return List.of();
        }
        Cluster cluster;
        try {
            cluster = evaluator.clusters().fromDesign(design);
        } catch (InputException e) {
            return List.of();
        }
        return frontier(cluster, w, a, points, Batching.CONTINUOUS, options, speculation);
    }

    /** The frontier of a cluster, as above (attention–FFN needs a design with two kinds: none here). */
    public List<FrontierPoint> frontier(Cluster cluster, Workload w, Assumptions a, int points, Batching batching, ServingOptions options,
                                        SpeculationRequest speculation) {
        ServingMode mode = options.poolsGiven() && options.mode() == ServingMode.AUTO ? ServingMode.DISAGGREGATED : options.mode();
        List<FrontierPoint> out = new ArrayList<>();
        if (mode == ServingMode.AGGREGATED || mode == ServingMode.AUTO) {
            out.addAll(evaluator.frontier(cluster, w, a, points, batching, speculation));
        }
        boolean pooled = batching == Batching.CONTINUOUS && OperatingPoint.MAX_P.equals(evaluator.operatingPoint())
                && cluster.accelerators() >= 2;
        if (pooled && (mode == ServingMode.DISAGGREGATED || mode == ServingMode.AUTO)) {
            ServingOptions pools = new ServingOptions(ServingMode.DISAGGREGATED, options.prefillCount(), options.decodeCount(),
                    options.prefillAcceleratorId());
            out.addAll(sweep(work -> search.evaluate(cluster, work, a, batching, pools, speculation), w, ServingConfig.Mode.DISAGGREGATED));
        }
        return ServingFrontier.thin(ServingFrontier.paretoPoints(out), points);
    }

    /**
     * One pooled way of serving at {@value #POOLED_POINTS} requests-in-flight counts, log-spaced from
     * one to the most it holds, latency limits left out; each point's configuration asks for the
     * requests in flight it was evaluated at. Only points served in {@code mode} are kept.
     */
    private static List<FrontierPoint> sweep(Function<Workload, Evaluation> evaluation, Workload w, ServingConfig.Mode mode) {
        Workload open = w.withConcurrency(null).withoutLimits();
        Evaluation top;
        try {
            top = evaluation.apply(open);
        } catch (InputException e) {
            return List.of(); // this way of serving does not apply here; the evaluation says why
        }
        if (!(top instanceof Evaluation.Ok ok)) {
            return List.of();
        }
        int max = (int) Math.clamp(Math.round(ok.plan().concurrency()), 1, Integer.MAX_VALUE);
        List<FrontierPoint> out = new ArrayList<>(POOLED_POINTS);
        int last = 0;
        for (int i = 0; i < POOLED_POINTS; i++) {
            double f = (double) i / (POOLED_POINTS - 1);
            int c = Math.max(last + 1, (int) Math.round(Math.exp(f * Math.log(max))));
            if (c > max) {
                break;
            }
            last = c;
            Evaluation at;
            try {
                at = evaluation.apply(open.withConcurrency(c));
            } catch (InputException x) {
                continue; // refused at this load only: the other points stand
            }
            if (at instanceof Evaluation.Ok e) {
                ServingConfig chosen = ServingConfig.of(e);
                if (chosen.mode() == mode) {
                    ServingConfig config = new ServingConfig(chosen.mode(), chosen.parallelism(), chosen.replicas(), c, chosen.speculative(),
                            chosen.split());
                    out.add(new FrontierPoint(CurvePoint.of(c, e), config));
                }
            }
        }
        return out;
    }
}
