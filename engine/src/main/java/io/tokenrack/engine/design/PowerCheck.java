package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.POWER_ESTIMATED;
import static io.tokenrack.engine.design.FindingCodes.POWER_OVER_BUDGET;
import static io.tokenrack.engine.design.FindingCodes.POWER_OVER_DISTRIBUTION;
import static io.tokenrack.engine.design.FindingCodes.POWER_UNKNOWN;

import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.power.PowerModel;
import java.util.ArrayList;
import java.util.List;

/** Power: the rack's draw against its budget and against the PDUs placed in it. */
final class PowerCheck {
    private PowerCheck() {}

    static void check(ResolvedRack rack, RackPower power, List<Finding> out) {
        List<String> drawing = drawingItems(rack);
        if (!power.assumed().isEmpty()) {
            out.add(Finding.info(POWER_ESTIMATED, rack.id(), power.assumed(),
                    rack.name() + ": " + Text.list(power.assumed()) + " " + (power.assumed().size() == 1 ? "has" : "have")
                            + " no published maximum power; counted as accelerator TDP × count plus an assumed host of "
                            + Text.watts(PowerModel.ASSUMED_HOST_WATTS_PER_ACCELERATOR) + " per accelerator."));
        }
        if (!power.unknown().isEmpty()) {
            // a note, not a warning: nothing is wrong with the rack, its total is only known from below
            out.add(Finding.info(POWER_UNKNOWN, rack.id(), power.unknown(),
                    rack.name() + ": power is at least " + Text.kw(power.watts()) + "; " + Text.list(power.unknown())
                            + (power.unknown().size() == 1 ? " publishes" : " publish") + " no power figure and "
                            + (power.unknown().size() == 1 ? "is" : "are") + " not counted."));
        }
        if (rack.spec() != null) {
            overLimit(rack, power, rack.spec().powerBudgetKw() * 1000, POWER_OVER_BUDGET, drawing,
                    rack.name() + " draws " + Text.kw(power.watts()) + " (" + power.basis() + ") but its budget is "
                            + Text.kwFromKw(rack.spec().powerBudgetKw()) + caveat(power), out);
        }
        List<ResolvedItem> pdus = rack.items().stream().filter(i -> i.spec() instanceof PowerSpec).toList();
        if (!pdus.isEmpty()) {
            double capacityKw = 0;
            for (ResolvedItem p : pdus) {
                capacityKw += ((PowerSpec) p.spec()).capacityKw() * p.placement().count();
            }
            overLimit(rack, power, capacityKw * 1000, POWER_OVER_DISTRIBUTION, ResolvedRack.ids(pdus),
                    rack.name() + " draws " + Text.kw(power.watts()) + " (" + power.basis() + ") but its power distribution ("
                            + Text.list(ResolvedRack.ids(pdus)) + ") delivers " + Text.kwFromKw(capacityKw) + caveat(power), out);
        }
    }

    /**
     * An error when the published figures alone exceed {@code limitWatts}; a warning when only the
     * assumed host power of servers without a published maximum takes the rack over it.
     * {@code message} is the sentence without its full stop.
     */
    static void overLimit(ResolvedRack rack, RackPower power, double limitWatts, String code, List<String> ids, String message,
            List<Finding> out) {
        if (power.publishedWatts() > limitWatts) {
            out.add(Finding.error(code, rack.id(), ids, message + "."));
        } else if (power.watts() > limitWatts) {
            out.add(Finding.warning(code, rack.id(), ids, message + ". Published figures alone come to "
                    + Text.kw(power.publishedWatts()) + ": only the assumed host power takes it over."));
        }
    }

    /** "; srv-4 counted as accelerator TDP × count plus an assumed host (no published figure)" when that shaped the total. */
    private static String caveat(RackPower power) {
        StringBuilder sb = new StringBuilder();
        if (!power.assumed().isEmpty()) {
            sb.append("; ").append(Text.list(power.assumed())).append(" counted as accelerator TDP × count plus an assumed host (no published figure)");
        }
        if (!power.unknown().isEmpty()) {
            sb.append("; ").append(Text.list(power.unknown())).append(" not counted (no power figure)");
        }
        return sb.toString();
    }

    /** Ids of the items that draw IT power: servers, trays and network gear. */
    static List<String> drawingItems(ResolvedRack rack) {
        List<String> ids = new ArrayList<>();
        for (ResolvedItem i : rack.items()) {
            if (i.spec() instanceof ServerSpec || i.spec() instanceof NetworkSpec) {
                ids.add(i.id());
            }
        }
        return ids;
    }
}
