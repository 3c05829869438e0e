package io.tokenrack.engine.workload;

import io.tokenrack.engine.catalog.InputException;
import java.util.Locale;

/**
 * Upper bounds on sizes a user can type, far above any real rack or request and far enough below
 * {@code Integer.MAX_VALUE} that products of them (tp × pp × dp, replicas × sequences) never wrap.
 * Each bound is stated in the message that refuses a value beyond it.
 */
public final class Limits {
    /** Accelerators in one evaluation (and so any parallel degree): a million, beyond any cluster built. */
    public static final int MAX_ACCELERATORS = 1_000_000;
    /** Input or output tokens of one request: ten million, beyond any model's context. */
    public static final int MAX_TOKENS = 10_000_000;
    /** Requests in flight. */
    public static final int MAX_CONCURRENCY = 1_000_000_000;
    /** Rack unit positions: no rack is a thousand units tall. */
    public static final int MAX_RACK_UNIT = 1_000;
    /** Units of one 0U item (optics) in one placement. */
    public static final int MAX_ITEM_COUNT = 100_000;

    private Limits() {}

    /**
     * Checks {@code 1 ≤ value ≤ max}; the message names the field, the range and the value, e.g.
     * "count: must be a whole number from 1 to 1,000,000, was 1073741824".
     */
    public static int positive(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new InputException(String.format(Locale.ROOT, "%s: must be a whole number from 1 to %,d, was %d",
                    field, max, value));
        }
        return value;
    }
}
