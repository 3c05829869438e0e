package io.tokenrack.app.site;

import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.site.SitePlan;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Where the utility's megawatts go: one bar for the envelope, split (to scale) into accelerators,
 * hosts, network, power-chain losses, cooling and what is left unused, each with its MW and share.
 */
public final class PowerFlowView extends PaletteCanvas {
    private SitePlan plan;

    public PowerFlowView(ThemePalette palette) {
        super("site-power-flow", palette);
        setMinSize(220, 200);
        setPrefWidth(300);
    }

    public void show(SitePlan p) {
        plan = p;
        draw();
    }

    /** The flow's parts, in the order drawn: name, watts. */
    static List<Object[]> parts(SitePlan p) {
        SitePlan.PowerFlow f = p.power();
        return List.of(new Object[] {"accelerators", f.acceleratorWatts()}, new Object[] {"hosts", f.hostWatts()},
                new Object[] {"network", f.networkWatts()}, new Object[] {"power-chain losses", f.chainLossWatts()},
                new Object[] {"cooling", f.coolingWatts()},
                new Object[] {"unused (sized for peak)", Math.max(0, p.siteMegawatts() * 1e6 - f.facilityWatts())});
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        ThemePalette palette = palette();
        if (plan == null) {
            return;
        }
        g.setFont(Font.font(12));
        g.setFill(palette.fgDefault());
        g.fillText(String.format(Locale.ROOT, "Utility %.1f MW → facility %.1f MW (PUE %.3f)", plan.siteMegawatts(),
                plan.power().facilityWatts() / 1e6, plan.facilityPerItWatt()), 8, 16);
        double top = 28;
        double height = h - top - 8;
        double total = plan.siteMegawatts() * 1e6;
        double y = top;
        double lastLabel = top - 14;
        Color[] colors = {palette.series(0), palette.series(5), palette.series(3), palette.danger(), palette.series(2), palette.borderDefault()};
        List<Object[]> parts = parts(plan);
        for (int i = 0; i < parts.size(); i++) {
            double watts = (double) parts.get(i)[1];
            double bh = height * watts / total;
            g.setFill(colors[i]);
            g.fillRect(8, y, 36, Math.max(bh, 0.5));
            // the label beside its band, kept at least a line below the previous label
            g.setFill(palette.fgDefault());
            double labelY = Math.max(y + Math.min(bh, 14) / 2 + 4, lastLabel + 15);
            g.fillText(String.format(Locale.ROOT, "%s  %.2f MW  (%.1f%%)", parts.get(i)[0], watts / 1e6, 100 * watts / total), 52, labelY);
            lastLabel = labelY;
            y += bh;
        }
        g.setStroke(palette.fgMuted());
        g.strokeRect(8, top, 36, height);
    }
}
