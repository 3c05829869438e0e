package io.tokenrack.app.lab;

import io.tokenrack.app.lab.LabRoofline.Kind;
import io.tokenrack.app.lab.LabRoofline.KernelPoint;
import io.tokenrack.app.lab.LabRoofline.Roof;
import io.tokenrack.app.theme.ChartStyler;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The empirical roofline as a log-log JFreeChart: attainable GFLOP/s against FLOPs per byte, one
 * slope per memory level up to the compute ceiling (labelled with their rates), and every kernel's
 * achieved point, labelled, one colour per kind of kernel. Styled with the app's {@link ChartStyler}.
 */
final class RooflineChart {
    private ChartStyler styler;
    /** The roofline drawn now (null: none), drawn again in a new theme's colours. */
    private LabRoofline shown;
    private final XYSeriesCollection roofData = new XYSeriesCollection();
    private final XYSeriesCollection pointData = new XYSeriesCollection();
    private final Map<Kind, XYSeries> series = new EnumMap<>(Kind.class);
    private final Map<Kind, List<String>> labels = new EnumMap<>(Kind.class);
    private final XYLineAndShapeRenderer roofRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    private final LogAxis x = new LogAxis("arithmetic intensity (FLOP per byte)");
    private final LogAxis y = new LogAxis("attainable GFLOP/s");
    private final XYPlot plot;
    private final ChartViewer viewer;

