package io.tokenrack.engine.design;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One thing {@link DesignCheck} found about a design.
 *
 * @param severity how bad it is: an error means the design cannot work as drawn
 * @param code     a stable identifier for the kind of finding (see {@link FindingCodes}), for tests,
 *                 icons and filters; the message may change, the code does not
 * @param rackId   the rack it concerns, null for the design as a whole
 * @param itemIds  ids of the placed items involved (may be empty for a rack- or design-level finding)
 * @param message  one sentence a person understands, e.g.
 *                 "Rack A: dgx-2 (U5–U12) overlaps dgx-1 (U1–U8)."
 */
public record Finding(Severity severity, String code, String rackId, List<String> itemIds, String message) {

    /** How bad a finding is. */
    public enum Severity {
        ERROR, WARNING, INFO;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        if (severity == null) {
            throw new IllegalArgumentException("severity: missing");
        }
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code: missing or empty");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message: missing or empty");
        }
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    static Finding error(String code, String rackId, List<String> itemIds, String message) {
        return new Finding(Severity.ERROR, code, rackId, itemIds, message);
    }

    static Finding warning(String code, String rackId, List<String> itemIds, String message) {
        return new Finding(Severity.WARNING, code, rackId, itemIds, message);
    }

    static Finding info(String code, String rackId, List<String> itemIds, String message) {
        return new Finding(Severity.INFO, code, rackId, itemIds, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
