package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.document.Edits;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.ResultsEngine;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.evaluate.Evaluation;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
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
 * An evaluation that throws, or one that answers "does not fit", shows why where the numbers would
 * be, instead of "evaluating…" for ever; the next edit that evaluates brings the numbers back.
 */
@ExtendWith(ApplicationExtension.class)
class FailedEvaluationViewTest {
    @TempDir
    static Path temp;

    private final AtomicBoolean broken = new AtomicBoolean();
    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage, temp, null, c -> c.withResults(evaluator -> {
            ResultsEngine real = new EngineResults(evaluator);
            return state -> {
                if (broken.get()) {
                    throw new IllegalStateException("the step model divided by zero");
                }
                return real.compute(state);
            };
        }));
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private Label message(FxRobot robot) {
        return robot.lookup("#results-message").queryAs(Label.class);
    }

    @Test
    void anEvaluationThatThrowsShowsItsMessageInsteadOfTheNumbers(FxRobot robot) throws Exception {
        app.settle();
        assertFalse(message(robot).isVisible(), "numbers, no message");
        String number = AppHarness.text(robot, "#card-output-tps-value");

        broken.set(true);
        robot.interact(() -> app.window.workloadModel().setOutputTokens("512"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.window.results().evaluatingProperty().get()
                && app.window.results().results().input().equals(app.window.document().state()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message(robot).isVisible());
        assertEquals("The evaluation failed: the step model divided by zero", message(robot).getText());
        assertEquals("—", AppHarness.text(robot, "#card-output-tps-value"));
        assertEquals(message(robot).getText(), AppHarness.text(robot, "#card-output-tps-why"), "each card says why it has no number");
        assertEquals(message(robot).getText(), AppHarness.text(robot, "#status-results"));

        broken.set(false);
        robot.interact(() -> app.window.workloadModel().setOutputTokens("1024"));
        app.settle();
        assertFalse(message(robot).isVisible(), "the next good evaluation brings the numbers back");
        assertNotEquals("—", AppHarness.text(robot, "#card-output-tps-value"));
        assertEquals(number, AppHarness.text(robot, "#card-output-tps-value"), "the design is as it was");
    }

    @Test
    void anEvaluationThatDoesNotFitShowsTheEnginesReason(FxRobot robot) throws Exception {
        app.settle();
        Set<String> all = app.window.document().design().racks().stream().flatMap(r -> r.items().stream())
                .map(Placement::id).collect(Collectors.toSet());
        robot.interact(() -> app.window.document().execute(new Edits.RemoveItems(all)));
        app.settle();
        Evaluation e = app.window.results().results().evaluation();
        assertFalse(e == null || e.ok(), "an empty rack serves nothing");
        assertFalse(e.message().isBlank());
        assertTrue(message(robot).isVisible());
        assertEquals(e.message(), message(robot).getText());
        assertEquals(e.message(), AppHarness.text(robot, "#card-tokens-per-joule-why"));
        assertEquals("—", AppHarness.text(robot, "#card-power-value"));
    }
}
