package io.tokenrack.app.theme;

import java.util.Locale;

/** Numbers as people read them, always with a unit. NaN reads "—" (not published / not known). */
public final class Units {
    private Units() {}

    public static final String UNKNOWN = "—";

    /** 3 significant figures with thousands separators: 87,646 · 2,739 · 23.4 · 2.88 · 1.50 · 0.249; whole numbers from 10 up without ".0" (80). */
    public static String number(double v) {
        String s = rounded(v);
        return Math.abs(v) >= 10 && v == Math.rint(v) && s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String rounded(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return UNKNOWN;
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.US, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.US, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.US, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.US, "%.2f", v);
        }
        if (a == 0) {
            return "0";
        }
        return String.format(Locale.US, "%.3f", v);
    }

    /** Large counts shortened: 1.43M, 87.6k. */
    public static String compact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return UNKNOWN;
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return number(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return number(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return number(v / 1e3) + "k";
        }
        return number(v);
    }

    public static String kw(double watts) {
        return Double.isNaN(watts) ? UNKNOWN + " kW" : String.format(Locale.US, "%.1f kW", watts / 1000);
    }

    public static String watts(double watts) {
        if (Double.isNaN(watts)) {
            return UNKNOWN + " W";
        }
        return Math.abs(watts) >= 10_000 ? kw(watts) : String.format(Locale.US, "%,.0f W", watts);
    }

    public static String usd(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "$" + UNKNOWN;
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.US, "$%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.US, "$%.1f", v);
        }
        if (Math.abs(v) >= 0.1) {
            return String.format(Locale.US, "$%.2f", v);
        }
        return String.format(Locale.US, "$%.3f", v);
    }

    public static String ms(double seconds) {
        if (Double.isNaN(seconds)) {
            return UNKNOWN + " ms";
        }
        double ms = seconds * 1000;
        return ms >= 1000 ? String.format(Locale.US, "%.2f s", seconds) : number(ms) + " ms";
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? UNKNOWN + " %" : String.format(Locale.US, "%.0f %%", fraction * 100);
    }

    public static String kg(double kg) {
        return String.format(Locale.US, "%,.0f kg", kg);
    }

    public static String gb(double bytes) {
        return Double.isNaN(bytes) ? UNKNOWN + " GB" : number(bytes / 1e9) + " GB";
    }
}
