package io.tokenrack.app.report;

import io.tokenrack.app.results.Results;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.UtilizationPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, drawn by JFreeChart without a window: throughput per accelerator against
 * each user's speed, tokens per joule against requests in flight, and $ per million tokens against
 * utilization, each with the design's operating point marked.
 */
public final class ReportCharts {
    static final int WIDTH = 520;
    static final int HEIGHT = 300;
    private static final Color LINE = new Color(0x0969da);
    private static final Color POINT = new Color(0xbf8700);

    private ReportCharts() {}

    public static List<Report.Figure> pngs(Results r) {
        Evaluation.Ok e = r.numbers();
        List<Report.Figure> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        // the serving frontier the app's charts draw (its configurations, the operating point on it); without one the sweep
        List<CurvePoint> curve = r.frontier().isEmpty() ? r.concurrencySweep()
                : r.frontier().stream().map(io.tokenrack.engine.evaluate.FrontierPoint::point).toList();
        if (!curve.isEmpty()) {
            XYSeries s = new XYSeries("curve", false);
            XYSeries j = new XYSeries("tokJ", false);
            for (CurvePoint p : curve) {
                s.add(p.tokensPerSecondPerUser(), p.outputTokensPerSecondPerAccelerator());
            }
            for (io.tokenrack.app.results.EfficiencyCurve.Point p : io.tokenrack.app.results.EfficiencyCurve.of(r)) {
                if (p.outputTokensPerJoule() > 0 && Double.isFinite(p.outputTokensPerJoule())) {
                    j.add(p.concurrency(), p.outputTokensPerJoule());
                }
            }
            io.tokenrack.app.results.EfficiencyCurve.Point here = io.tokenrack.app.results.EfficiencyCurve.now(r);
            out.add(new Report.Figure("Throughput vs speed: output tokens/s per accelerator against tokens/s per user",
                    png(chart(s, new NumberAxis("tokens/s per user"), "tokens/s per accelerator",
                            e.throughput().tokensPerSecondPerUser(), e.throughput().outputTokensPerSecondPerAccelerator()))));
            if (!j.isEmpty() && here != null) {
                LogAxis x = new LogAxis("requests in flight");
                x.setBase(10);
                x.setSmallestValue(1);
                // one tick per decade, written as plain numbers (1, 10, 100), not as powers of ten
                x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
                x.setAutoTickUnitSelection(false);
                x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
                x.setMinorTickCount(9);
                x.setMinorTickMarksVisible(true);
                out.add(new Report.Figure("Tokens per joule (IT) against requests in flight",
                        png(chart(j, x, "output tokens per joule", here.concurrency(), here.outputTokensPerJoule()))));
            }
        }
        List<UtilizationPoint> cost = r.utilizationSweep();
        if (!cost.isEmpty() && Double.isFinite(e.cost().usdPerMillionOutputTokens())) {
            XYSeries c = new XYSeries("cost", false);
            for (UtilizationPoint p : cost) {
                if (Double.isFinite(p.usdPerMillionOutputTokens())) {
                    c.add(p.utilization() * 100, p.usdPerMillionOutputTokens());
                }
            }
            out.add(new Report.Figure("$ per million output tokens against utilization (% of hours serving)",
                    png(chart(c, new NumberAxis("utilization, %"), "$ per M output tokens",
                            r.input().assumptions().utilization() * 100, e.cost().usdPerMillionOutputTokens()))));
        }
        return out;
    }

    private static JFreeChart chart(XYSeries series, org.jfree.chart.axis.ValueAxis x, String yLabel, double hereX, double hereY) {
        XYSeriesCollection data = new XYSeriesCollection(series);
        XYSeries here = new XYSeries("here", false);
        here.add(hereX, hereY);
        data.addSeries(here);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        x.setLabelFont(label);
        y.setLabelFont(label);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(1, POINT);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xd0d7de));
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static byte[] png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, 2, 2);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
