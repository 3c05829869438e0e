package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.compare.Comparison;
import io.tokenrack.app.compare.CompareWindow;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.design.DesignIO;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
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

/** File ▸ Compare: the open design against a saved one, side by side, following edits live. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(temp, "compare");
        app = new AppHarness(stage, dir);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryLabeled().getText();
    }

    @Test
    void theMenuOpensTheComparisonAndItFollowsEdits(FxRobot robot) throws Exception {
        app.settle();
        // the other design: the example with one DGX H100 fewer
        RackDesign d = app.window.document().design();
        RackInstance r = d.racks().getFirst();
        RackDesign three = d.withRacks(List.of(new RackInstance(r.id(), r.name(), r.rackId(),
                r.items().stream().filter(p -> !p.id().equals("dgx-4")).toList()))).withName("three DGX");
        Path file = dir.resolve("three.json");
        DesignIO.write(file, three);

        app.dialogs.openAnswers.add(file);
        robot.clickOn("File").clickOn("#menu-compare");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> robot.lookup("#compare-output-tps-b").tryQuery().isPresent()
                && !text(robot, "compare-output-tps-b").equals(Units.UNKNOWN));
        assertTrue(text(robot, "compare-b-name").contains("three DGX"), text(robot, "compare-b-name"));
        assertEquals("32", text(robot, "compare-accelerators-a"));
        assertEquals("24", text(robot, "compare-accelerators-b"));
        assertTrue(text(robot, "compare-output-tps-delta").startsWith("−"), "fewer servers, fewer tokens");
        assertTrue(robot.lookup("#compare-output-tps-delta").query().getStyleClass().contains("tr-delta-worse"));

        // an edit in the main window: this design loses a server too, and its column follows
        String before = text(robot, "compare-output-tps-a");
        robot.interact(() -> app.window.root().getScene().getWindow().requestFocus());
        robot.interact(() -> app.window.canvasModel().selectOnly(List.of("dgx-4")));
        robot.interact(() -> app.window.canvasModel().deleteSelection());
        app.settle();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !text(robot, "compare-output-tps-a").equals(before));
        assertEquals("24", text(robot, "compare-accelerators-a"));
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "compare-output-tps-delta").equals("±0%"));

        // the other design on its own workload: it has the same one here, so the numbers stay
        CheckBox same = robot.lookup("#compare-same-workload").queryAs(CheckBox.class);
        assertTrue(same.isSelected(), "by default both are evaluated on this design's workload");
        robot.clickOn(same);
        assertTrue(!same.isSelected());
        CompareWindow[] w = new CompareWindow[1];
        robot.interact(() -> w[0] = app.window.compareWith(file));
        assertNotEquals(null, w[0], "comparing again replaces the window");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> w[0].model().bProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Comparison.Better.SAME, w[0].model().rowsProperty().get().stream()
                .filter(row -> row.id().equals("output-tps")).findFirst().orElseThrow().better(), "same racks, same job");
    }

    @Test
    void anUnreadableFileIsRefusedWithItsReason(FxRobot robot) throws Exception {
        app.settle();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"formatVersion\": 1, \"name\": \"x\", \"racks\": [], \"surprise\": 1}");
        robot.interact(() -> app.window.compareWith(bad));
        assertEquals(1, app.dialogs.errors.size(), app.dialogs.errors.toString());
        assertTrue(app.dialogs.errors.getFirst().startsWith("Cannot compare with bad.json: "), app.dialogs.errors.getFirst());
        assertTrue(app.dialogs.errors.getFirst().contains("surprise"), app.dialogs.errors.getFirst());
    }
}
