package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes a {@link RackLoad}, and the per-item figures it sums: the one place that says how tall
 * an item is, what it weighs, what it draws ({@link NameplatePower}) and what it cools. Items whose
 * catalog id is unknown, or names something that is not equipment (a rack, a model, a bare
 * accelerator), are left out; {@link DesignCheck} reports them. Runs in O(n log n) for n items:
 * overlaps come from one pass over the items sorted by position, never from comparing every pair.
 * A modelled draw (the power model at the workload's operating point) enters the checks through
 * {@link RackPowerEstimate} in place of {@link RackLoad#nameplate()}; the space, weight and
 * cooling figures stay these.
 */
public final class RackLoads {
    private RackLoads() {}

    /** With the room-air capacity the catalog gives ({@link CheckAssumptions#from}). */
    public static RackLoad of(RackInstance rack, Catalog catalog) {
        return of(rack, catalog, CheckAssumptions.from(catalog));
    }

    public static RackLoad of(RackInstance rack, Catalog catalog, CheckAssumptions assumptions) {
        RackSpec spec = catalog.find(rack.rackId(), RackSpec.class).orElse(null);
        List<RackLoad.Slot> placed = new ArrayList<>();
        List<RackLoad.Slot> unplaced = new ArrayList<>();
        double watts = 0;
        double assumedWatts = 0;
        List<String> assumed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        double kg = 0;
        List<String> unweighed = new ArrayList<>();
        double coolingWatts = 0;
        boolean coolingUnits = false;
        int accelerators = 0;
        for (Placement p : rack.items()) {
            Optional<CatalogItem> found = catalog.find(p.catalogId());
            if (found.isEmpty() || !equipment(found.get())) {
                continue;
            }
            CatalogItem item = found.get();
            int n = p.count();
            int h = heightU(item);
            if (h > 0) {
                (p.positionU() == null ? unplaced : placed).add(new RackLoad.Slot(p.id(), h, p.positionU()));
            }
            ItemPower power = NameplatePower.of(item, catalog);
            watts += power.watts() * n;
            assumedWatts += power.assumedWatts() * n;
            switch (power.figure()) {
                case ASSUMED_HOST -> assumed.add(p.id());
                case UNKNOWN -> unknown.add(p.id());
                default -> { }
            }
            if (weighed(item)) {
                Double each = weightKg(item);
                if (each == null) {
                    unweighed.add(p.id());
                } else {
                    kg += each * n;
                }
            }
            if (item instanceof CoolingSpec) {
                coolingUnits = true;
                coolingWatts += coolingCapacityWatts(item) * n;
            }
            if (item instanceof ServerSpec s) {
                accelerators += s.acceleratorCount() * n;
            }
        }
        placed.sort(Comparator.comparing(RackLoad.Slot::bottomU)); // stable: ties stay in design order
        int height = spec == null ? 0 : spec.heightU();
        List<RackLoad.Slot> aboveTop = new ArrayList<>();
        List<RackLoad.Overlap> overlaps = new ArrayList<>();
        long used = 0;
        long coveredTo = 0; // highest unit counted in used so far
        RackLoad.Slot reach = null; // the placed item reaching highest so far
        for (RackLoad.Slot s : placed) {
            long top = s.topU();
            if (spec != null && top > height) {
                aboveTop.add(s);
            }
            if (reach != null && s.bottomU() <= reach.topU()) {
                overlaps.add(new RackLoad.Overlap(s, reach));
            }
            if (reach == null || top > reach.topU()) {
                reach = s;
            }
            long from = Math.max(coveredTo + 1, s.bottomU());
            long to = spec == null ? top : Math.min(top, height);
            if (to >= from) {
                used += to - from + 1;
            }
            coveredTo = Math.max(coveredTo, top);
        }
        RackPower nameplate = new RackPower(watts, Math.min(assumedWatts, watts), NameplatePower.BASIS, assumed, unknown);
        return new RackLoad(rack.id(), height, (int) Math.min(used, Integer.MAX_VALUE), placed, unplaced, aboveTop, overlaps,
                nameplate, spec == null ? 0 : spec.powerBudgetKw() * 1000,
                coolingUnits ? coolingWatts : assumptions.roomAirCoolingKw() * 1000, coolingUnits,
                kg, unweighed, spec == null ? null : spec.maxWeightKg(), accelerators);
    }

    /** Whether the item is equipment that goes into a rack: servers and trays, network, cooling and power gear. */
    public static boolean equipment(CatalogItem item) {
        return item instanceof ServerSpec || item instanceof NetworkSpec || item instanceof CoolingSpec || item instanceof PowerSpec;
    }

    /** Rack units one unit of the item takes; 0 for NICs, optics, doors, external CDUs and anything that is not equipment. */
    public static int heightU(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> s.heightU();
            case NetworkSpec n -> n.heightU() == null ? 0 : n.heightU();
            case CoolingSpec c -> c.heightU();
            case PowerSpec p -> p.heightU();
            default -> 0;
        };
    }

    /** Whether the item is weighed against the rack's load (servers and network gear; cooling and PDUs are not). */
    public static boolean weighed(CatalogItem item) {
        return item instanceof ServerSpec || item instanceof NetworkSpec;
    }

    /** Published weight of one unit, kg; null when a weighed item publishes none, or the item is not weighed. */
    public static Double weightKg(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> s.weightKg();
            case NetworkSpec n -> n.weightKg();
            default -> null;
        };
    }

    /** Heat one unit of a cooling unit removes, W; 0 for anything else. */
    public static double coolingCapacityWatts(CatalogItem item) {
        return item instanceof CoolingSpec c ? c.capacityKw() * 1000 : 0;
    }
}
