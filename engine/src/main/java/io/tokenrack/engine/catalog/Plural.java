package io.tokenrack.engine.catalog;

import java.util.Locale;

/** A count with its noun, singular for one: "1 error", "2 errors", "1,200 units". */
public final class Plural {
    private Plural() {}

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and {@code singular} for one, else {@code plural}: of(1, "index", "indices"). */
    public static String of(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }

    /** Just the noun for {@code n}: "unit" for 1, else "units" (for counts laid out in columns). */
    public static String noun(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
