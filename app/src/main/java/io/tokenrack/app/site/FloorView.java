package io.tokenrack.app.site;

import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.site.SitePlan;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The site's floor, drawn to scale from the plan: each design's racks in rows of
 * {@value #RACKS_PER_ROW}, a rack {@value #RACK_WIDTH_M} m wide and {@value #RACK_DEPTH_M} m deep,
 * rows back to back with a {@value #AISLE_M} m aisle between row pairs. Scroll or the zoom buttons
 * zoom; the scale bar says how long 10 m is. The dimensions are drawing assumptions (a common AI
 * rack footprint), not inputs of the plan.
 */
public final class FloorView extends PaletteCanvas {
    static final int RACKS_PER_ROW = 20;
    static final double RACK_WIDTH_M = 0.6;
    static final double RACK_DEPTH_M = 1.2;
    static final double AISLE_M = 1.2;

    private final DoubleProperty pixelsPerMetre = new SimpleDoubleProperty(6);
    private SitePlan plan;

    public FloorView(ThemePalette palette) {
        super("site-floor", palette);
        pixelsPerMetre.addListener(o -> draw());
        setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 1.25 : 0.8));
        setMinSize(200, 150);
    }

    public DoubleProperty pixelsPerMetreProperty() {
        return pixelsPerMetre;
    }

    public void zoom(double factor) {
        pixelsPerMetre.set(Math.clamp(pixelsPerMetre.get() * factor, 0.2, 80));
    }

    /** Zooms so the whole floor fits. */
    public void fit() {
        if (plan == null || getWidth() <= 0) {
            return;
        }
        double[] size = floorMetres(plan);
        pixelsPerMetre.set(Math.clamp(Math.min((getWidth() - 20) / size[0], (getHeight() - 40) / size[1]), 0.2, 80));
    }

    public void show(SitePlan p) {
        plan = p;
        fit();
        draw();
    }

    /** Metres between columns of row pairs (a cross aisle). */
    static final double CROSS_AISLE_M = 3;

    /** Rows on the floor, each design's racks starting a new row. */
    static int rows(SitePlan p) {
        int rows = 0;
        for (SitePlan.DesignLine d : p.designs()) {
            rows += (d.racks() + RACKS_PER_ROW - 1) / RACKS_PER_ROW;
        }
        return rows;
    }

    /** Row pairs per column of the floor, so that the floor is about as wide as tall for the view's shape. */
    static int pairsPerColumn(SitePlan p, double aspect) {
        int pairs = Math.max(1, (rows(p) + 1) / 2);
        double pairDepth = 2 * RACK_DEPTH_M + AISLE_M;
        double colWidth = RACKS_PER_ROW * RACK_WIDTH_M + CROSS_AISLE_M;
        int columns = (int) Math.max(1, Math.round(Math.sqrt(pairs * pairDepth * aspect / colWidth)));
        return (pairs + columns - 1) / columns;
    }

    /** Width and depth of the floor in metres. */
    double[] floorMetres(SitePlan p) {
        int pairs = Math.max(1, (rows(p) + 1) / 2);
        int perColumn = pairsPerColumn(p, aspect());
        int columns = (pairs + perColumn - 1) / perColumn;
        return new double[] {columns * (RACKS_PER_ROW * RACK_WIDTH_M + CROSS_AISLE_M) - CROSS_AISLE_M,
            perColumn * (2 * RACK_DEPTH_M + AISLE_M)};
    }

    private double aspect() {
        return getWidth() > 0 && getHeight() > 60 ? (getWidth() - 20) / (getHeight() - 50) : 1.5;
    }

    @Override
    protected Color background(ThemePalette p) {
        return p.bgSubtle();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        ThemePalette palette = palette();
        if (plan == null) {
            return;
        }
        double s = pixelsPerMetre.get();
        double x0 = 10;
        double y0 = 30;
        int row = 0;
        g.setFont(Font.font(11));
        double[] size = floorMetres(plan);
        int perColumn = pairsPerColumn(plan, aspect());
        double colWidth = RACKS_PER_ROW * RACK_WIDTH_M + CROSS_AISLE_M;
        for (int i = 0; i < plan.designs().size(); i++) {
            SitePlan.DesignLine d = plan.designs().get(i);
            g.setFill(palette.series(i));
            for (int r = 0; r < d.racks(); r++) {
                int rowHere = row + r / RACKS_PER_ROW;
                int col = r % RACKS_PER_ROW;
                int pair = rowHere / 2;
                double y = y0 + (pair % perColumn) * (2 * RACK_DEPTH_M + AISLE_M) * s + (rowHere % 2) * RACK_DEPTH_M * s;
                double x = x0 + (pair / perColumn) * colWidth * s + col * RACK_WIDTH_M * s;
                if (y > h || x > w) {
                    continue;
                }
                g.fillRect(x, y, Math.max(0.5, RACK_WIDTH_M * s - (s > 4 ? 1 : 0)), Math.max(0.5, RACK_DEPTH_M * s - (s > 4 ? 1 : 0)));
            }
            row += (d.racks() + RACKS_PER_ROW - 1) / RACKS_PER_ROW;
        }
        // legend and scale
        g.setFill(palette.fgDefault());
        double lx = x0;
        for (int i = 0; i < plan.designs().size(); i++) {
            SitePlan.DesignLine d = plan.designs().get(i);
            g.setFill(palette.series(i));
            g.fillRect(lx, 8, 10, 10);
            g.setFill(palette.fgDefault());
            String t = String.format(java.util.Locale.ROOT, "%s: %,d racks", d.label(), d.racks());
            g.fillText(t, lx + 14, 17);
            lx += 14 + t.length() * 6.2 + 16;
        }
        double bar = 10 * s;
        g.setStroke(palette.fgMuted());
        g.strokeLine(x0, h - 10, x0 + bar, h - 10);
        g.setFill(palette.fgMuted());
        g.fillText(String.format(java.util.Locale.ROOT, "10 m   (floor %.0f × %.0f m: racks %.1f × %.1f m in rows of %d, %.1f m aisles; scroll to zoom)", size[0], size[1],
                RACK_WIDTH_M, RACK_DEPTH_M, RACKS_PER_ROW, AISLE_M), x0 + bar + 6, h - 6);
    }
}
