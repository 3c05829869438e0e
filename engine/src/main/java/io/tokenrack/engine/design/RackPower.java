package io.tokenrack.engine.design;

import java.util.List;

/**
 * The electrical power one rack draws, as some estimate sees it.
 *
 * @param watts        the rack's total, W
 * @param basis        what the figure is, in a few words shown to people ("nameplate", "modelled at 70% load")
 * @param tdpEstimated ids of items without a published power figure, counted as accelerator TDP × count
 * @param unknown      ids of items with no figure at all, left out of {@code watts}
 */
public record RackPower(double watts, String basis, List<String> tdpEstimated, List<String> unknown) {
    public RackPower {
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("watts: must be zero or more, was " + watts);
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("basis: missing or empty");
        }
        tdpEstimated = tdpEstimated == null ? List.of() : List.copyOf(tdpEstimated);
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
    }

    /** A figure from a model that accounts for every item. */
    public static RackPower of(double watts, String basis) {
        return new RackPower(watts, basis, List.of(), List.of());
    }

    public double kilowatts() {
        return watts / 1000;
    }
}
