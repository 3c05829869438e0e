package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenrack.engine.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private final String presets = Fixtures.presetsDir().toString();

    private static String design(String name) {
        return Fixtures.resource("/fixtures/designs/" + name).toString();
    }

    @Test
    void aCleanDesignExitsZero() {
        CliRun run = CliRun.of("check", "--design", design("clean.json"), "--presets", presets);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Clean fixture design: no findings.\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void errorsExitOneWithOneLinePerFinding() {
        CliRun run = CliRun.of("check", "--design", design("overlap.json"), "--presets", presets);

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of(
                "error    rack-a  Rack A: dgx-2 (U5–U12) overlaps dgx-1 (U1–U8).  [U_OVERLAP]",
                "warning  -       dgx-1 and dgx-2 are 2 separate servers or scale-up domains and no scale-out switch joins them:"
                        + " each can serve only its own model replica, of at most 8 accelerators.  [NO_SCALE_OUT_NETWORK]",
                "info     rack-b  Rack B is empty.  [RACK_EMPTY]",
                "Overlapping fixture design: 1 error, 1 warning, 1 info."), lines);
    }

    @Test
    void jsonHasDesignFindingsAndCounts() throws Exception {
        CliRun run = CliRun.of("check", "--json", "--design", design("overlap.json"), "--presets", presets);

        assertEquals(1, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("Overlapping fixture design", root.get("design").asText());
        assertEquals(1, root.get("errors").asInt());
        assertEquals(1, root.get("warnings").asInt());
        assertEquals(3, root.get("findings").size());
        JsonNode overlap = root.get("findings").get(0);
        assertEquals("error", overlap.get("severity").asText());
        assertEquals("U_OVERLAP", overlap.get("code").asText());
        assertEquals("rack-a", overlap.get("rackId").asText());
        assertEquals("dgx-2", overlap.get("itemIds").get(0).asText());
        assertEquals("Rack A: dgx-2 (U5–U12) overlaps dgx-1 (U1–U8).", overlap.get("message").asText());
    }

    @Test
    void anInvalidDesignIsExitTwoNamingTheFileOnOneLine() {
        String file = design("broken.json");

        CliRun run = CliRun.of("check", "--design", file, "--presets", presets);

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of("tokenrack check: " + file + ":10:48: racks[0].items[0].positionU: wrong type: expected a whole number, found a string \"one\""),
                List.of(run.errLines()));
    }

    @Test
    void aMissingDesignFileIsExitTwo(@TempDir Path tmp) {
        Path file = tmp.resolve("absent.json");

        CliRun run = CliRun.of("check", "--design", file.toString(), "--presets", presets);

        assertEquals(2, run.exitCode());
        assertEquals(List.of("tokenrack check: " + file + ": no such file"), List.of(run.errLines()));
    }

    @Test
    void badUsageIsExitTwoOnOneLine() {
        for (String[] args : List.of(
                new String[] {"check"},
                new String[] {"check", "--design"},
                new String[] {"check", "--design", "x.json", "--colour"},
                new String[] {"frobnicate"},
                new String[] {})) {
            CliRun run = CliRun.of(args);

            assertEquals(2, run.exitCode(), () -> String.join(" ", args) + ": " + run.err());
            assertEquals("", run.out(), () -> String.join(" ", args));
            assertEquals(1, run.errLines().length, () -> String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("tokenrack"), run.err());
        }
        assertEquals("tokenrack check: missing required option: '--design=FILE' (try 'tokenrack check --help')\n",
                CliRun.of("check").err());
        String unknown = CliRun.of("frobnicate").err();
        assertTrue(unknown.startsWith("tokenrack: unknown command 'frobnicate' (commands: catalog, check, "), unknown);
        assertTrue(unknown.endsWith("(try 'tokenrack --help')\n"), unknown);
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("catalog") && run.out().contains("check"), run.out());
    }

    @Test
    void aWorkloadThatCannotBeServedIsAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("nofit.json");
        java.nio.file.Files.writeString(f, """
                {"formatVersion": 1, "name": "one DGX, a 405B model", "racks": [{"id": "r1", "name": "Rack 1", "rackId": "air-42u-20kw",
                  "items": [{"id": "dgx-1", "catalogId": "dgx-h100", "positionU": 1}]}],
                 "workload": {"modelId": "llama-3.1-405b", "precision": "bf16", "inputTokens": 1024, "outputTokens": 1024}}
                """);
        CliRun run = CliRun.of("check", "--design", f.toString(), "--no-host-profile");
        assertEquals(CliSupport.FINDINGS, run.exitCode(), run.out());
        assertTrue(run.out().contains("Workload: llama-3.1-405b does not fit: its weights need"), run.out());
        assertTrue(run.out().contains("[WORKLOAD_NOT_SERVED]"), run.out());
    }
}
