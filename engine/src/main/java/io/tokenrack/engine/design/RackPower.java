package io.tokenrack.engine.design;

import java.util.List;

/**
 * The electrical power one rack draws, as some estimate sees it.
 *
 * @param watts        the rack's total, W
 * @param assumedWatts the part of {@code watts} that rests on an assumption (the assumed host of
 *                     servers that publish no maximum), W; 0 for a modelled figure
 * @param basis        what the figure is, in a few words shown to people ("nameplate", "modelled at 70% load")
 * @param assumed      ids of items without a published maximum, counted as accelerator TDP × count
 *                     plus an assumed host ({@link NameplatePower})
 * @param unknown      ids of items with no figure at all, left out of {@code watts}: the total is a lower bound
 */
public record RackPower(double watts, double assumedWatts, String basis, List<String> assumed, List<String> unknown) {
    public RackPower {
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("watts: must be zero or more, was " + watts);
        }
        if (!(assumedWatts >= 0) || assumedWatts > watts) {
            throw new IllegalArgumentException("assumedWatts: must be between 0 and watts (" + watts + "), was " + assumedWatts);
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("basis: missing or empty");
        }
        assumed = assumed == null ? List.of() : List.copyOf(assumed);
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
    }

    /** A figure from a model that accounts for every item. */
    public static RackPower of(double watts, String basis) {
        return new RackPower(watts, 0, basis, List.of(), List.of());
    }

    public double kilowatts() {
        return watts / 1000;
    }

    /** The total without the assumed parts: what published figures alone add up to, W. */
    public double publishedWatts() {
        return watts - assumedWatts;
    }

    /** Whether some item has no figure, so the true total is higher. */
    public boolean lowerBound() {
        return !unknown.isEmpty();
    }

    /** Whether part of the total is assumed. */
    public boolean hasAssumption() {
        return !assumed.isEmpty();
    }
}
