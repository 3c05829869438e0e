package io.tokenrack.engine.evaluate;

/** What bounds the rack at its operating point. */
public enum Bottleneck {
    COMPUTE("compute"),
    MEMORY_BANDWIDTH("memory bandwidth"),
    MEMORY_CAPACITY("memory capacity (KV cache)"),
    NETWORK("network (collectives)"),
    OVERHEAD("fixed per-step overhead"),
    LATENCY_LIMIT("latency limit"),
    POWER("rack power budget"),
    COOLING("cooling capacity");

    private final String label;

    Bottleneck(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
