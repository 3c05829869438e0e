package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.FigureRange;

/**
 * One catalog figure known only as a range that an evaluation rests on.
 *
 * @param itemId the catalog entry ("rubin")
 * @param name   the entry's display name
 * @param field  the figure ("memBandwidthTBps")
 * @param value  the value the nominal evaluation uses
 */
public record RangedInput(String itemId, String name, String field, double value, FigureRange range) {
    /** "NVIDIA Rubin memBandwidthTBps 19.2–22 (announced)". */
    public String text() {
        return name + " " + field + " " + num(range.low()) + "–" + num(range.high()) + " (" + range.provenance().label() + ")";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long) v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
