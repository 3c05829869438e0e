package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.InputException;

/**
 * Numbers {@link DesignCheck} assumes where the design says nothing.
 *
 * @param roomAirCoolingKw heat room air removes from one rack that has no cooling unit of its
 *                         own, kW
 */
public record CheckAssumptions(double roomAirCoolingKw) {
    /** The catalog entry whose capacity is the room-air assumption, when the presets have one. */
    public static final String ROOM_AIR_ID = "room-air";

    /**
     * Without a {@value #ROOM_AIR_ID} preset: 30 kW, the practical ceiling commonly given for an
     * air-cooled 42U rack in a hot/cold-aisle hall (legacy halls manage 15–20 kW).
     */
    public static final CheckAssumptions DEFAULTS = new CheckAssumptions(30.0);

    public CheckAssumptions {
        if (!(roomAirCoolingKw > 0) || Double.isInfinite(roomAirCoolingKw)) {
            throw new InputException("roomAirCoolingKw: must be a positive number, was " + roomAirCoolingKw);
        }
    }

    /** The room-air capacity of the catalog's {@value #ROOM_AIR_ID} air-cooling entry, else {@link #DEFAULTS}. */
    public static CheckAssumptions from(Catalog catalog) {
        return catalog.find(ROOM_AIR_ID, CoolingSpec.class)
                .filter(c -> c.type() == CoolingType.AIR)
                .map(c -> new CheckAssumptions(c.capacityKw()))
                .orElse(DEFAULTS);
    }
}
