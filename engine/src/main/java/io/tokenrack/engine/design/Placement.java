package io.tokenrack.engine.design;

import com.fasterxml.jackson.annotation.JsonProperty;

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
            throw new IllegalArgumentException("id: missing or empty");
        }
        if (catalogId == null || catalogId.isBlank()) {
            throw new IllegalArgumentException("catalogId: missing or empty");
        }
        if (positionU != null && positionU < 1) {
            throw new IllegalArgumentException("positionU: must be 1 or more (the bottom unit is 1), was " + positionU);
        }
        if (count == null) {
            count = 1;
        }
        if (count < 1) {
            throw new IllegalArgumentException("count: must be 1 or more, was " + count);
        }
        if (positionU != null && count != 1) {
            throw new IllegalArgumentException("count: only 0U items can have a count above 1, was " + count);
        }
    }

    public Placement movedTo(int u) {
        return new Placement(id, catalogId, u, count);
    }
}
