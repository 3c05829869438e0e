package io.tokenrack.engine.design;

/**
 * The nameplate power of one unit of a catalog item, as {@link NameplatePower} counts it against a
 * rack's budget.
 *
 * @param watts        the unit's nameplate maximum, W; 0 when {@link #figure()} is UNKNOWN or NONE
 * @param assumedWatts the part of {@code watts} that is an assumption rather than a published
 *                     figure (the assumed host of a server that publishes no maximum), W
 * @param hostWatts    the non-accelerator part (CPUs, NICs, fans; all of a switch tray), W, as the
 *                     power model loads it: published maximum − accelerator TDP × count where both
 *                     are published, else the assumed host (for a server with accelerators); 0 for network gear
 *                     and for a tray without accelerators that publishes nothing
 * @param figure       where the number comes from
 */
public record ItemPower(double watts, double assumedWatts, double hostWatts, Figure figure) {
    /** Where an item's power figure comes from. */
    public enum Figure {
        /** A source gives the item's maximum power. */
        PUBLISHED,
        /**
         * A server that publishes no maximum: its accelerators' TDP × count plus an assumed host
         * ({@link io.tokenrack.engine.power.PowerModel#ASSUMED_HOST_WATTS_PER_ACCELERATOR} per
         * accelerator). An estimate, not a lower bound.
         */
        ASSUMED_HOST,
        /** No figure at all: counted as 0, so a rack's total is a lower bound. */
        UNKNOWN,
        /** Draws no IT power from the rack's budget (cooling units, PDUs). */
        NONE
    }

    public ItemPower {
        if (!(watts >= 0) || !(assumedWatts >= 0) || !(hostWatts >= 0) || assumedWatts > watts
                || Double.isInfinite(watts) || Double.isInfinite(hostWatts)) {
            throw new IllegalArgumentException("power: watts " + watts + ", assumed " + assumedWatts + ", host " + hostWatts
                    + ": each must be finite and zero or more, the assumed part no more than the whole");
        }
        if (figure == null) {
            throw new IllegalArgumentException("figure: missing");
        }
    }

    static final ItemPower NONE = new ItemPower(0, 0, 0, Figure.NONE);

    /** Whether the item's figure is missing (it counts 0 and makes a total a lower bound). */
    public boolean unknown() {
        return figure == Figure.UNKNOWN;
    }

    /** Whether a source gives the whole figure (or the item draws nothing). */
    public boolean published() {
        return figure == Figure.PUBLISHED || figure == Figure.NONE;
    }
}
