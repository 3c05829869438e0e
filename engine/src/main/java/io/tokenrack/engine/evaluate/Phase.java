package io.tokenrack.engine.evaluate;

/** The steps an evaluation breaks down: prefill alone, decode alone, and the steady step that carries both. */
public enum Phase {
    PREFILL("prefill"),
    DECODE("decode"),
    /** A decode step with the prefill chunks of newly arriving requests (continuous batching): what TPOT is. */
    STEADY_STEP("steady step");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** The phase in words, as printed and as written in JSON. */
    public String label() {
        return label;
    }
}
