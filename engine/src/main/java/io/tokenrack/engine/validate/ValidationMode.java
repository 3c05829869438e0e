package io.tokenrack.engine.validate;

import java.util.Arrays;
import java.util.Optional;

/** How a calibration row was measured, and so how the engine is asked to reproduce it. */
public enum ValidationMode {
    /** All requests queued at once: the largest batch that fits ({@code limit} empty). */
    MAX_THROUGHPUT("max-throughput"),
    /** A fixed batch of {@code limit} requests (static batching, as the vendor pages run it). */
    CONCURRENCY("concurrency"),
    /** The most throughput at {@code limit} tokens/s per user or more. */
    MIN_TOKENS_PER_SECOND_PER_USER("min-tokens-per-second-per-user"),
    /** The most throughput with TTFT and TPOT within {@code limit} = {@code TTFT_ms/TPOT_ms}. */
    LATENCY_LIMITS("latency-limits"),
    /** Prefill and decode on separate pools, {@code limit} requests in flight, the pools chosen by the engine. */
    DISAGGREGATED("disaggregated");

    private final String label;

    ValidationMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ValidationMode> parse(String s) {
        return Arrays.stream(values()).filter(m -> m.label.equals(s)).findFirst();
    }

    /** "max-throughput, concurrency, …": for error messages. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(ValidationMode::label).toList());
    }
}
