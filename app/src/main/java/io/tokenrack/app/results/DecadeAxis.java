package io.tokenrack.app.results;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal base-10 log axis labelled once per decade in plain numbers ("1", "10", "100",
 * "1,000") with unlabelled minor ticks at 2–9 × each decade. JFreeChart's own {@link LogAxis}
 * writes "10" with a superscript exponent, laid out as styled text: measuring and drawing those
 * labels was the largest part of redrawing the four live charts after an edit. These plain labels
 * are measured and drawn as ordinary strings, and read more easily too.
 */
final class DecadeAxis extends LogAxis {
    /** The most decades labelled: beyond it every other decade is (the chart is 320 pixels wide or so). */
    static final int MAX_LABELLED_DECADES = 6;

    DecadeAxis(String label) {
        super(label);
        setBase(10);
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(getLowerBound(), getUpperBound(), edge == RectangleEdge.TOP);
    }

    /** The ticks over [lower, upper]: a labelled major tick at each decade, minor ones between. */
    static List<NumberTick> ticks(double lower, double upper, boolean top) {
        List<NumberTick> out = new ArrayList<>();
        if (!(lower > 0) || !(upper > lower) || Double.isInfinite(upper)) {
            return out;
        }
        int first = (int) Math.floor(Math.log10(lower));
        int last = (int) Math.ceil(Math.log10(upper));
        int step = last - first > MAX_LABELLED_DECADES ? 2 : 1;
        TextAnchor anchor = top ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        for (int e = first; e <= last; e++) {
            double decade = Math.pow(10, e);
            if (decade >= lower && decade <= upper) {
                String label = Math.floorMod(e, step) == 0 ? label(e) : "";
                out.add(new NumberTick(TickType.MAJOR, decade, label, anchor, TextAnchor.CENTER, 0.0));
            }
            for (int m = 2; m <= 9; m++) {
                double v = m * decade;
                if (v >= lower && v <= upper) {
                    out.add(new NumberTick(TickType.MINOR, v, "", anchor, TextAnchor.CENTER, 0.0));
                }
            }
        }
        return out;
    }

    /** 10^e written out: "1", "10", "1,000", "0.01". */
    static String label(int e) {
        return e >= 0 ? String.format(java.util.Locale.US, "%,d", Math.round(Math.pow(10, e)))
                : java.math.BigDecimal.ONE.scaleByPowerOfTen(e).toPlainString();
    }
}
