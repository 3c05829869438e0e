package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.ServerSpec;

/** A placement whose catalog id names equipment: a server or tray, network gear, cooling or power. */
record ResolvedItem(Placement placement, CatalogItem spec) {

    String id() {
        return placement.id();
    }

    /** Rack units it occupies; 0 for NICs, optics, doors and other 0U items. */
    int heightU() {
        return switch (spec) {
            case ServerSpec s -> s.heightU();
            case NetworkSpec n -> n.heightU() == null ? 0 : n.heightU();
            case CoolingSpec c -> c.heightU();
            case PowerSpec p -> p.heightU();
            default -> 0;
        };
    }

    /** Lowest unit, or null when it has none (0U, or not placed yet). */
    Integer bottomU() {
        return heightU() > 0 ? placement.positionU() : null;
    }

    Integer topU() {
        Integer bottom = bottomU();
        return bottom == null ? null : bottom + heightU() - 1;
    }

    /** Weight of all {@code count} units in kg, or null when the catalog gives none. */
    Double weightKg() {
        Double each = switch (spec) {
            case ServerSpec s -> s.weightKg();
            case NetworkSpec n -> n.weightKg();
            default -> null;
        };
        return each == null ? null : each * placement.count();
    }

    /** Whether it has any weight to speak of (servers and network gear; cooling and PDUs are not counted). */
    boolean hasWeight() {
        return spec instanceof ServerSpec || spec instanceof NetworkSpec;
    }

    /** "dgx-1 (U1–U8)", or "sw-1 (U42)" for one unit, or just the id for 0U items. */
    String describe() {
        return bottomU() == null ? id() : id() + " (" + Text.units(bottomU(), topU()) + ")";
    }
}
