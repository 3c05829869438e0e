package io.tokenrack.app.site;

import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.site.Tornado;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;

/**
 * The tornado: for each input, how far the headline (output tokens/s per MW, or $ per million
 * tokens) moves between the input's low and high end, as a bar around the base, widest first.
 */
public final class TornadoView extends PaletteCanvas {
    /** Which headline the bars show. */
    public enum Metric {
        TOKENS_PER_MW("tokens/s per MW"), USD_PER_M("$ per M tokens"), PAYBACK("payback");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private Tornado.Result result;
    private Metric metric = Metric.TOKENS_PER_MW;

    public TornadoView(ThemePalette palette) {
        super("site-tornado", palette);
        setMinSize(300, 170);
        setPrefHeight(200);
    }

    public void show(Tornado.Result r) {
        result = r;
        draw();
    }

    public void metric(Metric m) {
        metric = m;
        draw();
    }

    static double value(Tornado.Headline h, Metric m) {
        return switch (m) {
            case TOKENS_PER_MW -> h.tokensPerSecondPerMegawatt();
            case USD_PER_M -> h.usdPerMillionOutputTokens();
            case PAYBACK -> h.paybackYears();
        };
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        ThemePalette palette = palette();
        if (result == null) {
            return;
        }
        double base = value(result.base(), metric);
        g.setFont(Font.font(12));
        g.setFill(palette.fgDefault());
        String title = switch (metric) {
            case TOKENS_PER_MW -> "output tokens/s per MW";
            case USD_PER_M -> "$ per million output tokens";
            case PAYBACK -> "payback, years";
        };
        g.fillText(String.format(Locale.ROOT, "%s, base %s: orange = input at its low end, blue = at its high end", title, fmt(base)), 8, 16);
        double maxRel = 1e-9;
        for (Tornado.Bar b : result.bars()) {
            maxRel = Math.max(maxRel, Math.max(Math.abs(value(b.low(), metric) / base - 1), Math.abs(value(b.high(), metric) / base - 1)));
        }
        double labelW = 140;
        double textW = Math.min(260, w * 0.4);
        double mid = labelW + (w - labelW - textW) / 2;
        double half = (w - labelW - textW - 20) / 2;
        double rowH = Math.min(22, (h - 30) / Math.max(1, result.bars().size()));
        double y = 26;
        for (Tornado.Bar b : result.bars()) {
            g.setFill(palette.fgDefault());
            g.fillText(b.input(), 8, y + rowH * 0.7);
            if (!b.available() || !Double.isFinite(base)) {
                g.setFill(palette.fgMuted());
                g.fillText("not varied in this build", mid - 60, y + rowH * 0.7);
            } else {
                double lo = value(b.low(), metric) / base - 1;
                double hi = value(b.high(), metric) / base - 1;
                bar(g, mid, half, maxRel, lo, y, rowH, palette.series(1));
                bar(g, mid, half, maxRel, hi, y, rowH, palette.series(0));
                g.setFill(palette.fgMuted());
                g.fillText(String.format(Locale.ROOT, "%s: %+.0f%%   %s: %+.0f%%", b.lowLabel(), lo * 100, b.highLabel(), hi * 100),
                        w - textW + 6, y + rowH * 0.7);
            }
            y += rowH;
        }
        g.setStroke(palette.fgMuted());
        g.strokeLine(mid, 22, mid, y);
    }

    private static void bar(GraphicsContext g, double mid, double half, double maxRel, double rel, double y, double rowH,
                            javafx.scene.paint.Color c) {
        if (!Double.isFinite(rel)) {
            return;
        }
        double len = half * rel / maxRel;
        g.setFill(c.deriveColor(0, 1, 1, 0.75));
        g.fillRect(Math.min(mid, mid + len), y + 3, Math.abs(len), rowH - 6);
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "unknown";
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
