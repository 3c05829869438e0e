package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.InputException;
import java.util.Locale;

/**
 * How prefill and decode share the accelerators: on the same ones (aggregated, continuous batching
 * with chunked prefill), on two pools (disaggregated, xPyD), attention and FFN on two kinds of accelerator (afd), or
 * whichever serves the operating point better (auto).
 */
public enum ServingMode {
    AGGREGATED, DISAGGREGATED,
    /** Attention–FFN disaggregation: a design with two kinds of accelerator, attention and the KV cache on one, the FFN on the other. */
    AFD,
    AUTO;

    /** The mode in words, as the CLI takes it and the JSON writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code aggregated}, {@code disaggregated}, {@code afd} or {@code auto} (any case). */
    public static ServingMode parse(String s) {
        for (ServingMode m : values()) {
            if (m.label().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return m;
            }
        }
        throw new InputException("serving: expected aggregated, disaggregated, afd or auto, was '" + s + "'");
    }
}
