package io.tokenrack.engine.power;

/** What kind of number a power figure is; they differ by tens of percent for the same equipment. */
public enum PowerKind {
    /** A vendor's rated maximum (server or switch nameplate). */
    NAMEPLATE("nameplate"),
    /** What the facility reserves for the equipment: the sum of nameplates. */
    PROVISIONED("provisioned"),
    /** An accelerator's thermal design power (board limit at Max-P). */
    TDP("TDP"),
    /** The engine's modelled average draw at the operating point. */
    MODELLED("modelled draw"),
    /** A measured average (e.g. MLPerf Power's wall meter). */
    MEASURED("measured");

    private final String label;

    PowerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
