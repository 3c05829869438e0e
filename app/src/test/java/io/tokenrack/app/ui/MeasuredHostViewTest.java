package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.MainWindow;
import io.tokenrack.app.Presets;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.lab.LabFixtures;
import io.tokenrack.app.lab.LabModel;
import io.tokenrack.app.lab.LabStore;
import io.tokenrack.app.lab.LabWindow;
import io.tokenrack.app.theme.ChartStyler;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.lab.host.MeasuredHost;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A calibration finished in the Lab puts "This computer (measured)" in the palette of the open
 * window, without losing the design, its unsaved changes or its undo history, and the computer
 * can then be placed and evaluated like any server.
 */
@ExtendWith(ApplicationExtension.class)
class MeasuredHostViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private LabWindow lab;
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        Workload w = new Workload("llama-3.1-8b", Precision.FP8, Precision.FP8, 64, 64, 1, null, null, null, Parallelism.AUTO);
        RackDesign desk = new RackDesign(RackDesign.CURRENT_VERSION, "Desk", null,
                List.of(new RackInstance("rack-1", "Rack 1", "air-42u-20kw", List.of())), w);
        app = new AppHarness(stage, temp, new DocState(desk, Assumptions.defaults(Presets.catalog().facility())));
        LabModel model = new LabModel(new LabStore(temp.resolve("lab")), new LabFixtures.FakeCalibration("2026-02-03T04:05:06Z"),
                work -> Thread.ofPlatform().daemon().start(work), Platform::runLater);
        lab = new LabWindow(stage, model, new ChartStyler(ThemePalette.PRIMER_LIGHT));
        app.window.useLab(lab);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private void search(FxRobot robot, String text) {
        robot.clickOn("#palette-search").eraseText(40).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFinishedCalibrationPutsThisComputerInThePaletteAndKeepsTheDocument(FxRobot robot) throws Exception {
        app.settle();
        search(robot, "this computer");
        assertTrue(robot.lookup("#palette-item-this-computer-host").tryQuery().isEmpty(), "not measured yet");

        // an edit before the calibration: a switch into the rack
        search(robot, "quantum");
        AppHarness.doubleClick(robot, "#palette-item-quantum-2-qm9700");
        AppHarness.waitUntil("the switch in the rack", () -> app.window.document().design().racks().getFirst().items().size() == 1);
        app.settle();
        assertTrue(app.window.document().isDirty());

        MainWindow now = app.window;
        javafx.scene.Parent root = now.root();
        robot.interact(lab::show);
        robot.clickOn("#lab-run");
        AppHarness.waitUntil("the calibration to put the measured computer in the catalog",
                () -> app.context.catalog().find(MeasuredHost.SERVER_ID).isPresent());
        AppHarness.waitUntil("the Lab to say where the computer is",
                () -> robot.lookup("#lab-status").queryLabeled().getText().contains("This computer (measured)"));
        assertSame(root, main.getScene().getRoot(), "the same window, not rebuilt");
        assertTrue(now.document().isDirty(), "unsaved changes stay");
        assertTrue(now.document().canUndoProperty().get(), "and so does the history");
        assertEquals(1, now.document().design().racks().getFirst().items().size());
        assertTrue(robot.lookup("#lab-palette-note").query().isVisible(), "the Lab says where to find the computer");

        robot.interact(main::toFront);
        search(robot, "this computer");
        assertTrue(now.paletteModel().visibleEntries().stream().anyMatch(e -> e.item().id().equals(MeasuredHost.SERVER_ID)),
                "the palette lists the computer");
        AppHarness.doubleClick(robot, "#palette-item-this-computer-host");
        AppHarness.waitUntil("this computer in the rack", () -> now.document().design().racks().getFirst().items().size() == 2);
        AppHarness.waitUntil("the evaluation with this computer", () -> !now.results().evaluatingProperty().get()
                && now.results().results() != null && now.results().results().input().equals(now.document().state()));
        Evaluation result = now.results().results().evaluation();
        assertTrue(result.ok(), result.message());
        Evaluation.Ok e = (Evaluation.Ok) result;
        assertEquals("this-computer", e.acceleratorId());
        assertTrue(e.throughput().outputTokensPerSecond() > 0);
        assertTrue(Double.isNaN(e.power().itWatts()), "this computer's power is not known, and not invented");

        robot.interact(() -> now.document().undo());
        robot.interact(() -> now.document().undo());
        assertEquals(0, now.document().design().racks().getFirst().items().size(), "undo walks back across the calibration");
    }
}
