package io.tokenrack.app.compare;

import io.tokenrack.app.results.Results;
import io.tokenrack.app.theme.ChartStyler;
import io.tokenrack.app.theme.Styles;
import io.tokenrack.engine.evaluate.CurvePoint;
import io.tokenrack.engine.evaluate.Evaluation;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The comparison in a window of its own: every headline number of this design and the other,
 * the other's difference (green where it is better, red where worse), and both throughput-versus-
 * speed curves on one chart. It follows the open document live; closing the main window closes it.
 */
public final class CompareWindow {
    private final Stage stage = new Stage();
    private final CompareModel model;
    private final GridPane table = new GridPane();
    private final Label aTitle = new Label();
    private final XYSeries aCurve = new XYSeries("this design", false, true);
    private final XYSeries bCurve = new XYSeries("other design", false, true);
    private final XYSeries aNow = new XYSeries("this design, operating point", false, true);
    private final XYSeries bNow = new XYSeries("other design, operating point", false, true);
    private final JFreeChart chart;

    public CompareWindow(Window main, CompareModel model, ChartStyler styler) {
        this.model = model;
        this.chart = styler.style(chart());
        paint(((XYPlot) chart.getPlot()).getRenderer(), styler); // after the theme, which assigns its own series colours

        Label title = new Label("Compare");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        aTitle.setId("compare-a-name");
        Label bTitle = new Label("Other: " + model.other().name()
                + (model.otherFile() == null ? "" : " — " + model.otherFile().getFileName()));
        bTitle.setId("compare-b-name");
        CheckBox same = new CheckBox("Evaluate the other design on this design's workload and assumptions");
        same.setId("compare-same-workload");
        same.selectedProperty().bindBidirectional(model.sameWorkloadProperty());
        Label hint = new Label("Green: the other design is better on that line; red: worse. Power and size carry no verdict.");
        hint.getStyleClass().add(Styles.MUTED);
        VBox head = new VBox(4, new HBox(12, title, aTitle, bTitle), same, hint);
        ((HBox) head.getChildren().getFirst()).setAlignment(Pos.BASELINE_LEFT);

        table.setId("compare-table");
        table.setHgap(18);
        table.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(220);
        table.getColumnConstraints().addAll(label, new ColumnConstraints(150), new ColumnConstraints(150), new ColumnConstraints(90));

        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("compare-chart");
        viewer.setPrefSize(520, 360);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        HBox body = new HBox(24, table, viewer);

        BorderPane root = new BorderPane(body);
        root.setTop(head);
        BorderPane.setMargin(head, new Insets(0, 0, 12, 0));
        root.setPadding(new Insets(14));
        root.setId("compare");
        root.getStyleClass().add(Styles.APP);
        Scene scene = new Scene(root, 1180, 560);
        var css = CompareWindow.class.getResource("/assets/tokenrack.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.setTitle("Compare — TokenRack");
        stage.setOnHidden(e -> model.close());
        if (main != null) {
            stage.initOwner(main);
            main.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> stage.hide());
        }

        model.rowsProperty().addListener((o, was, now) -> showRows(now));
        model.bProperty().addListener((o, was, now) -> showCurves());
        showRows(model.rowsProperty().get());
        showCurves();
    }

    /** Follows the main window's theme: the dark additions and the chart's colours. */
    public void useTheme(io.tokenrack.app.theme.Theme theme) {
        theme.applyStylesheets(stage.getScene());
        ChartStyler styler = theme.chartStyler();
        chart.setNotify(false);
        try {
            styler.style(chart);
            paint(((XYPlot) chart.getPlot()).getRenderer(), styler);
        } finally {
            chart.setNotify(true);
        }
    }

    public Stage stage() {
        return stage;
    }

    public CompareModel model() {
        return model;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private void showRows(List<Comparison.Row> rows) {
        Results a = model.a();
        aTitle.setText("This design: " + (a == null ? "…" : a.input().design().name()));
        table.getChildren().clear();
        String[] heads = {"", "This design", "Other design", "Other vs this"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add(Styles.FIELD_LABEL);
            table.add(h, c, 0);
        }
        for (int i = 0; i < rows.size(); i++) {
            Comparison.Row r = rows.get(i);
            Label name = new Label(r.label());
            name.getStyleClass().add(Styles.MUTED);
            Label va = cell(r.a(), "compare-" + r.id() + "-a");
            Label vb = cell(r.b(), "compare-" + r.id() + "-b");
            Label delta = cell(r.delta(), "compare-" + r.id() + "-delta");
            switch (r.better()) {
                case B -> delta.getStyleClass().add("tr-delta-better");
                case A -> delta.getStyleClass().add("tr-delta-worse");
                default -> delta.getStyleClass().add(Styles.MUTED);
            }
            table.addRow(i + 1, name, va, vb, delta);
        }
    }

    private static Label cell(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(260);
        return l;
    }

    private void showCurves() {
        chart.setNotify(false);
        try {
            fill(aCurve, aNow, model.a());
            fill(bCurve, bNow, model.bProperty().get());
        } finally {
            chart.setNotify(true);
        }
    }

    private static void fill(XYSeries curve, XYSeries now, Results r) {
        curve.clear();
        now.clear();
        Evaluation.Ok e = r == null ? null : r.numbers();
        if (e == null) {
            return;
        }
        // the frontier over serving configurations, as the main window draws it (the sweep's when there is none)
        List<CurvePoint> points = r.frontier().isEmpty() ? io.tokenrack.engine.evaluate.ParetoFrontier.of(r.concurrencySweep())
                : r.frontier().stream().map(io.tokenrack.engine.evaluate.FrontierPoint::point).toList();
        for (CurvePoint p : points) {
            curve.add(p.tokensPerSecondPerUser(), p.outputTokensPerSecondPerAccelerator());
        }
        now.add(e.throughput().tokensPerSecondPerUser(), e.throughput().outputTokensPerSecondPerAccelerator());
    }

    /** Each design one colour: its curve, and its operating point as a large dot. */
    private static void paint(org.jfree.chart.renderer.xy.XYItemRenderer renderer, ChartStyler styler) {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) renderer;
        for (int s = 0; s < 2; s++) {
            java.awt.Color c = s == 0 ? styler.accent() : styler.series(1);
            r.setSeriesPaint(s, c);
            r.setSeriesStroke(s, new BasicStroke(2f));
            r.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
            r.setSeriesPaint(s + 2, c);
            r.setSeriesLinesVisible(s + 2, false);
            r.setSeriesShape(s + 2, new Ellipse2D.Double(-6, -6, 12, 12));
            r.setSeriesVisibleInLegend(s + 2, false);
        }
    }

    private JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(aCurve);
        data.addSeries(bCurve);
        data.addSeries(aNow);
        data.addSeries(bNow);
        NumberAxis x = new NumberAxis("tokens/s per user");
        NumberAxis y = new NumberAxis("output tok/s per accelerator");
        y.setUpperMargin(0.12);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setNoDataMessage("evaluating…");
        return new JFreeChart("Throughput vs speed per user", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
