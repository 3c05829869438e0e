package io.tokenrack.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.lab.LabFixtures.FakeCalibration;
import io.tokenrack.engine.lab.calibration.Calibrator;
import io.tokenrack.engine.lab.host.HostProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lab's view model without a toolkit: work and delivery run on the caller's thread. */
class LabModelTest {
    private static final Executor NOW = Runnable::run;

    @TempDir
    Path dir;

    private LabModel model(CalibrationRunner runner) {
        return new LabModel(new LabStore(dir), runner, NOW, NOW);
    }

    @Test
    void withNothingSavedItSaysThisComputerWasNotMeasured() {
        LabModel m = model(new FakeCalibration(0, "2026-02-01T00:00:00Z"));
        m.load();
        assertNull(m.result());
        assertTrue(m.status().contains("not been measured"), m.status());
        assertEquals(LabModel.State.IDLE, m.state());
        assertTrue(m.quickProperty().get(), "quick by default");
        assertTrue(m.allCoresProperty().get());
    }

    @Test
    void theLastCalibrationIsLoadedWithItsReport() {
        new LabStore(dir).save(LabFixtures.report());
        LabModel m = model(new FakeCalibration(0, "2026-02-01T00:00:00Z"));
        m.load();
        assertTrue(m.result().hasReport());
        assertEquals(LabFixtures.MEASURED_AT, m.result().profile().measuredAt());
        assertEquals(100, m.result().report().transformerDecode().measuredTokensPerSecond());
    }

    @Test
    void aProfileMeasuredLaterOnTheCommandLineIsShownWithoutTheOlderReport() {
        LabStore store = new LabStore(dir);
        store.save(LabFixtures.report());
        new HostProfileStore(store.profileFile()).save(LabFixtures.profile("2026-03-01T10:00:00Z"));
        LabModel m = model(new FakeCalibration(0, "2026-04-01T00:00:00Z"));
        m.load();
        assertEquals("2026-03-01T10:00:00Z", m.result().profile().measuredAt());
        assertFalse(m.result().hasReport(), "the report belongs to an older profile");
        assertTrue(m.status().contains("command line") || m.status().contains("tokenrack calibrate"), m.status());
    }

    @Test
    void anUnreadableProfileIsReportedWithItsFileNotThrown() throws Exception {
        Files.writeString(dir.resolve(LabStore.PROFILE_FILE), "{ not json");
        LabModel m = model(new FakeCalibration(0, "2026-02-01T00:00:00Z"));
        m.load();
        assertNull(m.result());
        assertTrue(m.status().contains("cannot be read"), m.status());
        assertTrue(m.errorProperty().get().contains(LabStore.PROFILE_FILE), m.errorProperty().get());
    }

