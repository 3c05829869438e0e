package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.Catalog;

/**
 * How much power a rack draws. {@link DesignCheck} uses {@link #nameplate()} unless it is given
 * another estimate, e.g. the engine's power model at the workload's operating point.
 */
@FunctionalInterface
public interface RackPowerEstimate {
    RackPower estimate(RackInstance rack, Catalog catalog);

    /** {@link #nameplate()}. */
    RackPowerEstimate NAMEPLATE = (rack, catalog) -> RackLoads.of(rack, catalog).nameplate();

    /**
     * The rack's nameplate power, {@link RackLoad#nameplate()}: the IT items' published maximum
     * (servers, trays, network gear; not cooling units, whose draw is facility overhead); a server
     * without one counts its accelerators' TDP × count plus an assumed host and is listed in
     * {@link RackPower#assumed()} ({@link NameplatePower} gives the rule).
     */
    static RackPowerEstimate nameplate() {
        return NAMEPLATE;
    }
}
