package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each window keeps its own copy; a crash (simulated: the lock released, the copy left, as the
 * operating system leaves them after kill -9) loses none of them, and closing one window never
 * touches another's copy.
 */
class AutosaveTest {
    @TempDir
    Path dir;

    private final Deque<Runnable> queued = new ArrayDeque<>();

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    private AutosaveFolder now() {
        return new AutosaveFolder(dir, Runnable::run);
    }

    @Test
    void unsavedChangesAreKeptAndComeBackWithTheirFile() {
        Autosave a = now().open();
        RackDesign d = Fixtures.exampleDesign().withName("edited");
        Path original = dir.resolve("rack.json");
        a.update(d, original, true);
        Autosave.Recovered r = a.load().orElseThrow();
        assertEquals(d, r.design());
        assertEquals(original, r.originalFile());
        assertEquals(a.file(), r.copy());
        assertFalse(r.savedAt().isBlank());

        a.update(d, null, true);
        assertNull(a.load().orElseThrow().originalFile(), "a design never saved");

        a.update(d, original, false);
        assertFalse(Files.exists(a.file()), "saved: the copy goes");
        assertTrue(a.load().isEmpty());
    }

    @Test
    void aBurstOfEditsWritesTheLatestOnceOffTheCallersThread() {
        Autosave a = new AutosaveFolder(dir, queued::add).open();
        for (int i = 1; i <= 3; i++) {
            a.update(Fixtures.exampleDesign().withName("edit " + i), null, true);
        }
        assertEquals(1, queued.size(), "one write scheduled for the burst");
        assertFalse(Files.exists(a.file()), "nothing written on the caller's thread");
        runQueued();
        assertEquals("edit 3", a.load().orElseThrow().design().name());
    }

    @Test
    void twoWindowsKeepTwoCopiesAndAfterACrashBothAreOffered() {
        AutosaveFolder folder = now();
        Autosave one = folder.open();
        Autosave two = folder.open();
        assertNotEquals(one.file(), two.file(), "a copy per window");
        one.update(Fixtures.exampleDesign().withName("window one"), null, true);
        two.update(Fixtures.exampleDesign().withName("window two"), dir.resolve("two.json"), true);
        assertTrue(folder.orphans().isEmpty(), "copies of open windows are nobody's to recover");

        one.release(); // kill -9: the process's locks go, its files stay
        two.release();
        List<Autosave> found = new AutosaveFolder(dir, Runnable::run).orphans();
        assertEquals(Set.of("window one", "window two"),
                found.stream().map(o -> o.load().orElseThrow().design().name()).collect(Collectors.toSet()));
        assertTrue(found.stream().allMatch(Autosave::recovered));
        assertTrue(folder.orphans().isEmpty(), "each is claimed by the window that found it, not offered twice");
    }

    @Test
    void closingOneWindowLeavesTheOthersCopyAlone() {
        AutosaveFolder folder = now();
        Autosave one = folder.open();
        Autosave two = folder.open();
        one.update(Fixtures.exampleDesign().withName("one"), null, true);
        two.update(Fixtures.exampleDesign().withName("two"), null, true);
        one.close(); // closed on purpose, changes not saved
        assertFalse(Files.exists(one.file()));
        assertEquals("two", two.load().orElseThrow().design().name());
        one.update(Fixtures.exampleDesign().withName("late"), null, true);
        assertFalse(Files.exists(one.file()), "a closed copy writes nothing more");
    }

    @Test
    void aRecoveredCopyIsKeptWhenClosedWithoutSavingAndGoesOnlyWhenSavedOrDiscarded() {
        AutosaveFolder folder = now();
        Autosave crashed = folder.open();
        crashed.update(Fixtures.exampleDesign().withName("recovered"), null, true);
        crashed.release();

        Autosave restored = folder.orphans().getFirst();
        restored.update(Fixtures.exampleDesign().withName("recovered, edited"), null, true);
        restored.update(Fixtures.exampleDesign(), null, false);
        assertTrue(Files.exists(restored.file()), "an open without saving does not remove recovered work");
        restored.close(); // "Don't save"
        assertEquals("recovered, edited", Autosave.read(restored.file()).orElseThrow().design().name(), "kept for the next start");

        Autosave again = folder.orphans().getFirst();
        again.saved();
        assertFalse(Files.exists(again.file()), "saved: the copy goes");
        again.close();

        Autosave other = folder.open();
        other.update(Fixtures.exampleDesign().withName("declined"), null, true);
        other.release();
        folder.orphans().getFirst().discard();
        assertTrue(folder.orphans().isEmpty());
        assertFalse(Files.exists(other.file()));
    }

    @Test
    void closingOnPurposeCancelsAPendingWrite() {
        Autosave a = new AutosaveFolder(dir, queued::add).open();
        a.update(Fixtures.exampleDesign(), null, true);
        runQueued();
        a.update(Fixtures.exampleDesign().withName("later"), null, true);
        a.close();
        runQueued();
        assertFalse(Files.exists(a.file()));
        assertFalse(Files.exists(Autosave.lockFile(a.file())), "nor its lock");
    }

    @Test
    void anUnreadableCopyIsIgnoredNotFatalAndACopyFromBeforeWindowsHadTheirOwnIsFound() throws Exception {
        Files.writeString(dir.resolve("autosave-broken.json"), "{\"formatVersion\": 1, \"design\": ");
        Autosave old = now().open();
        old.update(Fixtures.exampleDesign().withName("single file of old"), null, true);
        old.release();
        Files.move(old.file(), dir.resolve("autosave.json"));
        List<Autosave> found = now().orphans();
        assertEquals(List.of("single file of old"), found.stream().map(o -> o.load().orElseThrow().design().name()).toList());
        assertTrue(Files.exists(dir.resolve("autosave-broken.json")), "left for a person to look at");
    }
}
