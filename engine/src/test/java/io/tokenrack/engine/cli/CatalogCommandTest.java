package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenrack.engine.Fixtures;
import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandTest {
    private final String presets = Fixtures.presetsDir().toString();

    @Test
    void printsAReadableTable() {
        CliRun run = CliRun.of("catalog", "--presets", presets);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        String[] lines = run.out().split("\n");
        assertEquals(16, lines.length, "a header and 15 entries");
        assertTrue(lines[0].startsWith("KIND"), lines[0]);
        assertTrue(run.out().contains("accelerator  acc-air"), run.out());
        assertTrue(run.out().contains("500 BF16 TFLOPS, 80 GB, 2 TB/s, 400 W, air"), run.out());
        assertTrue(run.out().contains("server, 4 × acc-air, 4U, power unpublished, air"), run.out());
        assertTrue(lines[3].startsWith("server") && lines[15].startsWith("model"), "grouped by kind:\n" + run.out());
    }

    @Test
    void kindsMatchInAnyCase() {
        CliRun upper = CliRun.of("catalog", "--kind", "Accelerator", "--presets", presets);
        assertEquals(0, upper.exitCode(), upper.err());
        assertEquals(CliRun.of("catalog", "--kind", "accelerator", "--presets", presets).out(), upper.out());
    }

    @Test
    void figuresGroupThousands() {
        assertEquals("2,250", CatalogTable.num(2250));
        assertEquals("1,234.5", CatalogTable.num(1234.5));
        assertEquals("2.039", CatalogTable.num(2.039));
        assertEquals("80", CatalogTable.num(80));
    }

    @Test
    void jsonIsAnArrayOfEntriesWithKindIdNameAndSources() throws Exception {
        CliRun run = CliRun.of("catalog", "--json", "--presets", presets);

        assertEquals(0, run.exitCode(), run.err());
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertTrue(array.isArray());
        assertEquals(15, array.size());
        for (JsonNode entry : array) {
            for (String field : List.of("kind", "id", "name", "sources")) {
                assertTrue(entry.hasNonNull(field), () -> field + " missing in " + entry);
            }
            assertTrue(entry.get("sources").isArray() && entry.get("sources").get(0).isTextual(), entry::toString);
        }
        JsonNode first = array.get(0);
        assertEquals("accelerator", first.get("kind").asText());
        assertEquals("acc-air", first.get("id").asText());
        assertEquals(500.0, first.get("bf16DenseTflops").asDouble());
    }

    @Test
    void jsonEntriesReadBackAsTheSpecs() throws Exception {
        CliRun run = CliRun.of("catalog", "--json", "--kind", "accelerator", "--presets", presets);

        JsonNode array = new ObjectMapper().readTree(run.out());
        assertEquals(2, array.size());
        com.fasterxml.jackson.databind.node.ObjectNode entry = (com.fasterxml.jackson.databind.node.ObjectNode) array.get(1);
        entry.remove("kind");
        AcceleratorSpec spec = StrictJson.read(entry.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "out", AcceleratorSpec.class);
        assertEquals(Fixtures.catalog().accelerator("acc-liquid"), spec);
    }

    @Test
    void kindFiltersTheList() throws Exception {
        CliRun run = CliRun.of("catalog", "--kind", "rack", "--json", "--presets", presets);

        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(n -> ids.add(n.get("id").asText()));
        assertEquals(List.of("rack-air", "rack-liquid"), ids);
    }

    @Test
    void anUnknownKindIsBadUsageOnOneLine() {
        CliRun run = CliRun.of("catalog", "--kind", "gpu", "--presets", presets);

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("unknown kind 'gpu' (expected one of accelerator, server, network, cooling, rack, power, model)"), run.err());
    }

    @Test
    void aBadPresetIsExitTwoWithTheFileOnOneLine(@TempDir Path tmp) throws Exception {
        Path copy = Fixtures.copyOfPresets(tmp);
        Path bad = copy.resolve("hardware/zz-bad.json");
        Files.copy(Fixtures.broken("negative-quantity.json"), bad);

        CliRun run = CliRun.of("catalog", "--presets", copy.toString());

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of("tokenrack catalog: " + bad + ":12:7: accelerators[0].tdpWatts: must be a positive number, was -700.0"),
                List.of(run.errLines()));
    }

    @Test
    void aMissingPresetsFolderIsExitTwo(@TempDir Path tmp) {
        CliRun run = CliRun.of("catalog", "--presets", tmp.resolve("nowhere").toString());

        assertEquals(2, run.exitCode());
        assertEquals(List.of("tokenrack catalog: " + tmp.resolve("nowhere/hardware") + ": folder is missing"), List.of(run.errLines()));
    }

    @Test
    void withoutPresetsTheProjectPresetsAreUsed() {
        String dir = System.getProperty(io.tokenrack.engine.catalog.CatalogLoader.PRESETS_DIR_PROPERTY);
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "hardware")),
                "no presets folder in this checkout");

        CliRun run = CliRun.of("catalog", "--kind", "accelerator");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().count() > 1, run.out());
    }
}
