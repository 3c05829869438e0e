package io.tokenrack.engine.design;

import java.util.List;
import java.util.Locale;

/** How findings write numbers and lists: one place, so every sentence reads the same. */
final class Text {
    /** Ids listed in full up to this many; longer lists end in "and N more". */
    private static final int MAX_LISTED = 4;

    private Text() {}

    static String kw(double watts) {
        return String.format(Locale.ROOT, "%.1f kW", watts / 1000);
    }

    static String watts(double watts) {
        return String.format(Locale.ROOT, "%,.0f W", watts);
    }

    static String kwFromKw(double kw) {
        return String.format(Locale.ROOT, "%.1f kW", kw);
    }

    static String kg(double kg) {
        return String.format(Locale.ROOT, "%,.0f kg", kg);
    }

    /** "U1–U8", or "U5" for a single unit. */
    static String units(long bottom, long top) {
        return bottom == top ? "U" + bottom : "U" + bottom + "–U" + top;
    }

    /** "a", "a and b", "a, b and c", "a, b, c, d and 5 more". */
    static String list(List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        if (ids.size() == 1) {
            return ids.getFirst();
        }
        if (ids.size() > MAX_LISTED + 1) {
            return String.join(", ", ids.subList(0, MAX_LISTED)) + " and " + (ids.size() - MAX_LISTED) + " more";
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
    }

    /** "1 switch tray", "9 switch trays". */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** "is" or "are" to agree with a list of {@code n} things. */
    static String isAre(int n) {
        return n == 1 ? "is" : "are";
    }
}
