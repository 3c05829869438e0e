package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.DocumentActions;
import io.tokenrack.app.Presets;
import io.tokenrack.app.ScriptedDialogs;
import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.Headline;
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
 * An announced design whose catalog figures are ranges shows a band on its headline cards ("5.3–7.9
 * tok/J") and says which inputs make it; opening a design of shipping parts takes the band away.
 */
@ExtendWith(ApplicationExtension.class)
class RangeBandViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Path designs;

    @Start
    void start(Stage stage) {
        var context = Presets.context(new ScriptedDialogs(), temp, Platform::runLater);
        designs = context.presets().withPresets(dir -> dir.resolve("designs"));
        RackDesign rubin = context.presets().withPresets(dir -> new DesignFiles(context.catalog()).read(dir.resolve("designs/vera-rubin-nvl72.json")));
        app = new AppHarness(stage, temp, new DocState(rubin, Assumptions.defaults(context.catalog().facility())));
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private Label band(FxRobot robot) {
        return robot.lookup("#card-tokens-per-joule-band").queryAs(Label.class);
    }

    @Test
    void theBandAppearsOnRubinAndGoesAwayOnH100(FxRobot robot) throws Exception {
        AppHarness.waitUntil("the Rubin evaluation with its band", () -> app.window.results().results() != null
                && app.window.results().results().ok() && band(robot).isVisible());
        String text = band(robot).getText();
        assertTrue(text.matches("range [0-9.,]+–[0-9.,]+ tok/J"), text);
        assertTrue(robot.lookup("#card-output-tps-band").queryAs(Label.class).isVisible(), "throughput has a band too");
        String from = Headline.cards(app.window.results().results()).get(2).bandFrom();
        assertTrue(from.contains("memBandwidthTBps 19.2–22 (announced)"), "the card says which inputs make the band: " + from);

        robot.interact(() -> app.window.actions().open(designs.resolve("dgx-h100-4x-air.json")));
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !app.window.results().evaluatingProperty().get()
                && app.window.results().results() != null && app.window.results().results().input().equals(app.window.document().state())
                && app.window.results().results().ok());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(band(robot).isVisible(), "no band on a design of shipping parts: " + band(robot).getText());
        assertFalse(robot.lookup("#card-output-tps-band").queryAs(Label.class).isVisible());
    }
}
