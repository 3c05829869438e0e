package io.tokenrack.engine.evaluate;

import java.util.Objects;

/**
 * Where an input number came from, so the UI can say why a result is what it is.
 *
 * @param value  the figure as shown ("700 W"); for a missing figure the status's own words ("not published")
 * @param status what kind of figure it is, or why there is none; branch on this, never on {@code value}
 */
public record Provenance(String label, String value, Status status, String source) {

    /** The basis of a figure, as the UI marks it (one dot colour each). */
    public enum Kind {
        /** A vendor figure from the catalog, with its source. */
        DATASHEET,
        /** A figure from a filed document (an MLPerf system description), from the catalog's per-figure provenance. */
        FILED,
        /** A vendor-announced figure for a part not yet shipping, from the catalog's per-figure provenance. */
        ANNOUNCED,
        /** A figure from a secondary report, from the catalog's per-figure provenance. */
        SECONDARY,
        /** Measured on this computer by the kernel lab. */
        MEASURED,
        /** A documented model constant or derivation. */
        MODELLED,
        /** A stand-in where no source gives the figure; say so wherever it shows. */
        ASSUMPTION
    }

    /** What a figure is, or why it is missing; each maps to the {@link Kind} the UI marks it with. */
    public enum Status {
        DATASHEET(Kind.DATASHEET, null),
        FILED(Kind.FILED, null),
        ANNOUNCED(Kind.ANNOUNCED, null),
        SECONDARY(Kind.SECONDARY, null),
        MEASURED(Kind.MEASURED, null),
        MODELLED(Kind.MODELLED, null),
        ASSUMPTION(Kind.ASSUMPTION, null),
        /** No source publishes the figure (an accelerator's TDP): what rests on it is unknown. */
        NOT_PUBLISHED(Kind.ASSUMPTION, "not published"),
        /** The kernel lab measures speed, not power: what rests on it is unknown. */
        NOT_MEASURED(Kind.ASSUMPTION, "not measured"),
        /** An item with no power figure, left out of the totals (which are then a lower bound). */
        NOT_COUNTED(Kind.ASSUMPTION, "not counted");

        private final Kind kind;
        private final String missingText;

        Status(Kind kind, String missingText) {
            this.kind = kind;
            this.missingText = missingText;
        }

        public Kind kind() {
            return kind;
        }

        /** Whether the figure is absent (the value is then these words, not a number). */
        public boolean missing() {
            return missingText != null;
        }

        /** "not published", "not measured", "not counted"; null for a figure that exists. */
        public String missingText() {
            return missingText;
        }

        static Status of(Kind k) {
            return switch (k) {
                case DATASHEET -> DATASHEET;
                case FILED -> FILED;
                case ANNOUNCED -> ANNOUNCED;
                case SECONDARY -> SECONDARY;
                case MEASURED -> MEASURED;
                case MODELLED -> MODELLED;
                case ASSUMPTION -> ASSUMPTION;
            };
        }
    }

    /**
     * The kind for a catalog figure of provenance {@code p}: datasheet, filed, announced or
     * secondary as the catalog says; a TokenRack assumption is {@link Kind#ASSUMPTION}.
     */
    public static Kind kindOf(io.tokenrack.engine.catalog.FigureProvenance p) {
        return switch (p) {
            case DATASHEET -> Kind.DATASHEET;
            case FILED -> Kind.FILED;
            case ANNOUNCED -> Kind.ANNOUNCED;
            case SECONDARY -> Kind.SECONDARY;
            case ASSUMPTION -> Kind.ASSUMPTION;
        };
    }

    public Provenance {
        Objects.requireNonNull(status, "status");
        if (value == null && status.missing()) {
            value = status.missingText();
        }
    }

    /** A figure that exists, of this basis. */
    public Provenance(String label, String value, Kind kind, String source) {
        this(label, value, Status.of(kind), source);
    }

    /** A figure that is missing, for the reason {@code status} gives. */
    public static Provenance missing(String label, Status status, String source) {
        if (!status.missing()) {
            throw new IllegalArgumentException("status: " + status + " is not a missing figure");
        }
        return new Provenance(label, null, status, source);
    }

    /** The basis the UI marks this figure with. */
    public Kind kind() {
        return status.kind();
    }
}
