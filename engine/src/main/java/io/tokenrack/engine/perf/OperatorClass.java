package io.tokenrack.engine.perf;

/** Groups of operators whose share of step time the "why" view shows. */
public enum OperatorClass {
    ATTENTION_PROJECTIONS("attention projections (QKV, O)"),
    ATTENTION_CORE("attention over the KV cache"),
    DENSE_FFN("dense FFN"),
    MOE_FFN("MoE experts and router"),
    LM_HEAD("LM head"),
    COMMUNICATION("collectives (TP all-reduce, EP all-to-all, PP sends)"),
    OVERHEAD("fixed per-step and per-kernel overhead");

    private final String description;

    OperatorClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
