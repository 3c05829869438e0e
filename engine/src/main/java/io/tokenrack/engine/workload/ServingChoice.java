package io.tokenrack.engine.workload;

import io.tokenrack.engine.catalog.InputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words a workload may use for how it is served: {@code serving} (auto, aggregated,
 * disaggregated, afd) and {@code speculative} (auto, off, mtp:K, eagle:K, draft:MODEL_ID:K). Checked
 * here when a workload is built, so that a design file with a bad value is refused on load, naming
 * the field; the evaluator parses the same words into its own types. Absent (null) means auto; auto
 * is kept as absent, so a design saved with the defaults reads as it did before these fields existed.
 */
public final class ServingChoice {
    /** The serving modes, as the CLI takes them. */
    public static final java.util.List<String> SERVING = java.util.List.of("auto", "aggregated", "disaggregated", "afd");
    /** Deepest draft a workload may name (as the evaluator accepts). */
    public static final int MAX_DRAFT_TOKENS = 16;
    private static final Pattern SPECULATIVE = Pattern.compile("off|auto|(mtp|eagle):\\d{1,2}|draft:[^:\\s]+:\\d{1,2}");
    private static final Pattern DEPTH = Pattern.compile(".*:(\\d{1,2})");

    private ServingChoice() {}

    /**
     * {@code serving} in lower case, null for auto.
     *
     * @throws InputException naming the field and what it takes
     */
    public static String serving(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip().toLowerCase(Locale.ROOT);
        if (!SERVING.contains(v)) {
            throw new InputException("serving: expected auto, aggregated, disaggregated or afd, was '" + s + "'");
        }
        return v.equals("auto") ? null : v;
    }

    /**
     * {@code speculative} with its method in lower case, null for auto.
     *
     * @throws InputException naming the field and what it takes
     */
    public static String speculative(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        int colon = v.indexOf(':');
        v = (colon < 0 ? v.toLowerCase(Locale.ROOT) : v.substring(0, colon).toLowerCase(Locale.ROOT) + v.substring(colon));
        var depth = DEPTH.matcher(v);
        if (!SPECULATIVE.matcher(v).matches()
                || depth.matches() && (Integer.parseInt(depth.group(1)) < 1 || Integer.parseInt(depth.group(1)) > MAX_DRAFT_TOKENS)) {
            throw new InputException("speculative: expected auto, off, mtp:K, eagle:K or draft:MODEL_ID:K with K from 1 to "
                    + MAX_DRAFT_TOKENS + ", was '" + s + "'");
        }
        return v.equals("auto") ? null : v;
    }
}
