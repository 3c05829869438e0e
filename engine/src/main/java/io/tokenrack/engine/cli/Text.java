package io.tokenrack.engine.cli;

import io.tokenrack.engine.perf.Bound;
import io.tokenrack.engine.perf.OperatorClass;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How numbers and model terms read in the commands' text output: thousands grouped, short times in
 * milliseconds and long ones in seconds, words instead of enum names. Unknown numbers read
 * "unknown", never "NaN".
 */
final class Text {
    static final String UNKNOWN = "unknown";

    private Text() {}

    /** A whole number, grouped: 12,345. */
    static String count(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : UNKNOWN;
    }

    /** A number with {@code decimals} decimals, grouped: 1,234.5. */
    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : UNKNOWN;
    }

    /**
     * Three significant figures below 1,000 and whole units above, grouped, never rounded to 0 and
     * never in exponent notation: 0.000412, 1.5, 117, 1,234.
     */
    static String significant(double v) {
        if (!Double.isFinite(v)) {
            return UNKNOWN;
        }
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1000) {
            return count(v); // whole units: 1,061 stays 1,061
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A time: "11.6 ms" below a second, "2.35 s" below a minute, "1,383 s" above. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return UNKNOWN;
        }
        if (seconds < 1) {
            return significant(seconds * 1e3) + " ms";
        }
        if (seconds < 60) {
            return significant(seconds) + " s";
        }
        return count(seconds) + " s";
    }

    /** A share of a whole: "43%", and "<1%" rather than a misleading "0%". */
    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return UNKNOWN;
        }
        if (fraction > 0 && fraction < 0.005) {
            return "<1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** "memory bandwidth", "compute": what a step is bound by, in words. */
    static String words(Bound bound) {
        return bound.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "attention over the KV cache", "dense FFN": an operator class without its parenthesised detail. */
    static String words(OperatorClass operatorClass) {
        if (operatorClass == OperatorClass.OVERHEAD) {
            return "fixed overhead";
        }
        String d = operatorClass.description();
        int paren = d.indexOf(" (");
        return paren > 0 ? d.substring(0, paren) : d;
    }
}
