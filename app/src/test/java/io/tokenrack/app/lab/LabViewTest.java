package io.tokenrack.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.tokenrack.app.lab.LabFixtures.FakeCalibration;
import io.tokenrack.app.lab.LabRoofline.Kind;
import io.tokenrack.app.theme.ChartStyler;
import io.tokenrack.app.theme.ThemePalette;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Lab window by its control ids, with a stored calibration and a fake runner that prints the
 * real step lines without running kernels, on a real background thread.
 */
@ExtendWith(ApplicationExtension.class)
class LabViewTest {
    @TempDir
    Path dir;

    private FakeCalibration fake;
    private LabModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        LabStore store = new LabStore(dir);
        store.save(LabFixtures.report());
        fake = new FakeCalibration("2026-02-01T00:00:00Z");
        model = new LabModel(store, fake, work -> Thread.ofPlatform().daemon().name("lab-test-run").start(work), Platform::runLater);
        model.load();
        LabView view = new LabView(model, new ChartStyler(ThemePalette.PRIMER_LIGHT), java.time.Clock.fixed(Instant.parse("2026-01-02T05:04:05Z"), java.time.ZoneOffset.UTC));
        Scene scene = new Scene(view, LabWindow.WIDTH, LabWindow.HEIGHT);
        scene.getStylesheets().add(LabViewTest.class.getResource("/assets/tokenrack.css").toExternalForm());
        scene.getStylesheets().add(LabViewTest.class.getResource("/test-quiet.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static XYDataset points(FxRobot robot) {
        return robot.lookup("#lab-roofline").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset(0);
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnTheStoredCalibration(FxRobot robot) {
        assertTrue(text(robot, "#lab-measured-at").startsWith("Measured 2 Jan 2026"), text(robot, "#lab-measured-at"));
        assertTrue(text(robot, "#lab-measured-at").contains("quick calibration"));
        assertEquals("60 tok/s", text(robot, "#lab-decode-one-measured"));
        assertEquals("57 tok/s", text(robot, "#lab-decode-one-predicted"));
        assertEquals("-5.0 %", text(robot, "#lab-decode-one-error"));
        assertEquals("100 tok/s", text(robot, "#lab-decode-all-measured"));
        assertEquals("+10.0 %", text(robot, "#lab-decode-all-error"));
        assertTrue(text(robot, "#lab-host-cpu").contains("Test CPU 9000"));
        assertTrue(text(robot, "#lab-host-jdk").contains("Java 25"));
        assertTrue(text(robot, "#lab-host-vector").contains("16 fp32 lanes"));
        assertTrue(text(robot, "#lab-host-threads").startsWith("2 worker threads"));
        assertTrue(text(robot, "#lab-energy").startsWith("Not measured on this computer"), text(robot, "#lab-energy"));
        assertFalse(robot.lookup("#lab-kernel-warning").query().isVisible(), "vector kernels: no warning");

        XYDataset d = points(robot);
        assertEquals(1, d.getItemCount(Kind.GEMM.ordinal()));
        assertEquals(3, d.getItemCount(Kind.ERT.ordinal()));
        assertEquals(0, d.getItemCount(Kind.GEMM_BY_M.ordinal()), "all cores by default");
        assertTrue(robot.lookup("#lab-roofline-note").queryAs(Label.class).getText().contains("L1, L2"));
        assertTrue(robot.lookup("#lab-mode-quick").queryAs(RadioButton.class).isSelected(), "quick by default");
        assertTrue(robot.lookup("#lab-cancel").queryAs(Button.class).isDisabled(), "nothing to cancel");
        assertFalse(robot.lookup("#lab-progress").query().isVisible());
    }

    @Test
    void theRooflineSwitchesToOneThread(FxRobot robot) {
        robot.clickOn("#lab-roofline-one-thread");
        WaitForAsyncUtils.waitForFxEvents();
        XYDataset d = points(robot);
        assertEquals(3, d.getItemCount(Kind.GEMM_BY_M.ordinal()), "M = 1, 16, 512");
        assertEquals(0, d.getItemCount(Kind.ERT.ordinal()));
        assertFalse(model.allCoresProperty().get());
        robot.clickOn("#lab-roofline-one-thread");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.allCoresProperty().get(), "clicking the chosen toggle keeps it chosen");
        robot.clickOn("#lab-roofline-all-cores");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, points(robot).getItemCount(Kind.ERT.ordinal()));
    }

