package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.lab.host.MeasuredHost;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options {@code evaluate} and {@code sweep} share: what runs (a design or N accelerators) and the workload. */
final class WorkloadOptions {
    static final class Target {
        @Option(names = "--design", description = "rack design JSON file", paramLabel = "FILE")
        Path design;

        @ArgGroup(exclusive = false)
        Standard standard;
    }

    static final class Standard {
        @Option(names = "--accelerator", required = true, description = "accelerator id (see `catalog --kind accelerator`)", paramLabel = "ID")
        String accelerator;

        @Option(names = "--count", required = true, description = "number of accelerators, in their standard servers", paramLabel = "N")
        int count;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--model", description = "model id (see `catalog --kind model`); default: the design's workload", paramLabel = "ID")
    String model;

    @Option(names = "--precision", description = "weights and math: bf16, fp8 or fp4 (default: the design's workload, else fp8)")
    String precision;

    @Option(names = "--kv-precision", description = "KV cache: bf16 or fp8 (default: bf16 for bf16 weights, else fp8)")
    String kvPrecision;

    @Option(names = "--isl", description = "input (prompt) tokens per request; default: the design's workload", paramLabel = "N")
    Integer isl;

    @Option(names = "--osl", description = "output tokens per request; default: the design's workload", paramLabel = "N")
    Integer osl;

    @Option(names = "--concurrency", description = "requests in flight, or `max` (default: the design's workload, else max)", paramLabel = "N|max")
    String concurrency;

    @Option(names = "--min-tokens-per-second-per-user", description = "best throughput whose tokens/s per user is at least X", paramLabel = "X")
    Double minTokensPerSecondPerUser;

    @Option(names = "--ttft-ms", description = "limit on time to first token", paramLabel = "MS")
    Double ttftMs;

    @Option(names = "--tpot-ms", description = "limit on time per output token", paramLabel = "MS")
    Double tpotMs;

    @Option(names = "--prefix-hit-rate", description = "share of each prompt found in the prefix cache, 0 to below 1 (default: the design's workload, else 0)", paramLabel = "F")
    Double prefixHitRate;

    @Option(names = "--batching", defaultValue = "continuous",
            description = "continuous (in-flight batching, chunked prefill) or static (prefill the batch, then decode it); default ${DEFAULT-VALUE}")
    String batching;

    @Option(names = "--tp", description = "tensor-parallel degree (default: chosen)")
    Integer tp;

    @Option(names = "--pp", description = "pipeline-parallel degree (default: chosen)")
    Integer pp;

    @Option(names = "--ep", description = "expert-parallel degree, = tp × dp for MoE models (default: chosen)")
    Integer ep;

    @Option(names = "--dp", description = "attention data-parallel degree (default: chosen)")
    Integer dp;

    @picocli.CommandLine.Mixin
    PresetsOption presets;

    Catalog catalog() {
        return presets.catalog();
    }

    Evaluator evaluator() {
        return presets.evaluator();
    }

    /**
     * The workload: each option given on the command line, else the design's workload (with
     * {@code --design}), else the defaults (fp8, as many requests as fit). {@code --model},
     * {@code --isl} and {@code --osl} have no default.
     */
    Workload workload() {
        resolveIds();
        Workload base = target.design != null ? design().workload() : null;
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (model == null && base == null) {
            missing.add("--model");
        }
        if (isl == null && base == null) {
            missing.add("--isl");
        }
        if (osl == null && base == null) {
            missing.add("--osl");
        }
        if (!missing.isEmpty()) {
            String names = missing.size() == 1 ? missing.getFirst()
                    : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.getLast();
            throw new InputException(names + (missing.size() == 1 ? " is" : " are")
                    + " required" + (target.design != null ? " (the design has no workload)" : " (or give a --design with a workload)"));
        }
        Integer c;
        if (concurrency == null) {
            c = base == null ? null : base.concurrency();
        } else if ("max".equalsIgnoreCase(concurrency)) {
            c = null;
        } else {
            try {
                c = Integer.parseInt(concurrency);
            } catch (NumberFormatException e) {
                throw new InputException("--concurrency: expected a whole number or max, was '" + concurrency + "'");
            }
        }
        if (minTokensPerSecondPerUser != null) {
            if (c != null && concurrency != null) {
                throw new InputException("--min-tokens-per-second-per-user chooses the concurrency: leave out --concurrency or set it to max");
            }
            c = null;
        }
        try {
            Precision p = precision != null ? Precision.parse(precision) : base != null ? base.precision() : Precision.FP8;
            Precision kv = kvPrecision != null ? Precision.parse(kvPrecision)
                    : base != null && precision == null ? base.kvPrecision() : null;
            Parallelism bp = base == null ? Parallelism.AUTO : base.parallelism();
            return new Workload(model != null ? model : base.modelId(), p, kv,
                    isl != null ? isl : base.inputTokens(), osl != null ? osl : base.outputTokens(), c,
                    ttftMs != null ? ttftMs : base == null ? null : base.ttftLimitMs(),
                    tpotMs != null ? tpotMs : base == null ? null : base.tpotLimitMs(),
                    minTokensPerSecondPerUser != null ? minTokensPerSecondPerUser : base == null ? null : base.minTokensPerSecondPerUser(),
                    new Parallelism(tp != null ? tp : bp.tp(), pp != null ? pp : bp.pp(), ep != null ? ep : bp.ep(), dp != null ? dp : bp.dp()),
                    prefixHitRate != null ? prefixHitRate : base == null ? null : base.prefixHitRate(),
                    base == null ? null : base.serving(), base == null ? null : base.speculative());
        } catch (InputException e) {
            throw new InputException(asOption(e.getMessage()), e);
        }
    }

