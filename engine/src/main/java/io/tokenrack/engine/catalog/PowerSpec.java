package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Power distribution placed in a rack: a PDU or a power shelf. */
public record PowerSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) double capacityKw,
        @JsonProperty(required = true) int heightU,
        String notes,
        @JsonProperty(required = true) List<String> sources) implements CatalogItem {

    public PowerSpec {
        Checks.text("id", id);
        Checks.text("name", name);
        Checks.positive("capacityKw", capacityKw);
        Checks.nonNegative("heightU", heightU);
        sources = Checks.sources(sources);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.POWER;
    }
}
