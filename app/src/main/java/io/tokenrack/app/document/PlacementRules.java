package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.CheckAssumptions;
import io.tokenrack.engine.design.ItemPower;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoad;
import io.tokenrack.engine.design.RackLoads;
import io.tokenrack.engine.workload.Limits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an item may go into a rack slot, decided from the catalog before any command is made:
 * it must fit between the bottom and the top, not overlap what is there, keep the rack within its
 * power budget and rated load and get the cooling it needs, by the same rules and figures as the
 * engine's design check ({@link RackLoads}). A refusal is a sentence for the user.
 */
public final class PlacementRules {
    private final Catalog catalog;
    private final ItemFacts facts;
    private final CheckAssumptions assumptions;

    public PlacementRules(Catalog catalog) {
        this.catalog = catalog;
        this.facts = new ItemFacts(catalog);
        this.assumptions = CheckAssumptions.from(catalog);
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
     * The rack with the requests in it is measured by the engine's {@link RackLoads}, and a request
     * is refused exactly when the engine's design check would report one of these errors about it:
     * a wrong kind of item, cooling it cannot get ({@code COOLING_INCOMPATIBLE}), units above the
     * top ({@code U_OVERFLOW}) or shared with another item ({@code U_OVERLAP}), published power
     * over the budget ({@code POWER_OVER_BUDGET}) or weight over the rated load
     * ({@code WEIGHT_OVER_LIMIT}), where the requests add power or weight. Problems a later drop
     * can fix (cooling capacity, power distribution) stay findings.
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
        List<Placement> staying = rack.items().stream().filter(p -> !leaving.contains(p.id())).toList();
        List<Placement> trialItems = new ArrayList<>(staying);
        Map<String, CatalogItem> added = new HashMap<>();
        Set<String> taken = new HashSet<>(rack.items().stream().map(Placement::id).toList());
        double addedWatts = 0;
        double addedKg = 0;
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            CatalogItem item = catalog.find(r.catalogId()).orElse(null);
            if (item == null) {
                return Optional.of("'" + r.catalogId() + "' is not in the catalog.");
            }
            if (!ItemFacts.placeable(item)) {
                return Optional.of(item.name() + " is a " + item.kind().label() + ", not something that goes into a rack slot.");
            }
            CoolingType need = ItemFacts.coolingNeed(item);
            if (!coolingAvailable(rack, spec).stream().anyMatch(a -> a.canCool(need))) {
                return Optional.of("Refused: " + item.name() + " needs " + need.label() + " cooling; "
                        + rack.name() + " is " + article(spec.cooling().label()) + " " + spec.cooling().label()
                        + " rack with no " + need.label() + " cooling unit.");
            }
            int h = ItemFacts.heightU(item);
            if (h > 0 && (r.positionU() == null || r.positionU() < 1)) {
                return Optional.of("Refused: " + item.name() + " would go below the bottom of " + rack.name() + ".");
            }
            if (h > 0 && r.positionU() > Limits.MAX_RACK_UNIT) { // no placement can be made there (nor a rack that tall)
                return Optional.of("Refused: beyond the top: " + item.name() + " at U" + r.positionU() + " but " + rack.name()
                        + " has " + spec.heightU() + " U.");
            }
            String id = "request-" + i;
            while (taken.contains(id)) {
                id += "'";
            }
            trialItems.add(new Placement(id, r.catalogId(), h > 0 ? r.positionU() : null, null));
            added.put(id, item);
            ItemPower power = facts.power(item);
            addedWatts += power.watts() - power.assumedWatts(); // the published part, which the budget error counts
            addedKg += ItemFacts.weightKg(item);
        }
        RackLoad after = RackLoads.of(rack.withItems(trialItems), catalog, assumptions);
        for (RackLoad.Slot s : after.aboveTop()) {
            if (added.containsKey(s.id())) {
                return Optional.of("Refused: beyond the top: " + added.get(s.id()).name() + " needs U" + s.bottomU() + "–U" + s.topU()
                        + " but " + rack.name() + " has " + spec.heightU() + " U.");
            }
        }
        for (RackLoad.Overlap o : after.overlaps()) {
            boolean upperNew = added.containsKey(o.upper().id());
            boolean lowerNew = added.containsKey(o.lower().id());
            if (upperNew && lowerNew) {
                return Optional.of("Refused: no room: the moved items would overlap each other at U" + o.upper().bottomU() + ".");
            }
            if (upperNew || lowerNew) {
                RackLoad.Slot mine = upperNew ? o.upper() : o.lower();
                RackLoad.Slot other = upperNew ? o.lower() : o.upper();
                String name = staying.stream().filter(p -> p.id().equals(other.id())).findFirst()
                        .flatMap(p -> catalog.find(p.catalogId())).map(CatalogItem::name).orElse(other.id());
                return Optional.of("Refused: no room: " + added.get(mine.id()).name() + " at " + units(mine)
                        + " overlaps " + name + " at " + units(other) + ".");
            }
        }
        if (addedWatts > 0 && after.overBudget()) {
            return Optional.of(String.format(Locale.ROOT,
                    "Refused: exceeds the rack power budget: %s would draw %.1f kW of %.1f kW.",
                    rack.name(), after.nameplate().publishedWatts() / 1000, after.powerBudgetWatts() / 1000));
        }
        if (addedKg > 0 && after.maxWeightKg() != null && after.weightKg() > after.maxWeightKg()) {
            return Optional.of(String.format(Locale.ROOT,
                    "Refused: exceeds the rack's rated load: %s would hold %,.0f kg of %,.0f kg.",
                    rack.name(), after.weightKg(), after.maxWeightKg()));
        }
        return Optional.empty();
    }

    private static String units(RackLoad.Slot s) {
        return "U" + s.bottomU() + "–U" + s.topU();
    }

    public Optional<String> refusal(RackDesign design, String rackInstanceId, String catalogId, Integer positionU) {
        return refusal(design, rackInstanceId, List.of(new Request(catalogId, positionU)), Set.of());
    }

    /** The lowest U where an item of {@code heightU} fits in the rack, if any ({@link RackLoad#lowestFreeU}). */
    public Optional<Integer> lowestFreeU(RackDesign design, String rackInstanceId, int heightU) {
        RackInstance rack = findRack(design, rackInstanceId).orElse(null);
        if (rack == null || catalog.find(rack.rackId(), RackSpec.class).isEmpty()) {
            return Optional.empty();
        }
        return load(rack).lowestFreeU(heightU);
    }

    /** The kinds of cooling a rack gives: its own and that of the cooling units placed in it. */
    public java.util.Set<CoolingType> coolingAvailable(RackInstance rack, RackSpec spec) {
        java.util.Set<CoolingType> out = java.util.EnumSet.of(spec.cooling());
        for (Placement p : rack.items()) {
            catalog.find(p.catalogId(), io.tokenrack.engine.catalog.CoolingSpec.class).ifPresent(c -> out.add(c.type()));
        }
        return out;
    }

    /** Space, power, heat and weight of one rack: the engine's {@link RackLoads}, as the design check sees it. */
    public RackLoad load(RackInstance rack) {
        return RackLoads.of(rack, catalog, assumptions);
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

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
