package io.tokenrack.app.canvas;

import java.util.List;

/**
 * One problem or note about the design, for the findings list and the canvas badges: the engine's
 * {@code design.Finding} (severity, stable code from {@code FindingCodes}, rack, items, sentence)
 * behind the small {@link FindingsSource} seam.
 */
public record DesignFinding(Severity severity, String code, String rackId, List<String> itemIds, String message) {
    public enum Severity { ERROR, WARNING, INFO }


    public DesignFinding {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    /** Whether the finding is about the items themselves (drawn flagged on the canvas), not their rack's totals. */
    public boolean pinpointsItems() {
        return code.startsWith("U_") || code.equals(io.tokenrack.engine.design.FindingCodes.COOLING_INCOMPATIBLE)
                || code.equals(io.tokenrack.engine.design.FindingCodes.WRONG_KIND)
                || code.equals(io.tokenrack.engine.design.FindingCodes.ACCELERATOR_WITHOUT_HOST);
    }
}