    private boolean idsResolved;

    /**
     * The ids given as the catalog spells them (any case), checked before anything else so that a
     * mistyped id is what is reported, with suggestions, not a missing option after it.
     */
    void resolveIds() {
        if (idsResolved) {
            return;
        }
        Catalog catalog = catalog();
        if (target.standard != null) {
            String given = target.standard.accelerator;
            target.standard.accelerator = MeasuredHost.ACCELERATOR_ID.equalsIgnoreCase(given) && catalog.find(MeasuredHost.ACCELERATOR_ID).isEmpty()
                    ? MeasuredHost.ACCELERATOR_ID // not measured yet: cluster() says how to measure it
                    : CatalogIds.resolve(catalog, given, io.tokenrack.engine.catalog.ItemKind.ACCELERATOR);
        }
        if (model != null) {
            model = CatalogIds.resolve(catalog, model, io.tokenrack.engine.catalog.ItemKind.MODEL);
        }
        idsResolved = true;
    }

    /** The workload's field names, as the options that set them. */
    static String asOption(String message) {
        String[][] names = {{"inputTokens", "--isl"}, {"outputTokens", "--osl"}, {"ttftLimitMs", "--ttft-ms"},
                {"tpotLimitMs", "--tpot-ms"}, {"minTokensPerSecondPerUser", "--min-tokens-per-second-per-user"},
                {"kvPrecision", "--kv-precision"}, {"prefixHitRate", "--prefix-hit-rate"}, {"concurrency", "--concurrency"}, {"parallelism.tp", "--tp"},
                {"parallelism.pp", "--pp"}, {"parallelism.ep", "--ep"}, {"parallelism.dp", "--dp"}};
        for (String[] n : names) {
            if (message.startsWith(n[0] + ":")) {
                return n[1] + message.substring(n[0].length());
            }
        }
        return message;
    }

    io.tokenrack.engine.perf.Batching batching() {
        return io.tokenrack.engine.perf.Batching.parse(batching);
    }

    private RackDesign design;

    /** The design named by {@code --design}, read once. */
    RackDesign design() {
        if (design == null) {
            design = readDesign(target.design);
        }
        return design;
    }

    Cluster cluster(Evaluator evaluator) {
        resolveIds();
        if (target.design != null) {
            return evaluator.clusters().fromDesign(design());
        }
        if (MeasuredHost.ACCELERATOR_ID.equals(target.standard.accelerator) && evaluator.catalog().find(MeasuredHost.ACCELERATOR_ID).isEmpty()) {
            throw new InputException("--accelerator: this computer is not in the catalog: run `calibrate` to measure it "
                    + "(or name a saved profile with --host-profile FILE)");
        }
        return evaluator.clusters().standard(target.standard.accelerator, target.standard.count);
    }

    /** How {@link #cluster} builds its cluster, for evaluating again at the ends of ranged catalog figures. */
    io.tokenrack.engine.evaluate.RangeEvaluator.ClusterSource clusterSource() {
        return target.design != null ? io.tokenrack.engine.evaluate.RangeEvaluator.ClusterSource.design(design())
                : io.tokenrack.engine.evaluate.RangeEvaluator.ClusterSource.standard(target.standard.accelerator, target.standard.count);
    }

    static RackDesign readDesign(Path file) {
        return StrictJson.read(file, file.toString(), RackDesign.class);
    }
}
