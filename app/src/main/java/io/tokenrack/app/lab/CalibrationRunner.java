package io.tokenrack.app.lab;

import io.tokenrack.engine.lab.calibration.CalibrationReport;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one calibration of this computer. Called off the FX thread; the real one is
 * {@link HostCalibration}, tests inject a fast fake.
 */
@FunctionalInterface
public interface CalibrationRunner {
    /**
     * @param quick     the short calibration ({@code calibrate --quick}) instead of the full one
     * @param log       receives each progress line as it is printed (from the runner's thread);
     *                  step lines follow {@link io.tokenrack.engine.lab.calibration.CalibrationStage}
     * @param cancelled polled between kernels; once true the run stops
     * @return the report; saving it is the caller's job
     * @throws CancellationException when {@code cancelled} stopped the run
     */
    CalibrationReport run(boolean quick, Consumer<String> log, BooleanSupplier cancelled);
}
