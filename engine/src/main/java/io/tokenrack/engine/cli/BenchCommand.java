package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.ServingOptions;
import io.tokenrack.engine.evaluate.ServingSearch;
import io.tokenrack.engine.evaluate.FrontierSearch;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times the evaluator in process after warm-up — one evaluate at a fixed concurrency
 * (automatic parallelism) and a 64-point concurrency curve, on 32 × H100 (4 DGX H100) serving
 * Llama-3.1-70B fp8 1024/1024. Medians of many runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the evaluator: one point, a 64-point curve and a 64-point serving frontier (medians).")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print {\"singlePointMicros\": …, \"curveMillis\": …, \"frontierMillis\": …}")
    boolean json;

    @Option(names = "--runs", defaultValue = "200", description = "timed runs of each (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--design", paramLabel = "FILE", description = "also time this design at its own workload: its evaluation (serving auto) "
            + "and its 64-point serving frontier (designEvaluateMillis, designFrontierMillis; a tenth as many runs, at least 5)")
    java.nio.file.Path design;

    static volatile double sink;

    @Override
    public Integer call() throws Exception {
        if (runs < 5) {
            throw new InputException("--runs must be at least 5, was " + runs);
        }
        Catalog catalog = CatalogLoader.loadDefault();
        Evaluator evaluator = new Evaluator(catalog);
        Cluster cluster = evaluator.clusters().standard("h100-sxm", 32);
        // Two workloads, alternated, so the JIT cannot fold a constant input (JMH sample 10).
        Workload w256 = new Workload("llama-3.1-70b", Precision.FP8, null, 1024, 1024, 256, null, null, null, Parallelism.AUTO);
        Workload[] ws = {w256, w256.withConcurrency(257)};
        Assumptions a = Assumptions.defaults(catalog.facility());
        ServingSearch search = new ServingSearch(evaluator);
        // the frontier over every way of serving: aggregated layouts and disaggregated splits, each draft depth
        FrontierSearch frontiers = new FrontierSearch(evaluator);
        // Warm-up: let the JIT compile the hot paths.
        long until = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; System.nanoTime() < until; i++) {
            Workload w = ws[i & 1];
            sink += outputTokensPerSecond(evaluator.evaluate(cluster, w, a));
            sink += evaluator.curve(cluster, w, a, 64).size();
            sink += outputTokensPerSecond(search.evaluate(cluster, w, a, Batching.CONTINUOUS, ServingOptions.AUTO));
            sink += frontiers.frontier(cluster, w, a, 64, Batching.CONTINUOUS, ServingOptions.AUTO, SpeculationRequest.AUTO).size();
        }
        double[] point = new double[runs];
        double[] auto = new double[runs];
        double[] curve = new double[runs];
        double[] frontier = new double[runs];
        for (int i = 0; i < runs; i++) {
            Workload w = ws[i & 1];
            long t0 = System.nanoTime();
            sink += outputTokensPerSecond(evaluator.evaluate(cluster, w, a));
            long t1 = System.nanoTime();
            sink += evaluator.curve(cluster, w, a, 64).size();
            long t2 = System.nanoTime();
            sink += frontiers.frontier(cluster, w, a, 64, Batching.CONTINUOUS, ServingOptions.AUTO, SpeculationRequest.AUTO).size();
            long t3 = System.nanoTime();
            point[i] = (t1 - t0) / 1e3;
            curve[i] = (t2 - t1) / 1e6;
            long t4 = System.nanoTime();
            sink += outputTokensPerSecond(search.evaluate(cluster, w, a, Batching.CONTINUOUS, ServingOptions.AUTO));
            auto[i] = (System.nanoTime() - t4) / 1e3;
            frontier[i] = (t3 - t2) / 1e6;
        }
        double p = median(point);
        double c = median(curve);
        double fr = median(frontier);
        double[] designTimes = design == null ? null : timeDesign(catalog, evaluator, a, Math.max(5, runs / 10));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("singlePointMicros", p);
            o.put("curveMillis", c);
            o.put("frontierMillis", fr);
            o.put("autoServingMicros", median(auto)); // aggregated or disaggregated, whichever serves better
            if (designTimes != null) {
                o.put("designEvaluateMillis", designTimes[0]);
                o.put("designFrontierMillis", designTimes[1]);
            }
            out.println(StrictJson.mapper().writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "single evaluate (32 × h100-sxm, llama-3.1-70b fp8, concurrency 256, auto parallelism): median %.1f µs%n", p);
            out.printf(Locale.ROOT, "single evaluate, serving auto (aggregated or disaggregated searched): median %.1f µs%n", median(auto));
            out.printf(Locale.ROOT, "64-point concurrency curve: median %.2f ms%n", c);
            out.printf(Locale.ROOT, "64-point serving frontier (aggregated layouts × concurrency and disaggregated splits): median %.2f ms (%d runs each after 2 s warm-up)%n",
                    fr, runs);
            if (designTimes != null) {
                out.printf(Locale.ROOT, "%s at its workload: evaluate (serving auto) median %.2f ms, 64-point serving frontier median %.2f ms (%d runs each after 2 s warm-up)%n",
                        design.getFileName(), designTimes[0], designTimes[1], Math.max(5, runs / 10));
            }
        }
        out.flush();
        return 0;
    }

    /** Medians of the design's evaluation and frontier at its own workload (serving and speculation auto), ms, after a 2 s warm-up. */
    private double[] timeDesign(Catalog catalog, Evaluator evaluator, Assumptions a, int n) {
        io.tokenrack.engine.design.RackDesign d = io.tokenrack.engine.design.DesignIO.read(design);
        if (d.workload() == null) {
            throw new InputException(design + ": workload: the design has none to time");
        }
        Workload w = d.workload();
        ServingSearch search = new ServingSearch(evaluator);
        FrontierSearch frontiers = new FrontierSearch(evaluator);
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until) {
            sink += outputTokensPerSecond(search.evaluate(d, w, a, Batching.CONTINUOUS, ServingOptions.AUTO));
            sink += frontiers.frontier(d, w, a, 64, ServingOptions.AUTO, SpeculationRequest.AUTO).size();
        }
        double[] eval = new double[n];
        double[] frontier = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            sink += outputTokensPerSecond(search.evaluate(d, w, a, Batching.CONTINUOUS, ServingOptions.AUTO));
            long t1 = System.nanoTime();
            sink += frontiers.frontier(d, w, a, 64, ServingOptions.AUTO, SpeculationRequest.AUTO).size();
            eval[i] = (t1 - t0) / 1e6;
            frontier[i] = (System.nanoTime() - t1) / 1e6;
        }
        return new double[] {median(eval), median(frontier)};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double outputTokensPerSecond(Evaluation e) {
        return e instanceof Evaluation.Ok ok ? ok.throughput().outputTokensPerSecond() : 0;
    }
}
