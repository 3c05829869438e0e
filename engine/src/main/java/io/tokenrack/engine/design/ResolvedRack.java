package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One rack of a design with its catalog entries looked up: its rack model (null when the id is
 * unknown) and the items whose ids name equipment. Items with bad ids are left out; {@link Resolver}
 * reports them.
 */
record ResolvedRack(RackInstance rack, RackSpec spec, List<ResolvedItem> items) {
    ResolvedRack {
        items = List.copyOf(items);
    }

    String id() {
        return rack.id();
    }

    /** How sentences about this rack start: its name as the user gave it. */
    String name() {
        return rack.name();
    }

    List<ResolvedItem> servers() {
        return items.stream().filter(i -> i.spec() instanceof ServerSpec).toList();
    }

    List<ResolvedItem> servers(ServerSpec.Role role) {
        return items.stream().filter(i -> i.spec() instanceof ServerSpec s && s.role() == role).toList();
    }

    List<ResolvedItem> cooling() {
        return items.stream().filter(i -> i.spec() instanceof CoolingSpec).toList();
    }

    static List<String> ids(List<ResolvedItem> items) {
        List<String> ids = new ArrayList<>(items.size());
        for (ResolvedItem i : items) {
            ids.add(i.id());
        }
        return ids;
    }
}
