package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The nameplate estimate behind {@link RackPowerEstimate#nameplate()}: the IT equipment's
 * published maximum power. Cooling units are left out: their fans and pumps are facility
 * overhead, which the PUE accounts for, as in the engine's power model.
 */
final class NameplatePower {
    static final String BASIS = "nameplate";

    private NameplatePower() {}

    static RackPower estimate(RackInstance rack, Catalog catalog) {
        double watts = 0;
        List<String> estimated = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Placement p : rack.items()) {
            Optional<CatalogItem> item = catalog.find(p.catalogId());
            if (item.isEmpty()) {
                continue; // DesignCheck reports the unknown id
            }
            switch (item.get()) {
                case ServerSpec s when s.maxPowerWatts() != null -> watts += s.maxPowerWatts();
                case ServerSpec s -> {
                    Double tdp = acceleratorTdp(s, catalog);
                    if (tdp != null) {
                        watts += tdp * s.acceleratorCount();
                        estimated.add(p.id());
                    } else {
                        unknown.add(p.id());
                    }
                }
                case NetworkSpec n when n.maxPowerWatts() != null -> watts += n.maxPowerWatts() * p.count();
                case NetworkSpec n -> unknown.add(p.id());
                default -> {
                    // Cooling units' own draw is facility overhead (the PUE counts it), not IT
                    // power from the rack's budget; PDUs draw nothing; other kinds are rejected
                    // by DesignCheck.
                }
            }
        }
        return new RackPower(watts, BASIS, estimated, unknown);
    }

    private static Double acceleratorTdp(ServerSpec s, Catalog catalog) {
        if (!s.hasAccelerators()) {
            return null;
        }
        return catalog.find(s.acceleratorId(), AcceleratorSpec.class).map(AcceleratorSpec::tdpWatts).orElse(null);
    }
}
