package io.tokenrack.engine.site;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which rack power the site is sized by. Provisioned (nameplate of the power shelves) never trips a
 * feed; Max-P (accelerators at TDP plus hosts and network at nameplate) is the contractual cap; the
 * modelled draw at the operating point packs the most racks but relies on power capping to hold it; the
 * P90 draw of the phase mix ({@link PhaseMixPower}) lies between and is exceeded about a tenth of the time.
 */
public enum RackPowerBasis {
    @JsonProperty("provisioned") PROVISIONED,
    @JsonProperty("max-p") MAX_P,
    @JsonProperty("modelled") MODELLED,
    @JsonProperty("p90") P90;

    public String label() {
        return switch (this) {
            case PROVISIONED -> "provisioned";
            case MAX_P -> "max-p";
            case MODELLED -> "modelled";
            case P90 -> "p90";
        };
    }

    /** What sizing by this basis risks, in a sentence. */
    public String risk() {
        return switch (this) {
            case PROVISIONED -> "none from power: every rack can draw its nameplate at once, which leaves utility power unused";
            case MAX_P -> "low: every rack can run at TDP at once; only transients above TDP (which power shelves absorb) exceed it";
            case MODELLED -> "sized by the modelled draw at the operating point: a burst of prefill-heavy load or a model error above the draw "
                    + "exceeds the envelope unless racks are power-capped (slowing compute-bound prefill)";
            case P90 -> "sized by the P90 draw of the phase mix (prefill runs, decode runs and idle time at the utilization): the racks draw "
                    + "more than they are sized for up to a tenth of the time (the plan states the modelled share), so power capping or rack energy storage must hold them to "
                    + "the envelope then; a mix heavier in prefill than planned, or a model error, raises that share";
        };
    }
}
