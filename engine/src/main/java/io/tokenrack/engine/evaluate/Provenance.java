package io.tokenrack.engine.evaluate;

/** Where an input number came from, so the UI can say why a result is what it is. */
public record Provenance(String label, String value, Kind kind, String source) {
    /** The value of a network item's power that no source gives: left out of the totals. */
    public static final String NOT_COUNTED = "not counted";

    public enum Kind {
        /** A vendor figure from the catalog, with its source. */
        DATASHEET,
        /** Measured on this computer by the kernel lab. */
        MEASURED,
        /** A documented model constant or derivation. */
        MODELLED,
        /** A stand-in where no source gives the figure; say so wherever it shows. */
        ASSUMPTION
    }
}
