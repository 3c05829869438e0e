package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How sure a catalog figure is, by where it comes from: a shipping part's datasheet, a filed
 * document (an MLPerf system description), a vendor announcement, a secondary report, or a
 * labelled TokenRack assumption where nothing is published.
 */
public enum FigureProvenance {
    DATASHEET("datasheet"), FILED("filed"), ANNOUNCED("announced"), SECONDARY("secondary"), ASSUMPTION("assumption");

    private final String label;

    FigureProvenance(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The provenance named {@code text}, or an error listing the words allowed. */
    public static FigureProvenance parse(String text) {
        for (FigureProvenance p : values()) {
            if (p.label.equals(text)) {
                return p;
            }
        }
        throw new InputException("must be one of " + Arrays.stream(values()).map(FigureProvenance::label)
                .collect(Collectors.joining(", ")) + ", was " + (text == null ? "null" : "'" + text + "'"));
    }
}
