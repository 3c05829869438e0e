package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.Catalog;

/**
 * How much power a rack draws. {@link DesignCheck} uses {@link #nameplate()} unless it is given
 * another estimate, e.g. the engine's power model at the workload's operating point.
 */
@FunctionalInterface
public interface RackPowerEstimate {
    RackPower estimate(RackInstance rack, Catalog catalog);

    /**
     * The sum of the IT items' published maximum power (servers, trays, network gear; not cooling
     * units, whose draw is facility overhead); an item without one counts its accelerators'
     * TDP × count when that is known, and is listed in {@link RackPower#tdpEstimated()}.
     */
    static RackPowerEstimate nameplate() {
        return NameplatePower::estimate;
    }
}
