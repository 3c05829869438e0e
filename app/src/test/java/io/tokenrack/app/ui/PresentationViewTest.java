package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.present.PresentationView;
import io.tokenrack.app.present.PresentationWindow;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode steps through the shipped GTC 2026 deck with a clicker's keys and leaves with Escape. */
@ExtendWith(ApplicationExtension.class)
class PresentationViewTest {
    private static final List<String> TITLES = List.of("Hopper: 4 × DGX H100", "Blackwell: GB200 NVL72", "Blackwell Ultra: GB300 NVL72",
            "Vera Rubin NVL72", "Vera Rubin + Groq 3 LPX");

    @TempDir
    static Path temp;

    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(stage, Files.createTempDirectory(temp, "present"));
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private String text(FxRobot robot, String id) {
        return AppHarness.text(robot, "#" + id);
    }

    @Test
    void stepsThroughTheShippedDeckWithPageDownAndPageUpThenEscapeLeaves(FxRobot robot) {
        app.settle();
        PresentationWindow[] opened = new PresentationWindow[1];
        robot.interact(() -> opened[0] = app.window.present(null, false));
        PresentationWindow w = opened[0];
        assertNotNull(w, "the shipped deck opens: " + app.dialogs.errors);
        PresentationView view = w.view();
        AppHarness.waitUntil("every slide to be evaluated", () -> view.model().ready());
        WaitForAsyncUtils.waitForFxEvents();

        for (int i = 0; i < TITLES.size(); i++) {
            assertEquals((i + 1) + " / " + TITLES.size(), text(robot, "present-counter"));
            assertEquals(TITLES.get(i), text(robot, "present-title"));
            Evaluation.Ok e = view.model().results().get(i).numbers();
            assertNotNull(e, "slide " + (i + 1) + " has numbers: " + view.model().results().get(i).message());
            assertEquals(Units.number(e.efficiency().outputTokensPerJoule()), text(robot, "present-value-tokens-per-joule"),
                    "the large number is the slide's own evaluation");
            // at least the deck's service level: the serving search keeps the floor (a disaggregated split whose prefill pool
            // sets the rate serves each user faster than the floor, as the CLI's evaluate does)
            assertTrue(e.throughput().tokensPerSecondPerUser() >= 50 - 1.5, "every slide at the deck's service level: "
                    + e.throughput().tokensPerSecondPerUser());
            int bars = i + 1;
            BarChart<?, ?> chart = robot.lookup("#present-chart").queryAs(BarChart.class);
            assertEquals(bars, chart.getData().getFirst().getData().size(), "the chart compares the slides so far");
            if (i < TITLES.size() - 1) {
                robot.clickOn("#present-note").type(KeyCode.PAGE_DOWN);
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TITLES.size() + " / " + TITLES.size(), text(robot, "present-counter"), "past the last slide it stays there");

        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TITLES.get(TITLES.size() - 2), text(robot, "present-title"));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TITLES.get(TITLES.size() - 3), text(robot, "present-title"), "arrow keys step too");
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TITLES.get(0), text(robot, "present-title"));
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TITLES.size() + " / " + TITLES.size(), text(robot, "present-counter"));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        AppHarness.waitUntil("Escape to close the presentation", () -> !w.stage().isShowing());
        assertFalse(w.stage().isShowing());
        assertEquals(List.of(), app.dialogs.errors);
    }
}
