package io.tokenrack.engine.power;

import java.util.Locale;

/**
 * How hard each accelerator may run: Max-P (its TDP), Max-Q (the vendor's power-optimised limit) or
 * a power cap in watts, the same for every accelerator. A limit below the modelled draw lowers the
 * clock ({@link #clockFraction}): compute-bound kernels slow by that fraction, memory-bound ones keep
 * their time (HBM bandwidth does not follow the core clock), so prefill slows and memory-bound
 * decode barely does. A cap above TDP changes nothing. A locked clock ({@link Kind#LOCKED_CLOCK}) sets
 * the clock itself, whatever the draw: decode, which waits on memory, keeps nearly all its speed while
 * the compute side's energy and the clock-dependent part of the engine-active floor fall
 * ({@link #floorFraction}).
 *
 * @param kind         which limit
 * @param capWatts     the cap per accelerator, W, for {@link Kind#CAP}; null otherwise
 * @param lockedClock  the locked core clock over the Max-P clock, for {@link Kind#LOCKED_CLOCK}; null otherwise
 */
public record OperatingPoint(Kind kind, Double capWatts, Double lockedClock) {

    /** The three ways to set the limit. */
    public enum Kind {
        /** Full power: the accelerator may draw its TDP. */
        MAX_P("max-p"),
        /** The power-optimised limit: {@link PowerModel#MAX_Q_FRACTION} of TDP. */
        MAX_Q("max-q"),
        /** A power limit in watts per accelerator. */
        CAP("cap"),
        /** The core clock locked at a fraction of the Max-P clock (as {@code nvidia-smi --lock-gpu-clocks} does). */
        LOCKED_CLOCK("locked-clock");

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
    /**
     * The lowest clock a lock may set: 0.6 of the Max-P clock. SM clock locking is measured to save
     * "up to 32%" of decode energy at a small throughput loss (Ma et al. 2026, "The Illusion of Power
     * Capping in LLM Decode", arXiv 2605.11999); the model reaches that saving on H200 decode at 0.6
     * and would claim more below, where it is not validated, so the engine refuses lower locks. The
     * model's "bandwidth does not follow the clock" also needs the cores to keep issuing loads fast
     * enough to keep HBM busy, which a very low clock breaks (docs/model.md, Power).
     */
    public static final double MIN_LOCKED_CLOCK = 0.6;

    /** Max-P, Max-Q or a cap (no locked clock). */
    public OperatingPoint(Kind kind, Double capWatts) {
        this(kind, capWatts, null);
    }

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
        if (kind == Kind.LOCKED_CLOCK && (lockedClock == null || !(lockedClock >= MIN_LOCKED_CLOCK && lockedClock <= 1))) {
            throw new IllegalArgumentException("locked clock: must be a fraction of the Max-P clock from " + MIN_LOCKED_CLOCK + " to 1, was "
                    + lockedClock);
        }
        if (kind != Kind.LOCKED_CLOCK && lockedClock != null) {
            throw new IllegalArgumentException("locked clock: only a locked-clock operating point takes a clock");
        }
    }

    /** The core clock locked at {@code fraction} of the Max-P clock. */
    public static OperatingPoint lockedClock(double fraction) {
        return new OperatingPoint(Kind.LOCKED_CLOCK, null, fraction);
    }

    /** A cap of {@code watts} per accelerator. */
    public static OperatingPoint cap(double watts) {
        return new OperatingPoint(Kind.CAP, watts);
    }

    /** "max-p", "max-q" or "clock:F" (a locked clock, F of the Max-P clock), any case; anything else is an error naming the choices. */
    public static OperatingPoint parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("clock:")) {
            double f;
            try {
                f = Double.parseDouble(v.substring("clock:".length()).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("operating point: clock:F takes a fraction of the Max-P clock, such as clock:0.7, was '" + s + "'");
            }
            return lockedClock(f);
        }
        return switch (v) {
            case "max-p", "maxp" -> MAX_P;
            case "max-q", "maxq" -> MAX_Q;
            default -> throw new IllegalArgumentException("operating point: must be max-p or max-q, or clock:F (a locked clock), was '" + s + "'");
        };
    }

    /** The power limit of one accelerator of this TDP, W: never above the TDP (a locked clock's is the TDP). NaN without a TDP. */
    public double limitWatts(double tdpWatts) {
        return switch (kind) {
            case MAX_P, LOCKED_CLOCK -> tdpWatts;
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
        if (kind == Kind.LOCKED_CLOCK) {
            return lockedClock;
        }
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

    /**
     * The engine-active floor at this operating point, as a share of TDP. Under Max-P, Max-Q and a
     * cap it is {@link PowerModel#STATIC_FRACTION}: the firmware lowers the clock only while
     * compute-bound work would exceed the limit, and the floor is the draw with clocks up. A locked
     * clock holds the clock (and its voltage) low all the time, so the part of the floor above a
     * parked accelerator's draw ({@link PowerModel#IDLE_FRACTION}: clock tree, leakage at the higher
     * voltage) scales as the dynamic power does, clock^γ:
     * {@code floor = idle + (s − idle)·φ^γ}. At φ = 1 this is s.
     */
    public double floorFraction() {
        if (kind != Kind.LOCKED_CLOCK) {
            return PowerModel.STATIC_FRACTION;
        }
        return PowerModel.IDLE_FRACTION + (PowerModel.STATIC_FRACTION - PowerModel.IDLE_FRACTION) * Math.pow(lockedClock, PowerModel.DVFS_EXPONENT);
    }

    /** "max-p", "max-q", "cap 500 W" or "clock 70%". */
    public String label() {
        return switch (kind) {
            case CAP -> String.format(Locale.ROOT, "cap %.0f W", capWatts);
            case LOCKED_CLOCK -> String.format(Locale.ROOT, "clock %.0f%%", lockedClock * 100);
            default -> kind.label();
        };
    }
}
