package io.tokenrack.engine.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.lab.harness.Bench;
import io.tokenrack.engine.lab.harness.BenchConfig;
import io.tokenrack.engine.lab.harness.WarmupPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cooperative cancellation of a calibration, and the progress lines that announce its steps. */
class CalibrationCancellationTest {

    @Test
    void aCalibrationCancelledBeforeItStartsRunsNoKernel() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AtomicInteger asked = new AtomicInteger();
        Calibrator c = new Calibrator(true, new PrintStream(log, true, StandardCharsets.UTF_8), () -> {
            asked.incrementAndGet();
            return true;
        });
        CancellationException e = assertThrows(CancellationException.class, () -> c.run("test"));
        assertTrue(e.getMessage().contains("JIT warm-up"), e.getMessage());
        assertEquals(1, asked.get(), "asked once, before the first step");
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("step 1"), "no step was started");
    }

    @Test
    void cancellingDuringAStepStopsBeforeTheNextKernel() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // the first answer lets the JIT warm-up start; the next question (before the FMA step) stops it
        AtomicInteger asked = new AtomicInteger();
        Calibrator c = new Calibrator(true, new PrintStream(log, true, StandardCharsets.UTF_8), () -> asked.incrementAndGet() > 1);
        long t0 = System.nanoTime();
        assertThrows(CancellationException.class, () -> c.run("test"));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(new CalibrationStage(1, Calibrator.STEPS.size(), "JIT warm-up").line()), text);
        assertFalse(text.contains("step 2 of"), "stopped before the FMA peak: " + text);
        assertFalse(text.contains("FMA peak:"), text);
        assertTrue((System.nanoTime() - t0) * 1e-9 < 60, "stopped within the warm-up");
    }

    @Test
    void aCancellableHarnessRefusesToStartAMeasurement() {
        boolean[] stop = {false};
        Bench bench = new Bench(new BenchConfig(0.001, 3, new WarmupPolicy(2, 0.5, 0.0, 0.01)), System::nanoTime, () -> 0)
                .cancellable(() -> stop[0]);
        assertEquals(3, bench.measure("runs", () -> 1.0).secondsPerOp().count());
        stop[0] = true;
        CancellationException e = assertThrows(CancellationException.class, () -> bench.measure("stops", () -> 1.0));
        assertTrue(e.getMessage().contains("stops"));
    }

    @Test
    void stepLinesReadBack() {
        for (int i = 1; i <= Calibrator.STEPS.size(); i++) {
            CalibrationStage s = new CalibrationStage(i, Calibrator.STEPS.size(), Calibrator.STEPS.get(i - 1));
            assertEquals(s, CalibrationStage.parse(s.line()).orElseThrow());
        }
        CalibrationStage third = CalibrationStage.parse("calibrate: step 3 of 12: GEMM, square").orElseThrow();
        assertEquals(2 / 12.0, third.fractionBefore(), 1e-12);
        assertEquals("GEMM, square", third.name());
        for (String other : List.of("  FMA peak: 12.0 GFLOP/s", "calibrate: step 0 of 3: x", "calibrate: step 4 of 3: x", "")) {
            assertTrue(CalibrationStage.parse(other).isEmpty(), other);
        }
    }
}
