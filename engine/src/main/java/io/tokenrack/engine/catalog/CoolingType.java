package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** How heat leaves a rack. Liquid racks can host air-cooled gear; air racks cannot host liquid-only gear. */
public enum CoolingType {
    AIR("air"), AIR_OR_LIQUID("air-or-liquid"), LIQUID("liquid"), IMMERSION("immersion");

    private final String label;

    CoolingType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /**
     * Whether a rack cooled this way can cool equipment that needs {@code need}. For equipment,
     * air-or-liquid means "either will do"; for a rack it means "has both", so it hosts liquid gear.
     */
    public boolean canCool(CoolingType need) {
        return switch (need) {
            case AIR -> this != IMMERSION;
            case AIR_OR_LIQUID -> true;
            case LIQUID -> this != AIR;
            case IMMERSION -> this == IMMERSION;
        };
    }
}
