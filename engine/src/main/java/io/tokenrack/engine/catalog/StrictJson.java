package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one strict JSON reader for presets and designs: unknown fields, missing required fields,
 * wrong types, duplicate keys and trailing garbage are errors, reported as {@link PresetException}
 * with file, line, column, field and reason.
 */
public final class StrictJson {
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
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
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private StrictJson() {}

    /** The shared mapper, for writing (reading goes through {@link #read}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(InputStream in, String file, Class<T> type) {
        try (in) {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new PresetException(file, "", "the file is empty or holds only null");
            }
            return value;
        } catch (DatabindException e) {
            throw translate(file, (JsonMappingException) e);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new PresetException(file, line(loc), column(loc), "", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PresetException(file, "", "cannot be read: " + e.getMessage());
        }
    }

    private static PresetException translate(String file, JsonMappingException e) {
        JsonLocation loc = e.getLocation();
        String path = path(e);
        String reason = firstLine(e.getOriginalMessage());
        if (e instanceof UnrecognizedPropertyException u) {
            return new PresetException(file, line(loc), column(loc), path,
                    "unknown field '" + u.getPropertyName() + "'; known fields: " + u.getKnownPropertyIds());
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
        if (e instanceof InvalidFormatException f) {
            return new PresetException(file, line(loc), column(loc), path,
                    "wrong type or value: expected " + describe(f.getTargetType()) + ", found " + quote(f.getValue()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new PresetException(file, line(loc), column(loc), path,
                    "wrong type: expected " + describe(m.getTargetType()) + " (" + reason + ")");
        }
        return new PresetException(file, line(loc), column(loc), path, reason);
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
            StringBuilder sb = new StringBuilder("one of");
            for (Object c : type.getEnumConstants()) {
                sb.append(' ').append(c instanceof CoolingType ct ? ct.label() : c.toString());
            }
            return sb.toString();
        }
        if (java.util.List.class.isAssignableFrom(type)) {
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
        if (path.isEmpty()) {
            return field;
        }
        return path + "." + field;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int line(JsonLocation loc) {
        return loc == null ? -1 : loc.getLineNr();
    }

    private static int column(JsonLocation loc) {
        return loc == null ? -1 : loc.getColumnNr();
    }
}
