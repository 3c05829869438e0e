package io.tokenrack.app.lab;

import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.calibration.CalibrationReport.TransformerDecode;
import io.tokenrack.engine.lab.calibration.CalibrationStage;
import io.tokenrack.engine.lab.calibration.Calibrator;
import io.tokenrack.engine.lab.host.HostProfile;
import io.tokenrack.engine.lab.host.HostProfile.GemmPoint;
import io.tokenrack.engine.lab.host.HostProfile.GemvPoint;
import io.tokenrack.engine.lab.host.HostProfile.MemoryLevel;
import io.tokenrack.engine.lab.host.HostProfile.RooflinePoint;
import io.tokenrack.engine.lab.host.HostProfile.StreamPoint;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A host profile and calibration report with round numbers, and a fake calibration that runs no kernel. */
public final class LabFixtures {
    static final String MEASURED_AT = "2026-01-02T03:04:05Z";

    private LabFixtures() {}

    /**
     * Two threads; peaks 200 / 400 GFLOP/s; triad L1 120 / 0.5, L2 90 / 12, DRAM 40 / 30 GB/s (one
     * thread / all cores; all-core DRAM best sample 32 GB/s); GEMM 1024³ 160 / 300 GFLOP/s.
     */
    public static HostProfile profile(String measuredAt) {
        return new HostProfile(measuredAt, true, "Test CPU 9000", "AMD", 2, 2, 16_000_000_000L, "Java 25 (test)",
                "vector", "Vector API, 512-bit, 16 float lanes", 16, 200, 400, 160, 300, 1024,
                List.of(new GemmPoint(1024, 1024, 1024, 160, 0.8)), 32, 33,
                List.of(new MemoryLevel("L1", 1 << 20, 120, 0.5), new MemoryLevel("L2", 16 << 20, 90, 12),
                        new MemoryLevel("DRAM", 256 << 20, 40, 30)),
                List.of(new StreamPoint(16 << 10, 100, 0.1), new StreamPoint(1 << 20, 120, 0.5),
                        new StreamPoint(16 << 20, 90, 12), new StreamPoint(256 << 20, 40, 30)),
                List.of(new GemmPoint(1, 1792, 512, 25, 0.125), new GemmPoint(16, 1792, 512, 140, 0.7),
                        new GemmPoint(512, 1792, 512, 170, 0.85)),
                List.of(new GemvPoint(1 << 20, 70, 1, 0.58, 2), new GemvPoint(256 << 20, 30, 27, 0.75, 0.9)),
                List.of(new RooflinePoint(0.125, 4, 32), new RooflinePoint(2, 70, 35), new RooflinePoint(32, 95, 3)),
                1e-8, 8e-4, 8, 36);
    }

    public static HostProfile profile() {
        return profile(MEASURED_AT);
    }

    static TransformerDecode decode(int threads, double measured, double predicted) {
        return new TransformerDecode("llama-small (Llama-3.1-8B scaled down)", 8, 512, 8, 2, 1792, 8192, 31_000_000, 1.26e8,
                threads, 32, 144, measured, 9.5, 10.5, predicted, 100 * (predicted - measured) / measured, predicted * 1.02,
                "memory_bandwidth", null);
    }

    /** Measured 100 / 60 tok/s (all cores / one thread), predicted 110 / 57; no RAPL. */
    static CalibrationReport report(String measuredAt) {
        return new CalibrationReport(160, 300, 32, "double", 24, decode(2, 100, 110), decode(1, 60, 57), false,
                "no powercap interface (/sys/class/powercap is missing)", null, "vector", "Vector API, 512-bit, 16 float lanes",
                "child JVM started with --add-modules jdk.incubator.vector", 0.2, 31, profile(measuredAt));
    }

    static CalibrationReport report() {
        return report(MEASURED_AT);
    }

    /**
     * A calibration that runs no kernel: it prints the real step lines, waits {@code stepMillis} per
     * step, checks for cancellation before each step (as the engine does) and returns a report
     * measured at {@code measuredAt}.
     */
    public static final class FakeCalibration implements CalibrationRunner {
        final AtomicInteger stepsStarted = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean sawCancel;
        volatile Boolean quick;
        volatile String runnerThread;
        volatile long stepMillis;
        /** When positive, the run holds after this step until it is cancelled (30 s at most). */
        volatile int holdAtStep;
        private final String measuredAt;
        /** Called on the runner's thread after each step line (tests use it to cancel from "the user"). */
        volatile Consumer<Integer> afterStep = s -> {};

        public FakeCalibration(long stepMillis, String measuredAt) {
            this.stepMillis = stepMillis;
            this.measuredAt = measuredAt;
        }

        @Override
        public CalibrationReport run(boolean quick, Consumer<String> log, BooleanSupplier cancelled) {
            runs.incrementAndGet();
            this.quick = quick;
            runnerThread = Thread.currentThread().getName();
            List<String> steps = Calibrator.STEPS;
            log.accept("calibrate: Test CPU 9000, 2 threads, kernels: fake");
            for (int i = 1; i <= steps.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    sawCancel = true;
                    throw new CancellationException("cancelled before " + steps.get(i - 1));
                }
                stepsStarted.set(i);
                log.accept(new CalibrationStage(i, steps.size(), steps.get(i - 1)).line());
                afterStep.accept(i);
                if (i == holdAtStep) {
                    long until = System.nanoTime() + 30_000_000_000L;
                    while (!cancelled.getAsBoolean() && System.nanoTime() < until) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancellationException("interrupted");
                        }
                    }
                }
                if (stepMillis > 0) {
                    try {
                        Thread.sleep(stepMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancellationException("interrupted");
                    }
                }
                log.accept("  " + steps.get(i - 1) + ": done");
            }
            return report(measuredAt);
        }
    }
}
