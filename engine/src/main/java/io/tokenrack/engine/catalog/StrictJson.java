package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one strict JSON reader for presets and designs: unknown fields, missing required fields,
 * wrong types, duplicate keys and trailing garbage are errors, reported as {@link PresetException}
 * with file, line, column, field and reason.
 */
public final class StrictJson {
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']+)'");
    private static final Pattern FIELD_REASON = Pattern.compile("^([A-Za-z0-9_.\\[\\]]+): (.*)$", Pattern.DOTALL);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            // Records are written from their components only: helpers such as isMoe() or
            // isAuto() must not become extra JSON fields that the strict reader then rejects.
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            // [null] in a list is never a value of the format: an error at the element, not a
            // record constructor failing on a null deep inside
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    /** The largest preset, design or profile file read: far above any real one, far below the heap. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** Limits on the JSON itself, so a hostile file fails with a message instead of exhausting the stack or heap. */
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_CHARS = 1_000_000;
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_NAME_CHARS = 1_000;

    static {
        MAPPER.getFactory().setStreamReadConstraints(constraints());
    }

    /** The limits every JSON reader of the project applies (depth, string, number and key length, size). */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxDocumentLength(MAX_FILE_BYTES)
                .build();
    }

    private StrictJson() {}

    /**
     * A copy of the configured mapper, for writing JSON the reader accepts (reading goes through
     * {@link #read}). A copy, so no caller can change how everyone else reads and writes.
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /**
     * Reads one value of {@code type}; any problem becomes a {@link PresetException} naming
     * {@code file} (as the user should see it), the line, column, field and reason.
     */
    public static <T> T read(InputStream in, String file, Class<T> type) {
        byte[] json;
        try (in) {
            json = readLimited(in, file);
        } catch (IOException e) {
            throw new PresetException(file, "", "cannot be read: " + e.getMessage());
        }
        return read(json, file, type);
    }

    /** Reads and parses {@code path}; {@code file} is what messages call it. See {@link #readBytes}. */
    public static <T> T read(Path path, String file, Class<T> type) {
        return read(readBytes(path, file), file, type);
    }

    /**
     * The bytes of a JSON file, at most {@link #MAX_FILE_BYTES} (a device or a huge file is refused
     * before it fills the memory); a missing, unreadable or oversized file is a
     * {@link PresetException} naming {@code file}. Every file the engine and the app read
     * goes through here or {@link #read(InputStream, String, Class)}.
     */
    public static byte[] readBytes(Path path, String file) {
        if (Files.isDirectory(path)) {
            throw new PresetException(file, "", "is a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readLimited(in, file);
        } catch (NoSuchFileException e) {
            throw new PresetException(file, "", "no such file");
        } catch (IOException e) {
            throw new PresetException(file, "", "cannot be read: " + e.getMessage());
        }
    }

    private static byte[] readLimited(InputStream in, String file) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(file);
        }
        return bytes;
    }

    private static PresetException tooLarge(String file) {
        return new PresetException(file, "", "too large: more than " + MAX_FILE_BYTES / (1024 * 1024)
                + " MiB (TokenRack's designs, presets and profiles are far smaller)");
    }

    /**
     * Refuses text that is not UTF-8, as the formats require: a UTF-16 or UTF-32 byte-order mark,
     * or any zero byte (UTF-16/32 text without a mark, or a binary file).
     */
    public static void requireUtf8(byte[] json, String file) {
        int n = json.length;
        if (n >= 4 && ((json[0] == 0 && json[1] == 0 && (json[2] & 0xFF) == 0xFE && (json[3] & 0xFF) == 0xFF)
                || ((json[0] & 0xFF) == 0xFF && (json[1] & 0xFF) == 0xFE && json[2] == 0 && json[3] == 0))) {
            throw new PresetException(file, "", "is UTF-32 text; the format is UTF-8 (save the file as UTF-8)");
        }
        if (n >= 2 && (((json[0] & 0xFF) == 0xFE && (json[1] & 0xFF) == 0xFF) || ((json[0] & 0xFF) == 0xFF && (json[1] & 0xFF) == 0xFE))) {
            throw new PresetException(file, "", "is UTF-16 text; the format is UTF-8 (save the file as UTF-8)");
        }
        for (int i = 0; i < n; i++) {
            if (json[i] == 0) {
                throw new PresetException(file, "", "holds a zero byte at offset " + i
                        + ": not UTF-8 JSON text (UTF-16 or UTF-32 text, or a binary file); the format is UTF-8");
            }
        }
    }

    /** Like {@link #read(InputStream, String, Class)}, from the bytes of a file. */
    public static <T> T read(byte[] json, String file, Class<T> type) {
        if (json.length > MAX_FILE_BYTES) {
            throw tooLarge(file);
        }
        requireUtf8(json, file);
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new PresetException(file, "", "the file is empty");
            }
            T value;
            try {
                value = MAPPER.readValue(parser, type);
            } catch (StreamConstraintsException e) {
                throw limitError(file, "", e, parser.currentLocation());
            } catch (DatabindException e) {
                if (e.getCause() instanceof StreamConstraintsException limit) {
                    throw limitError(file, path((JsonMappingException) e), limit, parser.currentLocation());
                }
                if (e.getCause() instanceof StreamReadException syntax) {
                    throw syntaxError(file, path((JsonMappingException) e), syntax);
                }
                throw atField(translate(file, (JsonMappingException) e, parser), json);
            }
            if (value == null) {
                throw new PresetException(file, "", "the file holds only null");
            }
            return value;
        } catch (StreamReadException e) {
            throw syntaxError(file, "", e);
        } catch (StreamConstraintsException e) {
            throw limitError(file, "", e, e.getLocation());
        } catch (IOException e) {
            throw new PresetException(file, "", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The same error placed at its field's key in the text (or at the nearest enclosing object
     * that exists, for a missing field): Jackson reports record errors at the end of the object.
     */
    static PresetException atField(PresetException e, byte[] json) {
        return JsonLocator.findNearest(json, e.field())
                .map(pos -> new PresetException(e.file(), pos.line(), pos.column(), e.field(), e.reason()))
                .orElse(e);
    }

    private static PresetException translate(String file, JsonMappingException e, JsonParser parser) {
        JsonLocation loc = e.getLocation();
        String path = path(e);
        String reason = firstLine(e.getOriginalMessage());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            for (Object id : u.getKnownPropertyIds()) {
                known.add(String.valueOf(id));
            }
            Collections.sort(known);
            return new PresetException(file, line(loc), column(loc), join(path, u.getPropertyName()),
                    "unknown field '" + u.getPropertyName() + "'; known fields: " + String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            String msg = cause != null && cause.getMessage() != null ? cause.getMessage() : reason;
            Matcher m = FIELD_REASON.matcher(msg);
            if (m.matches()) {
                return new PresetException(file, line(loc), column(loc), join(path, m.group(1)), m.group(2));
            }
            return new PresetException(file, line(loc), column(loc), path, msg);
        }
        Matcher missing = MISSING.matcher(reason);
        if (missing.find()) {
            return new PresetException(file, line(loc), column(loc), join(path, missing.group(1)), "required field is missing");
        }
        if (e instanceof InvalidNullException n) {
            return new PresetException(file, line(loc), column(loc), path,
                    "must be " + describe(n.getTargetType()) + ", was null");
        }
        if (e instanceof InvalidFormatException f) {
            return new PresetException(file, line(loc), column(loc), path,
                    "wrong type or value: expected " + describe(f.getTargetType()) + ", found " + quote(f.getValue()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new PresetException(file, line(loc), column(loc), path,
                    "wrong type: expected " + describe(m.getTargetType()) + ", found " + found(parser));
        }
        return new PresetException(file, line(loc), column(loc), path, reason);
    }

    /** A nesting depth, string, number or name beyond {@link #MAX_NESTING_DEPTH} and the other limits. */
    private static PresetException limitError(String file, String path, StreamConstraintsException e, JsonLocation where) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : where;
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (m.contains("nesting depth")) {
            what = "nested more than " + MAX_NESTING_DEPTH + " levels deep";
        } else if (m.contains("Number value length") || m.contains("number value length")) {
            what = "a number longer than " + MAX_NUMBER_CHARS + " characters";
        } else if (m.contains("String value length") || m.contains("string value length")) {
            what = "a string longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_STRING_CHARS) + " characters";
        } else if (m.contains("Name length") || m.contains("name length")) {
            what = "a key longer than " + MAX_NAME_CHARS + " characters";
        } else if (m.contains("Document length") || m.contains("document length")) {
            throw tooLarge(file);
        } else {
            what = "beyond the reader's limits";
        }
        return new PresetException(file, line(loc), column(loc), path, "not a design or preset: " + what);
    }

    /** Broken JSON text, or a key given twice in one object (the parser reports both). */
    private static PresetException syntaxError(String file, String path, StreamReadException e) {
        JsonLocation loc = e.getLocation();
        String reason = firstLine(e.getOriginalMessage());
        Matcher dup = DUPLICATE.matcher(reason);
        if (dup.find()) {
            return new PresetException(file, line(loc), column(loc), join(path, dup.group(1)),
                    "duplicate key '" + dup.group(1) + "' (a key may appear only once in an object)");
        }
        return new PresetException(file, line(loc), column(loc), path, "not valid JSON: " + reason);
    }

    /** What the parser found where the wrong type was, e.g. {@code a string "500"}. */
    private static String found(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "a value of another type";
        }
        return switch (t) {
            case VALUE_STRING -> "a string" + text(p, " \"", "\"");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number" + text(p, " ", "");
            case VALUE_TRUE, VALUE_FALSE -> t.asString();
            case VALUE_NULL -> "null";
            case START_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY -> "an array";
            default -> "a value of another type";
        };
    }

    /** The current token's text between {@code before} and {@code after}, or "" when the parser no longer has it. */
    private static String text(JsonParser p, String before, String after) {
        try {
            String text = p.getText();
            return text == null ? "" : before + text + after;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            List<String> labels = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                labels.add("\"" + MAPPER.convertValue(c, String.class) + "\"");
            }
            return "one of " + String.join(", ", labels);
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String join(String path, String field) {
        if (path.isEmpty() || path.equals(field)) {
            return field;
        }
        if (path.endsWith("." + field)) {
            return path;
        }
        return path + "." + field;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // the parser's own description of a location ("[Source: REDACTED (...); line: 1, column: 44]") says
        // nothing to a user: the message already starts with the file, line and column
        return line.replaceAll("at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "at line $1, column $2")
                .replaceAll(" at \\[Source: [^\\]]*\\]", "");
    }

    private static int line(JsonLocation loc) {
        return loc == null ? -1 : loc.getLineNr();
    }

    private static int column(JsonLocation loc) {
        return loc == null ? -1 : loc.getColumnNr();
    }
}
