package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.COOLING_INCOMPATIBLE;
import static io.tokenrack.engine.design.FindingCodes.COOLING_OVER_CAPACITY;
import static io.tokenrack.engine.design.FindingCodes.COOLING_ROOM_AIR;

import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cooling: equipment gets the kind of cooling it needs, and the rack's heat (= its power) stays
 * within what its cooling units remove, or within the room-air assumption when it has none.
 */
final class CoolingCheck {
    private CoolingCheck() {}

    static void check(ResolvedRack rack, RackLoad load, RackPower power, List<Finding> out) {
        if (rack.spec() != null) {
            compatibility(rack, out);
        }
        if (!load.coolingFromUnits()) {
            if (power.watts() > load.coolingCapacityWatts()) {
                out.add(Finding.warning(COOLING_ROOM_AIR, rack.id(), PowerCheck.drawingItems(rack),
                        rack.name() + " makes " + Text.kw(power.watts()) + " of heat (" + power.basis()
                                + ") and has no cooling unit, so room air is assumed; it removes about "
                                + Text.kw(load.coolingCapacityWatts()) + " per rack. Place a rear-door heat exchanger or a CDU."));
            }
            return;
        }
        List<String> units = ResolvedRack.ids(rack.cooling());
        PowerCheck.overLimit(rack, power, load.coolingCapacityWatts(), COOLING_OVER_CAPACITY, units,
                rack.name() + " makes " + Text.kw(power.watts()) + " of heat (" + power.basis() + ") but its cooling ("
                        + Text.list(units) + ") removes " + Text.kw(load.coolingCapacityWatts()), out);
    }

    /** Liquid-only (or immersion) equipment needs a rack, or a placed cooling unit, that provides it. */
    private static void compatibility(ResolvedRack rack, List<Finding> out) {
        Set<CoolingType> available = EnumSet.of(rack.spec().cooling());
        for (ResolvedItem u : rack.cooling()) {
            available.add(((CoolingSpec) u.spec()).type());
        }
        Map<CoolingType, List<String>> unmet = new LinkedHashMap<>();
        for (ResolvedItem s : rack.servers()) {
            CoolingType need = ((ServerSpec) s.spec()).cooling();
            if (available.stream().noneMatch(a -> a.canCool(need))) {
                unmet.computeIfAbsent(need, k -> new ArrayList<>()).add(s.id());
            }
        }
        unmet.forEach((need, ids) -> out.add(Finding.error(COOLING_INCOMPATIBLE, rack.id(), ids,
                rack.name() + ": " + Text.list(ids) + " need" + (ids.size() == 1 ? "s " : " ") + need.label()
                        + " cooling, but the rack (" + rack.spec().name() + ") is " + rack.spec().cooling().label()
                        + "-cooled and no " + need.label() + " cooling unit is placed.")));
    }
}
