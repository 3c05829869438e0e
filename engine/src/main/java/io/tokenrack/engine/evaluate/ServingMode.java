package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.InputException;
import java.util.Locale;

/**
 * How prefill and decode share the accelerators: on the same ones (aggregated, continuous batching
 * with chunked prefill), on two pools (disaggregated, xPyD), or whichever serves the operating point
 * better (auto).
 */
public enum ServingMode {
    AGGREGATED, DISAGGREGATED, AUTO;

    /** The mode in words, as the CLI takes it and the JSON writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code aggregated}, {@code disaggregated} or {@code auto} (any case). */
    public static ServingMode parse(String s) {
        for (ServingMode m : values()) {
            if (m.label().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return m;
            }
        }
        throw new InputException("serving: expected aggregated, disaggregated or auto, was '" + s + "'");
    }
}
