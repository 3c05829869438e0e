package io.tokenrack.engine.catalog;

import java.util.List;

/** Validation helpers for spec records: each failure names the field and the bad value. */
public final class Checks {
    private Checks() {}

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InputException(field + ": missing or empty");
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InputException(field + ": must be a positive number, was " + value);
        }
        return value;
    }

    /** An optional quantity: absent (null) is allowed, present must be positive. */
    public static Double positiveOrAbsent(String field, Double value) {
        if (value != null) {
            positive(field, value);
        }
        return value;
    }

    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new InputException(field + ": must be a positive whole number, was " + value);
        }
        return value;
    }

    public static Integer positiveOrAbsent(String field, Integer value) {
        if (value != null) {
            positive(field, value.intValue());
        }
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InputException(field + ": must be zero or more, was " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InputException(field + ": must be zero or more, was " + value);
        }
        return value;
    }

    public static double fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InputException(field + ": must be between 0 and 1, was " + value);
        }
        return value;
    }

    public static List<String> sources(List<String> sources) {
        if (sources == null || sources.isEmpty()) {
            throw new InputException("sources: at least one source is required");
        }
        for (String s : sources) {
            text("sources[]", s);
        }
        return List.copyOf(sources);
    }

    /** Power usage effectiveness: facility power over IT power, at least 1 and below 3. */
    public static double pue(String field, double value) {
        if (!(value >= 1.0 && value < 3.0)) {
            throw new InputException(field + ": must be at least 1.0 and below 3.0, was " + value);
        }
        return value;
    }

    /** A required value that has no range (an enum, a nested record): it must be given and not null. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InputException(field + ": missing or null");
        }
        return value;
    }

    /** An optional list: absent means empty; a null entry is an error naming its index. */
    public static <T> List<T> list(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InputException(field + "[" + i + "]: must be an object, was null");
            }
        }
        return List.copyOf(values);
    }
}
