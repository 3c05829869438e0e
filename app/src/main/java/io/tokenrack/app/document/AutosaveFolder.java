package io.tokenrack.app.document;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The folder of autosaved copies, one per open window ({@link Autosave}). A window opens a fresh
 * copy of its own; at start, {@link #orphans()} finds the copies no running window holds, left by
 * windows that crashed or were killed, however many there were.
 */
public final class AutosaveFolder {
    private static final System.Logger LOG = System.getLogger(AutosaveFolder.class.getName());
    private static final String PREFIX = "autosave";
    private static final String SUFFIX = ".json";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final Executor background;

    /** @param background runs the writes one at a time (a single thread), for all windows */
    public AutosaveFolder(Path dir, Executor background) {
        this.dir = dir;
        this.background = background;
    }

    /** In TokenRack's user folder, written by one background thread. */
    public static AutosaveFolder inUserFolder() {
        Executor one = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("tokenrack-autosave").unstarted(r));
        return new AutosaveFolder(io.tokenrack.engine.files.UserFolder.dir(), one);
    }

    public Path dir() {
        return dir;
    }

    /**
     * A new copy for a window, locked by this process; its name is unique (time, process id and a
     * counter), so windows never share one.
     */
    public Autosave open() {
        for (int attempt = 0; ; attempt++) {
            Path file = dir.resolve(PREFIX + "-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid()
                    + "-" + SEQUENCE.incrementAndGet() + SUFFIX);
            try {
                if (!Files.exists(file)) {
                    Optional<Autosave> a = Autosave.claim(file, background, false);
                    if (a.isPresent()) {
                        return a.get();
                    }
                }
            } catch (IOException e) {
                if (attempt >= 2) {
                    throw new java.io.UncheckedIOException("cannot create the autosave copy in " + dir + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * The copies that no open window holds, oldest first, each now claimed (locked) by the caller,
     * which must {@link Autosave#discard() discard}, {@link Autosave#release() release} or keep
     * using it. Unreadable copies are logged and left alone; lock files without a copy are removed.
     */
    public List<Autosave> orphans() {
        List<Path> copies = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX) && Files.isRegularFile(p)) {
                    copies.add(p);
                } else if (name.endsWith(SUFFIX + Autosave.LOCK_SUFFIX)) {
                    removeStaleLock(p);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot look for autosaved designs in " + dir + ": " + e.getMessage());
            return List.of();
        }
        copies.sort(Comparator.comparing(AutosaveFolder::modified).thenComparing(Path::toString));
        List<Autosave> out = new ArrayList<>();
        for (Path p : copies) {
            try {
                Optional<Autosave> a = Autosave.claim(p, background, true);
                if (a.isEmpty()) {
                    continue; // an open window's
                }
                if (a.get().load().isEmpty()) {
                    a.get().release(); // gone meanwhile, or unreadable (logged): left as it is
                    continue;
                }
                out.add(a.get());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot check the autosaved design " + p + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A lock file whose copy is gone and that nobody holds (the copy was saved, then the window crashed). */
    private void removeStaleLock(Path lock) {
        String name = lock.getFileName().toString();
        Path copy = lock.resolveSibling(name.substring(0, name.length() - Autosave.LOCK_SUFFIX.length()));
        if (Files.exists(copy)) {
            return;
        }
        try {
            Autosave.claim(copy, background, false).ifPresent(Autosave::discard);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot remove the stale lock " + lock + ": " + e.getMessage());
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
