package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.Latency;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.PhaseBreakdown;
import io.tokenrack.engine.evaluate.Throughput;
import io.tokenrack.engine.workload.Parallelism;
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

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = o.catalog();
        Evaluator evaluator = o.evaluator();
        Workload w = o.workload();
        Evaluation result = evaluator.evaluate(o.cluster(evaluator), w, Assumptions.defaults(catalog.facility()), o.batching());
        if (!(result instanceof Evaluation.Ok e)) {
            throw new IllegalArgumentException(result.message());
        }
        if (json) {
            var node = EvaluationJson.of(e);
            node.put("precision", w.precision().label());
            node.put("kvPrecision", w.effectiveKvPrecision().label());
            out.println(StrictJson.mapper().writeValueAsString(node));
        } else {
            print(out, e, w);
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, Evaluation.Ok e, Workload w) {
        Parallelism par = e.plan().parallelism();
        Throughput t = e.throughput();
        Latency l = e.latency();
        out.printf(Locale.ROOT, "%s (%s weights, %s KV cache) on %d × %s (tp %d, pp %d, ep %d, dp %d; %d %s)%n", e.modelId(),
                w.precision().label(), w.effectiveKvPrecision().label(), e.accelerators(),
                e.acceleratorId(), par.tp(), par.pp(), par.ep(), par.dp(), e.plan().replicas(),
                e.plan().replicas() == 1 ? "replica" : "replicas");
        String asked = w.concurrency() != null && w.concurrency() > e.plan().concurrency() + 0.5
                ? String.format(Locale.ROOT, "; %d requested, the rest wait in a queue", w.concurrency()) : "";
        out.printf(Locale.ROOT, "  concurrency            %.0f in flight (at most %d at once%s)%n", e.plan().concurrency(), e.plan().maxConcurrency(), asked);
        out.printf(Locale.ROOT, "  output tokens/s        %,.0f  (%,.0f per accelerator; %,.0f incl. input)%n",
                t.outputTokensPerSecond(), t.outputTokensPerSecondPerAccelerator(), t.totalTokensPerSecondPerAccelerator());
        out.printf(Locale.ROOT, t.tokensPerSecondPerUser() < 0.1 ? "  tokens/s per user      %.3f%n" : "  tokens/s per user      %.1f%n",
                t.tokensPerSecondPerUser());
        out.printf(Locale.ROOT, "  TTFT / TPOT            %s / %.1f ms%n", l.ttftSeconds() >= 10
                ? String.format(Locale.ROOT, "%,.1f s", l.ttftSeconds()) : String.format(Locale.ROOT, "%.0f ms", l.ttftSeconds() * 1e3),
                l.tpotSeconds() * 1e3);
        out.printf(Locale.ROOT, "  IT / facility power    %s / %s (PUE %.2f)%n", n("%.1f kW", e.power().itWatts() / 1e3),
                n("%.1f kW", e.power().facilityWatts() / 1e3), e.power().pue());
        out.printf(Locale.ROOT, "  output tokens/joule    %s (IT), %s (facility)%n", n("%.2f", e.efficiency().outputTokensPerJoule()),
                n("%.2f", e.efficiency().outputTokensPerJouleFacility()));
        out.printf(Locale.ROOT, "  $ per M output tokens  %s  (%s per accelerator-hour)%n", n("$%.3f", e.cost().usdPerMillionOutputTokens()),
                n("$%.2f", e.cost().usdPerAcceleratorHour()));
        out.printf(Locale.ROOT, "  bottleneck             %s%n", e.bottleneck().label());
        for (PhaseBreakdown p : e.phases()) {
            StringBuilder sb = new StringBuilder();
            for (PhaseBreakdown.Share s : p.shares()) {
                sb.append(String.format(Locale.ROOT, " %s %.0f%%,", s.operatorClass().name().toLowerCase(Locale.ROOT), s.fraction() * 100));
            }
            out.printf(Locale.ROOT, "  %-12s step %.2f ms, %s-bound:%s%n", p.phase(), p.stepSeconds() * 1e3,
                    p.bound().name().toLowerCase(Locale.ROOT), sb.length() > 0 ? sb.substring(0, sb.length() - 1) : "");
        }
        for (Note n : e.notes()) {
            out.println("  note: " + n.text());
        }
    }

    /** A number, or "unknown" when an input is not published (never "NaN"). */
    private static String n(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "unknown";
    }
}
