package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a catalog entry says about how sure its figures are: a {@link FigureProvenance} for each
 * figure that is not a datasheet value, and a {@link FigureRange} for each figure known only as a
 * range. In the presets these are the entry's {@code "provenance"} and {@code "ranges"} objects,
 * keyed by the figure's field name.
 */
public record ItemFigures(Map<String, FigureProvenance> provenance, Map<String, FigureRange> ranges) {
    public static final ItemFigures NONE = new ItemFigures(Map.of(), Map.of());

    public ItemFigures {
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        ranges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    }

    public boolean isEmpty() {
        return provenance.isEmpty() && ranges.isEmpty();
    }

    /** The provenance of {@code field}: its range's, else the one given, else datasheet. */
    public FigureProvenance provenanceOf(String field) {
        FigureRange r = ranges.get(field);
        if (r != null) {
            return r.provenance();
        }
        return provenance.getOrDefault(field, FigureProvenance.DATASHEET);
    }

    /**
     * {@code item} with the number {@code field} set to {@code value}, every other figure as it was:
     * the entry as it would read at one end of a range. Checked as strictly as a loaded entry.
     */
    @SuppressWarnings("unchecked")
    public static <T extends CatalogItem> T withFigure(T item, String field, double value) {
        ObjectMapper m = StrictJson.mapper();
        ObjectNode node = m.valueToTree(item);
        if (!node.has(field) || !node.get(field).isNumber()) {
            throw new InputException(field + ": " + item.id() + " has no number of that name");
        }
        if (node.get(field).isIntegralNumber()) {
            if (value != Math.rint(value)) {
                throw new InputException(field + ": a whole number, was " + value);
            }
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
        try {
            return (T) m.treeToValue(node, item.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof InputException ie ? ie : e;
            throw new InputException(field + ": " + cause.getMessage());
        }
    }
}
