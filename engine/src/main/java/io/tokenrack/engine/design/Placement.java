package io.tokenrack.engine.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Limits;

/**
 * One catalog item placed in a rack.
 *
 * @param id         unique within the design (e.g. "dgx-1")
 * @param catalogId  the catalog entry placed
 * @param positionU  lowest rack unit it occupies, 1-based from the bottom; null for 0U items
 *                   (rear doors, room cooling, optics counted per rack)
 * @param count      how many of a 0U item (optics); 1 for anything with a U position
 */
public record Placement(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String catalogId,
        Integer positionU,
        Integer count) {

    public Placement {
        if (id == null || id.isBlank()) {
            throw new InputException("id: missing or empty");
        }
        if (catalogId == null || catalogId.isBlank()) {
            throw new InputException("catalogId: missing or empty");
        }
        if (positionU != null && (positionU < 1 || positionU > Limits.MAX_RACK_UNIT)) {
            throw new InputException(positionU < 1
                    ? "positionU: must be 1 or more (the bottom unit is 1), was " + positionU
                    : "positionU: must be at most " + Limits.MAX_RACK_UNIT + " (no rack is taller), was " + positionU);
        }
        if (count == null) {
            count = 1;
        }
        if (count < 1) {
            throw new InputException("count: must be 1 or more, was " + count);
        }
        if (count > Limits.MAX_ITEM_COUNT) {
            throw new InputException(String.format(java.util.Locale.ROOT,
                    "count: must be at most %,d, was %d", Limits.MAX_ITEM_COUNT, count));
        }
        if (positionU != null && count != 1) {
            throw new InputException("count: only 0U items can have a count above 1, was " + count);
        }
    }

    public Placement movedTo(int u) {
        return new Placement(id, catalogId, u, count);
    }
}
