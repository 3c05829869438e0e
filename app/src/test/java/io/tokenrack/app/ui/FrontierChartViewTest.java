package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.ServingConfig;
import io.tokenrack.engine.workload.Parallelism;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The throughput-vs-speed chart draws the frontier over serving configurations and follows the workload. */
@ExtendWith(ApplicationExtension.class)
class FrontierChartViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage, temp);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private static XYPlot plot(FxRobot robot) {
        return robot.lookup("#chart-throughput").queryAs(ChartViewer.class).getChart().getXYPlot();
    }

    private static List<double[]> points(FxRobot robot, int series) {
        XYDataset d = plot(robot).getDataset();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(series); i++) {
            out.add(new double[] {d.getXValue(series, i), d.getYValue(series, i)});
        }
        return out;
    }

    private Set<Integer> tensorParallel() {
        return app.window.charts().shownFrontier().stream().map(p -> p.config().parallelism().tp()).collect(Collectors.toSet());
    }

    /** The current point (series 1) is one of the frontier's points (series 0). */
    private static boolean currentPointOnFrontier(FxRobot robot) {
        List<double[]> now = points(robot, 1);
        return now.size() == 1 && points(robot, 0).stream().anyMatch(p -> p[0] == now.getFirst()[0] && p[1] == now.getFirst()[1]);
    }

    @Test
    void theFrontierCarriesConfigurationsAndFollowsALayoutAndAConcurrencyChange(FxRobot robot) {
        app.settle();
        List<FrontierPoint> automatic = app.window.charts().shownFrontier();
        assertTrue(automatic.size() >= 5, "the frontier is drawn: " + automatic.size());
        assertEquals(automatic.size(), points(robot, 0).size(), "one chart point a frontier point");
        assertTrue(tensorParallel().size() >= 2, "with automatic parallelism the frontier spans layouts: " + tensorParallel());
        assertTrue(currentPointOnFrontier(robot), "the operating point is on the frontier");
        XYToolTipGenerator tips = plot(robot).getRenderer().getToolTipGenerator(0, 0);
        assertNotNull(tips);
        String tip = tips.generateToolTip(plot(robot).getDataset(), 0, 0);
        assertTrue(tip.contains(automatic.getFirst().config().describe()), "hover shows the configuration: " + tip);
        String why = AppHarness.text(robot, "#why-serving");
        assertTrue(why.startsWith("Served ") && why.contains("in flight"), why);

        // pin the layout: untick "auto" (the chosen layout is kept) and the frontier has that layout only
        Parallelism pinned = ((Evaluation.Ok) app.window.results().resultsProperty().get().evaluation()).plan().parallelism();
        robot.clickOn("#workload-parallel-auto");
        AppHarness.waitUntil("the frontier to keep the pinned layout", () -> {
            var f = app.window.charts().shownFrontier();
            return !f.isEmpty() && f.stream().allMatch(p -> p.config().parallelism().tp().equals(pinned.tp()));
        });
        app.settle();
        assertTrue(AppHarness.text(robot, "#why-serving").contains("your layout"), AppHarness.text(robot, "#why-serving"));

        // a fixed number of requests moves the operating point along the frontier
        List<double[]> before = points(robot, 1);
        robot.clickOn("#workload-concurrency");
        robot.lookup("#workload-concurrency").queryAs(TextField.class).selectAll();
        robot.write("16").type(KeyCode.ENTER);
        AppHarness.waitUntil("the operating point to move", () -> {
            List<double[]> now = points(robot, 1);
            return now.size() == 1 && now.getFirst()[0] != before.getFirst()[0];
        });
        app.settle();
        assertTrue(currentPointOnFrontier(robot), "16 requests in flight are still on the frontier");
        assertTrue(AppHarness.text(robot, "#why-serving").contains("16 requests"), AppHarness.text(robot, "#why-serving"));
    }


    private Set<ServingConfig.Mode> modes() {
        return app.window.charts().shownFrontier().stream().map(p -> p.config().mode()).collect(Collectors.toSet());
    }



    @Test
    void theFrontierFollowsAChangeOfServingModeWhichIsSavedUndoneAndRefusedWhereTheDesignCannotServe(FxRobot robot) {
        app.settle();
        // the example: 32 × H100, Llama-3.1-70B; auto weighs aggregated layouts and disaggregated splits
        assertEquals("auto", AppHarness.box(robot, "#workload-serving").getValue());
        assertNull(app.window.document().design().workload().serving(), "auto is not written into the design");

        AppHarness.choose(robot, "#workload-serving", "aggregated");
        AppHarness.waitUntil("a frontier of aggregated configurations only",
                () -> !app.window.charts().shownFrontier().isEmpty() && modes().equals(Set.of(ServingConfig.Mode.AGGREGATED)));
        app.settle();
        assertEquals("aggregated", app.window.document().design().workload().serving(), "the choice is the design's");
        assertTrue(currentPointOnFrontier(robot), "the operating point is on the aggregated frontier");
        List<double[]> aggregated = points(robot, 0);
        assertTrue(AppHarness.text(robot, "#why-serving").startsWith("Served aggregated"), AppHarness.text(robot, "#why-serving"));

        AppHarness.choose(robot, "#workload-serving", "disaggregated");
        AppHarness.waitUntil("a frontier of disaggregated configurations only",
                () -> !app.window.charts().shownFrontier().isEmpty() && modes().equals(Set.of(ServingConfig.Mode.DISAGGREGATED)));
        app.settle();
        List<double[]> apart = points(robot, 0);
        assertFalse(sameSeries(aggregated, apart), "the chart's frontier series changed with the serving mode");
        assertTrue(currentPointOnFrontier(robot), "the operating point is on the disaggregated frontier");
        Evaluation.Ok now = (Evaluation.Ok) app.window.results().resultsProperty().get().evaluation();
        assertTrue(now.plan().split().disaggregated(), "the evaluation follows: " + now.plan().split().words(now.acceleratorId()));
        String tip = plot(robot).getRenderer().getToolTipGenerator(0, 0).generateToolTip(plot(robot).getDataset(), 0, 0);
        assertTrue(tip.contains("disaggregated ") && tip.contains("P") && tip.contains("D ("), "hover says the split: " + tip);
        assertTrue(AppHarness.text(robot, "#why-serving").startsWith("Served disaggregated ("), AppHarness.text(robot, "#why-serving"));
        String saved = io.tokenrack.engine.catalog.StrictJson.mapper().valueToTree(app.window.document().design()).get("workload").toString();
        assertTrue(saved.contains("\"serving\":\"disaggregated\""), "saved in the design's workload: " + saved);

        // undone like every edit: back to the aggregated frontier
        robot.interact(() -> app.window.document().undo());
        AppHarness.waitUntil("the aggregated frontier again", () -> modes().equals(Set.of(ServingConfig.Mode.AGGREGATED)));
        app.settle();
        assertEquals("aggregated", AppHarness.box(robot, "#workload-serving").getValue());

        // what this design or model cannot run is refused with the engine's sentence, and nothing changes
        robot.interact(() -> AppHarness.box(robot, "#workload-serving").setValue("afd"));
        AppHarness.waitUntil("the engine's refusal", () -> AppHarness.text(robot, "#workload-error")
                .contains("attention–FFN disaggregation needs a design with two kinds of accelerators"));
        assertEquals("aggregated", app.window.document().design().workload().serving());
        assertEquals("aggregated", AppHarness.box(robot, "#workload-serving").getValue(), "the box shows what the design says");
        robot.interact(() -> AppHarness.box(robot, "#workload-speculative").setValue("mtp:2"));
        AppHarness.waitUntil("the engine's refusal of MTP", () -> AppHarness.text(robot, "#workload-error").contains("ships no MTP modules"));
        assertNull(app.window.document().design().workload().speculative());
    }

    private static boolean sameSeries(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void hoveringAFrontierPointShowsItsConfiguration(FxRobot robot) {
        app.settle();
        ChartViewer viewer = robot.lookup("#chart-throughput").queryAs(ChartViewer.class);
        List<FrontierPoint> frontier = app.window.charts().shownFrontier();
        int item = frontier.size() / 2;
        String config = frontier.get(item).config().describe();
        // where the chart drew that point: its entity in the canvas's last rendering
        AppHarness.waitUntil("the chart to draw the frontier", () -> entity(viewer, item) != null);
        java.awt.geom.Rectangle2D area = entity(viewer, item).getArea().getBounds2D();
        javafx.geometry.Point2D screen = viewer.getCanvas().localToScreen(area.getCenterX(), area.getCenterY());
        // the entity under the point carries the configuration as its tooltip text (what the chart shows on hover)
        var under = viewer.getCanvas().getRenderingInfo().getEntityCollection().getEntity(area.getCenterX(), area.getCenterY());
        assertNotNull(under);
        assertTrue(under.getToolTipText() != null && under.getToolTipText().contains(config), under.getToolTipText());
        // and hovering there installs it on the chart
        robot.moveTo(screen.add(-3, -3));
        robot.moveTo(screen);
        robot.moveBy(1, 0);
        AppHarness.waitUntil("the chart's tooltip to show the point's configuration", () -> {
            javafx.scene.control.Tooltip t = installedTooltip(viewer);
            return t != null && t.getText() != null && t.getText().contains(config);
        });
    }

    /** The tooltip the chart canvas installs for the entity under the mouse (it keeps it in a private field). */
    private static javafx.scene.control.Tooltip installedTooltip(ChartViewer viewer) {
        try {
            var f = org.jfree.chart.fx.ChartCanvas.class.getDeclaredField("tooltip");
            f.setAccessible(true);
            return (javafx.scene.control.Tooltip) f.get(viewer.getCanvas());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static org.jfree.chart.entity.XYItemEntity entity(ChartViewer viewer, int item) {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getEntityCollection() == null) {
            return null;
        }
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof org.jfree.chart.entity.XYItemEntity x && x.getSeriesIndex() == 0 && x.getItem() == item) {
                return x;
            }
        }
        return null;
    }
}
