package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Dialogs;
import io.tokenrack.app.document.Autosave;
import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * Unsaved changes are kept on disk after every edit, in a copy of the window's own, and offered
 * back after a crash; a restored copy stays until it is saved or discarded.
 */
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

    /** What another window that then crashed leaves behind: its copy, with no process holding its lock. */
    private Autosave crashedWindow(RackDesign design, Path original) throws Exception {
        Autosave other = app.context.autosaves().open();
        other.update(design, original, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> other.load().map(r -> r.design().equals(design)).orElse(false));
        other.release(); // as the operating system does when the process dies
        return other;
    }

    @Test
    void everyEditIsKeptUntilItIsSaved(FxRobot robot) throws Exception {
        app.settle();
        Autosave autosave = app.window.autosave();
        assertFalse(Files.exists(autosave.file()), "nothing unsaved yet");
        robot.clickOn("#item-dgx-4").type(KeyCode.DELETE);
        app.settle();
        RackDesign edited = app.window.document().design();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> autosave.load().map(r -> r.design().equals(edited)).orElse(false));
        assertTrue(app.context.autosaves().orphans().isEmpty(), "an open window's copy is not offered to anyone else");

        Path file = dir.resolve("saved.json");
        app.dialogs.saveAnswers.add(file);
        robot.interact(() -> app.window.actions().save());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(autosave.file()));
    }

    @Test
    void aCopyLeftByACrashIsOfferedAndRestoredAsUnsavedChanges(FxRobot robot) throws Exception {
        app.settle();
        RackDesign lost = app.window.document().design().withName("work before the crash");
        Path original = dir.resolve("rack.json");
        Autosave crashed = crashedWindow(lost, original);

        app.dialogs.restoreAnswer = true;
        robot.interact(() -> app.window.offerRecovery());
        assertTrue(app.dialogs.asked.contains("restore: work before the crash [" + original + "]"), app.dialogs.asked.toString());
        assertEquals(lost, app.window.document().design());
        assertEquals(original, app.window.document().file());
        assertTrue(app.window.document().isDirty(), "restored, not yet saved");
        assertEquals(crashed.file(), app.window.autosave().file(), "the window keeps the recovered copy up to date");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.window.autosave().load().map(r -> r.design().equals(lost)).orElse(false));
    }

    @Test
    void aRestoredCopyStaysUntilItIsSavedEvenWhenAnotherDesignIsOpenedWithoutSaving(FxRobot robot) throws Exception {
        app.settle();
        RackDesign lost = app.window.document().design().withName("recovered work");
        Autosave crashed = crashedWindow(lost, null);
        app.dialogs.restoreAnswer = true;
        robot.interact(() -> app.window.offerRecovery());
        assertEquals(lost, app.window.document().design());

        // "Open the example rack", answering "Don't save"
        app.dialogs.discardAnswer = Dialogs.Discard.DISCARD;
        robot.interact(() -> app.window.actions().newDesign());
        app.settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.window.autosave().file().equals(crashed.file()));
        assertEquals(lost, crashed.load().orElseThrow().design(), "the recovered work is still on disk");
        var offered = app.context.autosaves().orphans();
        offered.forEach(Autosave::release);
        assertEquals(1, offered.size(), "and offered at the next start");

        robot.interact(() -> app.window.offerRecovery());
        assertEquals(lost, app.window.document().design(), "restored again");
        Path file = dir.resolve("kept.json");
        app.dialogs.saveAnswers.add(file);
        robot.interact(() -> app.window.actions().save());
        assertFalse(Files.exists(crashed.file()), "saved: now the copy goes");
        assertTrue(Files.exists(file));
    }

    @Test
    void aDeclinedCopyIsRemoved(FxRobot robot) throws Exception {
        app.settle();
        RackDesign before = app.window.document().design();
        Autosave crashed = crashedWindow(before.withName("not wanted"), null);
        app.dialogs.restoreAnswer = false;
        robot.interact(() -> app.window.offerRecovery());
        assertEquals(before, app.window.document().design(), "the document is untouched");
        assertFalse(Files.exists(crashed.file()));
        assertNotEquals(crashed.file(), app.window.autosave().file());
    }

    @Test
    void aDesignNamedOnTheCommandLineThatCannotBeReadIsReportedAndTheExampleStays(FxRobot robot) {
        app.settle();
        RackDesign example = app.window.document().design();
        Path missing = dir.resolve("nope.json");
        robot.interact(() -> app.window.follow(io.tokenrack.app.LaunchOptions.parse(java.util.List.of(missing.toString())), Autosave::release));
        assertTrue(app.dialogs.errors.stream().anyMatch(e -> e.startsWith("Cannot open nope.json")), app.dialogs.errors.toString());
        assertEquals(example, app.window.document().design());
    }

    @Test
    void withADesignOpenedFromTheCommandLineRecoveredWorkGoesToAWindowOfItsOwn(FxRobot robot) throws Exception {
        app.settle();
        Path file = dir.resolve("opened.json");
        io.tokenrack.app.document.DesignFiles.write(file, app.window.document().design().withName("opened"));
        Autosave crashed = crashedWindow(app.window.document().design().withName("left by a crash"), null);
        app.dialogs.restoreAnswer = true;
        java.util.List<Autosave> elsewhere = new java.util.ArrayList<>();
        robot.interact(() -> app.window.follow(io.tokenrack.app.LaunchOptions.parse(java.util.List.of(file.toString())), elsewhere::add));
        assertEquals("opened", app.window.document().design().name(), "the file asked for stays in this window");
        assertEquals(java.util.List.of(crashed.file()), elsewhere.stream().map(Autosave::file).toList(), "the recovered work is offered a window");
        elsewhere.forEach(Autosave::release);
    }
}
