package io.tokenrack.engine.site;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;

/**
 * How the site rejects its heat. Either a plant type, whose cooling power is a share of the IT heat
 * (chillers for cold water or air; dry coolers for warm-water liquid cooling), or a PUE the user
 * knows, which then includes the power chain's losses. See docs/site.md.
 *
 * @param plant                 chillers, dry-coolers, or pue (the {@code pue} field is the whole overhead)
 * @param pue                   facility power over IT power; required with plant {@code pue}, not allowed otherwise
 * @param overheadFraction      cooling watts per watt of IT heat; null for the plant's default
 * @param capacityMegawatts     heat the plant can reject, MW of IT heat; null when the plant is sized to the site
 */
public record CoolingPlant(@JsonProperty(required = true) Plant plant, Double pue, Double overheadFraction, Double capacityMegawatts) {
    /** The kinds of plant. */
    public enum Plant {
        @JsonProperty("chillers") CHILLERS,
        @JsonProperty("dry-coolers") DRY_COOLERS,
        @JsonProperty("pue") PUE;

        public String label() {
            return switch (this) {
                case CHILLERS -> "chillers";
                case DRY_COOLERS -> "dry coolers";
                case PUE -> "given PUE";
            };
        }
    }

    /**
     * Cooling power per watt of IT heat with mechanical chillers: 0.20, a TokenRack assumption chosen
     * so that with the default AC chain the site lands at PUE ≈ 1.27, between the 1.3 InferenceX uses for
     * air-cooled sites and the 1.1–1.2 of hyperscale halls (docs/site.md).
     */
    public static final double CHILLER_OVERHEAD = 0.20;
    /**
     * Cooling power per watt of IT heat with dry coolers on warm-water liquid cooling (no compressor,
     * pumps and fans only): 0.04, a TokenRack assumption giving PUE ≈ 1.11 with the AC chain, inside the
     * 1.05–1.15 of new liquid-cooled AI builds (docs/site.md).
     */
    public static final double DRY_COOLER_OVERHEAD = 0.04;

    public static final CoolingPlant DRY = new CoolingPlant(Plant.DRY_COOLERS, null, null, null);

    public CoolingPlant {
        if (plant == null) {
            throw new InputException("cooling.plant: missing (chillers, dry-coolers or pue)");
        }
        if (plant == Plant.PUE) {
            if (pue == null) {
                throw new InputException("cooling.pue: required when cooling.plant is pue");
            }
            if (!(pue >= 1 && pue <= 3)) {
                throw new InputException("cooling.pue: must be from 1 to 3, was " + pue);
            }
            if (overheadFraction != null) {
                throw new InputException("cooling.overheadFraction: not allowed with plant pue (the PUE is the whole overhead)");
            }
        } else if (pue != null) {
            throw new InputException("cooling.pue: only with plant pue; with " + plant.label() + " the PUE follows from the plant and the power chain");
        }
        if (overheadFraction != null && !(overheadFraction >= 0 && overheadFraction <= 1)) {
            throw new InputException("cooling.overheadFraction: must be from 0 to 1, was " + overheadFraction);
        }
        if (capacityMegawatts != null && !(capacityMegawatts > 0 && Double.isFinite(capacityMegawatts))) {
            throw new InputException("cooling.capacityMegawatts: must be a positive number, was " + capacityMegawatts);
        }
    }

    /** Cooling watts per IT watt (for plant pue: what remains of the PUE after the chain's losses). */
    public double overhead(PowerChain chain) {
        return switch (plant) {
            case CHILLERS -> overheadFraction != null ? overheadFraction : CHILLER_OVERHEAD;
            case DRY_COOLERS -> overheadFraction != null ? overheadFraction : DRY_COOLER_OVERHEAD;
            case PUE -> Math.max(0, pue - 1 / chain.efficiency());
        };
    }

    /** Facility watts per IT watt: the chain's losses plus cooling (or the given PUE). */
    public double facilityPerItWatt(PowerChain chain) {
        return plant == Plant.PUE ? Math.max(pue, 1 / chain.efficiency()) : 1 / chain.efficiency() + overhead(chain);
    }
}
