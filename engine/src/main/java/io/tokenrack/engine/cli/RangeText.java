package io.tokenrack.engine.cli;

import io.tokenrack.engine.evaluate.Band;
import io.tokenrack.engine.evaluate.HeadlineMetric;
import io.tokenrack.engine.evaluate.RangedEvaluation;
import java.io.PrintWriter;
import java.util.Locale;

/** The ranges of {@code evaluate}'s text output: "a–b" for the headline numbers, and which inputs make them. */
final class RangeText {
    private RangeText() {}

    static void print(PrintWriter out, RangedEvaluation r) {
        if (!r.ranged()) {
            return;
        }
        out.println("  ranges (catalog figures known only as ranges, evaluated at their ends):");
        line(out, r, HeadlineMetric.OUTPUT_TOKENS_PER_SECOND, "output tokens/s", 1, "", false);
        line(out, r, HeadlineMetric.TOKENS_PER_SECOND_PER_USER, "tokens/s per user", 1, "", false);
        line(out, r, HeadlineMetric.IT_POWER_WATTS, "IT power", 1e3, " kW", false);
        line(out, r, HeadlineMetric.OUTPUT_TOKENS_PER_JOULE, "output tokens/joule", 1, " (IT)", false);
        line(out, r, HeadlineMetric.USD_PER_MILLION_OUTPUT_TOKENS, "$ per M output tokens", 1, "", true);
        out.println("    from: " + r.inputsText());
        for (String f : r.failedEnds()) {
            out.println("    no numbers at " + f);
        }
    }

    private static void line(PrintWriter out, RangedEvaluation r, HeadlineMetric m, String label, double scale, String unit, boolean dollars) {
        Band b = r.band(m);
        if (b == null) {
            out.printf(Locale.ROOT, "    %-22s %s%n", label, Text.UNKNOWN);
            return;
        }
        out.printf(Locale.ROOT, "    %-22s %s%n", label, Text.range(b.low() / scale, b.high() / scale, dollars ? "$" : "", unit));
    }

    /** Three significant figures, thousands grouped. */
    static String num(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
