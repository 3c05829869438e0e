package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.claims.ClaimsWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

/** The claims window lists each vendor claim as a claim, and fills in the model's number for the closest setup when it is computed. */
@ExtendWith(ApplicationExtension.class)
class ClaimsWindowTest {
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

    @Test
    void eachClaimGetsTheModelsNumberBesideIt(FxRobot robot) throws Exception {
        AtomicReference<ClaimsWindow> w = new AtomicReference<>();
        robot.interact(() -> w.set(app.window.openClaims()));
        Label model = (Label) w.get().stage().getScene().lookup("#claim-0-model");
        Label cond = (Label) ((javafx.scene.layout.VBox) w.get().stage().getScene().lookup("#claim-0")).getChildren().get(1);
        assertTrue(cond.getText().startsWith("Claim (not a measurement)"), cond.getText());
        // several evaluations with their ranges, on a background thread: generous for a loaded machine
        WaitForAsyncUtils.waitFor(4 * AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !model.getText().contains("computing"));
        assertTrue(model.getText().matches("Model: [0-9.,]+× output tokens per joule of 72 × rubin ÷ 72 × gb300.*"), model.getText());
        robot.interact(() -> w.get().stage().hide());
    }
}
