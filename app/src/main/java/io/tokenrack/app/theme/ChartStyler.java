package io.tokenrack.app.theme;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Maps the app theme onto JFreeChart: backgrounds, text, grid lines and the series colours come
 * from the {@link ThemePalette}, fonts match the UI's size, bars are flat (no gradients, no shadows).
 */
public final class ChartStyler {
    private final ThemePalette palette;
    private final StandardChartTheme theme;

    public ChartStyler(ThemePalette palette) {
        this.palette = palette;
        this.theme = buildTheme(palette);
    }

    public ThemePalette palette() {
        return palette;
    }

    public java.awt.Color series(int i) {
        return ThemePalette.awt(palette.series(i));
    }

    public java.awt.Color accent() {
        return ThemePalette.awt(palette.accent());
    }

    public java.awt.Color danger() {
        return ThemePalette.awt(palette.danger());
    }

    public java.awt.Color muted() {
        return ThemePalette.awt(palette.fgMuted());
    }

    public java.awt.Color text() {
        return ThemePalette.awt(palette.fgDefault());
    }

    /** Applies the theme to a chart; call after its plot and renderers exist. */
    public JFreeChart style(JFreeChart chart) {
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            xy.setOutlineVisible(false);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot cat) {
            cat.setOutlineVisible(false);
            if (cat.getRenderer() instanceof BarRenderer br) {
                br.setBarPainter(new StandardBarPainter());
                br.setShadowVisible(false);
                br.setDrawBarOutline(false);
            }
        }
        return chart;
    }

    private static StandardChartTheme buildTheme(ThemePalette p) {
        StandardChartTheme t = new StandardChartTheme("TokenRack");
        java.awt.Color bg = ThemePalette.awt(p.bgDefault());
        java.awt.Color fg = ThemePalette.awt(p.fgDefault());
        java.awt.Color muted = ThemePalette.awt(p.fgMuted());
        java.awt.Color grid = ThemePalette.awt(p.borderDefault());
        t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        t.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        t.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        t.setChartBackgroundPaint(bg);
        t.setPlotBackgroundPaint(bg);
        t.setLegendBackgroundPaint(bg);
        t.setTitlePaint(fg);
        t.setSubtitlePaint(muted);
        t.setLegendItemPaint(fg);
        t.setAxisLabelPaint(muted);
        t.setTickLabelPaint(muted);
        t.setDomainGridlinePaint(grid);
        t.setRangeGridlinePaint(grid);
        t.setItemLabelPaint(fg);
        t.setPlotOutlinePaint(grid);
        t.setBaselinePaint(grid);
        t.setShadowVisible(false);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        Paint[] series = new Paint[p.series().length];
        for (int i = 0; i < series.length; i++) {
            series[i] = ThemePalette.awt(p.series(i));
        }
        t.setDrawingSupplier(new DefaultDrawingSupplier(series, DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return t;
    }
}
