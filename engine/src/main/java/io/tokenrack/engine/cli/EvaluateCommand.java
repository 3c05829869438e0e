package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.Latency;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.Phase;
import io.tokenrack.engine.evaluate.PhaseBreakdown;
import io.tokenrack.engine.evaluate.RangeEvaluator;
import io.tokenrack.engine.evaluate.RangedEvaluation;
import io.tokenrack.engine.evaluate.ServingSearch;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.evaluate.Throughput;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Workload;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: one operating point of a design or of N accelerators on a workload. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Throughput, latency, power, tokens per joule and cost of a rack on a workload.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions o;

    @Mixin
    ServingCliOptions serving;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;


    @Mixin
    SpeculationOptions speculation;

    @Mixin
    PowerOptions power;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = o.catalog();
        Evaluator evaluator = power.apply(o.evaluator());
        Workload w = o.workload();
        SpeculationRequest asked = speculation.request(w.speculative(), catalog);
        var servingOptions = serving.options(catalog, o.batching() == Batching.STATIC, o.target.design != null, w.serving());
        ServingSearch search = new ServingSearch(evaluator);
        Evaluation result = o.target.design != null
                ? search.evaluate(o.design(), w, Assumptions.defaults(catalog.facility()), o.batching(), servingOptions, asked)
                : search.evaluate(o.cluster(evaluator), w, Assumptions.defaults(catalog.facility()), o.batching(), servingOptions, asked);
        if (!(result instanceof Evaluation.Ok e)) {
            throw new InputException(result.message());
        }
        // the bands re-run the same serving search at each end of the ranged figures; a prefill pool of
        // another kind is not one cluster the ranges can rebuild, so it has no bands
        RangedEvaluation ranged = e.plan().split().prefillAcceleratorId() != null
                ? new RangedEvaluation(e, java.util.List.of(), java.util.Map.of(), java.util.List.of())
                : new RangeEvaluator(evaluator.catalog())
                        .evaluate(e, o.clusterSource(), w, Assumptions.defaults(catalog.facility()), o.batching(), asked, servingOptions);
        if (json) {
            var node = EvaluationJson.of(e);
            node.put("precision", w.precision().label());
            node.put("kvPrecision", w.effectiveKvPrecision().label());
            node.put("prefixHitRate", w.effectivePrefixHitRate());
            RangeJson.put(node, ranged);
            out.println(StrictJson.mapper().writeValueAsString(node));
        } else {
            print(out, e, w, o.batching());
            RangeText.print(out, ranged);
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, Evaluation.Ok e, Workload w, Batching batching) {
        Parallelism par = e.plan().parallelism();
        Throughput t = e.throughput();
        Latency l = e.latency();
        out.printf(Locale.ROOT, "%s (%s weights, %s KV cache%s) on %s (tp %d, pp %d, ep %d, dp %d; %,d %s%s)%n", e.modelId(),
                w.precision().label(), w.effectiveKvPrecision().label(), prefixCache(w), accelerators(e),
                par.tp(), par.pp(), par.ep(), par.dp(), e.plan().replicas(),
                e.plan().replicas() == 1 ? "replica" : "replicas", batching == Batching.STATIC ? "; static batching" : "");
        if (e.plan().split().disaggregated()) {
            out.println("  serving                " + e.plan().split().words(e.acceleratorId()));
        }
        String asked = w.concurrency() != null && w.concurrency() > e.plan().concurrency() + 0.5
                ? String.format(Locale.ROOT, "; %,d requested, the rest wait in a queue", w.concurrency()) : "";
        out.printf(Locale.ROOT, "  concurrency            %s in flight (at most %,d at once%s)%n", Text.count(e.plan().concurrency()), e.plan().maxConcurrency(), asked);
        out.printf(Locale.ROOT, "  output tokens/s        %s  (%s per accelerator; %s incl. input%s)%n",
                Text.count(t.outputTokensPerSecond()), Text.count(t.outputTokensPerSecondPerAccelerator()),
                Text.count(t.totalTokensPerSecondPerAccelerator()), w.effectivePrefixHitRate() > 0 ? ", cached prefix counted" : "");
        out.printf(Locale.ROOT, "  tokens/s per user      %s%n", t.tokensPerSecondPerUser() < 0.1
                ? Text.significant(t.tokensPerSecondPerUser()) : Text.fixed(t.tokensPerSecondPerUser(), 1));
        out.printf(Locale.ROOT, "  TTFT / TPOT            %s / %s%n", Text.duration(l.ttftSeconds()), Text.duration(l.tpotSeconds()));
        out.printf(Locale.ROOT, "  speculative decoding   %s%n", speculative(e.plan().speculation()));
        out.printf(Locale.ROOT, "  IT / facility power    %s / %s (PUE %.2f)%n", Text.withUnit(Text.fixed(e.power().itWatts() / 1e3, 1), " kW"),
                Text.withUnit(Text.fixed(e.power().facilityWatts() / 1e3, 1), " kW"), e.power().pue());
        PowerText.serverWall(out, e.power());
        out.printf(Locale.ROOT, "  output tokens/joule    %s (IT), %s (facility)%n", Text.atLeast(e.efficiency().outputTokensPerJoule(), 2),
                Text.atLeast(e.efficiency().outputTokensPerJouleFacility(), 2));
        out.printf(Locale.ROOT, "  $ per M output tokens  %s  (%s per accelerator-hour)%n", dollars(e.cost().usdPerMillionOutputTokens(), 3),
                dollars(e.cost().usdPerAcceleratorHour(), 2));
        out.printf(Locale.ROOT, "  bottleneck             %s%n", e.bottleneck().label());
        for (PhaseBreakdown p : e.phases()) {
            if (batching == Batching.STATIC && p.phase() == Phase.STEADY_STEP) {
                continue; // a static batch prefills, then decodes: there is no mixed steady step
            }
            java.util.List<String> shares = new java.util.ArrayList<>();
            for (PhaseBreakdown.Share s : p.shares()) {
                shares.add(Text.words(s.operatorClass()) + " " + Text.percent(s.fraction()));
            }
            out.printf(Locale.ROOT, "  %-12s step %s, %s bound: %s%n", p.phase().label(), Text.duration(p.stepSeconds()),
                    Text.words(p.bound()), String.join(", ", shares));
        }
        for (Note n : e.notes()) {
            out.println("  note: " + n.text());
        }
    }

    /** "72 × rubin", or both pools under attention–FFN disaggregation: "216 × rubin + 256 × lp30, attention–FFN disaggregated". */
    static String accelerators(Evaluation.Ok e) {
        for (Note n : e.notes()) {
            if (n instanceof Note.AttentionFfn a) {
                return String.format(Locale.ROOT, "%,d × %s + %,d × %s, attention–FFN disaggregated", a.attentionPool(), a.attentionAcceleratorId(),
                        a.ffnPool(), a.ffnAcceleratorId());
            }
        }
        var split = e.plan().split();
        if (split.disaggregated() && split.prefillAcceleratorId() != null && !split.prefillAcceleratorId().equals(e.acceleratorId())) {
            // two kinds: name both, each with its pool
            return String.format(Locale.ROOT, "%,d × %s prefill + %,d × %s decode", split.prefillAccelerators(), split.prefillAcceleratorId(),
                    split.decodeAccelerators(), e.acceleratorId());
        }
        return String.format(Locale.ROOT, "%,d × %s", e.accelerators(), e.acceleratorId());
    }

    /** "off", or "mtp:3, 2.86 tokens per step per user (acceptance length)". */
    static String speculative(io.tokenrack.engine.perf.Speculation s) {
        return s.isOff() ? "off" : s.label() + ", " + Text.fixed(s.acceptanceLength(), 2) + " tokens per step per user (acceptance length)";
    }

    /** ", prefix cache hit 90%" when the workload reuses prompt prefixes, else nothing. */
    static String prefixCache(Workload w) {
        double h = w.effectivePrefixHitRate();
        return h > 0 ? ", prefix cache hit " + Text.percent(h) : "";
    }

    /** The phase continuous batching runs at: decode steps that also carry prefill chunks. */

    /** "$1,234.50", or "unknown". */
    private static String dollars(double v, int decimals) {
        return Double.isFinite(v) ? "$" + Text.fixed(v, decimals) : Text.UNKNOWN;
    }
}
