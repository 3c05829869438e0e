package io.tokenrack.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.host.HostProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results kept between runs: the report beside the engine's host profile, both read back. */
class LabStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSavedReportReadsBackWithItsProfileWhereTheEngineReadsIt() {
        LabStore store = new LabStore(dir.resolve("nested"));
        CalibrationReport report = LabFixtures.report();
        store.save(report);
        LabResult r = store.load().orElseThrow();
        assertEquals(report, r.report());
        assertEquals(report.hostProfile(), r.profile());
        assertEquals(report.hostProfile(), new HostProfileStore(store.profileFile()).load().orElseThrow(),
                "the command line and the engine read the same profile");
        assertNull(r.report().measuredTokensPerJoule(), "unknown energy stays unknown");
        try (var files = Files.list(store.profileFile().getParent())) {
            assertEquals(List.of(LabStore.PROFILE_FILE, LabStore.REPORT_FILE), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary files left behind");
        }
        catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theReportPrintedByCalibrateJsonParses() throws Exception {
        String json = LabStore.JSON.writeValueAsString(LabFixtures.report());
        assertFalse(json.contains("measuredTokensPerJoule"), "left out when unknown, as calibrate --json does");
        assertEquals(LabFixtures.report(), LabStore.parseReport(json));
        assertThrows(RuntimeException.class, () -> LabStore.parseReport("{\"surprise\": 1}"));
    }

    @Test
    void anUnreadableReportLeavesTheProfileStanding() throws Exception {
        LabStore store = new LabStore(dir);
        store.save(LabFixtures.report());
        Files.writeString(store.reportFile(), "{ broken");
        LabResult r = store.load().orElseThrow();
        assertFalse(r.hasReport());
        assertEquals(LabFixtures.MEASURED_AT, r.profile().measuredAt());
    }

    @Test
    void aReportMustBelongToItsProfile() {
        assertThrows(IllegalArgumentException.class,
                () -> new LabResult(LabFixtures.profile("2026-05-05T00:00:00Z"), LabFixtures.report()));
    }

    @Test
    void progressPrintedInThisJvmArrivesLineByLine() {
        List<String> lines = new java.util.ArrayList<>();
        try (var out = new java.io.PrintStream(new HostCalibration.LineOutput(lines::add), true, java.nio.charset.StandardCharsets.UTF_8)) {
            out.printf("calibrate: step 1 of 11: JIT warm-up%n  FMA peak: %.1f GFLOP/s%n", 12.5);
            out.print("\r\n");
            out.print("unterminated");
        }
        assertEquals(List.of("calibrate: step 1 of 11: JIT warm-up", "  FMA peak: 12.5 GFLOP/s", "unterminated"), lines);
    }

    @Test
    void theRealRunnerStopsAtOnceWhenCancelledAndLeavesNoProcessBehind() {
        // without the Vector API in this JVM it starts the child JVM (as the command line does) and ends it
        AtomicReference<String> first = new AtomicReference<>();
        HostCalibration real = new HostCalibration(dir.resolve(LabStore.PROFILE_FILE));
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> real.run(true, l -> first.compareAndSet(null, l), () -> true));
        assertTrue(first.get() != null && (first.get().contains("Vector API") || first.get().contains("--add-modules")), first.get());
        assertFalse(Files.exists(dir.resolve(LabStore.PROFILE_FILE)), "a cancelled run saves nothing");
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(), "the child JVM was stopped");
    }
}
