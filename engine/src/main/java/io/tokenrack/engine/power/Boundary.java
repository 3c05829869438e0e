package io.tokenrack.engine.power;

/**
 * Which equipment a power figure covers, from the accelerator outwards. Every figure the engine
 * reports says its boundary, since the same rack reads 1.5–3× apart from board to facility.
 */
public enum Boundary {
    /** The accelerator boards alone (what nvidia-smi reports): no host, no conversion loss. */
    BOARD("board"),
    /** A server measured at its AC inlet: boards, CPUs, memory, NICs, fans and power-supply loss (MLPerf Power's boundary). */
    SERVER_WALL("server wall"),
    /** All IT equipment of the design: servers at the wall plus switches and optics. */
    IT("IT"),
    /** IT × PUE: cooling and power-distribution overhead included. */
    FACILITY("facility");

    private final String label;

    Boundary(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
