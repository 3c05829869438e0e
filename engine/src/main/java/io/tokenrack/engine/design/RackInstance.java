package io.tokenrack.engine.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;
import java.util.List;

/** One physical rack in a design: which rack model it is and what is placed in it. */
public record RackInstance(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String rackId,
        List<Placement> items) {

    public RackInstance {
        if (id == null || id.isBlank()) {
            throw new InputException("id: missing or empty");
        }
        if (name == null || name.isBlank()) {
            throw new InputException("name: missing or empty");
        }
        if (rackId == null || rackId.isBlank()) {
            throw new InputException("rackId: missing or empty");
        }
        items = items == null ? List.of() : List.copyOf(items);
    }

    public RackInstance withItems(List<Placement> newItems) {
        return new RackInstance(id, name, rackId, newItems);
    }
}
