package io.tokenrack.engine.site;

/** What stops the site from holding more racks. */
public enum BindingLimit {
    POWER, COOLING, FLOOR_SPACE, BUDGET;

    /** The JSON word: power, cooling, floor-space, budget. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
