package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an item may go into a rack slot, decided from the catalog before any command is made:
 * it must fit between the bottom and the top, not overlap what is there, keep the rack within its
 * power budget and get the cooling it needs. A refusal is a sentence for the user.
 */
public final class PlacementRules {
    private final Catalog catalog;
    private final ItemFacts facts;
    private final double roomAirWatts;

    public PlacementRules(Catalog catalog) {
        this.catalog = catalog;
        this.facts = new ItemFacts(catalog);
        this.roomAirWatts = io.tokenrack.engine.design.CheckAssumptions.from(catalog).roomAirCoolingKw() * 1000;
    }

    public ItemFacts facts() {
        return facts;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** One item to put somewhere: its catalog entry and the lowest U it takes (null for 0U items). */
    public record Request(String catalogId, Integer positionU) {}

    /**
     * Why {@code requests} cannot go into rack {@code rackInstanceId}, or empty when they can.
     * Items with ids in {@code leaving} are being moved away (their space and power are free).
     */
    public Optional<String> refusal(RackDesign design, String rackInstanceId, List<Request> requests, Set<String> leaving) {
        RackInstance rack = findRack(design, rackInstanceId).orElse(null);
        if (rack == null) {
            return Optional.of("There is no rack '" + rackInstanceId + "' in this design.");
        }
        RackSpec spec = catalog.find(rack.rackId(), RackSpec.class).orElse(null);
        if (spec == null) {
            return Optional.of(rack.name() + " uses an unknown rack type '" + rack.rackId() + "'.");
        }
        double power = 0;
        for (Placement p : rack.items()) {
            if (!leaving.contains(p.id())) {
                power += catalog.find(p.catalogId()).map(facts::maxPowerWatts).orElse(0.0) * p.count();
            }
        }
        double added = 0;
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            CatalogItem item = catalog.find(r.catalogId()).orElse(null);
            if (item == null) {
                return Optional.of("'" + r.catalogId() + "' is not in the catalog.");
            }
            if (!ItemFacts.placeable(item)) {
                return Optional.of(item.name() + " is a " + item.kind().label() + ", not something that goes into a rack slot.");
            }
            int h = ItemFacts.heightU(item);
            CoolingType need = ItemFacts.coolingNeed(item);
            if (!coolingAvailable(rack, spec).stream().anyMatch(a -> a.canCool(need))) {
                return Optional.of("Refused: " + item.name() + " needs " + need.label() + " cooling; "
                        + rack.name() + " is " + article(spec.cooling().label()) + " " + spec.cooling().label()
                        + " rack with no " + need.label() + " cooling unit.");
            }
            if (h > 0) {
                if (r.positionU() == null || r.positionU() < 1) {
                    return Optional.of("Refused: " + item.name() + " would go below the bottom of " + rack.name() + ".");
                }
                int top = r.positionU() + h - 1;
                if (top > spec.heightU()) {
                    return Optional.of("Refused: beyond the top: " + item.name() + " needs U" + r.positionU() + "–U" + top
                            + " but " + rack.name() + " has " + spec.heightU() + " U.");
                }
                Optional<String> clash = overlap(rack, r.positionU(), top, leaving, item.name());
                if (clash.isPresent()) {
                    return clash;
                }
                for (int j = 0; j < i; j++) {
                    Request o = requests.get(j);
                    int oh = catalog.find(o.catalogId()).map(ItemFacts::heightU).orElse(0);
                    if (oh > 0 && o.positionU() <= top && r.positionU() <= o.positionU() + oh - 1) {
                        return Optional.of("Refused: no room: the moved items would overlap each other at U" + r.positionU() + ".");
                    }
                }
            }
            added += facts.maxPowerWatts(item);
        }
        double budget = spec.powerBudgetKw() * 1000;
        if (added > 0 && power + added > budget + 1e-6) {
            return Optional.of(String.format(Locale.ROOT,
                    "Refused: exceeds the rack power budget: %s would draw %.1f kW of %.1f kW.",
                    rack.name(), (power + added) / 1000, budget / 1000));
        }
        return Optional.empty();
    }

    public Optional<String> refusal(RackDesign design, String rackInstanceId, String catalogId, Integer positionU) {
        return refusal(design, rackInstanceId, List.of(new Request(catalogId, positionU)), Set.of());
    }

