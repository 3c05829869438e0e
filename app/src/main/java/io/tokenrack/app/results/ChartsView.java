package io.tokenrack.app.results;

import io.tokenrack.app.theme.ChartStyler;
import io.tokenrack.app.theme.Styles;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.Throughput;
import io.tokenrack.engine.evaluate.UtilizationPoint;
import io.tokenrack.engine.evaluate.PowerBreakdown;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The four live charts: throughput per accelerator against tokens/s per user (the Pareto view),
 * tokens per joule against concurrency, $ per million tokens against utilization, and the power
 * breakdown. Each marks the current operating point and can be exported as PNG.
 */
public final class ChartsView extends HBox {
    /** Chart keys; the viewer's id is "chart-" + key. */
    public static final List<String> KEYS = List.of("throughput", "efficiency", "cost", "power");

    static {
        // axis titles drawn turned as plain strings: JFreeChart's default lays each one out as a java.awt.font.TextLayout
        // first (a workaround for a JDK 1.4 bug), the largest single cost of redrawing the charts after an edit
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartStyler styler;
    private final ObservableValue<Results> results;
    private final BiConsumer<String, JFreeChart> onExport;
    private final Map<String, ChartViewer> viewers = new LinkedHashMap<>();

    private final XYSeries pareto = new XYSeries("serving frontier", false, true);
    private final XYSeries paretoNow = new XYSeries("current point", false, true);
    private final XYSeries efficiency = new XYSeries("concurrency sweep", false, true);
    private final XYSeries efficiencyNow = new XYSeries("current point", false, true);
    private final XYSeries cost = new XYSeries("utilization sweep", false, true);
    private final XYSeries costNow = new XYSeries("current point", false, true);
    private final DefaultCategoryDataset power = new DefaultCategoryDataset();
    /** The frontier points drawn, in the series' order: each one's configuration is its tooltip. */
    private volatile List<FrontierPoint> shownFrontier = List.of();
    private FrontierPoint shownNow;
    private XYPlot paretoPlot;
    private XYPlot efficiencyPlot;
    private XYPlot costPlot;
    private CategoryPlot powerPlot;
    private JFreeChart powerChart;

    /** @param onExport asked to export a chart (the window chooses the file) */
    public ChartsView(ChartStyler styler, ObservableValue<Results> results, BiConsumer<String, JFreeChart> onExport) {
        this.styler = styler;
        this.results = results;
        this.onExport = onExport;
        createView();
        initListeners();
        update(results.getValue());
    }

    private void createView() {
        setId("charts");
        setSpacing(8);
        getChildren().addAll(
                box("throughput", "Throughput vs speed",
                        "The frontier over serving configurations: every parallel layout and number of requests in flight, more requests raising throughput per accelerator and slowing each user; configurations another beats on both axes are left out. Hover a point for its configuration. The red dot is the current operating point.",
                        paretoChart()),
                box("efficiency", "Tokens/J vs concurrency",
                        "Output tokens per joule of IT energy as the batch grows (log scale): bigger batches share the weight reads.",
                        efficiencyChart()),
                box("cost", "$/M tokens vs utilization",
                        "Hardware, energy and facility cost per million output tokens if the rack serves this share of the hours.",
                        costChart()),
                box("power", "Power breakdown",
                        "Modelled average power at the operating point; cooling is the facility overhead (PUE − 1) × IT.",
                        powerChart()));
    }

    private void initListeners() {
        results.addListener((obs, a, b) -> update(b));
    }

    /** The theme's chart style now (see {@link #restyle(ChartStyler)}). */
    public ChartStyler styler() {
        return styler;
    }

    /**
     * Follows a change of theme: every chart takes the new backgrounds, text and series colours,
     * and the current numbers are drawn again in them.
     */
    public void restyle(ChartStyler next) {
        this.styler = next;
        for (ChartViewer v : viewers.values()) {
            JFreeChart chart = v.getChart();
            chart.setNotify(false);
            style(chart);
        }
        update(results.getValue()); // annotations and the power bars in the new colours; notifies each chart once
    }

    /**
     * The theme on {@code chart}, then the line in the accent and the current point in the danger
     * colour (the theme gives every renderer its own series colours, the current point orange).
     */
    private JFreeChart style(JFreeChart chart) {
        styler.style(chart);
        if (chart.getPlot() instanceof XYPlot xy && xy.getRenderer() instanceof XYLineAndShapeRenderer r) {
            r.setSeriesPaint(0, styler.accent());
            r.setSeriesPaint(1, styler.danger());
        }
        return chart;
    }

    public ChartViewer viewer(String key) {
        return viewers.get(key);
    }

    /** Writes the chart as a PNG of the given size. */
    public void exportPng(String key, Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), viewers.get(key).getChart(), width, height);
    }

    private VBox box(String key, String title, String help, JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(style(chart));
        viewer.setId("chart-" + key);
        viewer.setAccessibleText(title);
        viewer.setMinSize(160, 120);
        viewer.setPrefSize(320, 210);
        viewers.put(key, viewer);
        Label t = new Label(title);
        t.getStyleClass().add(Styles.PANEL_TITLE);
        t.setMinWidth(0);
        Label info = new Label(null, new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        info.getStyleClass().add(Styles.MUTED);
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        info.setTooltip(tip);
        Button export = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignE.EXPORT_VARIANT));
        export.setId("chart-" + key + "-export");
        export.getStyleClass().addAll("flat", "button-icon", "small");
        export.setAccessibleText("Export " + title + " as PNG");
        export.setTooltip(new Tooltip("Export this chart as PNG"));
        export.setOnAction(e -> onExport.accept(key, viewer.getChart()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(4, t, info, spacer, export);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox v = new VBox(2, head, viewer);
        v.getStyleClass().add(Styles.CHART_BOX);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        HBox.setHgrow(v, Priority.ALWAYS);
        v.setMinWidth(0);
        v.setPrefWidth(320);
        return v;
    }

    private JFreeChart paretoChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(pareto);
        data.addSeries(paretoNow);
        NumberAxis x = new NumberAxis("tokens/s per user");
        NumberAxis y = new NumberAxis("tok/s/accel.");
        y.setUpperMargin(0.12);
        x.setUpperMargin(0.08);
        x.setAutoRangeIncludesZero(true);
        paretoPlot = new XYPlot(data, x, y, renderer());
        ((XYLineAndShapeRenderer) paretoPlot.getRenderer()).setDefaultToolTipGenerator((dataset, series, item) -> tooltip(series, item));
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, paretoPlot, false);
    }

    private JFreeChart efficiencyChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(efficiency);
        data.addSeries(efficiencyNow);
        LogAxis x = new DecadeAxis("requests in flight");
        x.setSmallestValue(1);
        NumberAxis y = new NumberAxis("tok/J (IT)");
        y.setUpperMargin(0.12);
        x.setUpperMargin(0.15);
        efficiencyPlot = new XYPlot(data, x, y, renderer());
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, efficiencyPlot, false);
    }

    private JFreeChart costChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(cost);
        data.addSeries(costNow);
        NumberAxis x = new NumberAxis("utilization (% of hours serving)");
        x.setRange(0, 105);
        NumberAxis y = new NumberAxis("$/M tokens");
        y.setUpperMargin(0.12);
        y.setStandardTickUnits(new NumberTickUnitSource(false));
        costPlot = new XYPlot(data, x, y, renderer());
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, costPlot, false);
    }

    private JFreeChart powerChart() {
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis("kW");
        y.setUpperMargin(0.55);
        BarRenderer r = new BarRenderer();
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2} kW", new java.text.DecimalFormat("0.0")));
        r.setItemMargin(0.0);
        r.setMaximumBarWidth(0.2);
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        powerPlot = new CategoryPlot(power, x, y, r);
        powerPlot.setOrientation(PlotOrientation.HORIZONTAL);
        powerPlot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        powerChart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, powerPlot, false);
        return powerChart;
    }

    private XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, styler.accent());
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesPaint(1, styler.danger());
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        return r;
    }

    /** Refills every chart; each redraws once at the end, not once per series or annotation. */
    private void update(Results r) {
        for (ChartViewer v : viewers.values()) {
            v.getChart().setNotify(false);
        }
        try {
            fill(r);
        } finally {
            for (ChartViewer v : viewers.values()) {
                v.getChart().setNotify(true);
            }
        }
    }

    private void fill(Results r) {
        String none = r == null ? "evaluating…" : r.message().isEmpty() ? "no data" : r.message();
        for (XYPlot p : new XYPlot[] {paretoPlot, efficiencyPlot, costPlot}) {
            p.clearAnnotations();
            p.setNoDataMessage(wrap(none));
            p.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            p.setNoDataMessagePaint(styler.muted());
        }
        powerPlot.setNoDataMessage(wrap(none));
        powerPlot.setNoDataMessagePaint(styler.muted());
        pareto.setNotify(false);
        paretoNow.setNotify(false);
        efficiency.setNotify(false);
        efficiencyNow.setNotify(false);
        cost.setNotify(false);
        costNow.setNotify(false);
        pareto.clear();
        paretoNow.clear();
        efficiency.clear();
        efficiencyNow.clear();
        cost.clear();
        costNow.clear();
        power.clear();
        Evaluation.Ok e = r == null ? null : r.numbers();
        shownFrontier = List.of();
        shownNow = null;
        if (e != null) {
            Throughput t = e.throughput();
            shownFrontier = r.frontier();
            shownNow = FrontierPoint.of(e);
            if (shownFrontier.isEmpty()) {
                for (CurvePoint p : io.tokenrack.engine.evaluate.ParetoFrontier.of(r.concurrencySweep())) {
                    pareto.add(p.tokensPerSecondPerUser(), p.outputTokensPerSecondPerAccelerator());
                }
            }
            for (FrontierPoint p : shownFrontier) {
                pareto.add(p.tokensPerSecondPerUser(), p.outputTokensPerSecondPerAccelerator());
            }
            for (CurvePoint p : r.concurrencySweep()) {
                if (!Double.isNaN(p.outputTokensPerJoule())) {
                    efficiency.add(p.concurrency(), p.outputTokensPerJoule());
                }
            }
            paretoNow.add(t.tokensPerSecondPerUser(), t.outputTokensPerSecondPerAccelerator());
            mark(paretoPlot, pareto, t.tokensPerSecondPerUser(), t.outputTokensPerSecondPerAccelerator(),
                    "you are here");
            double perJoule = e.efficiency().outputTokensPerJoule();
            if (!Double.isNaN(perJoule)) {
                efficiencyNow.add(Math.max(1, e.plan().concurrency()), perJoule);
                mark(efficiencyPlot, efficiency, Math.max(1, e.plan().concurrency()), perJoule, Units.number(perJoule) + " tok/J");
            } else {
                boolean measuredHost = e.notes().stream().anyMatch(n -> n instanceof Note.UnknownPower u && u.measuredHost());
                efficiencyPlot.setNoDataMessage(measuredHost ? "power unknown: the kernel lab measures speed, not power"
                        : "power unknown: no published TDP");
            }
            for (UtilizationPoint u : r.utilizationSweep()) {
                if (!Double.isNaN(u.usdPerMillionOutputTokens())) {
                    cost.add(u.utilization() * 100, u.usdPerMillionOutputTokens());
                }
            }
            double util = r.input().assumptions().utilization();
            double usd = e.cost().usdPerMillionOutputTokens();
            if (!Double.isNaN(usd)) {
                costNow.add(util * 100, usd);
                mark(costPlot, cost, util * 100, usd, Units.usd(usd) + " at " + Units.percent(util));
            } else {
                costPlot.setNoDataMessage("cost unknown: no price estimate in the catalog");
            }
            PowerBreakdown pw = e.power();
            if (!Double.isNaN(pw.itWatts())) {
                power.addValue(pw.acceleratorWatts() / 1000, "power", "Accelerators");
                power.addValue(pw.hostWatts() / 1000, "power", "Hosts");
                // as the power card says it: "Network —" (no bar) when nothing counted has a figure, "Network ≥" when some are missing
                String net = Headline.networkKw(e);
                boolean unknown = net.equals(Units.UNKNOWN);
                power.addValue(unknown ? null : pw.networkWatts() / 1000, "power",
                        unknown ? "Network —" : e.networkPowerIncomplete() ? "Network ≥" : "Network");
                power.addValue(pw.coolingOverheadWatts() / 1000, "power", "Cooling");
                ((BarRenderer) powerPlot.getRenderer()).setSeriesPaint(0, styler.accent());
                powerChart.setTitle(new org.jfree.chart.title.TextTitle("IT " + Units.number(pw.itWatts() / 1000) + " · facility "
                        + Units.kw(pw.facilityWatts()),
                        new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
                powerChart.getTitle().setPaint(styler.muted());
            }
        } else {
            powerChart.setTitle((String) null);
        }
        pareto.setNotify(true);
        paretoNow.setNotify(true);
        efficiency.setNotify(true);
        efficiencyNow.setNotify(true);
        cost.setNotify(true);
        costNow.setNotify(true);
    }

    /** The throughput chart's tooltip: the point's numbers and its serving configuration. */
    String tooltip(int series, int item) {
        FrontierPoint p = series == 0 && item < shownFrontier.size() ? shownFrontier.get(item) : series == 1 ? shownNow : null;
        if (p == null) {
            return null;
        }
        return (series == 1 ? "Current point: " : "") + Units.number(p.tokensPerSecondPerUser()) + " tokens/s per user, "
                + Units.number(p.outputTokensPerSecondPerAccelerator()) + " tokens/s per accelerator\n" + p.config().describe();
    }

    /** The frontier drawn on the throughput chart, in its series order (empty before the first result). */
    public List<FrontierPoint> shownFrontier() {
        return shownFrontier;
    }

    /** Labels the current point, pointing from the side of the plot with more room. */
    private void mark(XYPlot plot, XYSeries series, double x, double y, String text) {
        boolean logX = plot.getDomainAxis() instanceof LogAxis;
        double minX = Math.min(series.getMinX(), x);
        double maxX = Math.max(series.getMaxX(), x);
        double minY = Math.min(series.getMinY(), y);
        double maxY = Math.max(series.getMaxY(), y);
        double fx = logX ? (Math.log(x) - Math.log(minX)) / Math.max(1e-9, Math.log(maxX) - Math.log(minX))
                : (x - minX) / Math.max(1e-12, maxX - minX);
        double fy = (y - minY) / Math.max(1e-12, maxY - minY);
        if (series.isEmpty()) {
            fx = 0.5;
            fy = 0.5;
        }
        boolean left = fx > 0.5;
        boolean below = fy > 0.5;
        double angle = left ? (below ? 0.75 : 1.25) * Math.PI : (below ? 0.25 : 1.75) * Math.PI;
        XYPointerAnnotation a = new XYPointerAnnotation(text, x, y, angle);
        a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        a.setPaint(styler.text());
        a.setArrowPaint(styler.muted());
        a.setTextAnchor(below ? (left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT) : (left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
        a.setArrowLength(10);
        a.setBaseRadius(22);
        a.setTipRadius(7);
        plot.addAnnotation(a);
    }

    private static String wrap(String s) {
        return s.length() > 70 ? s.substring(0, 67) + "…" : s;
    }
}
