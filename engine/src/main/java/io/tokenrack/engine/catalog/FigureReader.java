package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads an entry's {@code "provenance"} and {@code "ranges"} objects (see {@link ItemFigures}),
 * strictly: each key must name a number the entry gives, each provenance a known word, each range
 * exactly {@code low}, {@code high}, {@code provenance} and an optional {@code note}, with the
 * entry's own value inside it.
 */
final class FigureReader {
    static final String PROVENANCE = "provenance";
    static final String RANGES = "ranges";
    private static final Set<String> RANGE_KEYS = Set.of("low", "high", "provenance", "note");

    /** A bad figure: the field's path inside the entry and what is wrong. */
    static final class Bad extends RuntimeException {
        final String field;
        final String reason;

        Bad(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }
    }

    private FigureReader() {}

    static ItemFigures read(JsonNode entry) {
        if (entry == null || !entry.isObject()) {
            return ItemFigures.NONE;
        }
        Map<String, FigureProvenance> prov = new LinkedHashMap<>();
        Map<String, FigureRange> ranges = new LinkedHashMap<>();
        JsonNode p = entry.get(PROVENANCE);
        if (p != null) {
            requireObject(p, PROVENANCE);
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String at = PROVENANCE + "." + f.getKey();
                requireFigure(entry, f.getKey(), at);
                prov.put(f.getKey(), provenance(f.getValue(), at));
            }
        }
        JsonNode r = entry.get(RANGES);
        if (r != null) {
            requireObject(r, RANGES);
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String at = RANGES + "." + f.getKey();
                double value = requireFigure(entry, f.getKey(), at);
                if (prov.containsKey(f.getKey())) {
                    throw new Bad(at, "the range gives this figure's provenance; remove it from \"provenance\"");
                }
                FigureRange range = range(f.getValue(), at);
                if (!range.contains(value)) {
                    throw new Bad(at, "the entry's value " + value + " is outside the range " + range.low() + " to " + range.high());
                }
                ranges.put(f.getKey(), range);
            }
        }
        return new ItemFigures(prov, ranges);
    }

    private static FigureRange range(JsonNode n, String at) {
        requireObject(n, at);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!RANGE_KEYS.contains(k)) {
                throw new Bad(at + "." + k, "unknown field (a range has low, high, provenance and note)");
            }
        }
        double low = number(n.get("low"), at + ".low");
        double high = number(n.get("high"), at + ".high");
        JsonNode pn = n.get("provenance");
        if (pn == null) {
            throw new Bad(at + ".provenance", "missing: say where the range comes from (filed, announced, secondary or assumption)");
        }
        FigureProvenance prov = provenance(pn, at + ".provenance");
        JsonNode note = n.get("note");
        if (note != null && (!note.isTextual() || note.asText().isBlank())) {
            throw new Bad(at + ".note", "must be a non-empty string");
        }
        if (!(low > 0)) {
            throw new Bad(at + ".low", "must be a positive number, was " + low);
        }
        if (!(low < high)) {
            throw new Bad(at + ".high", "must be above low (" + low + "), was " + high);
        }
        return new FigureRange(low, high, prov, note == null ? null : note.asText());
    }

    private static double number(JsonNode n, String at) {
        if (n == null) {
            throw new Bad(at, "missing");
        }
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new Bad(at, "must be a number, was " + n);
        }
        return n.asDouble();
    }

    private static FigureProvenance provenance(JsonNode n, String at) {
        if (!n.isTextual()) {
            throw new Bad(at, "must be a string, was " + n);
        }
        try {
            return FigureProvenance.parse(n.asText());
        } catch (InputException e) {
            throw new Bad(at, e.getMessage());
        }
    }

    private static double requireFigure(JsonNode entry, String field, String at) {
        JsonNode v = entry.get(field);
        if (v == null) {
            throw new Bad(at, "the entry gives no '" + field + "' (a range or provenance needs the figure itself)");
        }
        if (!v.isNumber()) {
            throw new Bad(at, "'" + field + "' is not a number");
        }
        return v.asDouble();
    }

    private static void requireObject(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new Bad(at, "must be an object, was " + n);
        }
    }
}
