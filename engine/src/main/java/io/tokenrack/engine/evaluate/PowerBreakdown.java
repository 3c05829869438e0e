package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.power.Boundary;

/**
 * Modelled average power at the operating point, watts. NaN where an input is not published.
 * Boundaries ({@link Boundary}): {@code acceleratorWatts} the boards; {@code acceleratorWatts +
 * hostWatts} the servers at the wall ({@code hostWatts} includes the power supplies' loss on the
 * boards' power too); {@code itWatts} adds the network; {@code facilityWatts} = IT × PUE.
 * {@code provisionedItWatts} is the nameplate sum, not a draw.
 *
 * @param detail per phase and per part; null only for figures built without the power model
 */
public record PowerBreakdown(
        double acceleratorWatts,
        double hostWatts,
        double networkWatts,
        double itWatts,
        double coolingOverheadWatts,
        double facilityWatts,
        double pue,
        double provisionedItWatts,
        PowerDetail detail) {

    /** Without a detail (figures not from the power model). */
    public PowerBreakdown(double acceleratorWatts, double hostWatts, double networkWatts, double itWatts, double coolingOverheadWatts,
            double facilityWatts, double pue, double provisionedItWatts) {
        this(acceleratorWatts, hostWatts, networkWatts, itWatts, coolingOverheadWatts, facilityWatts, pue, provisionedItWatts, null);
    }

    /** The servers at their AC inlets: boards + host (parts, fans, conversion loss), W. */
    public double serverWallWatts() {
        return acceleratorWatts + hostWatts;
    }
}
