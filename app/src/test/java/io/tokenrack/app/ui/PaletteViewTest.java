package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.document.PlacementRules;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The palette: the catalog grouped by kind with icons, search, tooltips with sources, add by double-click. */
@ExtendWith(ApplicationExtension.class)
class PaletteViewTest {
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

    private static TreeCell<?> cell(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TreeCell.class);
    }

    @Test
    void theCatalogIsGroupedByKindEachWithAnIcon(FxRobot robot) {
        javafx.scene.control.TreeView<?> tree = robot.lookup("#palette-tree").queryAs(javafx.scene.control.TreeView.class);
        List<String> groups = tree.getRoot().getChildren().stream()
                .map(t -> ((io.tokenrack.app.palette.PaletteModel.Group) t.getValue()).kind().title()).toList();
        assertEquals(List.of("Servers and trays", "Network", "Cooling", "Racks"), groups);
        TreeCell<?> c = cell(robot, "palette-group-compute");
        assertTrue(robot.from(c).lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof FontIcon).tryQuery().isPresent(),
                "the group has an icon");
        TreeCell<?> dgx = cell(robot, "palette-item-dgx-h100");
        assertTrue(robot.from(dgx).lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof FontIcon).tryQuery().isPresent());
        assertTrue(dgx.getAccessibleText().contains("8U"), dgx.getAccessibleText());
    }

    @Test
    void searchShowsOnlyMatchingEntries(FxRobot robot) {
        robot.clickOn("#palette-search").write("quantum");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#palette-item-quantum-2-qm9700").tryQuery().isPresent());
        assertTrue(robot.lookup("#palette-item-dgx-h100").tryQuery().isEmpty(), "servers are filtered out");
        assertTrue(robot.lookup("#palette-group-compute").tryQuery().isEmpty(), "an empty group is hidden");
        robot.eraseText(7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#palette-item-dgx-h100").tryQuery().isPresent(), "clearing the search shows everything again");
    }

    @Test
    void eachEntryHasATooltipWithKeySpecsAndSources(FxRobot robot) {
        String tip = cell(robot, "palette-item-dgx-h100").getTooltip().getText();
        assertTrue(tip.contains("8 × NVIDIA H100"), tip);
        assertTrue(tip.contains("TDP 700 W"), tip);
        assertTrue(tip.contains("max power 10.2 kW"), tip);
        assertTrue(tip.contains("Sources:"), tip);
    }

    @Test
    void doubleClickAddsToTheCurrentRackAtItsLowestFreeUnit(FxRobot robot) {
        app.settle();
        robot.interact(() -> app.window.canvasModel().addRack("air-42u-30kw"));
        app.settle();
        AppHarness.doubleClick(robot, "#palette-item-dgx-h100");
        AppHarness.waitUntil("a server in rack 2", () -> app.window.document().design().racks().get(1).items().size() == 1);
        app.settle();
        var rack2 = app.window.document().design().racks().get(1);
        assertEquals(1, rack2.items().size());
        assertEquals(1, rack2.items().getFirst().positionU());
        assertTrue(PlacementRules.findPlacement(app.window.document().design(), rack2.items().getFirst().id()).isPresent());
        assertEquals(java.util.Set.of(rack2.items().getFirst().id()), app.window.canvasModel().selection(), "the new item is selected");
        assertFalse(robot.lookup("#item-" + rack2.items().getFirst().id()).tryQuery().isEmpty(), "and drawn");
    }
}
