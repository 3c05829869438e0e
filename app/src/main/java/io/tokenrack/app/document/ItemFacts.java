package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.ItemPower;
import io.tokenrack.engine.design.NameplatePower;
import io.tokenrack.engine.design.RackLoads;

/**
 * What a rack needs to know about a catalog item, read from its datasheet figures: height, the
 * nameplate power it may draw, weight, the cooling it needs and its price. No rule of its own: the
 * figures are the engine's ({@link RackLoads}, {@link NameplatePower}), the ones the design check
 * and the evaluator sum.
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
        return RackLoads.equipment(item);
    }

    /** Rack units taken; 0 for items counted per rack (NICs, optics, doors, external CDUs). */
    public static int heightU(CatalogItem item) {
        return RackLoads.heightU(item);
    }

    /** One unit's nameplate power by the engine's one rule ({@link NameplatePower}). */
    public ItemPower power(CatalogItem item) {
        return NameplatePower.of(item, catalog);
    }

    /**
     * Nameplate maximum IT power of one unit in watts, counted against the rack's budget
     * ({@link NameplatePower}): a server without a published figure counts its accelerators' TDP
     * plus an assumed host; a figure no source gives counts as 0 (and {@link #powerKnown} says so).
     * Cooling units count 0: their fans and pumps are facility overhead that the PUE accounts for.
     */
    public double maxPowerWatts(CatalogItem item) {
        return power(item).watts();
    }

    /**
     * Whether a source gives this item's maximum power itself; false for a server counted from its
     * accelerators' TDP and an assumed host, and for items with no figure.
     */
    public boolean powerPublished(CatalogItem item) {
        return power(item).published();
    }

    /** Whether the item's power is counted at all (published, or estimated with an assumed host). */
    public boolean powerKnown(CatalogItem item) {
        return !power(item).unknown();
    }

    /** Published weight of one unit, kg; 0 when none is published or the item is not weighed. */
    public static double weightKg(CatalogItem item) {
        Double kg = RackLoads.weightKg(item);
        return kg == null ? 0 : kg;
    }

    /** Whether a server or network item publishes its weight (other kinds are not weighed). */
    public static boolean weightKnown(CatalogItem item) {
        return !RackLoads.weighed(item) || RackLoads.weightKg(item) != null;
    }

    /** The cooling the item needs from its rack. Network, cooling and power gear is air-cooled. */
    public static CoolingType coolingNeed(CatalogItem item) {
        return item instanceof ServerSpec s ? s.cooling() : CoolingType.AIR_OR_LIQUID;
    }

    /** Heat a cooling unit removes, watts; 0 for anything else. */
    public static double coolingCapacityWatts(CatalogItem item) {
        return RackLoads.coolingCapacityWatts(item);
    }

    /** The vendor's or an analyst's price estimate of one unit in USD, or null when no source gives one. */
    public static Double priceUsd(CatalogItem item) {
        return item instanceof ServerSpec s ? s.priceUsdEstimate() : null;
    }

    public int acceleratorCount(CatalogItem item) {
        return item instanceof ServerSpec s ? s.acceleratorCount() : 0;
    }
}