    RooflineChart(ChartStyler styler) {
        this.styler = styler;
        for (Kind k : Kind.values()) {
            XYSeries s = new XYSeries(k.title(), false, true);
            series.put(k, s);
            labels.put(k, new ArrayList<>());
            pointData.addSeries(s);
        }
        x.setBase(10);
        y.setBase(10);
        // one tick per decade (a LogAxis counts its tick unit in powers of the base), minor ticks between
        for (LogAxis a : new LogAxis[] {x, y}) {
            a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
            a.setAutoTickUnitSelection(false);
            a.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            a.setMinorTickCount(9);
            a.setMinorTickMarksVisible(true);
        }
        plot = new XYPlot(pointData, x, y, pointRenderer);
        plot.setDataset(1, roofData);
        plot.setRenderer(1, roofRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        styler.style(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.setNoDataMessagePaint(styler.muted());
        plot.setNoDataMessage("No measurements yet: run a calibration");
        stylePoints();
        viewer = new ChartViewer(chart);
        show(null);
        viewer.setId("lab-roofline");
        viewer.setAccessibleText("Empirical roofline of this computer: attainable GFLOP/s against arithmetic intensity");
        viewer.setMinSize(300, 240);
    }

    ChartViewer viewer() {
        return viewer;
    }

    private void stylePoints() {
        Shape dot = new Ellipse2D.Double(-4, -4, 8, 8);
        Shape square = new Rectangle2D.Double(-4, -4, 8, 8);
        for (Kind k : Kind.values()) {
            int i = k.ordinal();
            pointRenderer.setSeriesPaint(i, styler.series(i));
            pointRenderer.setSeriesShape(i, k == Kind.ERT ? square : dot);
            pointRenderer.setSeriesItemLabelsVisible(i, k != Kind.ERT);
            // the two sweeps are joined by a thin line so they read as curves
            boolean sweep = k == Kind.ERT || k == Kind.GEMM_BY_M;
            pointRenderer.setSeriesLinesVisible(i, sweep);
            pointRenderer.setSeriesStroke(i, new BasicStroke(1f));
        }
        pointRenderer.setDefaultItemLabelGenerator((dataset, s, item) -> {
            List<String> l = labels.get(Kind.values()[s]);
            return item < l.size() && !crowded(dataset, s, item) ? l.get(item) : null;
        });
        pointRenderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        pointRenderer.setDefaultItemLabelPaint(styler.text());
        pointRenderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        pointRenderer.setDefaultToolTipGenerator((dataset, s, item) -> {
            List<String> l = labels.get(Kind.values()[s]);
            String name = item < l.size() ? l.get(item) : Kind.values()[s].title();
            return String.format(java.util.Locale.ROOT, "%s: %s at %.3g FLOP/byte", name,
                    LabText.gflops(dataset.getYValue(s, item)), dataset.getXValue(s, item));
        });
        roofRenderer.setDefaultSeriesVisibleInLegend(false);
    }

    /**
     * Whether an earlier point of the same series sits so close (same intensity, within 0.08 of a
     * decade in rate) that the two labels would overlap; the tooltip still names every point.
     */
    private static boolean crowded(org.jfree.data.xy.XYDataset d, int s, int item) {
        for (int j = 0; j < item; j++) {
            if (d.getXValue(s, j) == d.getXValue(s, item)
                    && Math.abs(Math.log10(d.getYValue(s, j) / d.getYValue(s, item))) < 0.08) {
                return true;
            }
        }
        return false;
    }

    /** The chart in the colours of {@code next} (the theme changed), with what it shows drawn again. */
    void restyle(ChartStyler next) {
        this.styler = next;
        JFreeChart chart = viewer.getChart();
        chart.setNotify(false);
        try {
            styler.style(chart);
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            plot.setNoDataMessagePaint(styler.muted());
            stylePoints();
            show(shown);
        } finally {
            chart.setNotify(true);
        }
    }

    /** Draws the profile's roofline, or the no-data message for null. */
    void show(LabRoofline r) {
        shown = r;
        plot.clearAnnotations();
        roofData.removeAllSeries();
        for (Kind k : Kind.values()) {
            series.get(k).clear();
            labels.get(k).clear();
        }
        // with nothing measured the chart shows only its message: no made-up axes, grid or legend
        boolean data = r != null;
        x.setVisible(data);
        y.setVisible(data);
        plot.setDomainGridlinesVisible(data);
        plot.setRangeGridlinesVisible(data);
        viewer.getChart().getLegend().setVisible(data);
        if (!data) {
            return;
        }
        double lo = r.minIntensity();
        double hi = r.maxIntensity();
        double minY = r.peakGflops();
        for (KernelPoint p : r.points()) {
            minY = Math.min(minY, p.gflops());
        }
        for (Roof roof : r.roofs()) {
            minY = Math.min(minY, roof.gbps() * lo);
        }
        double bottom = minY / 2;
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        int i = 0;
        double minRidge = Double.MAX_VALUE;
        for (Roof roof : r.roofs()) {
            double ridge = roof.ridge(r.peakGflops());
            minRidge = Math.min(minRidge, ridge);
            XYSeries s = new XYSeries(roof.level(), false, true);
            s.add(lo, roof.gbps() * lo);
            s.add(ridge, r.peakGflops());
            roofData.addSeries(s);
            boolean dram = i == r.roofs().size() - 1;
            roofRenderer.setSeriesPaint(i, dram ? styler.text() : styler.muted());
            roofRenderer.setSeriesStroke(i, dram ? new BasicStroke(2f)
                    : new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            // labels sit on their own slope, staggered up it by 0.45 decades each so close bandwidths stay legible
            // (the first far enough right that its text, left of the line, stays inside the plot)
            double at = Math.min(ridge / 2, Math.max(lo * Math.pow(10, 0.65 + 0.45 * i), 2 * bottom / roof.gbps()));
            // left of the slope is above every roof, where no kernel point can be
            XYTextAnnotation a = new XYTextAnnotation(roof.level() + " " + LabText.gbps(roof.gbps()), at / 1.08, roof.gbps() * at);
            a.setTextAnchor(TextAnchor.CENTER_RIGHT);
            a.setFont(labelFont);
            a.setPaint(dram ? styler.text() : styler.muted());
            a.setBackgroundPaint(plot.getBackgroundPaint());
            plot.addAnnotation(a);
            i++;
        }
        XYSeries ceiling = new XYSeries("compute", false, true);
        ceiling.add(minRidge, r.peakGflops());
        ceiling.add(hi, r.peakGflops());
        roofData.addSeries(ceiling);
        roofRenderer.setSeriesPaint(i, styler.danger());
        roofRenderer.setSeriesStroke(i, new BasicStroke(2f));
        XYTextAnnotation peak = new XYTextAnnotation("FMA peak " + LabText.gflops(r.peakGflops())
                + (r.allCores() ? ", all cores" : ", one thread"), hi / 1.1, r.peakGflops() * 1.12);
        peak.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
        peak.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        peak.setPaint(styler.danger());
        plot.addAnnotation(peak);

        for (KernelPoint p : r.points()) {
            series.get(p.kind()).add(p.flopsPerByte(), p.gflops());
        }
        // XYSeries sorts by x; keep the labels in the series' order
        for (Kind k : Kind.values()) {
            XYSeries s = series.get(k);
            List<String> l = labels.get(k);
            for (int item = 0; item < s.getItemCount(); item++) {
                double px = s.getX(item).doubleValue();
                double py = s.getY(item).doubleValue();
                l.add(r.points().stream().filter(p -> p.kind() == k && p.flopsPerByte() == px && p.gflops() == py)
                        .map(KernelPoint::label).findFirst().orElse(k.title()));
            }
            pointRenderer.setSeriesVisibleInLegend(k.ordinal(), !s.isEmpty());
        }
        x.setRange(lo, hi);
        y.setRange(bottom, r.peakGflops() * 3);
    }
}
