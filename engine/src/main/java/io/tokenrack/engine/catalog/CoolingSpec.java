package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A way of removing heat from a rack: room air, a rear-door heat exchanger, direct-to-chip liquid
 * with a CDU, or immersion.
 *
 * @param capacityKw heat this unit can remove from one rack, kW
 * @param pue        facility power usage effectiveness typical for this cooling (facility ÷ IT power)
 * @param heightU    rack units it occupies (0 for a door, a room system or an external CDU)
 */
public record CoolingSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) CoolingType type,
        @JsonProperty(required = true) double capacityKw,
        @JsonProperty(required = true) double pue,
        @JsonProperty(required = true) int heightU,
        Double powerWatts,
        String notes,
        @JsonProperty(required = true) List<String> sources) implements CatalogItem {

    public CoolingSpec {
        Checks.text("id", id);
        Checks.text("name", name);
        Checks.present("type", type);
        Checks.positive("capacityKw", capacityKw);
        Checks.pue("pue", pue);
        Checks.nonNegative("heightU", heightU);
        Checks.positiveOrAbsent("powerWatts", powerWatts);
        sources = Checks.sources(sources);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.COOLING;
    }
}
