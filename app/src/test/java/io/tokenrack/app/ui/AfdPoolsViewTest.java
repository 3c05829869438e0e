package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Presets;
import io.tokenrack.app.ScriptedDialogs;
import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
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
 * Vera Rubin racks with an LPX rack evaluate with attention–FFN disaggregation: the why panel names
 * the two pools and the racks say which pool they are; a GPU-only design shows neither.
 */
@ExtendWith(ApplicationExtension.class)
class AfdPoolsViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Path designs;

    @Start
    void start(Stage stage) {
        var context = Presets.context(new ScriptedDialogs(), temp, Platform::runLater);
        designs = context.presets().withPresets(dir -> dir.resolve("designs"));
        RackDesign lpx = context.presets().withPresets(dir -> new DesignFiles(context.catalog()).read(dir.resolve("designs/vera-rubin-lpx.json")));
        // a speed the model reaches, so that the design has numbers to explain
        lpx = lpx.withWorkload(lpx.workload().withoutLimits().withConcurrency(64));
        app = new AppHarness(stage, temp, new DocState(lpx, Assumptions.defaults(context.catalog().facility())));
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private Label pools(FxRobot robot) {
        return robot.lookup("#why-pools").queryAs(Label.class);
    }

    @Test
    void theWhyPanelAndTheRacksShowTheTwoPools(FxRobot robot) throws Exception {
        AppHarness.waitUntil("the Vera Rubin + LPX evaluation with its pools", () -> app.window.results().results() != null
                && app.window.results().results().ok() && pools(robot).isVisible());
        String text = pools(robot).getText();
        assertTrue(text.startsWith("Two pools:") && text.contains("rubin run attention") && text.contains("lp30 run the FFN"), text);
        String gpuRack = robot.lookup("#rack-rack-1").queryAs(javafx.scene.Node.class).getAccessibleText();
        assertTrue(robot.lookup("#rack-rack-1").lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText().endsWith("attention pool"))
                .tryQuery().isPresent(), "the Rubin rack says it is the attention pool: " + gpuRack);
        assertTrue(robot.lookup("#rack-rack-4").lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText().endsWith("FFN pool"))
                .tryQuery().isPresent(), "the LPX rack says it is the FFN pool");

        robot.interact(() -> app.window.actions().open(designs.resolve("dgx-h100-4x-air.json")));
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !app.window.results().evaluatingProperty().get()
                && app.window.results().results() != null && app.window.results().results().input().equals(app.window.document().state())
                && app.window.results().results().ok());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pools(robot).isVisible(), "one kind of accelerator, one pool: " + pools(robot).getText());
    }
}
