package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {
    @TempDir
    Path dir;

    private final Deque<Runnable> queued = new ArrayDeque<>();

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void unsavedChangesAreKeptAndComeBackWithTheirFile() {
        Autosave a = new Autosave(dir.resolve("autosave.json"), Runnable::run);
        RackDesign d = Fixtures.exampleDesign().withName("edited");
        Path original = dir.resolve("rack.json");
        a.update(d, original, true);
        Autosave.Recovered r = a.load().orElseThrow();
        assertEquals(d, r.design());
        assertEquals(original, r.originalFile());
        assertFalse(r.savedAt().isBlank());

        a.update(d, null, true);
        assertNull(a.load().orElseThrow().originalFile(), "a design never saved");

        a.update(d, original, false);
        assertFalse(Files.exists(a.file()), "saved: the copy goes");
        assertTrue(a.load().isEmpty());
    }

    @Test
    void aBurstOfEditsWritesTheLatestOnceOffTheCallersThread() {
        Autosave a = new Autosave(dir.resolve("autosave.json"), queued::add);
        for (int i = 1; i <= 3; i++) {
            a.update(Fixtures.exampleDesign().withName("edit " + i), null, true);
        }
        assertEquals(1, queued.size(), "one write scheduled for the burst");
        assertFalse(Files.exists(a.file()), "nothing written on the caller's thread");
        runQueued();
        assertEquals("edit 3", a.load().orElseThrow().design().name());
    }

    @Test
    void closingOnPurposeRemovesTheCopyAndCancelsAPendingWrite() {
        Autosave a = new Autosave(dir.resolve("autosave.json"), queued::add);
        a.update(Fixtures.exampleDesign(), null, true);
        runQueued();
        a.update(Fixtures.exampleDesign().withName("later"), null, true);
        a.clearNow();
        runQueued();
        assertFalse(Files.exists(a.file()));
    }

    @Test
    void anUnreadableCopyIsIgnoredNotFatal() throws Exception {
        Autosave a = new Autosave(dir.resolve("autosave.json"), Runnable::run);
        Files.writeString(a.file(), "{\"formatVersion\": 1, \"design\": ");
        assertTrue(a.load().isEmpty());
    }
}
