package io.tokenrack.engine.power;

import java.util.Locale;

/**
 * How hard each accelerator may run: Max-P (its TDP), Max-Q (the vendor's power-optimised limit) or
 * a power cap in watts, the same for every accelerator. A limit below the modelled draw lowers the
 * clock ({@link #clockFraction}): compute-bound kernels slow by that fraction, memory-bound ones keep
 * their time (HBM bandwidth does not follow the core clock), so prefill slows and memory-bound
 * decode barely does. A cap above TDP changes nothing.
 *
 * @param kind      which limit
 * @param capWatts  the cap per accelerator, W, for {@link Kind#CAP}; null otherwise
 */
public record OperatingPoint(Kind kind, Double capWatts) {

    /** The three ways to set the limit. */
    public enum Kind {
        /** Full power: the accelerator may draw its TDP. */
        MAX_P("max-p"),
        /** The power-optimised limit: {@link PowerModel#MAX_Q_FRACTION} of TDP. */
        MAX_Q("max-q"),
        /** A power limit in watts per accelerator. */
        CAP("cap");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final OperatingPoint MAX_P = new OperatingPoint(Kind.MAX_P, null);
    public static final OperatingPoint MAX_Q = new OperatingPoint(Kind.MAX_Q, null);

    public OperatingPoint {
        if (kind == null) {
            throw new IllegalArgumentException("kind: missing");
        }
        if (kind == Kind.CAP && (capWatts == null || !(capWatts > 0) || capWatts.isInfinite())) {
            throw new IllegalArgumentException("power cap: must be a positive number of watts per accelerator, was " + capWatts);
        }
        if (kind != Kind.CAP && capWatts != null) {
            throw new IllegalArgumentException("power cap: only a cap operating point takes watts");
        }
    }

    /** A cap of {@code watts} per accelerator. */
    public static OperatingPoint cap(double watts) {
        return new OperatingPoint(Kind.CAP, watts);
    }

    /** "max-p" or "max-q" (any case); anything else is an error naming the choices. */
    public static OperatingPoint parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "max-p", "maxp" -> MAX_P;
            case "max-q", "maxq" -> MAX_Q;
            default -> throw new IllegalArgumentException("operating point: must be max-p or max-q, was '" + s + "'");
        };
    }

    /** The power limit of one accelerator of this TDP, W: never above the TDP. NaN without a TDP. */
    public double limitWatts(double tdpWatts) {
        return switch (kind) {
            case MAX_P -> tdpWatts;
            case MAX_Q -> tdpWatts * PowerModel.MAX_Q_FRACTION;
            case CAP -> Math.min(tdpWatts, capWatts);
        };
    }

    /**
     * The core clock as a fraction of the Max-P clock at which a compute-bound kernel, which draws
     * the TDP at full clock, draws the limit: static power stays and the rest scales as
     * clock^{@link PowerModel#DVFS_EXPONENT} (voltage falls with frequency), so
     * {@code φ = ((limit/TDP − s) / (1 − s))^(1/γ)}. 1 at Max-P and for a cap at or above TDP; NaN
     * when the limit is at or below the engine-active floor {@code s·TDP}, where no clock meets it.
     */
    public double clockFraction(double tdpWatts) {
        if (kind == Kind.MAX_P || !(tdpWatts > 0)) {
            return 1;
        }
        double limit = limitWatts(tdpWatts) / tdpWatts;
        if (limit >= 1) {
            return 1;
        }
        double s = PowerModel.STATIC_FRACTION;
        if (limit <= s) {
            return Double.NaN;
        }
        return Math.pow((limit - s) / (1 - s), 1 / PowerModel.DVFS_EXPONENT);
    }

    /** "max-p", "max-q" or "cap 500 W". */
    public String label() {
        return kind == Kind.CAP ? String.format(Locale.ROOT, "cap %.0f W", capWatts) : kind.label();
    }
}
