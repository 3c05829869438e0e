package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.calibration.CalibrationReport.TransformerDecode;
import io.tokenrack.engine.lab.host.HostProfile;
import io.tokenrack.engine.lab.host.HostProfileStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalibrateCommandTest {

    static CalibrationReport report(boolean energy, @TempDir Path dir) {
        return new CalibrationReport(80, 150, 20, "double", 24, decode(2, 100, 110), decode(1, 60, 58), energy,
                energy ? "RAPL package energy, 1 package(s)" : "no RAPL here", energy ? 3.5 : null, "vector",
                "Vector API, 512-bit, 16 float lanes", "this JVM", 0.3, 42, sampleProfile());
    }

    static TransformerDecode decode(int threads, double measured, double predicted) {
        return new TransformerDecode("llama-small", 8, 512, 8, 2, 1792, 8192, 31_000_000, 1.26e8, threads, 32, 144,
                measured, 9.5, 10.5, predicted, 100 * (predicted - measured) / measured, predicted * 1.01, "memory_bandwidth", null);
    }

    static HostProfile sampleProfile() {
        return new HostProfile("2026-01-02T03:04:05Z", true, "Test CPU", "AMD", 2, 2, 16_000_000_000L, "Java 25",
                "vector", "Vector API", 16, 100, 200, 80, 150, 1024, List.of(), 20, 22,
                List.of(new HostProfile.MemoryLevel("L1", 32768, 100, 200)),
                List.of(new HostProfile.StreamPoint(16384, 100, 200)), List.of(), List.of(), List.of(), 1e-6, 2e-6, 5, 10);
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        JsonNode j = new ObjectMapper().readTree(CalibrateCommand.toJson(report(false, null)));
        for (String key : List.of("gemmGflopsPerCore", "gemmGflopsAllCores", "triadGBps", "triadElementType",
                "transformerDecode", "transformerDecodeOneThread", "energyAvailable", "kernelPath", "launch", "hostProfile")) {
            assertTrue(j.has(key), "missing " + key);
        }
        assertEquals("double", j.get("triadElementType").asText());
        assertEquals(24, j.get("triadBytesPerElement").asInt());
        assertTrue(j.get("transformerDecode").has("measuredTokensPerSecond"));
        assertTrue(j.get("transformerDecode").has("predictedTokensPerSecond"));
        assertFalse(j.get("energyAvailable").asBoolean());
        assertFalse(j.has("measuredTokensPerJoule"), "absent when energy is unavailable");
        JsonNode hp = j.get("hostProfile");
        for (String key : List.of("peakGflopsOneThread", "peakGflopsAllCores", "memoryLevels", "gemmByM", "callOverheadSeconds",
                "cpuModel", "jdkVersion", "floatLanes", "threads")) {
            assertTrue(hp.has(key), "hostProfile missing " + key);
        }
    }

    @Test
    void jsonCarriesTokensPerJouleWhenEnergyIsAvailable() throws Exception {
        JsonNode j = new ObjectMapper().readTree(CalibrateCommand.toJson(report(true, null)));
        assertTrue(j.get("energyAvailable").asBoolean());
        assertEquals(3.5, j.get("measuredTokensPerJoule").asDouble());
    }

    @Test
    void theProfileInTheJsonReadsBackThroughTheStore(@TempDir Path dir) throws Exception {
        CalibrationReport r = report(false, dir);
        Path f = dir.resolve("p.json");
        java.nio.file.Files.writeString(f, new ObjectMapper().readTree(CalibrateCommand.toJson(r)).get("hostProfile").toString());
        assertEquals(r.hostProfile(), new HostProfileStore(f).load().orElseThrow());
    }

    @Test
    void theChildJvmGetsTheVectorModuleTheSameClassPathAndTheArguments() {
        List<String> cmd = CalibrateCommand.childCommand("/opt/jdk/bin/java", "a.jar", List.of("--quick", "--json"));
        assertEquals("/opt/jdk/bin/java", cmd.get(0));
        int add = cmd.indexOf("--add-modules");
        assertTrue(add > 0);
        assertEquals("jdk.incubator.vector", cmd.get(add + 1));
        assertTrue(cmd.contains("-D" + CalibrateCommand.CHILD_PROPERTY + "=true"), "the child must not re-launch again");
        assertEquals("a.jar", cmd.get(cmd.indexOf("-cp") + 1));
        assertEquals(List.of(CalibrateCommand.class.getName(), "--quick", "--json"), cmd.subList(cmd.size() - 3, cmd.size()));
    }

    @Test
    void theChildSavesInTheSameUserFolderAsItsParent() {
        String before = System.getProperty(io.tokenrack.engine.files.UserFolder.PROPERTY);
        try {
            System.setProperty(io.tokenrack.engine.files.UserFolder.PROPERTY, "/some/where");
            assertTrue(CalibrateCommand.childCommand("java", "a.jar", List.of()).contains("-Dtokenrack.home=/some/where"));
            System.clearProperty(io.tokenrack.engine.files.UserFolder.PROPERTY);
            assertTrue(CalibrateCommand.childCommand("java", "a.jar", List.of()).stream().noneMatch(a -> a.startsWith("-Dtokenrack.home")));
        } finally {
            if (before != null) {
                System.setProperty(io.tokenrack.engine.files.UserFolder.PROPERTY, before);
            }
        }
    }

    @Test
    void aMissingJavaBinaryIsReportedNotThrown() {
        assertTrue(CalibrateCommand.probe(List.of("/nonexistent/java")) != null);
    }

    @Test
    void optionsParse() {
        CalibrateCommand c = new CalibrateCommand();
        new CommandLine(c).parseArgs("--quick", "--json");
        assertTrue(c.quick);
        assertTrue(c.json);
        assertNull(c.profileFile);
    }

    @Test
    void theSummarySaysWhenEnergyWasNotMeasured() {
        String s = CalibrateCommand.summary(report(false, null));
        assertTrue(s.contains("Energy: not measured: no RAPL here"), s);
        assertTrue(s.contains("measured 100.0 tokens/s, predicted 110.0 (+10.0%)"), s);
    }
}
