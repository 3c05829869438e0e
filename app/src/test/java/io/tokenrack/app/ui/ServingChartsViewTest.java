package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Dialogs;
import io.tokenrack.app.results.EfficiencyCurve;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.ServingConfig;
import io.tokenrack.engine.perf.SpeculativeMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The tokens/J chart draws the same serving frontier as the throughput chart (the operating point on
 * it whatever the serving mode), and the speculative choice box offers the model's draft models.
 */
@ExtendWith(ApplicationExtension.class)
class ServingChartsViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(temp, "serving");
        app = new AppHarness(stage, dir);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private static XYPlot plot(FxRobot robot, String chart) {
        return robot.lookup("#chart-" + chart).queryAs(ChartViewer.class).getChart().getXYPlot();
    }

    private static List<double[]> points(FxRobot robot, String chart, int series) {
        XYDataset d = plot(robot, chart).getDataset();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(series); i++) {
            out.add(new double[] {d.getXValue(series, i), d.getYValue(series, i)});
        }
        return out;
    }

    /** The tokens/J chart's current-point marker (series 1) lies on a point of its drawn curve (series 0), within 1e-6 relative. */
    private static boolean currentPointOnTokensPerJouleCurve(FxRobot robot) {
        List<double[]> now = points(robot, "efficiency", 1);
        if (now.size() != 1) {
            return false;
        }
        double[] p = now.getFirst();
        return points(robot, "efficiency", 0).stream()
                .anyMatch(q -> Math.abs(q[0] - p[0]) <= 1e-9 * p[0] && Math.abs(q[1] - p[1]) <= 1e-6 * Math.abs(p[1]));
    }

    private Set<ServingConfig.Mode> modes() {
        // the throughput chart's frontier: the serving search both charts draw
        return app.window.charts().shownFrontier().stream().map(p -> p.config().mode()).collect(Collectors.toSet());
    }

    private Evaluation.Ok numbers() {
        return (Evaluation.Ok) app.window.results().resultsProperty().get().evaluation();
    }

    private static String tooltip(FxRobot robot, String chart, int series, int item) {
        XYPlot p = plot(robot, chart);
        return p.getRenderer().getToolTipGenerator(series, item).generateToolTip(p.getDataset(), series, item);
    }




    @Test
    void theTokensPerJouleChartDrawsTheServingFrontierWithTheOperatingPointOnIt(FxRobot robot) {
        app.settle();
        // the example: 32 × H100, Llama-3.1-70B
        AppHarness.choose(robot, "#workload-serving", "aggregated");
        AppHarness.waitUntil("aggregated configurations only",
                () -> !app.window.charts().shownFrontier().isEmpty() && modes().equals(Set.of(ServingConfig.Mode.AGGREGATED)));
        app.settle();
        assertTrue(currentPointOnTokensPerJouleCurve(robot), "aggregated: the operating point is on the tokens/J curve");
        List<double[]> aggregated = points(robot, "efficiency", 0);
        assertEquals(app.window.charts().shownEfficiency().size(), aggregated.size(), "one chart point per configuration");

        AppHarness.choose(robot, "#workload-serving", "disaggregated");
        AppHarness.waitUntil("disaggregated configurations only",
                () -> !app.window.charts().shownFrontier().isEmpty() && modes().equals(Set.of(ServingConfig.Mode.DISAGGREGATED)));
        app.settle();
        assertTrue(numbers().plan().split().disaggregated(), "the operating point is disaggregated");
        assertTrue(currentPointOnTokensPerJouleCurve(robot),
                "disaggregated: the operating point is on the tokens/J curve: " + java.util.Arrays.toString(points(robot, "efficiency", 1).getFirst()));
        List<double[]> apart = points(robot, "efficiency", 0);
        assertFalse(same(aggregated, apart), "the tokens/J series changed with the serving mode");
        // in increasing requests in flight, as its axis reads
        for (int i = 1; i < apart.size(); i++) {
            assertTrue(apart.get(i)[0] >= apart.get(i - 1)[0], "ordered by requests in flight");
        }
        // the marker is the headline's tokens/J, at the requests in flight the configuration runs
        assertEquals(numbers().efficiency().outputTokensPerJoule(), points(robot, "efficiency", 1).getFirst()[1], 1e-12);
        assertEquals(ServingConfig.of(numbers()).concurrency(), points(robot, "efficiency", 1).getFirst()[0], 1e-12);
        // hover: each point's configuration
        String here = tooltip(robot, "efficiency", 1, 0);
        assertTrue(here.startsWith("Current point: ") && here.contains(ServingConfig.of(numbers()).describe()), here);
        EfficiencyCurve.Point first = app.window.charts().shownEfficiency().getFirst();
        String tip = tooltip(robot, "efficiency", 0, 0);
        assertTrue(tip.contains("tokens/J") && tip.contains(first.config().describe()) && tip.contains("disaggregated "), tip);
        assertTrue(tooltip(robot, "cost", 1, 0).contains("disaggregated "), "the cost chart's point says the configuration too");

        // speculative decoding on: the curve is the speculative frontier and the operating point is still on it
        AppHarness.choose(robot, "#workload-speculative", "eagle:3");
        AppHarness.waitUntil("speculative configurations", () -> !app.window.charts().shownFrontier().isEmpty()
                && app.window.charts().shownFrontier().stream().allMatch(p -> p.config().speculative().label().equals("eagle:3")));
        app.settle();
        assertEquals("eagle:3", numbers().plan().speculation().label());
        assertTrue(currentPointOnTokensPerJouleCurve(robot), "speculative: the operating point is on the tokens/J curve");
        assertFalse(same(apart, points(robot, "efficiency", 0)), "the series changed with speculation");
    }

    @Test
    void aDraftModelIsOfferedWhereTheEngineAcceptsItChangesTheResultAndSurvivesUndoSaveAndLoad(FxRobot robot) {
        app.settle();
        assertNull(app.window.document().design().workload().speculative(), "auto");
        AppHarness.choose(robot, "#workload-speculative", "off");
        AppHarness.waitUntil("speculation off", () -> app.window.results().resultsProperty().get() != null
                && numbers().plan().speculation().isOff() && "off".equals(app.window.document().design().workload().speculative()));
        app.settle();
        double plain = numbers().throughput().tokensPerSecondPerUser();
        // Llama-3.1-70B: Llama-3.1-8B shares its tokenizer and is smaller; nothing of another tokenizer or larger is offered
        List<String> offered = AppHarness.box(robot, "#workload-speculative").getItems();
        assertTrue(offered.containsAll(List.of("draft:llama-3.1-8b:1", "draft:llama-3.1-8b:4")), offered.toString());
        assertTrue(offered.stream().noneMatch(w -> w.startsWith("draft:mistral-7b") || w.startsWith("draft:llama-3.1-405b")
                || w.startsWith("draft:llama-3.1-70b")), offered.toString());

        AppHarness.choose(robot, "#workload-speculative", "draft:llama-3.1-8b:2");
        AppHarness.waitUntil("the draft model to serve", () -> numbers().plan().speculation().method() == SpeculativeMethod.DRAFT);
        app.settle();
        assertEquals("draft:llama-3.1-8b:2", app.window.document().design().workload().speculative(), "saved in the design");
        assertEquals("draft:llama-3.1-8b:2", numbers().plan().speculation().label());
        assertNotEquals(plain, numbers().throughput().tokensPerSecondPerUser(), 1e-9, "the draft model changes the result");
        double drafted = numbers().throughput().tokensPerSecondPerUser();

        // undoable like every edit
        robot.interact(() -> app.window.document().undo());
        AppHarness.waitUntil("speculation off again", () -> "off".equals(AppHarness.box(robot, "#workload-speculative").getValue()));
        app.settle();
        assertTrue(numbers().plan().speculation().isOff());
        robot.interact(() -> app.window.document().redo());
        AppHarness.waitUntil("the draft again", () -> "draft:llama-3.1-8b:2".equals(AppHarness.box(robot, "#workload-speculative").getValue()));
        app.settle();

        // saved and loaded: the file carries it, and reopening it serves with the draft model again
        Path file = dir.resolve("drafted.json");
        app.dialogs.saveAnswers.add(file);
        shortcut(robot, KeyCode.S);
        assertTrue(Files.isRegularFile(file), "saved");
        robot.interact(() -> app.window.document().undo());
        app.settle();
        app.dialogs.discardAnswer = Dialogs.Discard.DISCARD;
        app.dialogs.openAnswers.add(file);
        shortcut(robot, KeyCode.O);
        AppHarness.waitUntil("the reopened design's draft", () -> numbers().plan().speculation().method() == SpeculativeMethod.DRAFT);
        app.settle();
        assertEquals("draft:llama-3.1-8b:2", app.window.document().design().workload().speculative());
        assertEquals("draft:llama-3.1-8b:2", AppHarness.box(robot, "#workload-speculative").getValue());
        assertEquals(drafted, numbers().throughput().tokensPerSecondPerUser(), 1e-9 * drafted, "the same numbers after loading");
    }

    private void shortcut(FxRobot robot, KeyCode... keys) {
        robot.clickOn("#status-results");
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.push(all);
        app.settle();
    }

    private static boolean same(List<double[]> a, List<double[]> b) {
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
}
