package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.ACCELERATOR_WITHOUT_HOST;
import static io.tokenrack.engine.design.FindingCodes.UNKNOWN_CATALOG_ID;
import static io.tokenrack.engine.design.FindingCodes.WRONG_KIND;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks every id of a design up in the catalog; reports ids that are unknown or of the wrong kind. */
final class Resolver {
    private Resolver() {}

    static List<ResolvedRack> resolve(RackDesign design, Catalog catalog, List<Finding> out) {
        List<ResolvedRack> racks = new ArrayList<>();
        for (RackInstance rack : design.racks()) {
            racks.add(new ResolvedRack(rack, rackSpec(rack, catalog, out), equipment(rack, catalog, out)));
        }
        if (design.workload() != null) {
            String modelId = design.workload().modelId();
            Optional<CatalogItem> model = catalog.find(modelId);
            if (model.isEmpty()) {
                out.add(Finding.error(UNKNOWN_CATALOG_ID, null, List.of(),
                        "Workload: model '" + modelId + "' is not in the catalog."));
            } else if (!(model.get() instanceof ModelSpec)) {
                out.add(Finding.error(WRONG_KIND, null, List.of(),
                        "Workload: '" + modelId + "' is a " + model.get().kind().label() + ", not a model."));
            }
        }
        return racks;
    }

    private static RackSpec rackSpec(RackInstance rack, Catalog catalog, List<Finding> out) {
        Optional<CatalogItem> item = catalog.find(rack.rackId());
        if (item.isEmpty()) {
            out.add(Finding.error(UNKNOWN_CATALOG_ID, rack.id(), List.of(),
                    rack.name() + ": rack model '" + rack.rackId() + "' is not in the catalog."));
            return null;
        }
        if (item.get() instanceof RackSpec spec) {
            return spec;
        }
        out.add(Finding.error(WRONG_KIND, rack.id(), List.of(),
                rack.name() + ": '" + rack.rackId() + "' is a " + item.get().kind().label() + ", not a rack model."));
        return null;
    }

    private static List<ResolvedItem> equipment(RackInstance rack, Catalog catalog, List<Finding> out) {
        List<ResolvedItem> items = new ArrayList<>();
        for (Placement p : rack.items()) {
            Optional<CatalogItem> item = catalog.find(p.catalogId());
            if (item.isEmpty()) {
                out.add(Finding.error(UNKNOWN_CATALOG_ID, rack.id(), List.of(p.id()),
                        rack.name() + ": " + p.id() + " uses '" + p.catalogId() + "', which is not in the catalog." + DesignCheck.measureHint(p.catalogId())));
                continue;
            }
            switch (item.get()) {
                case AcceleratorSpec a -> out.add(Finding.error(ACCELERATOR_WITHOUT_HOST, rack.id(), List.of(p.id()),
                        rack.name() + ": " + p.id() + " is a bare " + a.name() + " accelerator; accelerators go inside a server or compute tray"
                                + hosts(a, catalog) + "."));
                case RackSpec r -> out.add(Finding.error(WRONG_KIND, rack.id(), List.of(p.id()),
                        rack.name() + ": " + p.id() + " places the rack model '" + r.id() + "' inside a rack."));
                case ModelSpec m -> out.add(Finding.error(WRONG_KIND, rack.id(), List.of(p.id()),
                        rack.name() + ": " + p.id() + " places the model '" + m.id() + "', which is not equipment; set it as the workload."));
                default -> items.add(new ResolvedItem(p, item.get()));
            }
        }
        return items;
    }

    /** " (e.g. srv-8, srv-4)" naming catalog servers that carry this accelerator, or "". */
    private static String hosts(AcceleratorSpec a, Catalog catalog) {
        List<String> ids = new ArrayList<>();
        for (ServerSpec s : catalog.servers()) {
            if (a.id().equals(s.acceleratorId())) {
                ids.add(s.id());
            }
        }
        return ids.isEmpty() ? "" : " (the catalog has " + Text.list(ids) + ")";
    }

}
