package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a part ships, has only been announced (numbers are the vendor's announcement), or was
 * announced and then withdrawn (kept only as a labelled what-if).
 */
public enum Availability {
    SHIPPING("shipping"), ANNOUNCED("announced"), WITHDRAWN("withdrawn");

    private final String label;

    Availability(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
