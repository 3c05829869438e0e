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

    /**
     * A figure with its unit ("183.3 kW"), or just "unknown" when the figure is unknown, never
     * "unknown kW".
     */
    static String withUnit(String number, String unit) {
        return UNKNOWN.equals(number) ? UNKNOWN : number + unit;
    }

    /**
     * The decimals that show {@code v} to three significant figures (none at 1,000 and above):
     * 29.1 → 1, 0.029 → 4, 0.00562 → 5.
     */
    static int decimals(double v) {
        if (!Double.isFinite(v) || v == 0 || Math.abs(v) >= 1000) {
            return 0;
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(3));
        return Math.max(0, b.scale());
    }

    /**
     * A range "low–high", both ends to the same decimals, enough for three significant figures of
     * the smaller end; one number when both ends read the same: "23.0–29.1", "$0.0290–$0.0378",
     * "50". {@code prefix} goes before each end ("$"), {@code unit} after the range (" kW").
     */
    static String range(double low, double high, String prefix, String unit) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return UNKNOWN;
        }
        int d = Math.max(decimals(low), decimals(high));
        String a = fixed(low, d);
        String b = fixed(high, d);
        return a.equals(b) ? prefix + a + unit : prefix + a + "–" + prefix + b + unit;
    }

    /**
     * {@code v} to at least {@code minDecimals} and to three significant figures below 1: 11.30,
     * 0.00810 (not 0.01, which would sit outside a range 0.00562–0.01100 it lies in).
     */
    static String atLeast(double v, int minDecimals) {
        return fixed(v, Math.max(minDecimals, decimals(v)));
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
