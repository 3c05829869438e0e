package io.tokenrack.engine.workload;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;

/**
 * What the rack serves: a model, its number formats, request lengths, how many requests are in
 * flight and the latency limits.
 *
 * @param concurrency                requests in flight; null means "max": the best throughput that fits memory and the limits
 * @param ttftLimitMs                optional limit on time to first token, milliseconds
 * @param tpotLimitMs                optional limit on time per output token, milliseconds
 * @param minTokensPerSecondPerUser  optional floor on each user's output tokens/s
 * @param prefixHitRate              optional share of each prompt found in the prefix cache, in [0, 1); null means 0
 * @param serving                    optional way of serving: aggregated, disaggregated or afd; null means auto (the engine chooses)
 * @param speculative                optional speculative decoding: off, mtp:K, eagle:K or draft:MODEL_ID:K; null means auto
 */
public record Workload(
        @JsonProperty(required = true) String modelId,
        @JsonProperty(required = true) Precision precision,
        Precision kvPrecision,
        @JsonProperty(required = true) int inputTokens,
        @JsonProperty(required = true) int outputTokens,
        Integer concurrency,
        Double ttftLimitMs,
        Double tpotLimitMs,
        Double minTokensPerSecondPerUser,
        Parallelism parallelism,
        Double prefixHitRate,
        String serving,
        String speculative) {

    public Workload {
        if (modelId == null || modelId.isBlank()) {
            throw new InputException("modelId: missing or empty");
        }
        if (precision == null) {
            throw new InputException("precision: missing");
        }
        if (kvPrecision == Precision.FP4) {
            throw new InputException("kvPrecision: fp4 KV cache is not modelled (use bf16 or fp8)");
        }
        Limits.positive("inputTokens", inputTokens, Limits.MAX_TOKENS);
        Limits.positive("outputTokens", outputTokens, Limits.MAX_TOKENS);
        if (concurrency != null) {
            Limits.positive("concurrency", concurrency, Limits.MAX_CONCURRENCY);
        }
        positiveOrNull("ttftLimitMs", ttftLimitMs);
        positiveOrNull("tpotLimitMs", tpotLimitMs);
        positiveOrNull("minTokensPerSecondPerUser", minTokensPerSecondPerUser);
        if (parallelism == null) {
            parallelism = Parallelism.AUTO;
        }
        if (prefixHitRate != null && !(prefixHitRate >= 0 && prefixHitRate < 1)) {
            throw new InputException("prefixHitRate: must be at least 0 and below 1 (a share of the prompt), was " + prefixHitRate);
        }
        serving = ServingChoice.serving(serving);
        speculative = ServingChoice.speculative(speculative);
    }

    /** A workload served as the engine chooses (serving and speculative decoding auto). */
    public Workload(String modelId, Precision precision, Precision kvPrecision, int inputTokens, int outputTokens,
                    Integer concurrency, Double ttftLimitMs, Double tpotLimitMs, Double minTokensPerSecondPerUser,
                    Parallelism parallelism, Double prefixHitRate) {
        this(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs,
                minTokensPerSecondPerUser, parallelism, prefixHitRate, null, null);
    }

    /** A workload with no prefix caching. */
    public Workload(String modelId, Precision precision, Precision kvPrecision, int inputTokens, int outputTokens,
                    Integer concurrency, Double ttftLimitMs, Double tpotLimitMs, Double minTokensPerSecondPerUser,
                    Parallelism parallelism) {
        this(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs,
                minTokensPerSecondPerUser, parallelism, null);
    }

    /** The share of each prompt served from the prefix cache: {@link #prefixHitRate()}, or 0 when absent. */
    public double effectivePrefixHitRate() {
        return prefixHitRate == null ? 0 : prefixHitRate;
    }

    private static void positiveOrNull(String field, Double v) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new InputException(field + ": must be a finite positive number, was " + v);
        }
    }

    /** The KV-cache format: as given, else bf16 for bf16 models and fp8 otherwise. */
    public Precision effectiveKvPrecision() {
        if (kvPrecision != null) {
            return kvPrecision;
        }
        return precision == Precision.BF16 ? Precision.BF16 : Precision.FP8;
    }

    public boolean isMaxConcurrency() {
        return concurrency == null;
    }

    // With-methods: a copy with one field changed, validated like any workload.

    public Workload withModel(String id) {
        return new Workload(id, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    public Workload withPrecision(Precision p) {
        return new Workload(modelId, p, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    /** @param kv the KV-cache format; null for the default that follows {@link #precision()} */
    public Workload withKvPrecision(Precision kv) {
        return new Workload(modelId, precision, kv, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    public Workload withInputTokens(int n) {
        return new Workload(modelId, precision, kvPrecision, n, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    public Workload withOutputTokens(int n) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, n, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    /** @param c requests in flight; null for "max" */
    public Workload withConcurrency(Integer c) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, c, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    /** @param ms the limit; null for none */
    public Workload withTtftLimitMs(Double ms) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ms, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    /** @param ms the limit; null for none */
    public Workload withTpotLimitMs(Double ms) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, ms, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, speculative);
    }

    /** @param tps the floor; null for none */
    public Workload withMinTokensPerSecondPerUser(Double tps) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, tps, parallelism, prefixHitRate, serving, speculative);
    }

    /** @param p the layout; null for {@link Parallelism#AUTO} */
    public Workload withParallelism(Parallelism p) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, p, prefixHitRate, serving, speculative);
    }

    /** @param h the share of each prompt found in the prefix cache, in [0, 1); null for none */
    public Workload withPrefixHitRate(Double h) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, h, serving, speculative);
    }

    /** @param s aggregated, disaggregated or afd; null (or auto) for the engine's choice */
    public Workload withServing(String s) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, s, speculative);
    }

    /** @param s off, mtp:K, eagle:K or draft:MODEL_ID:K; null (or auto) for the engine's choice */
    public Workload withSpeculative(String s) {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, ttftLimitMs, tpotLimitMs, minTokensPerSecondPerUser, parallelism, prefixHitRate, serving, s);
    }

    /** The same workload with no latency limits and no speed floor. */
    public Workload withoutLimits() {
        return new Workload(modelId, precision, kvPrecision, inputTokens, outputTokens, concurrency, null, null, null, parallelism, prefixHitRate, serving, speculative);
    }
}
