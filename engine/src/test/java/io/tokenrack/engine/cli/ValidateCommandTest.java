package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.validate.CalibrationCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    static final String HEADER = String.join(",", CalibrationCsv.HEADER) + "\n";
    static final String SRC = "https://example.org";

    @TempDir
    Path dir;

    private Path csv(String... rows) throws Exception {
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, HEADER + String.join("\n", rows) + "\n");
        return f;
    }

    private static String row(String id, String tpDpEp, String mode, String limit, String metric, String value) {
        return String.join(",", id, SRC, "llama-3.3-70b", "fp8", "h200-sxm", "8", tpDpEp, "1024", "1024", mode, limit, metric, value, "u", "n");
    }

    @Test
    void everyModeIsPredictedAndJsonGivesOneObjectARowAndASummary() throws Exception {
        Path f = csv(
                row("MAX", ",,", "max-throughput", "", "outputTokensPerSecondPerAccelerator", "2000"),
                row("CONC", "8,1,1", "concurrency", "1", "tokensPerSecondPerUser", "100"),
                row("FLOOR", ",,", "min-tokens-per-second-per-user", "50", "tokensPerSecondPerUser", "50"),
                row("LIM", ",,", "latency-limits", "2000/30", "tpotSeconds", "0.03"),
                row("DISAGG", ",,", "disaggregated", "64", "outputTokensPerSecondPerAccelerator", "1000"),
                row("TP", ",,", "max-throughput", "", "parallelism.tp", "1"),
                row("PUE", ",,", "max-throughput", "", "pue", "1.5"),
                row("BAD", ",,", "max-throughput", "", "bottleneck", "1"));
        CliRun r = CliRun.of("validate", "--data", f.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(9, lines.size(), r.out());
        var m = StrictJson.mapper();
        JsonNode max = m.readTree(lines.get(0));
        assertEquals("MAX", max.get("id").asText());
        assertEquals(2000, max.get("measured").asDouble());
        assertTrue(max.get("predicted").asDouble() > 0);
        JsonNode floor = m.readTree(lines.get(2));
        assertTrue(floor.get("predicted").asDouble() >= 50, "the floor holds: " + floor);
        JsonNode lim = m.readTree(lines.get(3));
        assertTrue(lim.get("predicted").asDouble() <= 0.030 + 1e-12, "TPOT within its 30 ms limit: " + lim);
        JsonNode disagg = m.readTree(lines.get(4));
        assertTrue(disagg.get("predicted").asDouble() > 0, "a prefill and a decode pool of the 8 H200s: " + disagg);
        assertTrue(m.readTree(lines.get(5)).get("predicted").asDouble() >= 1, "a nested field by its path");
        assertEquals(A_PUE, m.readTree(lines.get(6)).get("predicted").asDouble(), 1e-9);
        assertTrue(m.readTree(lines.get(7)).get("error").asText().contains("not a numeric field"), lines.get(7));
        JsonNode sum = m.readTree(lines.get(8)).get("summary");
        assertEquals(8, sum.get("rows").asInt());
        assertEquals(7, sum.get("predicted").asInt());
        assertEquals(0, sum.get("notModelled").asInt());
        assertEquals(1, sum.get("failed").asInt());
    }

    /** The PUE of a standard cluster with default assumptions (presets/hardware/facility.json). */
    static final double A_PUE = new io.tokenrack.engine.evaluate.Evaluator(io.tokenrack.engine.catalog.CatalogLoader.loadDefault())
            .clusters().standard("h200-sxm", 8).pue();

    @Test
    void aBadCountCellSpoilsItsRowOnlyAndTheExitStatusSaysSo() throws Exception {
        String good = row("GOOD", ",,", "concurrency", "8", "outputTokensPerSecondPerAccelerator", "100");
        String bad = row("BAD", ",,", "concurrency", "8", "outputTokensPerSecondPerAccelerator", "100").replace(",h200-sxm,8,", ",h200-sxm,eight,");
        String last = row("LAST", ",,", "concurrency", "16", "outputTokensPerSecondPerAccelerator", "100");
        Path f = csv(good, bad, last);
        CliRun r = CliRun.of("validate", "--data", f.toString());
        assertEquals(CliSupport.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.out().contains("GOOD,") && r.out().contains("LAST,"), "the other rows are still validated: " + r.out());
        assertTrue(!r.out().contains("BAD,"), r.out());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("row BAD") && r.err().contains(f + ":3:6: count: expected a whole number, found \"eight\""), r.err());
    }

    @Test
    void badCellsAreRefusedNamingFileLineAndField() throws Exception {
        String[][] cases = {
                {row("A", ",,", "fastest", "", "outputTokensPerSecondPerAccelerator", "1"), ":2:12: mode: expected one of max-throughput"},
                {row("A", ",,", "latency-limits", "2000", "outputTokensPerSecondPerAccelerator", "1"), ":2:13: limit: latency-limits needs TTFT_ms/TPOT_ms"},
                {row("A", ",,", "latency-limits", "2000/x", "outputTokensPerSecondPerAccelerator", "1"), ":2:13: limit: TPOT_ms must be a positive number"},
                {row("A", ",,", "concurrency", "", "outputTokensPerSecondPerAccelerator", "1"), ":2:13: limit: concurrency needs the requests in flight"},
                {row("A", ",,", "max-throughput", "5", "outputTokensPerSecondPerAccelerator", "1"), ":2:13: limit: max-throughput takes no limit"},
                {row("A", "x,,", "max-throughput", "", "outputTokensPerSecondPerAccelerator", "1"), ":2:7: tp: expected a whole number"},
                {row("A", ",0,", "max-throughput", "", "outputTokensPerSecondPerAccelerator", "1"), ":2:8: dp: must be positive"},
        };
        for (String[] c : cases) {
            Path f = csv(c[0]);
            CliRun r = CliRun.of("validate", "--data", f.toString(), "--json");
            assertEquals(CliSupport.BAD_INPUT, r.exitCode(), c[0]);
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().contains(f + c[1]), r.err() + " should contain " + c[1]);
        }
    }

    @Test
    void theTextTablePrintsAutomaticDegreesEmptyAndPredictsDisaggregatedRows() throws Exception {
        Path f = csv(row("AUTO", ",,", "max-throughput", "", "outputTokensPerSecondPerAccelerator", "2000"),
                row("DISAGG", ",,", "disaggregated", "", "outputTokensPerSecondPerAccelerator", "1000"));
        CliRun r = CliRun.of("validate", "--data", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nAUTO,llama-3.3-70b,fp8,h200-sxm,8,,,,1024,1024,max-throughput,,outputTokensPerSecondPerAccelerator,2000.0,"),
                r.out());
        assertTrue(r.out().contains("summary: 2 rows, 2 predicted"), r.out());
    }

    @Test
    void byGroupsSummariseTheirRowsAndAnUnknownFieldIsRefused() throws Exception {
        Path f = csv(row("A", ",,", "max-throughput", "", "outputTokensPerSecondPerAccelerator", "2000"),
                row("B", ",,", "concurrency", "1", "tokensPerSecondPerUser", "100"),
                row("C", ",,", "concurrency", "4", "tokensPerSecondPerUser", "100"));
        CliRun r = CliRun.of("validate", "--data", f.toString(), "--by", "model,mode");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("group llama-3.3-70b / max-throughput: 1 rows, 1 predicted"), r.out());
        assertTrue(r.out().contains("group llama-3.3-70b / concurrency: 2 rows, 2 predicted"), r.out());
        CliRun j = CliRun.of("validate", "--data", f.toString(), "--by", "mode", "--json");
        List<String> lines = j.out().strip().lines().toList();
        JsonNode g = StrictJson.mapper().readTree(lines.get(4)).get("group");
        assertEquals("concurrency", g.get("mode").asText());
        assertEquals(2, g.get("rows").asInt());
        CliRun bad = CliRun.of("validate", "--data", f.toString(), "--by", "colour");
        assertEquals(CliSupport.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("--by: unknown field 'colour'"), bad.err());
    }
}
