package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.kernels.MeasuredHost;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    @Option(names = "--model", required = true, description = "model id (see `catalog --kind model`)", paramLabel = "ID")
    String model;

    @Option(names = "--precision", defaultValue = "fp8", description = "weights and math: bf16, fp8 or fp4 (default ${DEFAULT-VALUE})")
    String precision;

    @Option(names = "--kv-precision", description = "KV cache: bf16 or fp8 (default: bf16 for bf16 weights, else fp8)")
    String kvPrecision;

    @Option(names = "--isl", required = true, description = "input (prompt) tokens per request", paramLabel = "N")
    int isl;

    @Option(names = "--osl", required = true, description = "output tokens per request", paramLabel = "N")
    int osl;

    @Option(names = "--concurrency", defaultValue = "max", description = "requests in flight, or `max` (default ${DEFAULT-VALUE})", paramLabel = "N|max")
    String concurrency;

    @Option(names = "--min-tokens-per-second-per-user", description = "best throughput whose tokens/s per user is at least X", paramLabel = "X")
    Double minTokensPerSecondPerUser;

    @Option(names = "--ttft-ms", description = "limit on time to first token", paramLabel = "MS")
    Double ttftMs;

    @Option(names = "--tpot-ms", description = "limit on time per output token", paramLabel = "MS")
    Double tpotMs;

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

    Workload workload() {
        Integer c;
        if ("max".equalsIgnoreCase(concurrency)) {
            c = null;
        } else {
            try {
                c = Integer.parseInt(concurrency);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--concurrency: expected a whole number or max, was '" + concurrency + "'");
            }
        }
        if (c != null && minTokensPerSecondPerUser != null) {
            throw new IllegalArgumentException("--min-tokens-per-second-per-user chooses the concurrency: leave out --concurrency or set it to max");
        }
        try {
            return new Workload(model, Precision.parse(precision), kvPrecision == null ? null : Precision.parse(kvPrecision),
                    isl, osl, c, ttftMs, tpotMs, minTokensPerSecondPerUser, new Parallelism(tp, pp, ep, dp));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(asOption(e.getMessage()), e);
        }
    }

    /** The workload's field names, as the options that set them. */
    static String asOption(String message) {
        String[][] names = {{"inputTokens", "--isl"}, {"outputTokens", "--osl"}, {"ttftLimitMs", "--ttft-ms"},
                {"tpotLimitMs", "--tpot-ms"}, {"minTokensPerSecondPerUser", "--min-tokens-per-second-per-user"},
                {"kvPrecision", "--kv-precision"}, {"concurrency", "--concurrency"}, {"parallelism.tp", "--tp"},
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

    Cluster cluster(Evaluator evaluator) {
        if (target.design != null) {
            return evaluator.clusters().fromDesign(readDesign(target.design));
        }
        if (MeasuredHost.ACCELERATOR_ID.equals(target.standard.accelerator) && evaluator.catalog().find(MeasuredHost.ACCELERATOR_ID).isEmpty()) {
            throw new IllegalArgumentException("--accelerator: this computer has not been measured yet: run `calibrate` first "
                    + "(or name a saved profile with --host-profile FILE)");
        }
        return evaluator.clusters().standard(target.standard.accelerator, target.standard.count);
    }

    static RackDesign readDesign(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return StrictJson.read(in, file.toString(), RackDesign.class);
        } catch (NoSuchFileException e) {
            throw new PresetException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new PresetException(file.toString(), "", "cannot be read: " + e.getMessage());
        }
    }
}
