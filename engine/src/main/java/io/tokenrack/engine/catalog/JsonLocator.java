package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a field path such as {@code servers[3].acceleratorId} sits in a JSON text, so an
 * error can point at the line of the field rather than at the end of the object that holds it.
 */
final class JsonLocator {
    private static final Pattern SEGMENT = Pattern.compile("\\[(\\d+)]|([^.\\[\\]]+)");
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** A 1-based line and column. */
    record Position(int line, int column) {}

    private JsonLocator() {}

    /**
     * The position of the key named by {@code path}, or of the array element or object it names;
     * empty when the text has no such place (a missing field) or cannot be parsed up to it.
     */
    static Optional<Position> find(byte[] json, String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        String target = pointer(path);
        try (JsonParser p = FACTORY.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().toString().equals(target)) {
                    return position(p.currentTokenLocation());
                }
                if (t.isStructStart() && elementPointer(p).equals(target)) {
                    return position(p.currentTokenLocation());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Like {@link #find}, falling back to the nearest enclosing object or array that exists. */
    static Optional<Position> findNearest(byte[] json, String path) {
        for (String p = path; p != null && !p.isEmpty(); p = parent(p)) {
            Optional<Position> found = find(json, p);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code a.b[2].c} → {@code a.b[2]}; {@code a.b[2]} → {@code a.b}; {@code a} → null. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? null : path.substring(0, cut);
    }

    /** {@code servers[3].acceleratorId} → {@code /servers/3/acceleratorId} (JSON Pointer). */
    static String pointer(String path) {
        StringBuilder sb = new StringBuilder();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            String segment = m.group(1) != null ? m.group(1) : m.group(2);
            sb.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** The pointer of the object or array that just started, as an element of its parent. */
    private static String elementPointer(JsonParser p) {
        JsonStreamContext parent = p.getParsingContext().getParent();
        return parent == null ? "" : parent.pathAsPointer().toString();
    }

    private static Optional<Position> position(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return Optional.empty();
        }
        return Optional.of(new Position(loc.getLineNr(), loc.getColumnNr()));
    }
}
