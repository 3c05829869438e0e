package io.tokenrack.app.canvas;

import io.tokenrack.app.document.ItemFacts;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.document.RackLoad;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The rack-level checks the canvas can make from datasheet figures: overlaps, items beyond the
 * top, cooling the rack cannot give, nameplate power over the budget, heat over the cooling
 * capacity, weight over the rack's limit. (The engine's DesignCheck adds links and scale-up
 * domains; this is what the app shows until it is wired in.)
 */
public final class RackLimitsCheck implements FindingsSource {
    private final PlacementRules rules;

    public RackLimitsCheck(PlacementRules rules) {
        this.rules = rules;
    }

    @Override
    public List<DesignFinding> check(RackDesign design) {
        List<DesignFinding> out = new ArrayList<>();
        for (RackInstance rack : design.racks()) {
            RackSpec spec = rules.catalog().find(rack.rackId(), RackSpec.class).orElse(null);
            if (spec == null) {
                out.add(new DesignFinding(DesignFinding.Severity.ERROR, DesignFinding.UNKNOWN_CATALOG_ID, rack.id(), List.of(), rack.name() + ": unknown rack type " + rack.rackId() + "."));
                continue;
            }
            List<Placement> items = rack.items();
            for (int i = 0; i < items.size(); i++) {
                Placement p = items.get(i);
                CatalogItem item = rules.catalog().find(p.catalogId()).orElse(null);
                if (item == null || p.positionU() == null) {
                    if (item != null && !spec.cooling().canCool(ItemFacts.coolingNeed(item))) {
                        out.add(cooling(rack, spec, p, item));
                    }
                    continue;
                }
                int top = p.positionU() + ItemFacts.heightU(item) - 1;
                if (top > spec.heightU()) {
                    out.add(new DesignFinding(DesignFinding.Severity.ERROR, DesignFinding.U_OVERFLOW, rack.id(), List.of(p.id()),
                            rack.name() + ": " + p.id() + " (U" + p.positionU() + "–U" + top + ") is beyond the top (" + spec.heightU() + " U)."));
                }
                if (!spec.cooling().canCool(ItemFacts.coolingNeed(item))) {
                    out.add(cooling(rack, spec, p, item));
                }
                for (int j = 0; j < i; j++) {
                    Placement o = items.get(j);
                    CatalogItem oi = rules.catalog().find(o.catalogId()).orElse(null);
                    if (oi == null || o.positionU() == null) {
                        continue;
                    }
                    int ot = o.positionU() + ItemFacts.heightU(oi) - 1;
                    if (o.positionU() <= top && p.positionU() <= ot) {
                        out.add(new DesignFinding(DesignFinding.Severity.ERROR, DesignFinding.U_OVERLAP, rack.id(), List.of(p.id(), o.id()),
                                rack.name() + ": " + p.id() + " (U" + p.positionU() + "–U" + top + ") overlaps " + o.id()
                                        + " (U" + o.positionU() + "–U" + ot + ")."));
                    }
                }
            }
            RackLoad load = rules.load(rack);
            List<String> powered = items.stream().filter(p -> rules.catalog().find(p.catalogId())
                    .map(it -> rules.facts().maxPowerWatts(it) > 0).orElse(false)).map(Placement::id).toList();
            if (load.powerWatts() > load.powerBudgetWatts() + 1e-6) {
                out.add(new DesignFinding(DesignFinding.Severity.ERROR, DesignFinding.POWER_OVER_BUDGET, rack.id(), powered,
                        rack.name() + ": nameplate power " + Units.kw(load.powerWatts()) + " exceeds the " + Units.kw(load.powerBudgetWatts()) + " budget."));
            } else if (load.powerBudgetWatts() > 0 && load.powerWatts() >= 0.999 * load.powerBudgetWatts()) {
                out.add(new DesignFinding(DesignFinding.Severity.INFO, DesignFinding.POWER_AT_BUDGET, rack.id(), List.of(),
                        rack.name() + ": power at 100 % of its " + Units.kw(load.powerBudgetWatts()) + " budget."));
            }
            if (load.coolingFromUnits() && load.heatWatts() > load.coolingCapacityWatts() + 1e-6) {
                out.add(new DesignFinding(DesignFinding.Severity.ERROR, DesignFinding.COOLING_OVER_CAPACITY, rack.id(), powered,
                        rack.name() + ": up to " + Units.kw(load.heatWatts()) + " of heat, cooling removes " + Units.kw(load.coolingCapacityWatts()) + "."));
            }
            if (load.maxWeightKg() > 0 && load.weightKg() > load.maxWeightKg()) {
                out.add(new DesignFinding(DesignFinding.Severity.ERROR, DesignFinding.WEIGHT_OVER_LIMIT, rack.id(), List.of(),
                        rack.name() + ": " + Units.kg(load.weightKg()) + " exceeds the rack's " + Units.kg(load.maxWeightKg()) + " limit."));
            }
            if (!load.powerComplete()) {
                out.add(new DesignFinding(DesignFinding.Severity.WARNING, DesignFinding.POWER_UNKNOWN, rack.id(), items.stream()
                        .filter(p -> rules.catalog().find(p.catalogId()).map(it -> !rules.facts().powerKnown(it)).orElse(false))
                        .map(Placement::id).toList(),
                        rack.name() + ": no published power figure for some items; they count as 0 W in the power bar."));
            }
        }
        return out;
    }

    private static DesignFinding cooling(RackInstance rack, RackSpec spec, Placement p, CatalogItem item) {
        return new DesignFinding(DesignFinding.Severity.ERROR, DesignFinding.COOLING_INCOMPATIBLE, rack.id(), List.of(p.id()),
                rack.name() + ": " + p.id() + " (" + item.name() + ") needs " + ItemFacts.coolingNeed(item).label()
                        + " cooling; the rack is " + spec.cooling().label() + ".");
    }
}
