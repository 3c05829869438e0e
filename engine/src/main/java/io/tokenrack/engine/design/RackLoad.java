package io.tokenrack.engine.design;

import java.util.List;
import java.util.Optional;

/**
 * How full one rack is against its budgets, computed once by {@link RackLoads} for the design
 * checks, the evaluator's cluster and the app's bars and placement rules alike: space in rack units
 * (what is taken, what is free, what overlaps or sticks out), nameplate power against the power
 * budget, heat against the cooling that serves it, weight against the rated load. All electrical
 * power ends up as heat, so the nameplate heat is the nameplate power.
 *
 * @param rackId               the rack instance's id
 * @param heightU              the rack model's units; 0 when the model is not in the catalog
 * @param usedU                distinct units inside the rack that some item takes (overlapping items count once)
 * @param placed               items that take units and have a position, sorted by lowest unit (ties in design order)
 * @param unplaced             items that take units but have no position
 * @param aboveTop             placed items that reach above the top of the rack (empty when the rack model is unknown)
 * @param overlaps             each placed item that shares a unit with one below it (or level with it, earlier in the design),
 *                             paired with the one of those that reaches highest: every item in an overlap appears in
 *                             at least one pair, and there are fewer pairs than items
 * @param nameplate            the IT equipment's nameplate power by {@link NameplatePower}'s rule
 * @param powerBudgetWatts     the rack model's power budget, W; 0 when the model is unknown
 * @param coolingCapacityWatts the placed cooling units' capacity, or (with none placed) what room air
 *                             removes ({@link CheckAssumptions#roomAirCoolingKw()}), W
 * @param coolingFromUnits     whether cooling units are placed
 * @param weightKg             the published weights of the servers and network gear, kg
 * @param weightUnknown        ids of servers and network items that publish no weight: {@code weightKg} is then a lower bound
 * @param maxWeightKg          the rack's rated load, kg; null when not given or the model is unknown
 * @param accelerators         accelerators in the rack's servers and trays
 */
public record RackLoad(
        String rackId,
        int heightU,
        int usedU,
        List<Slot> placed,
        List<Slot> unplaced,
        List<Slot> aboveTop,
        List<Overlap> overlaps,
        RackPower nameplate,
        double powerBudgetWatts,
        double coolingCapacityWatts,
        boolean coolingFromUnits,
        double weightKg,
        List<String> weightUnknown,
        Double maxWeightKg,
        int accelerators) {

    /**
     * One item that takes rack units.
     *
     * @param bottomU its lowest unit, null when it has no position
     */
    public record Slot(String id, int heightU, Integer bottomU) {
        /** Its highest unit (long: a position near the int limit plus a height does not wrap); null without a position. */
        public Long topU() {
            return bottomU == null ? null : (long) bottomU + heightU - 1;
        }

        /** "dgx-1 (U1–U8)", "sw-1 (U42)", or the id alone without a position. */
        public String describe() {
            return bottomU == null ? id : id + " (" + Text.units(bottomU, topU()) + ")";
        }
    }

    /** {@code upper} shares units with {@code lower}, which starts no higher. */
    public record Overlap(Slot upper, Slot lower) {}

    public RackLoad {
        placed = List.copyOf(placed);
        unplaced = List.copyOf(unplaced);
        aboveTop = List.copyOf(aboveTop);
        overlaps = List.copyOf(overlaps);
        weightUnknown = List.copyOf(weightUnknown);
    }

    public int freeU() {
        return Math.max(0, heightU - usedU);
    }

    public double powerWatts() {
        return nameplate.watts();
    }

    /** Heat at nameplate: all the power becomes heat, W. */
    public double heatWatts() {
        return nameplate.watts();
    }

    /** Whether every weighed item publishes its weight. */
    public boolean weightComplete() {
        return weightUnknown.isEmpty();
    }

    public double uFraction() {
        return fraction(usedU, heightU);
    }

    public double powerFraction() {
        return fraction(powerWatts(), powerBudgetWatts);
    }

    public double heatFraction() {
        return fraction(heatWatts(), coolingCapacityWatts);
    }

    public double weightFraction() {
        return maxWeightKg == null ? 0 : fraction(weightKg, maxWeightKg);
    }

    /**
     * Whether the published figures alone exceed the power budget: the design check's error (an
     * excess that only the assumed host power makes is a warning).
     */
    public boolean overBudget() {
        return heightU > 0 && nameplate.publishedWatts() > powerBudgetWatts + 1e-6;
    }

    /**
     * The lowest unit where an item {@code heightU} tall fits inside the rack without sharing a unit
     * with a placed item, if any; the rule {@link #overlaps()} uses.
     */
    public Optional<Integer> lowestFreeU(int heightU) {
        if (heightU < 1) {
            throw new IllegalArgumentException("heightU: must be 1 or more, was " + heightU);
        }
        long candidate = 1;
        for (Slot s : placed) {
            if (s.bottomU() > candidate + heightU - 1) {
                break;
            }
            candidate = Math.max(candidate, s.topU() + 1);
        }
        return candidate + heightU - 1 <= this.heightU ? Optional.of((int) candidate) : Optional.empty();
    }

    private static double fraction(double used, double limit) {
        return limit <= 0 ? 0 : used / limit;
    }
}
