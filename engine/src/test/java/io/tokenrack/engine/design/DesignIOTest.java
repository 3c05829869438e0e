package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.Designs.at;
import static io.tokenrack.engine.design.Designs.design;
import static io.tokenrack.engine.design.Designs.rack;
import static io.tokenrack.engine.design.Designs.zeroU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignIOTest {
    @TempDir
    Path tmp;

    private static RackDesign fullDesign() {
        Workload w = new Workload("model-dense", Precision.FP8, Precision.FP8, 2048, 512, 64, 500.0, 50.0, 20.0,
                new Parallelism(8, 1, null, 2));
        return new RackDesign(RackDesign.CURRENT_VERSION, "Round trip", "Every field set once", List.of(
                rack("rack-a", "Rack A", "rack-air", at("srv-1", "srv-8", 1), zeroU("optics", "optic-400", 16)),
                rack("rack-b", "Rack B", "rack-liquid")), w);
    }

    @Test
    void writeThenReadGivesAnEqualDesign() throws IOException {
        Path file = tmp.resolve("design.json");

        DesignIO.write(file, fullDesign());

        assertEquals(fullDesign(), DesignIO.read(file));
    }

    @Test
    void automaticParallelismAndMaxConcurrencySurviveTheRoundTrip() throws IOException {
        RackDesign d = design(rack("rack-a", "Rack A", "rack-air")).withWorkload(Designs.workload(Parallelism.AUTO));
        Path file = tmp.resolve("auto.json");

        DesignIO.write(file, d);

        String json = Files.readString(file);
        assertTrue(!json.contains("maxConcurrency") && !json.contains("\"auto\""), json);
        assertEquals(d, DesignIO.read(file));
    }

    @Test
    void theFileStartsWithTheFormatVersion() {
        String json = DesignIO.toJson(fullDesign());

        assertTrue(json.startsWith("{\n  \"formatVersion\" : 1,\n  \"name\" : \"Round trip\""), json);
        assertTrue(json.endsWith("}\n"));
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = tmp.resolve("design.json");
        Files.writeString(file, "old content");

        DesignIO.write(file, fullDesign());

        assertEquals(fullDesign(), DesignIO.read(file));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedSaveLeavesWhatWasThereAndNoTemporaryFiles() throws IOException {
        Path target = tmp.resolve("design.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "still here");

        assertThrows(IOException.class, () -> DesignIO.write(target, fullDesign()));

        assertEquals("still here", Files.readString(target.resolve("keep.txt")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aSaveIntoAMissingFolderFails() {
        assertThrows(IOException.class, () -> DesignIO.write(tmp.resolve("no/such/folder/design.json"), fullDesign()));
    }

    @Test
    void readErrorsNameFileLineFieldAndReason() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, """
                {
                  "formatVersion": 1,
                  "name": "Bad",
                  "racks": [
                    {
                      "id": "rack-a",
                      "name": "Rack A",
                      "rackId": "rack-air",
                      "items": [
                        { "id": "srv-1", "catalogId": "srv-8", "positionU": 0 }
                      ]
                    }
                  ]
                }
                """);

        PresetException e = assertThrows(PresetException.class, () -> DesignIO.read(file));

        assertEquals(file + ":10:48: racks[0].items[0].positionU: must be 1 or more (the bottom unit is 1), was 0", e.getMessage());
    }

    @Test
    void duplicateIdsAndUnknownFieldsAreRefused() throws IOException {
        Path file = tmp.resolve("dup.json");
        Files.writeString(file, """
                {"formatVersion": 1, "name": "Dup", "racks": [
                  {"id": "a", "name": "A", "rackId": "rack-air", "items": [{"id": "a", "catalogId": "srv-8", "positionU": 1}]}]}
                """);
        PresetException dup = assertThrows(PresetException.class, () -> DesignIO.read(file));
        assertEquals("racks", dup.field());
        assertEquals("duplicate item id 'a'", dup.reason());
        assertEquals(1, dup.line());

        Files.writeString(file, "{\"formatVersion\": 1, \"name\": \"X\", \"racks\": [], \"colour\": \"red\"}");
        PresetException unknown = assertThrows(PresetException.class, () -> DesignIO.read(file));
        assertEquals("colour", unknown.field());
        assertTrue(unknown.reason().startsWith("unknown field 'colour'; known fields: description, formatVersion, name, racks, workload"));
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        Path file = tmp.resolve("v2.json");
        Files.writeString(file, "{\"formatVersion\": 2, \"name\": \"Future\", \"racks\": []}");

        PresetException e = assertThrows(PresetException.class, () -> DesignIO.read(file));

        assertEquals("formatVersion", e.field());
        assertEquals("this TokenRack reads version 1, the file says 2", e.reason());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = tmp.resolve("absent.json");

        PresetException e = assertThrows(PresetException.class, () -> DesignIO.read(file));

        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void theExampleInTheFormatDocumentReads() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "design-format.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String json = doc.substring(start, doc.indexOf("```", start));

        RackDesign d = DesignIO.fromJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "design-format.md");

        assertEquals("Two DGX H100 servers", d.name());
        assertEquals(4, d.racks().getFirst().items().size());
        assertEquals(8, d.workload().parallelism().tp());
        var catalog = io.tokenrack.engine.catalog.CatalogLoader.loadDefault();
        for (Placement p : d.racks().getFirst().items()) {
            assertTrue(catalog.find(p.catalogId()).isPresent(), p.catalogId() + " is not in the catalog");
        }
    }
}
