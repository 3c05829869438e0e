package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.ServingConfig;
import io.tokenrack.engine.evaluate.FrontierSearch;
import io.tokenrack.engine.workload.Workload;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: the throughput-versus-interactivity frontier over serving configurations as CSV, each
 * point with its configuration; {@code --curve}: the concurrency curve with the parallelism chosen at each point.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "The throughput-vs-interactivity frontier over serving configurations (throughput per accelerator vs tokens/s "
                + "per user, power, cost, and each point's configuration) as CSV; --curve: the concurrency curve instead.")
public final class SweepCommand implements Callable<Integer> {
    static final String HEADER = "concurrency,outputTokensPerSecond,outputTokensPerSecondPerAccelerator,"
            + "totalTokensPerSecondPerAccelerator,tokensPerSecondPerUser,ttftSeconds,tpotSeconds,itPowerWatts,"
            + "facilityPowerWatts,outputTokensPerJoule,usdPerMillionOutputTokens,bottleneck,tp,pp,ep,dp";
    /** The frontier's columns: the curve's, then the serving configuration. */
    static final String FRONTIER_HEADER = HEADER + ",replicas,servingMode,speculative,configuration";

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions o;

    @Option(names = "--points", defaultValue = "32", description = "at most this many points (default ${DEFAULT-VALUE})")
    int points;

    @Mixin
    ServingCliOptions serving;

    @Mixin
    SpeculationOptions speculation;

    @Option(names = "--curve", description = "the concurrency curve (one row a concurrency, each on its best layout) instead of the frontier")
    boolean curveOnly;

    @Override
    public Integer call() {
        if (points < 1 || points > 10_000) {
            throw new InputException("--points must be between 1 and 10000, was " + points);
        }
        if (o.concurrency != null || o.ttftMs != null || o.tpotMs != null || o.minTokensPerSecondPerUser != null) {
            throw new InputException("--concurrency, --ttft-ms, --tpot-ms and --min-tokens-per-second-per-user choose one operating "
                    + "point (evaluate); the sweep covers every concurrency from 1 to the most that fit, without latency limits");
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = o.catalog();
        Evaluator evaluator = o.evaluator();
        Workload w = o.workload();
        Assumptions a = Assumptions.defaults(catalog.facility());
        if (o.target.design != null && io.tokenrack.engine.evaluate.AcceleratorPools.mixed(catalog, o.design())) {
            return mixedDesign(out, evaluator, w, a);
        }
        Cluster cluster = o.cluster(evaluator);
        Evaluation at = evaluator.evaluate(cluster, w, a, o.batching());
        if (!(at instanceof Evaluation.Ok)) {
            throw new InputException(at.message());
        }
        if (curveOnly) {
            out.println(HEADER);
            for (CurvePoint c : evaluator.curve(cluster, w, a, points, o.batching())) {
                out.println(row(c));
            }
        } else {
            out.println(FRONTIER_HEADER);
            // in increasing concurrency, as the curve: the most tokens/s per user first
            // the ways of serving asked (--serving, else the design's workload, else auto: aggregated and disaggregated)
            var options = serving.options(catalog, o.batching() == io.tokenrack.engine.perf.Batching.STATIC, o.target.design != null,
                    w.serving());
            for (FrontierPoint f : new FrontierSearch(evaluator).frontier(cluster, w, a, points, o.batching(), options,
                    speculation.request(w.speculative())).reversed()) {
                ServingConfig c = f.config();
                out.println(row(f.point()) + "," + c.replicas() + "," + c.mode().label() + "," + c.speculative().label() + ",\""
                        + c.describe() + "\"");
            }
        }
        out.flush();
        return 0;
    }

    /**
     * A design with two kinds of accelerators: the frontier over its ways of serving (attention–FFN
     * and prefill–decode pools of its two kinds, as {@code evaluate} tries them), or with
     * {@code --curve} the concurrency curve, each point served as {@code evaluate} serves the design.
     */
    private Integer mixedDesign(PrintWriter out, Evaluator evaluator, Workload w, Assumptions a) {
        if (o.batching() == io.tokenrack.engine.perf.Batching.STATIC) {
            throw new InputException("a design with two kinds of accelerators serves as two pools, with continuous batching only: leave out --batching static");
        }
        // the design's own latency limits choose one operating point: the sweep goes without them, as for one kind
        Evaluation at = evaluator.evaluate(o.design(), w.withConcurrency(null).withoutLimits(), a);
        if (!(at instanceof Evaluation.Ok)) {
            throw new InputException(at.message());
        }
        if (curveOnly) {
            out.println(HEADER);
            for (CurvePoint c : evaluator.curve(o.design(), w, a, points)) {
                out.println(row(c));
            }
        } else {
            out.println(FRONTIER_HEADER);
            var options = serving.options(o.catalog(), false, true, w.serving());
            for (FrontierPoint f : new FrontierSearch(evaluator).frontier(o.design(), w, a, points, options,
                    speculation.request(w.speculative())).reversed()) {
                ServingConfig c = f.config();
                out.println(row(f.point()) + "," + c.replicas() + "," + c.mode().label() + "," + c.speculative().label() + ",\""
                        + c.describe() + "\"");
            }
        }
        out.flush();
        return 0;
    }

    private static String row(CurvePoint c) {
        var p = c.parallelism();
        return String.join(",", String.valueOf(c.concurrency()), n(c.outputTokensPerSecond()),
                n(c.outputTokensPerSecondPerAccelerator()), n(c.totalTokensPerSecondPerAccelerator()), n(c.tokensPerSecondPerUser()),
                n(c.ttftSeconds()), n(c.tpotSeconds()), n(c.itPowerWatts()), n(c.facilityPowerWatts()),
                n(c.outputTokensPerJoule()), n(c.usdPerMillionOutputTokens()), c.bottleneck().name(),
                String.valueOf(p.tp()), String.valueOf(p.pp()), String.valueOf(p.ep()), String.valueOf(p.dp()));
    }

    private static String n(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
