package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The example rack drawn as front faces; the canvas toolbar's heat map and bottleneck glow. */
@ExtendWith(ApplicationExtension.class)
class RackOverlaysViewTest {
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

    private static boolean has(Node n, String styleClass) {
        if (n.getStyleClass().contains(styleClass)) {
            return true;
        }
        return n instanceof Parent p && p.getChildrenUnmodifiable().stream().anyMatch(c -> has(c, styleClass));
    }

    @Test
    void itemsAreDrawnAsFacesAndTheOverlaysFollowTheToolbar(FxRobot robot) {
        app.settle();
        Node dgx = robot.lookup("#item-dgx-1").query();
        assertTrue(has(dgx, "tr-art"), "a DGX is drawn with its front face");
        assertTrue(has(dgx, "tr-art-vent"));
        assertFalse(has(dgx, "tr-heat"), "the heat map is off at start");
        assertFalse(dgx.getStyleClass().contains("tr-binding"), "the glow is off at start");
        assertTrue(robot.lookup(".tr-rack-blank").tryQuery().isPresent(), "the example's empty units are blanking panels");

        robot.clickOn("#canvas-overlay-heat");
        AppHarness.waitUntil("the heat map", () -> has(robot.lookup("#item-dgx-1").query(), "tr-heat"));
        for (String id : new String[] {"#item-dgx-1", "#item-dgx-2", "#item-dgx-3", "#item-dgx-4"}) {
            javafx.scene.control.Label kw = robot.from(robot.lookup(id).<Node>query()).lookup(".tr-heat-label").queryAs(javafx.scene.control.Label.class);
            // the rack's modelled IT draw split over its 32 accelerators: each 8-GPU DGX a quarter of it
            double rackKw = app.window.canvasModel().figures("rack-1").orElseThrow().modelledItWatts() / 1000;
            assertEquals(String.format(java.util.Locale.US, "%.1f kW", rackKw / 4), kw.getText(), id);
        }

        robot.clickOn("#canvas-overlay-bottleneck");
        AppHarness.waitUntil("the bottleneck glow", () -> robot.lookup("#item-dgx-1").query().getStyleClass().contains("tr-binding"));
        assertFalse(app.window.canvasModel().bottleneck().isEmpty());

        robot.clickOn("#canvas-overlay-heat");
        robot.clickOn("#canvas-overlay-bottleneck");
        AppHarness.waitUntil("both overlays off", () -> !has(robot.lookup("#item-dgx-1").query(), "tr-heat")
                && !robot.lookup("#item-dgx-1").query().getStyleClass().contains("tr-binding"));
    }
}
