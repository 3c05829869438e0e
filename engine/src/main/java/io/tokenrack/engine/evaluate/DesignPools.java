package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A design whose racks hold two kinds of accelerator, served disaggregated: the racks of one kind
 * prefill, the racks of the other decode. Each rack holds one kind; racks without accelerators
 * (network, power) go with the decode pool.
 */
final class DesignPools {
    private DesignPools() {}

    /** The accelerator kinds of a design's servers, in the order they first appear. */
    static List<String> kinds(RackDesign design, Catalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        for (RackInstance r : design.racks()) {
            out.addAll(kinds(r, catalog));
        }
        return List.copyOf(out);
    }

    private static Set<String> kinds(RackInstance rack, Catalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        for (Placement p : rack.items()) {
            if (catalog.find(p.catalogId()).orElse(null) instanceof ServerSpec s && s.hasAccelerators()) {
                out.add(s.acceleratorId());
            }
        }
        return out;
    }

    /** Whether some rack holds a switch: what joins the two pools' NICs. */
    static boolean hasSwitch(RackDesign design, Catalog catalog) {
        return design.racks().stream().flatMap(r -> r.items().stream())
                .anyMatch(p -> catalog.find(p.catalogId()).orElse(null) instanceof NetworkSpec n && n.type() == NetworkSpec.Type.SWITCH);
    }

    /**
     * The design cut to the racks of one accelerator kind (and, for the decode side, the racks with
     * none).
     *
     * @throws EvaluationException when a rack holds both kinds
     */
    static RackDesign racksOf(RackDesign design, Catalog catalog, String kind, boolean withAcceleratorFreeRacks) {
        List<RackInstance> racks = new ArrayList<>();
        for (RackInstance r : design.racks()) {
            Set<String> k = kinds(r, catalog);
            if (k.size() > 1) {
                throw new EvaluationException("rack '" + r.name() + "' holds " + String.join(" and ", k)
                        + ": to serve two kinds as prefill and decode pools, put each kind in racks of its own");
            }
            if (k.contains(kind) || (k.isEmpty() && withAcceleratorFreeRacks)) {
                racks.add(r);
            }
        }
        return new RackDesign(design.formatVersion(), design.name() + " (" + kind + ")", design.description(), racks, design.workload());
    }
}
