package io.tokenrack.engine.design;

/**
 * Numbers {@link DesignCheck} assumes where the design and catalog say nothing.
 *
 * @param roomAirCoolingKw heat room air removes from one rack that has no cooling unit of its
 *                         own, kW. The default, 20 kW, is a common planning limit for air-cooled
 *                         racks in a hot/cold-aisle hall; denser racks need rear-door heat
 *                         exchangers or liquid cooling.
 */
public record CheckAssumptions(double roomAirCoolingKw) {
    public static final CheckAssumptions DEFAULTS = new CheckAssumptions(20.0);

    public CheckAssumptions {
        if (!(roomAirCoolingKw > 0) || Double.isInfinite(roomAirCoolingKw)) {
            throw new IllegalArgumentException("roomAirCoolingKw: must be a positive number, was " + roomAirCoolingKw);
        }
    }
}