    @Test
    void aRunStepsThroughTheProgressSavesAndShowsItsResults() {
        FakeCalibration fake = new FakeCalibration(0, "2026-02-01T00:00:00Z");
        LabModel m = model(fake);
        m.load();
        List<Double> progress = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        m.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        m.statusProperty().addListener((o, a, b) -> statuses.add(b));
        m.start();

        int n = Calibrator.STEPS.size();
        // step k starts at (k - 1) / n of the way; the end is 1
        assertEquals(1.0 / n, progress.get(0), 1e-12, "step 2 of " + n + " starts after 1 / " + n);
        assertEquals(1.0, progress.getLast(), 1e-12);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "progress only grows: " + progress);
        }
        assertTrue(statuses.contains("Step 3 of " + n + ": GEMM, square…"), statuses.toString());
        assertEquals(LabModel.State.IDLE, m.state());
        assertEquals("2026-02-01T00:00:00Z", m.result().profile().measuredAt());
        assertTrue(m.status().startsWith("Calibrated in"), m.status());
        assertTrue(m.log().stream().anyMatch(l -> l.contains("step 11 of 11: decode, all cores")), m.log().toString());
        assertTrue(fake.quick, "quick mode by default");

        LabModel reopened = model(fake);
        reopened.load();
        assertEquals(m.result(), reopened.result(), "kept between runs");
    }

    @Test
    void theFullModeIsPassedToTheRunner() {
        FakeCalibration fake = new FakeCalibration(0, "2026-02-01T00:00:00Z");
        LabModel m = model(fake);
        m.quickProperty().set(false);
        m.start();
        assertFalse(fake.quick);
    }

    @Test
    void cancellingStopsTheRunBetweenStepsAndKeepsTheLastResults() {
        new LabStore(dir).save(LabFixtures.report());
        FakeCalibration fake = new FakeCalibration(0, "2026-02-01T00:00:00Z");
        LabModel m = model(fake);
        m.load();
        List<LabModel.State> states = new ArrayList<>();
        m.stateProperty().addListener((o, a, b) -> states.add(b));
        fake.afterStep = step -> {
            if (step == 3) {
                m.cancel(); // the user presses Cancel during step 3
            }
        };
        m.start();

        assertTrue(fake.sawCancel);
        assertEquals(3, fake.stepsStarted.get(), "no step started after the cancel");
        assertEquals(List.of(LabModel.State.RUNNING, LabModel.State.CANCELLING, LabModel.State.IDLE), states);
        assertTrue(m.status().startsWith("Cancelled"), m.status());
        assertEquals(0, m.progressProperty().get());
        assertEquals(LabFixtures.MEASURED_AT, m.result().profile().measuredAt(), "the last completed results stay");
        assertEquals(LabFixtures.MEASURED_AT, new LabStore(dir).load().orElseThrow().profile().measuredAt(), "nothing saved");
    }

    @Test
    void aFailedRunSaysWhyAndCanBeRunAgain() {
        boolean[] fail = {true};
        FakeCalibration ok = new FakeCalibration(0, "2026-02-01T00:00:00Z");
        LabModel m = model((quick, log, cancelled) -> {
            if (fail[0]) {
                throw new IllegalStateException("the calibration process stopped with exit code 1: out of memory");
            }
            return ok.run(quick, log, cancelled);
        });
        m.start();
        assertEquals(LabModel.State.IDLE, m.state());
        assertTrue(m.status().contains("failed") && m.status().contains("out of memory"), m.status());
        assertFalse(m.errorProperty().get().isEmpty());
        fail[0] = false;
        m.start();
        assertTrue(m.errorProperty().get().isEmpty());
        assertEquals("2026-02-01T00:00:00Z", m.result().profile().measuredAt());
    }

    @Test
    void aSecondStartWhileRunningIsIgnoredAndCancelWhenIdleDoesNothing() {
        List<Runnable> queued = new ArrayList<>();
        FakeCalibration fake = new FakeCalibration(0, "2026-02-01T00:00:00Z");
        LabModel m = new LabModel(new LabStore(dir), fake, queued::add, NOW);
        m.cancel();
        assertEquals(LabModel.State.IDLE, m.state());
        m.start();
        m.start();
        assertEquals(1, queued.size(), "one run at a time");
        assertEquals(LabModel.State.RUNNING, m.state());
        assertTrue(m.runningProperty().get());
        queued.getFirst().run();
        assertEquals(LabModel.State.IDLE, m.state());
        assertEquals(1, fake.runs.get());
    }

    @Test
    void closingCancelsARunningCalibration() {
        List<Runnable> queued = new ArrayList<>();
        FakeCalibration fake = new FakeCalibration(0, "2026-02-01T00:00:00Z");
        LabModel m = new LabModel(new LabStore(dir), fake, queued::add, NOW);
        m.start();
        m.close();
        queued.getFirst().run();
        assertTrue(fake.sawCancel);
        assertEquals(0, fake.stepsStarted.get());
        assertEquals(LabModel.State.IDLE, m.state());
        assertNull(m.result());
    }
}
