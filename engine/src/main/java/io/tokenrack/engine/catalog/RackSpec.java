package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An empty rack: its height, the power it may draw and how it is cooled. */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"provenance", "ranges"}) // read by FigureReader into ItemFigures
public record RackSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) int heightU,
        @JsonProperty(required = true) double powerBudgetKw,
        @JsonProperty(required = true) CoolingType cooling,
        Double maxWeightKg,
        String notes,
        @JsonProperty(required = true) List<String> sources) implements CatalogItem {

    public RackSpec {
        Checks.text("id", id);
        Checks.text("name", name);
        Checks.positive("heightU", heightU);
        Checks.positive("powerBudgetKw", powerBudgetKw);
        Checks.present("cooling", cooling);
        Checks.positiveOrAbsent("maxWeightKg", maxWeightKg);
        sources = Checks.sources(sources);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.RACK;
    }
}
