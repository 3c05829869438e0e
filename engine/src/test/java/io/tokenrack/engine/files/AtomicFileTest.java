package io.tokenrack.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving keeps what the user set up around a file: links, permissions, long names; and cleans up after crashes. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "needs POSIX file attributes");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path f = Files.writeString(dir.resolve("d.json"), "old");
        AtomicFile.write(f, utf8("new"));
        assertEquals("new", Files.readString(f));
        assertEquals(List.of("d.json"), names());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("design.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/design.json"));

        AtomicFile.write(link, utf8("new"));

        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals("new", Files.readString(target), "the link's target was left stale");
        try (Stream<Path> s = Files.list(real)) {
            assertEquals(1, s.count(), "the temporary file goes beside the target and is gone");
        }
    }

    @Test
    void hardLinksKeepSharingTheFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), "old content, longer than the new");
        Path b = Files.createLink(dir.resolve("b.json"), a);

        AtomicFile.write(a, utf8("new"));

        assertEquals("new", Files.readString(a));
        assertEquals("new", Files.readString(b), "the other name still saw the old file");
        assertEquals(2, Files.getAttribute(a, "unix:nlink"));
        assertEquals(List.of("a.json", "b.json"), names());
    }

    @Test
    void permissionsAreKeptAndNewFilesAreReadableByAll() throws IOException {
        Path shared = Files.writeString(dir.resolve("shared.json"), "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        Path group = Files.writeString(dir.resolve("group.json"), "old");
        Files.setPosixFilePermissions(group, PosixFilePermissions.fromString("rw-rw----"));

        AtomicFile.write(shared, utf8("new"));
        AtomicFile.write(group, utf8("new"));
        Path fresh = dir.resolve("fresh.json");
        AtomicFile.write(fresh, utf8("new"));

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(group)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aNameAtTheFileSystemsLimitSaves() throws IOException {
        Path f = dir.resolve("d".repeat(250) + ".json"); // 255 bytes: the usual limit
        AtomicFile.write(f, utf8("new"));
        assertEquals("new", Files.readString(f));
        Path accents = dir.resolve("é".repeat(120) + ".json"); // 245 bytes in UTF-8
        AtomicFile.write(accents, utf8("new"));
        assertEquals("new", Files.readString(accents));
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedOnTheNextSave() throws IOException {
        Path f = Files.writeString(dir.resolve("d.json"), "old");
        Path stale = Files.writeString(dir.resolve(".d.json.3k9x2a7b1.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AtomicFile.STALE).minusSeconds(60)));
        Path inProgress = Files.writeString(dir.resolve(".d.json.7f0p.tmp"), "another save right now");
        Path otherFiles = Files.writeString(dir.resolve(".e.json.3k9x2a7b1.tmp"), "not ours");
        Files.setLastModifiedTime(otherFiles, FileTime.from(Instant.now().minus(AtomicFile.STALE).minusSeconds(60)));
        Path userFile = Files.writeString(dir.resolve(".d.json.notes.tmp.txt"), "the user's");

        AtomicFile.write(f, utf8("new"));

        assertFalse(Files.exists(stale), "the crashed save's temporary file stayed");
        assertTrue(Files.exists(inProgress), "a young temporary file may be another save in progress");
        assertTrue(Files.exists(otherFiles), "another file's temporary file is not ours to remove");
        assertTrue(Files.exists(userFile));
    }
}
