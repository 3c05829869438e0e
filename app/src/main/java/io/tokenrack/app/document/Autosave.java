package io.tokenrack.app.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a copy of a design with unsaved changes, so that a crash or a killed process does not
 * lose them: after every edit the design (and the file it belongs to) is written, off the FX
 * thread, to one file; when the document is saved, opened anew or closed on purpose the copy is
 * removed. At the next start the app offers to restore a copy it finds. Writes are coalesced: a
 * burst of edits writes the latest state once.
 */
public final class Autosave {
    static final int FORMAT_VERSION = 1;
    private static final System.Logger LOG = System.getLogger(Autosave.class.getName());

    /** A design found at start: what it was, which file it belongs to (null: never saved), when it was copied. */
    public record Recovered(RackDesign design, Path originalFile, String savedAt) {}

    /** The file's content. */
    record Copy(@JsonProperty(required = true) int formatVersion, String originalFile,
                @JsonProperty(required = true) String savedAt, @JsonProperty(required = true) RackDesign design) {}

    private final Path file;
    private final Executor background;
    /** The next thing to do: a copy to write, empty to remove the file, null for nothing. */
    private final AtomicReference<Optional<Copy>> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param background runs the writes one at a time (a single thread) */
    public Autosave(Path file, Executor background) {
        this.file = file;
        this.background = background;
    }

    /** In TokenRack's user folder, written by one background thread. */
    public static Autosave inUserFolder() {
        Executor one = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("tokenrack-autosave").unstarted(r));
        return new Autosave(io.tokenrack.engine.files.UserFolder.file("autosave.json"), one);
    }

    public Path file() {
        return file;
    }

    /** After an edit, a save or an open: keeps a copy while {@code dirty}, removes it otherwise. */
    public void update(RackDesign design, Path documentFile, boolean dirty) {
        pending.set(dirty ? Optional.of(new Copy(FORMAT_VERSION, documentFile == null ? null : documentFile.toString(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), design)) : Optional.empty());
        if (scheduled.compareAndSet(false, true)) {
            background.execute(this::flush);
        }
    }

    /** Removes the copy now, on the calling thread (the user closed the window on purpose). */
    public void clearNow() {
        pending.set(null);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the autosaved design " + file + ": " + e.getMessage());
        }
    }

    private void flush() {
        scheduled.set(false);
        Optional<Copy> next = pending.getAndSet(null);
        if (next == null) {
            return;
        }
        try {
            if (next.isPresent()) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                AtomicFile.write(file, StrictJson.mapper().writeValueAsBytes(next.get()));
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep the autosaved design " + file + ": " + e.getMessage());
        }
    }

    /** The copy left by a session that did not close cleanly; empty when there is none or it cannot be read (logged). */
    public Optional<Recovered> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Copy c = StrictJson.read(file, file.toString(), Copy.class);
            return Optional.of(new Recovered(c.design(), c.originalFile() == null ? null : Path.of(c.originalFile()), c.savedAt()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the unreadable autosaved design " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
