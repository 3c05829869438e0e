package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.workload.Parallelism;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignFilesTest {
    private final DesignFiles files = new DesignFiles(Fixtures.catalog());

    @TempDir
    Path dir;

    @Test
    void aSavedDesignReadsBackEqual() throws Exception {
        RackDesign d = Fixtures.exampleDesign();
        d = d.withWorkload(d.workload().withConcurrency(64).withParallelism(new Parallelism(4, 1, null, 2)));
        Path f = dir.resolve("a.json");
        DesignFiles.write(f, d);
        assertEquals(d, files.read(f));
        assertFalse(Files.readString(assertExists(f)).contains("\"auto\""), "helpers are not written as fields");
    }

    @Test
    void savingReplacesTheOldFileAndLeavesNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("a.json");
        Files.writeString(f, "old");
        DesignFiles.write(f, Fixtures.exampleDesign());
        assertTrue(Files.readString(f).contains("formatVersion"));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aFileWithAnUnknownCatalogIdIsRefusedWithTheField() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, DesignFiles.toJson(Fixtures.exampleDesign()).replace("\"qm9700\"", "\"nope\""));
        PresetException e = assertThrows(PresetException.class, () -> files.read(f));
        assertEquals("racks[0].items[4].catalogId", e.field());
        assertTrue(e.getMessage().contains("bad.json"));
    }

    @Test
    void brokenJsonIsRefusedWithALine() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"formatVersion\": 1,\n  \"name\": }");
        PresetException e = assertThrows(PresetException.class, () -> files.read(f));
        assertEquals(3, e.line());
    }

    private static Path assertExists(Path p) {
        assertTrue(Files.exists(p));
        return p;
    }

    @org.junit.jupiter.api.Test
    void aDesignWithThisComputerWhereItWasNotMeasuredSaysHowToMeasureIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("desk.json");
        java.nio.file.Files.writeString(f, """
                {"formatVersion": 1, "name": "Desk", "racks": [{"id": "r1", "name": "Rack 1", "rackId": "air-42u-20kw",
                  "items": [{"id": "host-1", "catalogId": "this-computer-host", "positionU": 20}]}]}
                """);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.tokenrack.engine.catalog.PresetException.class,
                () -> new DesignFiles(io.tokenrack.app.Presets.catalog()).read(f));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no catalog item 'this-computer-host'. It is this computer as the kernel lab measures it"),
                e.getMessage());
    }
}
