package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.document.Autosave;
import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;

/** Unsaved changes are kept on disk after every edit and offered back after a crash. */
@ExtendWith(ApplicationExtension.class)
class RecoveryViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(temp, "recovery");
        app = new AppHarness(stage, dir);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    @Test
    void everyEditIsKeptUntilItIsSaved(FxRobot robot) throws Exception {
        app.settle();
        Autosave autosave = app.context.autosave();
        assertFalse(Files.exists(autosave.file()), "nothing unsaved yet");
        robot.clickOn("#item-dgx-4").type(KeyCode.DELETE);
        app.settle();
        RackDesign edited = app.window.document().design();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> autosave.load().map(r -> r.design().equals(edited)).orElse(false));

        Path file = dir.resolve("saved.json");
        app.dialogs.saveAnswers.add(file);
        robot.interact(() -> app.window.actions().save());
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !Files.exists(autosave.file()));
    }

    @Test
    void aCopyLeftByACrashIsOfferedAndRestoredAsUnsavedChanges(FxRobot robot) throws Exception {
        app.settle();
        Autosave autosave = app.context.autosave();
        RackDesign lost = app.window.document().design().withName("work before the crash");
        Path original = dir.resolve("rack.json");
        autosave.update(lost, original, true);
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> Files.exists(autosave.file()));

        app.dialogs.restoreAnswer = true;
        robot.interact(() -> app.window.offerRecovery());
        assertTrue(app.dialogs.asked.contains("restore: work before the crash [" + original + "]"), app.dialogs.asked.toString());
        assertEquals(lost, app.window.document().design());
        assertEquals(original, app.window.document().file());
        assertTrue(app.window.document().isDirty(), "restored, not yet saved");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> autosave.load().map(r -> r.design().equals(lost)).orElse(false));
    }

    @Test
    void aDeclinedCopyIsRemoved(FxRobot robot) throws Exception {
        app.settle();
        Autosave autosave = app.context.autosave();
        RackDesign before = app.window.document().design();
        autosave.update(before.withName("not wanted"), null, true);
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> Files.exists(autosave.file()));
        app.dialogs.restoreAnswer = false;
        robot.interact(() -> app.window.offerRecovery());
        assertEquals(before, app.window.document().design(), "the document is untouched");
        assertFalse(Files.exists(autosave.file()));
    }
}
