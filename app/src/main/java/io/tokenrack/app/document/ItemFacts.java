package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;

/**
 * What a rack needs to know about a catalog item, read from its datasheet figures: height, the
 * nameplate power it may draw, weight, the cooling it needs and its price. No performance model
 * here; these are the sums a rack's space, power and weight budgets are checked against.
 */
public final class ItemFacts {
    private final Catalog catalog;

    public ItemFacts(Catalog catalog) {
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Whether the item can be placed in a rack (racks, chips and models cannot). */
    public static boolean placeable(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> true;
            case NetworkSpec n -> true;
            case CoolingSpec c -> true;
            case PowerSpec p -> true;
            case AcceleratorSpec a -> false;
            case RackSpec r -> false;
            case ModelSpec m -> false;
        };
    }

    /** Rack units taken; 0 for items counted per rack (NICs, optics, doors, external CDUs). */
    public static int heightU(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> s.heightU();
            case NetworkSpec n -> n.heightU() == null ? 0 : n.heightU();
            case CoolingSpec c -> c.heightU();
            case PowerSpec p -> p.heightU();
            default -> 0;
        };
    }

    /**
     * Nameplate maximum IT power of one unit in watts, counted against the rack's budget; a server
     * without a published figure counts its accelerators' TDP; a figure no source gives counts as 0
     * (and {@link #powerKnown} says so). Cooling units count 0: their fans and pumps are facility
     * overhead that the PUE accounts for, as in the engine's power model.
     */
    public double maxPowerWatts(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> {
                if (s.maxPowerWatts() != null) {
                    yield s.maxPowerWatts();
                }
                if (s.hasAccelerators()) {
                    AcceleratorSpec a = catalog.accelerator(s.acceleratorId());
                    yield a.tdpWatts() == null ? 0 : a.tdpWatts() * s.acceleratorCount();
                }
                yield 0;
            }
            case NetworkSpec n -> n.maxPowerWatts() == null ? 0 : n.maxPowerWatts();
            default -> 0;
        };
    }

    /**
     * Whether a source gives this item's maximum power itself; false for a server counted from its
     * accelerators' TDP alone (which understates it: no CPUs, fans or NICs) and for items with no figure.
     */
    public boolean powerPublished(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> s.maxPowerWatts() != null;
            case NetworkSpec n -> n.maxPowerWatts() != null;
            case CoolingSpec c -> true;
            case PowerSpec p -> true;
            default -> false;
        };
    }

    /** Whether a source gives this item's power (a server's accelerators' TDP counts). */
    public boolean powerKnown(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> s.maxPowerWatts() != null
                    || (s.hasAccelerators() && catalog.accelerator(s.acceleratorId()).tdpWatts() != null);
            case NetworkSpec n -> n.maxPowerWatts() != null;
            case CoolingSpec c -> true;
            case PowerSpec p -> true;
            default -> false;
        };
    }

    public static double weightKg(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> s.weightKg() == null ? 0 : s.weightKg();
            case NetworkSpec n -> n.weightKg() == null ? 0 : n.weightKg();
            default -> 0;
        };
    }

    /** Whether a server or network item publishes its weight (other kinds are not weighed). */
    public static boolean weightKnown(CatalogItem item) {
        return switch (item) {
            case ServerSpec s -> s.weightKg() != null;
            case NetworkSpec n -> n.weightKg() != null;
            default -> true;
        };
    }

    /** The cooling the item needs from its rack. Network, cooling and power gear is air-cooled. */
    public static CoolingType coolingNeed(CatalogItem item) {
        return item instanceof ServerSpec s ? s.cooling() : CoolingType.AIR_OR_LIQUID;
    }

    /** Heat a cooling unit removes, watts; 0 for anything else. */
    public static double coolingCapacityWatts(CatalogItem item) {
        return item instanceof CoolingSpec c ? c.capacityKw() * 1000 : 0;
    }

    /** The vendor's or an analyst's price estimate of one unit in USD, or null when no source gives one. */
    public static Double priceUsd(CatalogItem item) {
        return item instanceof ServerSpec s ? s.priceUsdEstimate() : null;
    }

    public int acceleratorCount(CatalogItem item) {
        return item instanceof ServerSpec s ? s.acceleratorCount() : 0;
    }
}
