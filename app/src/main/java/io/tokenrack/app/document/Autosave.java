package io.tokenrack.app.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.files.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One window's copy of a design with unsaved changes, so that a crash or a killed process does not
 * lose them. Each window has a copy file of its own in the autosave folder ({@link AutosaveFolder}),
 * and holds an operating-system lock on a file beside it for as long as it is open: the lock goes
 * with the process, so at the next start a copy whose lock is free was left by a window that did
 * not close, and only such copies are offered back. After every edit the design (and the file it
 * belongs to) is written, off the FX thread, atomically; when the document is saved, opened anew
 * or closed on purpose the copy is removed. Writes are coalesced: a burst of edits writes the
 * latest state once.
 *
 * <p>A copy found after a crash ({@link #recovered()}) is kept until the design it holds is saved
 * ({@link #saved()}) or the user discards it in so many words ({@link #discard()}): closing without
 * saving or opening another design only {@link #release() releases} it, and it is offered again.
 */
public final class Autosave {
    static final int FORMAT_VERSION = 1;
    static final String LOCK_SUFFIX = ".lock";
    private static final System.Logger LOG = System.getLogger(Autosave.class.getName());

    /**
     * A design found at start: what it was, which file it belongs to (null: never saved), when it
     * was copied, and the copy itself.
     */
    public record Recovered(RackDesign design, Path originalFile, String savedAt, Path copy) {}

    /** The file's content. */
    record Copy(@JsonProperty(required = true) int formatVersion, String originalFile,
                @JsonProperty(required = true) String savedAt, @JsonProperty(required = true) RackDesign design) {}

    /** A write (a copy) or a removal (empty) waiting for the background thread. */
    private record Pending(Optional<Copy> copy) {}

    private final Path file;
    private final Executor background;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private FileChannel lockChannel;
    private FileLock lock;
    /** Released or discarded: nothing is written any more. */
    private boolean closed;
    /** The copy was left by an earlier session and has not been saved since. */
    private boolean holdsRecovered;

    private Autosave(Path file, Executor background, FileChannel lockChannel, FileLock lock, boolean recovered) {
        this.file = file;
        this.background = background;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.holdsRecovered = recovered;
    }

    /**
     * A copy at {@code file}, locked now; empty when another window (of this process or another)
     * holds it.
     */
    static Optional<Autosave> claim(Path file, Executor background, boolean recovered) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(lockFile(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // this process holds it: an open window's own copy
        }
        if (l == null) {
            ch.close();
            return Optional.empty();
        }
        return Optional.of(new Autosave(file, background, ch, l, recovered));
    }

    static Path lockFile(Path copy) {
        return copy.resolveSibling(copy.getFileName() + LOCK_SUFFIX);
    }

    public Path file() {
        return file;
    }

    /** Whether this copy was left behind by an earlier session (and not yet saved or discarded). */
    public synchronized boolean recovered() {
        return holdsRecovered;
    }

    /** After an edit, a save or an open: keeps a copy while {@code dirty}, removes it otherwise. */
    public void update(RackDesign design, Path documentFile, boolean dirty) {
        pending.set(new Pending(dirty ? Optional.of(new Copy(FORMAT_VERSION, documentFile == null ? null : documentFile.toString(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), design)) : Optional.empty()));
        if (scheduled.compareAndSet(false, true)) {
            background.execute(this::flush);
        }
    }

    /** The design was saved to its file: the copy goes now, recovered or not; later edits are copied again. */
    public synchronized void saved() {
        pending.set(null);
        holdsRecovered = false;
        delete(file);
    }

    /**
     * The window stops using this copy but keeps it on disk, to be offered at the next start: the
     * lock is released (as a crash would release it). Pending writes are cancelled.
     */
    public synchronized void release() {
        pending.set(null);
        closed = true;
        unlock(false);
    }

    /** The user discarded the copy: it is removed now, on the calling thread, with its lock. */
    public synchronized void discard() {
        pending.set(null);
        closed = true;
        holdsRecovered = false;
        delete(file);
        unlock(true);
    }

    /**
     * The window is closing on purpose (its changes saved or knowingly not saved): the copy is
     * removed, unless it holds work recovered after a crash that was never saved, which is kept.
     */
    public synchronized void close() {
        if (holdsRecovered) {
            release();
        } else {
            discard();
        }
    }

    /** One writer for every copy: a fresh mapper would build its serializers again on every edit. */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = StrictJson.mapper().writer();

    private void flush() {
        scheduled.set(false);
        Pending next = pending.getAndSet(null);
        if (next == null) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                if (next.copy().isPresent()) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    AtomicFile.write(file, WRITER.writeValueAsBytes(next.copy().get()));
                } else if (!holdsRecovered) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot keep the autosaved design " + file + ": " + e.getMessage());
            }
        }
    }

    /** The copy on disk; empty when there is none or it cannot be read (logged). */
    public Optional<Recovered> load() {
        return read(file);
    }

    static Optional<Recovered> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Copy c = StrictJson.read(file, file.toString(), Copy.class);
            return Optional.of(new Recovered(c.design(), c.originalFile() == null ? null : Path.of(c.originalFile()), c.savedAt(), file));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the unreadable autosaved design " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the autosaved design " + p + ": " + e.getMessage());
        }
    }

    /** @param removeLockFile also remove the lock file (only when the copy is gone: a copy without its lock file reads as orphaned) */
    private void unlock(boolean removeLockFile) {
        if (lockChannel == null) {
            return;
        }
        try {
            if (removeLockFile) {
                // while still locked, so no other process locks the old file and then finds it gone
                Files.deleteIfExists(lockFile(file));
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot release the autosave lock " + lockFile(file) + ": " + e.getMessage());
        }
        lock = null;
        lockChannel = null;
    }
}
