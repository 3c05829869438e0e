package io.tokenrack.engine.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the
 * bytes go to a temporary file in the same folder, are forced to disk, then moved over the target,
 * and the folder is forced so the move itself survives a power cut. Around that:
 * <ul>
 *   <li>a symbolic link is written through: its target gets the new content, the link stays;</li>
 *   <li>a file with more than one hard link is rewritten in place (after the new content is safe
 *       on disk in the temporary file), so every name keeps seeing the same file: a move would
 *       leave the other names on the old content;</li>
 *   <li>the file keeps its permissions; a new file gets {@code rw-r--r--};</li>
 *   <li>the temporary name is short ({@code .<at most 40 characters of the name>.<random>.tmp}),
 *       so names up to the file system's limit save;</li>
 *   <li>temporary files of the same target left by a crash (older than {@link #STALE}) are removed
 *       on the next save.</li>
 * </ul>
 */
public final class AtomicFile {
    /** A temporary file older than this belongs to a save that died, not to one in progress. */
    static final Duration STALE = Duration.ofMinutes(10);
    private static final int NAME_PREFIX_CHARS = 40;
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {}

    public static void write(Path target, byte[] content) throws IOException {
        Path file = resolveLinks(target.toAbsolutePath());
        Path dir = file.getParent();
        removeStaleTemporaries(dir, file.getFileName().toString());
        Path tmp = createTemporary(dir, file.getFileName().toString());
        try {
            copyPermissions(file, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeAll(ch, content);
                ch.force(true);
            }
            if (hardLinks(file) > 1) {
                rewriteInPlace(file, content);
            } else {
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file a chain of symbolic links ends at (which may not exist yet); {@code path} itself when it is no link. */
    static Path resolveLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops >= 40) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        return p;
    }

    /** The temporary file's name: a prefix of the target's name, a random part, ".tmp". */
    private static Path createTemporary(Path dir, String name) throws IOException {
        String prefix = "." + prefix(name) + ".";
        for (int attempt = 0; ; attempt++) {
            String random = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
            try {
                return Files.createFile(dir.resolve(prefix + random + ".tmp"));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static String prefix(String name) {
        int end = name.offsetByCodePoints(0, Math.min(NAME_PREFIX_CHARS, name.codePointCount(0, name.length())));
        return name.substring(0, end);
    }

    /** Temporary files of {@code name} that a crashed save left behind; those of a save in progress are younger. */
    static void removeStaleTemporaries(Path dir, String name) {
        Pattern ours = Pattern.compile(Pattern.quote("." + prefix(name) + ".") + "[0-9a-z]{1,13}\\.tmp");
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + globSafe(prefix(name)) + ".*.tmp")) {
            for (Path p : entries) {
                if (ours.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    FileTime modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                    if (modified.toInstant().isBefore(before)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is a courtesy: the save itself must not fail for it
        }
    }

    /** {@code name} with the glob's special characters replaced by '?' (the pattern check is exact). */
    private static String globSafe(String name) {
        return name.replaceAll("[\\\\*?\\[\\]{}]", "?");
    }

    private static void copyPermissions(Path file, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: the platform's defaults apply
        }
        Set<PosixFilePermission> perms = Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
        view.setPermissions(perms);
    }

    private static int hardLinks(Path file) {
        try {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? (Integer) Files.getAttribute(file, "unix:nlink") : 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /** Overwrites {@code file} itself (its inode), for hard-linked files; the new content is already safe in the temporary file. */
    private static void rewriteInPlace(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            writeAll(ch, content);
            ch.truncate(content.length);
            ch.force(true);
        }
    }

    private static void writeAll(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Forces the folder's entries to disk, so the rename survives a power cut (where the platform allows it). */
    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; its file system orders the rename itself
        }
    }
}