    @Test
    void aRunShowsProgressStaysResponsiveAndCancels(FxRobot robot) throws InterruptedException {
        fake.holdAfter(2); // the run waits after step 2 for the cancel, however fast or slow the machine is
        robot.clickOn("#lab-run");
        // the step line is handed to the FX thread before the run holds, so it is shown once the FX queue drains
        waitFor("step 2", () -> fake.stepsStarted.get() == 2);
        assertNotEquals(Thread.currentThread().getName(), fake.runnerThread);
        assertEquals("lab-test-run", fake.runnerThread, "the calibration runs off the FX thread");
        assertTrue(robot.lookup("#lab-run").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#lab-cancel").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#lab-mode-full").queryAs(RadioButton.class).isDisabled(), "the mode is fixed during a run");
        ProgressBar bar = robot.lookup("#lab-progress").queryAs(ProgressBar.class);
        assertTrue(bar.isVisible());
        waitFor("progress", () -> bar.getProgress() > 0);
        assertTrue(text(robot, "#lab-status").startsWith("Step "), text(robot, "#lab-status"));
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#lab-log").queryAs(ListView.class);
        assertTrue(log.getItems().stream().anyMatch(l -> l.contains("step 2 of 11: FMA peak")), log.getItems().toString());

        // the window answers while the calibration runs: the fake run is held in the background until it
        // is cancelled, so a round trip to the FX thread comes back only if the run is off that thread
        boolean[] answered = {false};
        robot.interact(() -> answered[0] = true);
        assertTrue(answered[0], "the FX thread answered while the run was going on");
        robot.clickOn("#lab-roofline-one-thread");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, points(robot).getItemCount(Kind.GEMM_BY_M.ordinal()), "the chart redraws during the run");
        assertEquals(LabModel.State.RUNNING, model.state());

        robot.clickOn("#lab-cancel");
        waitFor("the run to stop", () -> model.state() == LabModel.State.IDLE);
        assertTrue(fake.sawCancel, "the runner saw the cancel");
        assertTrue(fake.ended.await(30, TimeUnit.SECONDS), "the run returned");
        assertEquals(2, fake.stepsStarted.get(), "no step starts after the cancel");
        assertTrue(text(robot, "#lab-status").startsWith("Cancelled"), text(robot, "#lab-status"));
        assertEquals("Cancelled.", log.getItems().getLast());
        assertTrue(robot.lookup("#lab-log .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> "Cancelled.".equals(c.getText()) && c.isVisible()), "the log follows its last line");
        assertEquals("100 tok/s", text(robot, "#lab-decode-all-measured"), "the stored results stay");
        assertFalse(robot.lookup("#lab-run").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#lab-cancel").queryAs(Button.class).isDisabled());
        assertFalse(bar.isVisible());
    }

    @Test
    void aFullRunReplacesTheResultsAndKeepsThem(FxRobot robot) throws Exception {
        robot.clickOn("#lab-mode-full");
        robot.clickOn("#lab-run");
        waitFor("the run to finish", () -> model.state() == LabModel.State.IDLE && model.result() != null
                && model.result().profile().measuredAt().startsWith("2026-02-01"));
        assertFalse(fake.quick, "full mode was asked for");
        assertTrue(text(robot, "#lab-status").startsWith("Calibrated in"), text(robot, "#lab-status"));
        assertTrue(text(robot, "#lab-measured-at").startsWith("Measured 1 Feb 2026"), text(robot, "#lab-measured-at"));
        assertTrue(Files.readString(dir.resolve(LabStore.REPORT_FILE)).contains("2026-02-01T00:00:00Z"), "saved for next time");
        assertEquals("2026-02-01T00:00:00Z", new LabStore(dir).load().orElseThrow().profile().measuredAt());
    }
}
