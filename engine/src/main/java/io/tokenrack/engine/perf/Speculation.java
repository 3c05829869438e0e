package io.tokenrack.engine.perf;

/**
 * The speculative decoding a replica runs: the method, its draft depth k (draft tokens proposed
 * per sequence per step) and the acceptance length AL (mean tokens emitted per sequence per step,
 * the verified token included: 1 ≤ AL ≤ k + 1).
 *
 * @param draftModelId the catalog model that drafts ({@link SpeculativeMethod#DRAFT} only, else null)
 */
public record Speculation(SpeculativeMethod method, int draftTokens, double acceptanceLength, String draftModelId) {
    /** No speculation. */
    public static final Speculation OFF = new Speculation(SpeculativeMethod.OFF, 0, 1, null);

    public Speculation {
        if (method == null) {
            throw new IllegalArgumentException("speculation: a method is required");
        }
        if (method == SpeculativeMethod.OFF) {
            if (draftTokens != 0 || acceptanceLength != 1 || draftModelId != null) {
                throw new IllegalArgumentException("speculation off: no draft tokens, acceptance length 1");
            }
        } else {
            if (draftTokens < 1) {
                throw new IllegalArgumentException("speculation " + method.label() + ": draft tokens must be 1 or more, was " + draftTokens);
            }
            if (!(acceptanceLength >= 1 && acceptanceLength <= draftTokens + 1)) {
                throw new IllegalArgumentException("speculation " + method.label() + ": acceptance length must be in [1, "
                        + (draftTokens + 1) + "] with " + draftTokens + " draft tokens, was " + acceptanceLength);
            }
            if ((method == SpeculativeMethod.DRAFT) != (draftModelId != null)) {
                throw new IllegalArgumentException("speculation: a draft model id goes with the draft method, and only with it");
            }
        }
    }

    public boolean isOff() {
        return method == SpeculativeMethod.OFF;
    }

    /** Tokens each sequence puts through the target model per step: the last accepted one plus k drafts. */
    public int queriesPerSequence() {
        return draftTokens + 1;
    }

    /** The CLI form: off, mtp:3, eagle:2, draft:llama-3.2-1b:4. */
    public String label() {
        return switch (method) {
            case OFF -> "off";
            case MTP, EAGLE -> method.label() + ":" + draftTokens;
            case DRAFT -> "draft:" + draftModelId + ":" + draftTokens;
        };
    }
}
