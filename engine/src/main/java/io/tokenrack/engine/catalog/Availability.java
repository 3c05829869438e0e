package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a part ships, or has only been announced (numbers are the vendor's announcement). */
public enum Availability {
    SHIPPING("shipping"), ANNOUNCED("announced");

    private final String label;

    Availability(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
