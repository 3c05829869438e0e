package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A design with more than one kind of accelerator, split into one design per kind: its racks
 * (and, in a rack that mixes kinds, only that kind's servers beside the rack's other items). Racks
 * with no accelerator at all (a network rack) go with the first kind, so they are counted once.
 */
public final class AcceleratorPools {
    private AcceleratorPools() {}

    /** Accelerator id → the part of the design that holds it, in the order the kinds first appear. */
    public static Map<String, RackDesign> split(Catalog catalog, RackDesign design) {
        Map<String, List<RackInstance>> byKind = new LinkedHashMap<>();
        List<RackInstance> without = new ArrayList<>();
        for (RackInstance rack : design.racks()) {
            Set<String> kinds = kinds(catalog, rack);
            if (kinds.isEmpty()) {
                without.add(rack);
                continue;
            }
            for (String kind : kinds) {
                List<Placement> items = rack.items().stream().filter(p -> {
                    String a = acceleratorOf(catalog, p);
                    return a == null || a.equals(kind);
                }).toList();
                byKind.computeIfAbsent(kind, x -> new ArrayList<>()).add(kinds.size() == 1 ? rack : rack.withItems(items));
            }
        }
        Map<String, RackDesign> out = new LinkedHashMap<>();
        boolean first = true;
        for (Map.Entry<String, List<RackInstance>> e : byKind.entrySet()) {
            List<RackInstance> racks = new ArrayList<>(e.getValue());
            if (first) {
                racks.addAll(without);
                first = false;
            }
            out.put(e.getKey(), design.withRacks(racks).withName(design.name() + " (" + e.getKey() + ")"));
        }
        return out;
    }

    /** Whether the design holds more than one kind of accelerator. */
    public static boolean mixed(Catalog catalog, RackDesign design) {
        Set<String> all = new LinkedHashSet<>();
        design.racks().forEach(r -> all.addAll(kinds(catalog, r)));
        return all.size() > 1;
    }

    private static Set<String> kinds(Catalog catalog, RackInstance rack) {
        Set<String> out = new LinkedHashSet<>();
        for (Placement p : rack.items()) {
            String a = acceleratorOf(catalog, p);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private static String acceleratorOf(Catalog catalog, Placement p) {
        return catalog.find(p.catalogId(), ServerSpec.class).filter(ServerSpec::hasAccelerators).map(ServerSpec::acceleratorId).orElse(null);
    }

    /**
     * The pool a rack of a two-kind design belongs to under attention–FFN disaggregation: "attention
     * pool" for the kind with the most memory per chip, "FFN pool" for the other; empty for a rack
     * with no accelerators or a design with one kind.
     */
    public static java.util.Optional<String> role(Catalog catalog, RackDesign design, RackInstance rack) {
        Set<String> all = new LinkedHashSet<>();
        design.racks().forEach(r -> all.addAll(kinds(catalog, r)));
        Set<String> here = kinds(catalog, rack);
        if (all.size() != 2 || here.size() != 1) {
            return java.util.Optional.empty();
        }
        String attention = all.stream().max(java.util.Comparator.comparingDouble((String id) -> catalog
                .find(id, io.tokenrack.engine.catalog.AcceleratorSpec.class).map(io.tokenrack.engine.catalog.AcceleratorSpec::memoryGB)
                .orElse(0.0))).orElseThrow();
        return java.util.Optional.of(here.contains(attention) ? "attention pool" : "FFN pool");
    }
}
