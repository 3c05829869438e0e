package io.tokenrack.engine.perf;

import java.util.Locale;

/**
 * How draft tokens are proposed for speculative decoding (docs/model.md, "Speculative decoding").
 * The target model verifies k draft tokens per sequence in one step; the accepted ones, plus the
 * token the verification itself yields, are emitted.
 */
public enum SpeculativeMethod {
    /** No speculation: one token per sequence per step. */
    OFF,
    /** Multi-token-prediction modules shipped with the model (DeepSeek-V3/R1: one), run autoregressively k times. */
    MTP,
    /** An EAGLE-style draft head: one decoder layer on the target's hidden states, run k times. */
    EAGLE,
    /** A separate, smaller model of the catalog with the same vocabulary, run k times. */
    DRAFT;

    /** The CLI and JSON word: off, mtp, eagle, draft. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
