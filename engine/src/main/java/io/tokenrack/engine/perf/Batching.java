package io.tokenrack.engine.perf;

import io.tokenrack.engine.catalog.InputException;
import java.util.Locale;

/** How an engine forms its batches (docs/model-reference.md §7). */
public enum Batching {
    /** In-flight batching with chunked prefill (vLLM, TensorRT-LLM, SGLang): the batch re-forms every step. */
    CONTINUOUS,
    /** A fixed batch: every prompt is prefilled, then the whole batch decodes to the end (static benchmarks). */
    STATIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Batching parse(String text) {
        for (Batching b : values()) {
            if (b.label().equals(text.toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new InputException("unknown batching '" + text + "' (expected continuous or static)");
    }
}
