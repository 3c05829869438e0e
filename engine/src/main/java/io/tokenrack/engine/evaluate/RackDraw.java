package io.tokenrack.engine.evaluate;

/**
 * One rack's modelled IT power at the operating point (its accelerators' share of the design's IT
 * power, hosts and network included) against the rack's limits.
 *
 * @param coolingCapacityWatts heat the rack's cooling removes; NaN when the rack places no cooling unit
 */
public record RackDraw(String rackId, String name, int accelerators, double itWatts, double powerBudgetWatts, double coolingCapacityWatts) {

    public boolean overPowerBudget() {
        return itWatts > powerBudgetWatts;
    }

    public boolean overCooling() {
        return !Double.isNaN(coolingCapacityWatts) && itWatts > coolingCapacityWatts;
    }
}
