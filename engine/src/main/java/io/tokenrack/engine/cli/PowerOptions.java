package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.power.OperatingPoint;
import picocli.CommandLine.Option;

/** {@code --operating-point max-p|max-q|clock:F} or {@code --power-cap-watts W}: how hard every accelerator may run. */
final class PowerOptions {
    @Option(names = "--operating-point", paramLabel = "max-p|max-q|clock:F",
            description = "per accelerator: max-p (its TDP, default), max-q (the power-optimised limit, 5/7 of TDP as on H200's 500 W) "
                    + "or clock:F (core clock locked at F of the Max-P clock, 0.5 to 1: memory-bound decode barely slows, its power falls)")
    String operatingPoint;

    @Option(names = "--power-cap-watts", paramLabel = "W",
            description = "power limit per accelerator, W: compute-bound work slows, memory-bound decode barely")
    Double powerCapWatts;

    /** The operating point asked for; Max-P when neither option is given. */
    OperatingPoint operatingPoint() {
        if (operatingPoint != null && powerCapWatts != null) {
            throw new InputException("--operating-point and --power-cap-watts: give one or the other, not both");
        }
        if (powerCapWatts != null) {
            if (!(powerCapWatts > 0) || powerCapWatts.isInfinite()) {
                throw new InputException("--power-cap-watts: must be a positive number of watts per accelerator, was " + powerCapWatts);
            }
            return OperatingPoint.cap(powerCapWatts);
        }
        if (operatingPoint == null) {
            return OperatingPoint.MAX_P;
        }
        try {
            return OperatingPoint.parse(operatingPoint);
        } catch (IllegalArgumentException e) {
            throw new InputException("--operating-point: " + e.getMessage().replaceFirst("^(operating point|locked clock): ", ""));
        }
    }

    Evaluator apply(Evaluator e) {
        return e.withOperatingPoint(operatingPoint());
    }
}