    /** The lowest U where an item of {@code heightU} fits in the rack, if any. */
    public Optional<Integer> lowestFreeU(RackDesign design, String rackInstanceId, int heightU) {
        RackInstance rack = findRack(design, rackInstanceId).orElse(null);
        if (rack == null) {
            return Optional.empty();
        }
        RackSpec spec = catalog.find(rack.rackId(), RackSpec.class).orElse(null);
        if (spec == null) {
            return Optional.empty();
        }
        for (int u = 1; u + heightU - 1 <= spec.heightU(); u++) {
            if (overlap(rack, u, u + heightU - 1, Set.of(), "").isEmpty()) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** The kinds of cooling a rack gives: its own and that of the cooling units placed in it. */
    public java.util.Set<CoolingType> coolingAvailable(RackInstance rack, RackSpec spec) {
        java.util.Set<CoolingType> out = java.util.EnumSet.of(spec.cooling());
        for (Placement p : rack.items()) {
            catalog.find(p.catalogId(), io.tokenrack.engine.catalog.CoolingSpec.class).ifPresent(c -> out.add(c.type()));
        }
        return out;
    }

    /** Space, power, heat and weight of one rack. */
    public RackLoad load(RackInstance rack) {
        RackSpec spec = catalog.find(rack.rackId(), RackSpec.class).orElse(null);
        int used = 0;
        double power = 0;
        double weight = 0;
        double cooling = 0;
        int accelerators = 0;
        boolean complete = true;
        boolean weighed = true;
        for (Placement p : rack.items()) {
            CatalogItem item = catalog.find(p.catalogId()).orElse(null);
            if (item == null) {
                continue;
            }
            used += ItemFacts.heightU(item) * (p.positionU() == null ? 0 : 1);
            power += facts.maxPowerWatts(item) * p.count();
            complete &= facts.powerPublished(item);
            weight += ItemFacts.weightKg(item) * p.count();
            weighed &= ItemFacts.weightKnown(item);
            cooling += ItemFacts.coolingCapacityWatts(item) * p.count();
            accelerators += facts.acceleratorCount(item) * p.count();
        }
        double budget = spec == null ? 0 : spec.powerBudgetKw() * 1000;
        boolean fromUnits = cooling > 0;
        return new RackLoad(rack.id(), used, spec == null ? 0 : spec.heightU(), power, budget, power,
                fromUnits ? cooling : roomAirWatts, fromUnits, weight,
                spec == null || spec.maxWeightKg() == null ? 0 : spec.maxWeightKg(), accelerators, complete, weighed);
    }

    public List<RackLoad> loads(RackDesign design) {
        return design.racks().stream().map(this::load).toList();
    }

    public static Optional<RackInstance> findRack(RackDesign design, String rackInstanceId) {
        return design.racks().stream().filter(r -> r.id().equals(rackInstanceId)).findFirst();
    }

    /** The rack that holds the placement with this id. */
    public static Optional<RackInstance> rackOf(RackDesign design, String placementId) {
        return design.racks().stream()
                .filter(r -> r.items().stream().anyMatch(p -> p.id().equals(placementId)))
                .findFirst();
    }

    public static Optional<Placement> findPlacement(RackDesign design, String placementId) {
        return design.racks().stream().flatMap(r -> r.items().stream())
                .filter(p -> p.id().equals(placementId)).findFirst();
    }

    public static boolean contains(RackDesign design, Collection<String> placementIds) {
        return placementIds.stream().allMatch(id -> findPlacement(design, id).isPresent());
    }

    private Optional<String> overlap(RackInstance rack, int bottom, int top, Set<String> leaving, String what) {
        for (Placement p : rack.items()) {
            if (leaving.contains(p.id()) || p.positionU() == null) {
                continue;
            }
            CatalogItem other = catalog.find(p.catalogId()).orElse(null);
            int oh = other == null ? 1 : Math.max(1, ItemFacts.heightU(other));
            int ob = p.positionU();
            int ot = ob + oh - 1;
            if (ob <= top && bottom <= ot) {
                String name = other == null ? p.catalogId() : other.name();
                return Optional.of("Refused: no room: " + (what.isEmpty() ? "U" + bottom : what + " at U" + bottom + "–U" + top)
                        + " overlaps " + name + " at U" + ob + "–U" + ot + ".");
            }
        }
        return Optional.empty();
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
