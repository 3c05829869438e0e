package io.tokenrack.app.document;

/**
 * How full one rack is against its budgets, from datasheet figures: space in U, nameplate power
 * against the rack's power budget, heat against the cooling that serves it, weight against the
 * rack's limit. All electrical power ends up as heat, so heat equals power.
 *
 * @param coolingCapacityWatts the cooling units placed in the rack, or (with none placed) what
 *                             room air removes (the catalog's room-air entry, as DesignCheck assumes)
 * @param maxWeightKg          0 when the rack gives no limit
 * @param powerComplete        false when an item publishes no maximum (counted from its accelerators' TDP, or not at all):
 *                             the total is then a lower bound
 * @param weightComplete       false when a server or network item publishes no weight (the total is then a lower bound)
 */
public record RackLoad(
        String rackInstanceId,
        int usedU,
        int heightU,
        double powerWatts,
        double powerBudgetWatts,
        double heatWatts,
        double coolingCapacityWatts,
        boolean coolingFromUnits,
        double weightKg,
        double maxWeightKg,
        int accelerators,
        boolean powerComplete,
        boolean weightComplete) {

    public double uFraction() {
        return fraction(usedU, heightU);
    }

    public double powerFraction() {
        return fraction(powerWatts, powerBudgetWatts);
    }

    public double heatFraction() {
        return fraction(heatWatts, coolingCapacityWatts);
    }

    public double weightFraction() {
        return fraction(weightKg, maxWeightKg);
    }

    private static double fraction(double used, double limit) {
        return limit <= 0 ? 0 : used / limit;
    }
}
