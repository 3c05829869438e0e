package io.tokenrack.app.canvas;

import java.util.List;

/**
 * One problem or note about the design, for the findings list and the canvas badges. Mirrors the
 * engine's {@code design.Finding} (severity, stable code, rack, items, sentence) so the check can
 * be swapped.
 */
public record DesignFinding(Severity severity, String code, String rackId, List<String> itemIds, String message) {
    public enum Severity { ERROR, WARNING, INFO }

    public static final String U_OVERLAP = "U_OVERLAP";
    public static final String U_OVERFLOW = "U_OVERFLOW";
    public static final String POWER_OVER_BUDGET = "POWER_OVER_BUDGET";
    public static final String POWER_AT_BUDGET = "POWER_AT_BUDGET";
    public static final String POWER_UNKNOWN = "POWER_UNKNOWN";
    public static final String COOLING_INCOMPATIBLE = "COOLING_INCOMPATIBLE";
    public static final String COOLING_OVER_CAPACITY = "COOLING_OVER_CAPACITY";
    public static final String WEIGHT_OVER_LIMIT = "WEIGHT_OVER_LIMIT";
    public static final String UNKNOWN_CATALOG_ID = "UNKNOWN_CATALOG_ID";

    public DesignFinding {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    /** Whether the finding is about the items themselves (drawn flagged on the canvas), not their rack's totals. */
    public boolean pinpointsItems() {
        return code.startsWith("U_") || code.equals(COOLING_INCOMPATIBLE);
    }
}
