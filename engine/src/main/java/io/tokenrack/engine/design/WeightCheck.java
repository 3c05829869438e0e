package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.WEIGHT_OVER_LIMIT;

import java.util.ArrayList;
import java.util.List;

/** Weight: the items' total against the rack's rated load, when both are known. */
final class WeightCheck {
    private WeightCheck() {}

    static void check(ResolvedRack rack, List<Finding> out) {
        if (rack.spec() == null || rack.spec().maxWeightKg() == null) {
            return;
        }
        double kg = 0;
        List<String> weighed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (ResolvedItem i : rack.items()) {
            if (!i.hasWeight()) {
                continue;
            }
            Double w = i.weightKg();
            if (w == null) {
                unknown.add(i.id());
            } else {
                kg += w;
                weighed.add(i.id());
            }
        }
        if (weighed.isEmpty() || kg <= rack.spec().maxWeightKg()) {
            return;
        }
        String partial = unknown.isEmpty() ? ""
                : " (at least: no weight is published for " + Text.list(unknown) + ")";
        out.add(Finding.error(WEIGHT_OVER_LIMIT, rack.id(), weighed,
                rack.name() + " holds " + Text.kg(kg) + partial + " but is rated for " + Text.kg(rack.spec().maxWeightKg()) + "."));
    }
}
