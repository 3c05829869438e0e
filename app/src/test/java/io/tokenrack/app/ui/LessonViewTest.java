package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.lesson.LessonNumbers;
import io.tokenrack.app.lesson.LessonPanel;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.Bottleneck;
import io.tokenrack.engine.evaluate.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The roofline lesson, run start to end from Help ▸ Lessons: each step's knob lands in the document
 * (undoable), the text quotes the live numbers, a wrong and a right answer each get their feedback,
 * Back sets the knob back and Finish closes the panel.
 */
@ExtendWith(ApplicationExtension.class)
class LessonViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(stage, Files.createTempDirectory(temp, "lesson"));
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private Integer concurrency() {
        return app.window.document().design().workload().concurrency();
    }

    /** Waits for the results of the document as it is now, and for the lesson text to quote them; returns them. */
    private Evaluation.Ok settled(FxRobot robot) {
        AppHarness.waitUntil("the results of the current design", () -> {
            var r = app.window.results().results();
            return r != null && r.input().equals(app.window.document().state()) && r.numbers() != null
                    && !AppHarness.text(robot, "#lesson-text").contains(LessonNumbers.PENDING);
        });
        return app.window.results().results().numbers();
    }

    @Test
    void theRooflineLessonRunsStartToEndFromTheHelpMenu(FxRobot robot) {
        app.settle();
        robot.clickOn("Help").clickOn("Lessons").clickOn("Roofline: why one user at a time wastes a GPU");
        AppHarness.waitUntil("the lesson panel", () -> app.window.lessons().panel() != null);
        assertNotNull(app.window.lessons().panel());
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isPresent(), "the panel is shown");
        assertTrue(robot.lookup("#inspector").tryQuery().isEmpty(), "in the inspector's place");
        assertEquals(1, concurrency(), "the lesson opened its design at one request in flight");
        assertEquals("Step 1 of 3", AppHarness.text(robot, "#lesson-counter"));

        Evaluation.Ok one = settled(robot);
        String text = AppHarness.text(robot, "#lesson-text");
        assertTrue(text.contains(Units.number(one.throughput().outputTokensPerSecond()) + " tokens/s"), "quotes the live throughput: " + text);
        assertTrue(text.contains("What binds: " + one.bottleneck().label()), text);
        assertEquals(Bottleneck.MEMORY_BANDWIDTH, one.bottleneck(), "one request: the weight reads bind");

        robot.clickOn("#lesson-choice-0");
        AppHarness.waitUntil("feedback on the wrong answer", () -> AppHarness.text(robot, "#lesson-feedback").startsWith("Not quite."));
        assertTrue(AppHarness.text(robot, "#lesson-feedback").contains("hundreds of operations per byte"));
        robot.clickOn("#lesson-choice-1");
        AppHarness.waitUntil("feedback on the right answer", () -> AppHarness.text(robot, "#lesson-feedback").startsWith("Right."));

        robot.clickOn("#lesson-next");
        AppHarness.waitUntil("step 2's knob", () -> Integer.valueOf(64).equals(concurrency()));
        assertEquals("Step 2 of 3", AppHarness.text(robot, "#lesson-counter"));
        assertEquals("", AppHarness.text(robot, "#lesson-feedback"), "a new step starts unanswered");
        assertEquals("Undo change requests in flight", app.window.document().undoTextProperty().get(), "the knob is an ordinary edit");
        Evaluation.Ok sixtyFour = settled(robot);
        assertTrue(sixtyFour.throughput().outputTokensPerSecond() > 30 * one.throughput().outputTokensPerSecond(),
                "64 requests share each weight read");
        assertTrue(AppHarness.text(robot, "#lesson-text").contains(Units.number(sixtyFour.throughput().outputTokensPerSecond()) + " tokens/s"));

        robot.clickOn("#lesson-next");
        AppHarness.waitUntil("step 3's knob", () -> Integer.valueOf(1024).equals(concurrency()));
        Evaluation.Ok many = settled(robot);
        assertEquals(Bottleneck.COMPUTE, many.bottleneck(), "past the ridge point compute binds");
        assertEquals("Finish", robot.lookup("#lesson-next").queryButton().getText());

        robot.clickOn("#lesson-back");
        AppHarness.waitUntil("Back to set the knob back", () -> Integer.valueOf(64).equals(concurrency()));
        assertEquals("Step 2 of 3", AppHarness.text(robot, "#lesson-counter"));
        robot.clickOn("#lesson-next");
        AppHarness.waitUntil("step 3 again", () -> Integer.valueOf(1024).equals(concurrency()));

        robot.interact(() -> app.window.document().undo());
        AppHarness.waitUntil("Undo to take the knob back", () -> Integer.valueOf(64).equals(concurrency()));

        robot.clickOn("#lesson-next");
        AppHarness.waitUntil("Finish to close the panel", () -> app.window.lessons().panel() == null);
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty(), "the panel is gone");
        assertTrue(robot.lookup("#inspector").tryQuery().isPresent(), "the inspector is back");
        assertEquals(List.of(), app.dialogs.errors);
    }

    @Test
    void aBadLessonFileIsRefusedNamingTheField(FxRobot robot, @TempDir Path dir) throws Exception {
        app.settle();
        Files.copy(Path.of(System.getProperty("tokenrack.presets.dir"), "designs", "dgx-h100-4x-air.json"), dir.resolve("rack.json"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"formatVersion": 1, "title": "t", "design": "rack.json",
                 "steps": [{"title": "s", "text": "x", "knob": {"name": "concurrency", "value": "lots"}}]}
                """);
        LessonPanel[] opened = new LessonPanel[1];
        robot.interact(() -> opened[0] = app.window.lessons().open(bad));
        assertNull(opened[0]);
        assertEquals(1, app.dialogs.errors.size());
        String error = app.dialogs.errors.getFirst();
        assertTrue(error.contains("bad.json") && error.contains("value") && error.contains("whole number"), error);
        assertFalse(app.window.document().isDirty(), "the design shown is left alone");
        assertNotNull(app.window.document().design());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
