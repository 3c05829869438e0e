package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.WEIGHT_OVER_LIMIT;

import java.util.ArrayList;
import java.util.List;

/** Weight: the items' total ({@link RackLoad#weightKg()}) against the rack's rated load, when both are known. */
final class WeightCheck {
    private WeightCheck() {}

    static void check(ResolvedRack rack, RackLoad load, List<Finding> out) {
        if (load.maxWeightKg() == null || load.weightKg() <= load.maxWeightKg()) {
            return;
        }
        List<String> weighed = new ArrayList<>();
        for (ResolvedItem i : rack.items()) {
            if (RackLoads.weighed(i.spec()) && RackLoads.weightKg(i.spec()) != null) {
                weighed.add(i.id());
            }
        }
        String partial = load.weightComplete() ? ""
                : " (at least: no weight is published for " + Text.list(load.weightUnknown()) + ")";
        out.add(Finding.error(WEIGHT_OVER_LIMIT, rack.id(), weighed,
                rack.name() + " holds " + Text.kg(load.weightKg()) + partial + " but is rated for " + Text.kg(load.maxWeightKg()) + "."));
    }
}
