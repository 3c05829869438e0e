package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.files.UserFolder;
import io.tokenrack.engine.lab.host.HostProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "This computer (measured)" in the command line's catalog and evaluations. */
class MeasuredHostCliTest {

    static Path saveProfile(Path file) {
        new HostProfileStore(file).save(CalibrateCommandTest.sampleProfile());
        return file;
    }

    @Test
    void aSavedProfileAddsThisComputerToTheCatalog(@TempDir Path dir) {
        Path f = saveProfile(dir.resolve("host-profile.json"));
        CliRun with = CliRun.of("catalog", "--kind", "accelerator", "--host-profile", f.toString());
        assertEquals(0, with.exitCode(), with.err());
        assertTrue(with.out().contains("this-computer") && with.out().contains("This computer (measured)"), with.out());
        CliRun servers = CliRun.of("catalog", "--kind", "server", "--host-profile", f.toString());
        assertTrue(servers.out().contains("this-computer-host"), servers.out());
        CliRun without = CliRun.of("catalog", "--kind", "accelerator", "--host-profile", f.toString(), "--no-host-profile");
        assertFalse(without.out().contains("this-computer"), without.out());
    }

    @Test
    void theProfileCalibrateSavedIsPickedUpAndADamagedOneIsLeftOutWithAWarning(@TempDir Path dir) throws Exception {
        String before = System.getProperty(UserFolder.PROPERTY);
        System.setProperty(UserFolder.PROPERTY, dir.toString());
        try {
            CliRun none = CliRun.of("catalog", "--kind", "accelerator");
            assertFalse(none.out().contains("this-computer"), "nothing measured yet");
            assertEquals("", none.err());

            saveProfile(HostProfileStore.inUserHome().file());
            CliRun saved = CliRun.of("catalog", "--kind", "accelerator");
            assertTrue(saved.out().contains("this-computer"), saved.out());

            Files.writeString(HostProfileStore.inUserHome().file(), "{\"quick\": true,");
            CliRun damaged = CliRun.of("catalog", "--kind", "accelerator");
            assertEquals(0, damaged.exitCode(), "a damaged profile does not stop work on other hardware");
            assertFalse(damaged.out().contains("this-computer"), damaged.out());
            assertTrue(damaged.err().startsWith("tokenrack catalog: warning: this computer is left out of the catalog: cannot read the host profile "
                    + HostProfileStore.inUserHome().file()), damaged.err());
            assertEquals(1, damaged.errLines().length, damaged.err());
        } finally {
            if (before == null) {
                System.clearProperty(UserFolder.PROPERTY);
            } else {
                System.setProperty(UserFolder.PROPERTY, before);
            }
        }
    }

    @Test
    void thisComputerEvaluatesLikeAnyAccelerator(@TempDir Path dir) throws Exception {
        Path f = saveProfile(dir.resolve("host-profile.json"));
        CliRun r = CliRun.of("evaluate", "--accelerator", "this-computer", "--count", "1", "--model", "llama-3.1-8b",
                "--precision", "fp8", "--isl", "64", "--osl", "64", "--concurrency", "1", "--host-profile", f.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        assertEquals("this-computer", j.get("acceleratorId").asText());
        assertTrue(j.get("outputTokensPerSecond").asDouble() > 0);
        assertTrue(j.get("itPowerWatts").isNull(), "power unknown, not invented: " + j.get("itPowerWatts"));
    }

    @Test
    void thisComputerBeforeAnyCalibrationSaysWhatToDo() {
        CliRun r = CliRun.of("evaluate", "--accelerator", "this-computer", "--count", "1", "--model", "llama-3.1-8b",
                "--isl", "64", "--osl", "64", "--no-host-profile");
        assertEquals(CliSupport.BAD_INPUT, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("this computer is not in the catalog: run `calibrate` to measure it"), r.err());
    }

    @Test
    void aDesignWithThisComputerChecksWhereItWasMeasuredAndSaysHowElsewhere(@TempDir Path dir) throws Exception {
        Path profile = saveProfile(dir.resolve("host-profile.json"));
        Path design = dir.resolve("desk.json");
        Files.writeString(design, """
                {"formatVersion": 1, "name": "Desk", "racks": [{"id": "r1", "name": "Rack 1", "rackId": "air-42u-20kw",
                  "items": [{"id": "host-1", "catalogId": "this-computer-host", "positionU": 20}]}],
                 "workload": {"modelId": "llama-3.1-8b", "precision": "fp8", "inputTokens": 64, "outputTokens": 64, "concurrency": 1}}
                """);
        CliRun measured = CliRun.of("check", "--design", design.toString(), "--host-profile", profile.toString());
        assertEquals(CliSupport.OK, measured.exitCode(), measured.out() + measured.err());
        CliRun elsewhere = CliRun.of("check", "--design", design.toString(), "--no-host-profile");
        assertEquals(CliSupport.FINDINGS, elsewhere.exitCode());
        assertTrue(elsewhere.out().contains("'this-computer-host', which is not in the catalog. It is this computer as the kernel lab measures it"),
                elsewhere.out());
        assertTrue(elsewhere.out().contains("run `calibrate` (or the Kernel lab in the app) on this computer first"), elsewhere.out());
        CliRun evaluate = CliRun.of("evaluate", "--design", design.toString(), "--no-host-profile");
        assertEquals(CliSupport.BAD_INPUT, evaluate.exitCode());
        assertTrue(evaluate.err().contains("unknown catalog id 'this-computer-host'") && evaluate.err().contains("run `calibrate`"),
                evaluate.err());
    }
}
