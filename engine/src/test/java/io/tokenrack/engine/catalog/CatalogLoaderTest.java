package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader on the fixture presets, and on a copy of them with one broken file from
 * {@code fixtures/broken} added: the error names that file, the line, the field and the reason.
 */
class CatalogLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void loadsTheValidFixture() {
        Catalog c = Fixtures.catalog();
        assertEquals(2, c.accelerators().size());
        assertEquals(4, c.servers().size());
        assertEquals(1, c.models().size());
        assertEquals(3, c.ofKind(ItemKind.NETWORK).size());
        assertEquals(2, c.ofKind(ItemKind.COOLING).size());
        assertEquals(2, c.ofKind(ItemKind.RACK).size());
        assertEquals(1, c.ofKind(ItemKind.POWER).size());
        assertEquals(1000.0, c.accelerator("acc-liquid").tdpWatts());
        assertEquals(0.08, c.facility().electricityUsdPerKwh());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("unknown-field.json", 12, "accelerators[0].powerDraw", "unknown field 'powerDraw'; known fields: availability, bf16DenseTflops"),
                Arguments.of("missing-field.json", 4, "accelerators[0].memoryGB", "required field is missing"),
                Arguments.of("wrong-type.json", 10, "accelerators[0].bf16DenseTflops", "wrong type: expected a number, found a string \"500\""),
                Arguments.of("zero-quantity.json", 11, "accelerators[0].memoryGB", "must be a positive number, was 0.0"),
                Arguments.of("negative-quantity.json", 12, "accelerators[0].tdpWatts", "must be a positive number, was -700.0"),
                Arguments.of("duplicate-key.json", 12, "accelerators[0].memoryGB", "duplicate key 'memoryGB'"),
                Arguments.of("duplicate-id.json", 5, "network[0].id", "duplicate id 'sw-eth' (first defined in "),
                Arguments.of("dangling-accelerator.json", 9, "servers[0].acceleratorId", "no accelerator with id 'acc-nowhere'"),
                Arguments.of("syntax-error.json", 13, "accelerators[0]", "not valid JSON: Unexpected character"),
                Arguments.of("null-enum.json", 9, "racks[0].cooling", "missing or null"),
                Arguments.of("bad-enum.json", 9, "racks[0].cooling", "expected one of \"air\", \"air-or-liquid\", \"liquid\", \"immersion\", found \"water\""),
                Arguments.of("float-int.json", 1, "racks[0].heightU", "expected a whole number, found 4.5"),
                Arguments.of("null-entry.json", 1, "racks[0]", "must be an object, was null"),
                Arguments.of("trailing.json", 1, "", "not valid JSON: Unrecognized token 'x'"),
                Arguments.of("empty.json", -1, "", "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFileNamesFileLineFieldAndReason(String name, int line, String field, String reason) throws IOException {
        Path presets = Fixtures.copyOfPresets(tmp);
        Path file = presets.resolve("hardware").resolve("zz-" + name);
        Files.copy(Fixtures.broken(name), file);

        PresetException e = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));

        assertEquals(file.toString(), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.reason().contains(reason), () -> "reason: " + e.getMessage());
        String location = line > 0 ? file + ":" + line + ":" + e.column() + ": " : file + ": ";
        assertTrue(e.getMessage().startsWith(location), e.getMessage());
        assertTrue(e.getMessage().startsWith(location + (field.isEmpty() ? "" : field + ": ")), e.getMessage());
        assertTrue(e.getMessage().endsWith(e.reason()), e.getMessage());
        assertTrue(line < 0 || e.column() > 0, "a known line comes with a column");
    }

    @Test
    void duplicateIdNamesBothFiles() throws IOException {
        Path presets = Fixtures.copyOfPresets(tmp);
        Files.copy(Fixtures.broken("duplicate-id.json"), presets.resolve("hardware/zz-duplicate-id.json"));

        PresetException e = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));

        assertTrue(e.reason().contains(presets.resolve("hardware/network.json") + " at network[0]"), e.getMessage());
    }

    @Test
    void wrongKindOfReferenceSaysWhatTheIdIs() throws IOException {
        Path presets = Fixtures.copyOfPresets(tmp);
        Files.writeString(presets.resolve("hardware/zz.json"), """
                { "formatVersion": 1, "servers": [ { "id": "s", "name": "S", "vendor": "V", "role": "server",
                  "acceleratorId": "rack-air", "acceleratorCount": 1, "heightU": 1, "cooling": "air", "sources": ["x"] } ] }
                """);

        PresetException e = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));

        assertEquals("servers[0].acceleratorId", e.field());
        assertEquals("no accelerator with id 'rack-air' ('rack-air' is a rack)", e.reason());
        assertEquals(2, e.line());
    }

    @Test
    void missingFolderIsNamed() throws IOException {
        Path presets = Fixtures.copyOfPresets(tmp);
        try (Stream<Path> files = Files.list(presets.resolve("models"))) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(presets.resolve("models"));

        PresetException e = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));

        assertEquals(presets.resolve("models") + ": folder is missing", e.getMessage());
    }

    @Test
    void facilityDefaultsMustBeGivenOnce() throws IOException {
        Path presets = Fixtures.copyOfPresets(tmp);
        Files.copy(presets.resolve("hardware/facility.json"), presets.resolve("hardware/zz-facility.json"));

        PresetException e = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));

        assertEquals("facility", e.field());
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("already given in " + presets.resolve("hardware/facility.json")), e.getMessage());

        Files.delete(presets.resolve("hardware/zz-facility.json"));
        Files.delete(presets.resolve("hardware/facility.json"));
        PresetException none = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));
        assertEquals("no preset file gives the facility defaults", none.reason());
    }

    @Test
    void unknownFormatVersionIsRefused() throws IOException {
        Path presets = Fixtures.copyOfPresets(tmp);
        Files.writeString(presets.resolve("models/zz.json"), "{\n  \"formatVersion\": 2\n}\n");

        PresetException e = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));

        assertEquals("formatVersion", e.field());
        assertEquals(2, e.line());
        assertEquals("this TokenRack reads version 1, the file says 2", e.reason());
    }
}
