package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Path;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rack canvas on the example rack: 4 × DGX H100 at U1, U9, U17, U25 (10.2 kW each, the 40.8 kW
 * budget is full), a switch at U42, a rear door (0U); U33–U41 are free.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RackCanvasViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage, temp);
    }

    @org.junit.jupiter.api.BeforeEach
    void neutral(FxRobot robot) {
        robot.clickOn("#status-results");
    }

    @org.junit.jupiter.api.AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private RackDesign design() {
        return app.window.document().design();
    }

    private int items() {
        return design().racks().stream().mapToInt(r -> r.items().size()).sum();
    }

    /** A point over the elevation of {@code rackId} in the middle of unit {@code u}. */
    private Point2D atU(FxRobot robot, String rackId, int u) {
        Node elevation = robot.lookup("#rack-elevation-" + rackId).query();
        double px = app.window.canvasModel().pixelsPerU();
        int height = app.context.catalog().find(design().racks().stream().filter(r -> r.id().equals(rackId)).findFirst()
                .orElseThrow().rackId(), io.tokenrack.engine.catalog.RackSpec.class).orElseThrow().heightU();
        var b = elevation.localToScreen(elevation.getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + (height - u + 0.5) * px);
    }

    @Test
    void draggingAServerFromThePaletteIntoARackChangesTheNumbers(FxRobot robot) {
        app.settle();
        robot.interact(() -> app.window.canvasModel().addRack("air-42u-30kw"));
        app.settle();
        String before = AppHarness.text(robot, "#card-output-tps-value");
        String spaceBefore = ((io.tokenrack.app.canvas.BudgetBar) robot.lookup("#bar-space-rack-2").query()).valueText();

        AppHarness.dragAndDrop(robot, "#palette-item-dgx-h100", atU(robot, "rack-2", 10), "the server in rack 2",
                () -> design().racks().get(1).items().size() == 1);
        app.settle();

        var placed = design().racks().get(1).items();
        assertEquals(1, placed.size(), "one server dropped into the new rack");
        assertEquals("dgx-h100", placed.getFirst().catalogId());
        assertEquals(10, placed.getFirst().positionU(), "its lowest U is where it was released");
        assertEquals("0 / 42 U", spaceBefore);
        assertEquals("8 / 42 U", ((io.tokenrack.app.canvas.BudgetBar) robot.lookup("#bar-space-rack-2").query()).valueText());
        assertNotEquals(before, AppHarness.text(robot, "#card-output-tps-value"), "40 instead of 32 GPUs serve more tokens");
        assertTrue(AppHarness.text(robot, "#canvas-message").startsWith("Added NVIDIA DGX H100"));
    }

    @Test
    void aDropOverThePowerBudgetIsRefusedWithItsReason(FxRobot robot) {
        app.settle();
        int before = items();
        AppHarness.dragAndDrop(robot, "#palette-item-dgx-h100", atU(robot, "rack-1", 33), "the refusal",
                () -> app.window.canvasModel().messageProperty().get().error());
        assertEquals(before, items(), "nothing was added");
        assertFalse(app.window.document().isDirty(), "a refused drop makes no command");
        String msg = AppHarness.text(robot, "#canvas-message");
        assertTrue(msg.contains("exceeds the rack power budget"), msg);
        assertTrue(robot.lookup("#canvas-message").query().getStyleClass().contains("tr-message-error"));
    }

    @Test
    void aLiquidCooledTrayIsRefusedInAnAirRack(FxRobot robot) {
        app.settle();
        robot.clickOn("#palette-search").write("gb200");
        WaitForAsyncUtils.waitForFxEvents();
        AppHarness.dragAndDrop(robot, "#palette-item-gb200-nvl72-compute-tray", atU(robot, "rack-1", 35), "the refusal",
                () -> app.window.canvasModel().messageProperty().get().error());
        String msg = AppHarness.text(robot, "#canvas-message");
        assertTrue(msg.contains("needs liquid cooling"), msg);
        assertFalse(app.window.document().isDirty());
    }

    /**
     * Runs last: under Monocle a platform drag started after a plain mouse drag in the same JVM
     * can be cut short by the headless robot, so the platform drags go first.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void anItemMovesByMouseDragSnappedToWholeUnits(FxRobot robot) {
        app.settle();
        double px = app.window.canvasModel().pixelsPerU();
        // grab dgx-4 (U25–U32) in the middle of U29 and let go two units higher
        Node dgx4 = robot.lookup("#item-dgx-4").query();
        robot.drag(atU(robot, "rack-1", 29), MouseButton.PRIMARY).moveBy(0, -px * 1.2).moveBy(0, -px * 0.8);
        // the item follows the pointer, snapped to whole units, before the button comes up
        AppHarness.waitUntil("dgx-4 to follow the pointer two units up", () -> Math.abs(dgx4.getTranslateY() + 2 * px) < 0.5);
        robot.release(MouseButton.PRIMARY);
        AppHarness.waitUntil("the move", () -> PlacementRules.findPlacement(design(), "dgx-4").orElseThrow().positionU() == 27);
        app.settle();
        assertEquals(27, PlacementRules.findPlacement(design(), "dgx-4").orElseThrow().positionU(), "moved up by two whole units");
        assertTrue(app.window.document().isDirty());
    }

    @Test
    void shiftClickSelectsSeveralAndDeleteRemovesThemAndUndoRedoFollow(FxRobot robot) {
        app.settle();
        int before = items();
        robot.clickOn("#item-dgx-1").press(KeyCode.SHIFT).clickOn("#item-dgx-2").release(KeyCode.SHIFT);
        assertEquals(Set.of("dgx-1", "dgx-2"), app.window.canvasModel().selection());
        robot.type(KeyCode.DELETE);
        app.settle();
        assertEquals(before - 2, items());
        assertTrue(robot.lookup("#item-dgx-1").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        app.settle();
        assertEquals(before, items(), "undo brings both back");
        assertTrue(robot.lookup("#item-dgx-1").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        app.settle();
        assertEquals(before - 2, items(), "redo deletes them again");
    }

    @Test
    void theContextMenuDeletesAnItem(FxRobot robot) {
        app.settle();
        robot.rightClickOn("#item-dgx-3");
        robot.clickOn("Delete");
        app.settle();
        assertTrue(PlacementRules.findPlacement(design(), "dgx-3").isEmpty());
    }

    @Test
    void clickingAFindingSelectsTheItemsInvolved(FxRobot robot) {
        app.settle();
        robot.clickOn(robot.lookup("#findings-list .list-cell").match(
                n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null
                        && c.getItem().toString().contains("POWER_UNKNOWN")).<Node>query());
        assertEquals(Set.of("ib-leaf-1"), app.window.canvasModel().selection(), "the switch without a power figure");
        assertTrue(robot.lookup("#item-ib-leaf-1").query().getStyleClass().contains("tr-selected"));
    }

    @Test
    void zoomButtonsScaleTheRacks(FxRobot robot) {
        app.settle();
        double before = app.window.canvasModel().pixelsPerU();
        robot.clickOn("#canvas-zoom-in");
        assertTrue(app.window.canvasModel().pixelsPerU() > before);
        Node elevation = robot.lookup("#rack-elevation-rack-1").query();
        assertEquals(42 * app.window.canvasModel().pixelsPerU(), elevation.getBoundsInLocal().getHeight(), 4.0);
        robot.clickOn("#canvas-zoom-out").clickOn("#canvas-zoom-out");
        assertTrue(app.window.canvasModel().pixelsPerU() < before);
    }
}
