package io.tokenrack.engine.lab.calibration;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a calibration as its progress log announces it: "calibrate: step 3 of 11: GEMM,
 * square". The {@link Calibrator} prints {@link #line()} before each step; a reader of that log
 * (the app following a child JVM's standard error) turns the line back into a step with
 * {@link #parse}, so progress travels over plain text.
 *
 * @param index 1-based number of the step
 * @param total steps in the calibration
 * @param name  what the step measures
 */
public record CalibrationStage(int index, int total, String name) {
    private static final Pattern LINE = Pattern.compile("^calibrate: step (\\d+) of (\\d+): (.+)$");

    public CalibrationStage {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("index: must be between 1 and total " + total + ", was " + index);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
    }

    /** The progress line, as printed to the calibration log. */
    public String line() {
        return String.format(Locale.ROOT, "calibrate: step %d of %d: %s", index, total, name);
    }

    /** Fraction of the calibration done when this step starts: 0 for the first step. */
    public double fractionBefore() {
        return (index - 1) / (double) total;
    }

    /** The step a log line announces, or empty when the line is not a step line. */
    public static Optional<CalibrationStage> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CalibrationStage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
