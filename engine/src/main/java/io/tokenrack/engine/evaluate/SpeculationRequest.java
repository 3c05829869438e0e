package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.perf.AcceptanceCurve;
import io.tokenrack.engine.perf.SpeculativeMethod;
import io.tokenrack.engine.perf.Speculation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The speculative decoding asked for: {@code auto} (the engine tries off and every draft depth of
 * the drafts the model ships, and keeps the best for the operating point), or one method at one
 * depth, optionally with the user's acceptance length.
 *
 * @param method             null for auto
 * @param draftTokens        k (0 for off and auto)
 * @param draftModelId       the draft model ({@link SpeculativeMethod#DRAFT} only)
 * @param acceptanceLength   the user's AL for a fixed method and depth, null for the published curve
 */
public record SpeculationRequest(SpeculativeMethod method, int draftTokens, String draftModelId, Double acceptanceLength) {
    /**
     * Try off, MTP at 1 … {@value #AUTO_MAX_DRAFT_TOKENS} draft tokens when the model ships MTP modules, and an
     * EAGLE head at 1 … {@value #AUTO_MAX_DRAFT_TOKENS} (the generic EAGLE curve, which {@code eagle:K} applies to every model).
     */
    public static final SpeculationRequest AUTO = new SpeculationRequest(null, 0, null, null);
    public static final SpeculationRequest OFF = new SpeculationRequest(SpeculativeMethod.OFF, 0, null, null);
    /** Deepest draft {@code auto} tries: published acceptance lengths saturate by 4–6 draft tokens. */
    public static final int AUTO_MAX_DRAFT_TOKENS = 4;
    /** Deepest draft accepted at all. */
    public static final int MAX_DRAFT_TOKENS = 16;

    public boolean isAuto() {
        return method == null;
    }

    /**
     * {@code off}, {@code auto}, {@code mtp:K}, {@code eagle:K} or {@code draft:MODEL_ID:K}.
     *
     * @throws InputException naming what is wrong
     */
    public static SpeculationRequest parse(String text) {
        String s = text == null ? "" : text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("auto")) {
            return AUTO;
        }
        if (lower.equals("off")) {
            return OFF;
        }
        String[] parts = s.split(":", -1);
        String head = parts[0].toLowerCase(Locale.ROOT);
        String expected = "expected off, auto, mtp:K, eagle:K or draft:MODEL_ID:K, was '" + text + "'";
        return switch (head) {
            case "mtp", "eagle" -> {
                if (parts.length != 2) {
                    throw new InputException(expected);
                }
                yield new SpeculationRequest(head.equals("mtp") ? SpeculativeMethod.MTP : SpeculativeMethod.EAGLE,
                        depth(parts[1], text), null, null);
            }
            case "draft" -> {
                if (parts.length != 3 || parts[1].isBlank()) {
                    throw new InputException(expected);
                }
                yield new SpeculationRequest(SpeculativeMethod.DRAFT, depth(parts[2], text), parts[1].strip(), null);
            }
            default -> throw new InputException(expected);
        };
    }

    private static int depth(String k, String text) {
        int n;
        try {
            n = Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw new InputException("draft tokens K must be a whole number from 1 to " + MAX_DRAFT_TOKENS + ", was '" + k + "' in '" + text + "'");
        }
        if (n < 1 || n > MAX_DRAFT_TOKENS) {
            throw new InputException("draft tokens K must be from 1 to " + MAX_DRAFT_TOKENS + ", was " + n + " in '" + text + "'");
        }
        return n;
    }

    /**
     * The request for exactly {@code s} (off, or its method and depth; the acceptance length then
     * comes from the published curve again, as it did when {@code s} was chosen).
     */
    public static SpeculationRequest of(Speculation s) {
        return s == null || s.isOff() ? OFF : new SpeculationRequest(s.method(), s.draftTokens(), s.draftModelId(), null);
    }

    /** The same request with the user's acceptance length (a fixed method and depth only; null: the published curve). */
    public SpeculationRequest withAcceptanceLength(Double al) {
        if (al == null) {
            return new SpeculationRequest(method, draftTokens, draftModelId, null);
        }
        if (isAuto() || method == SpeculativeMethod.OFF) {
            throw new InputException("an acceptance length needs a speculative method and depth (mtp:K, eagle:K or draft:MODEL_ID:K), not "
                    + (isAuto() ? "auto" : "off"));
        }
        if (!(al >= 1 && al <= draftTokens + 1)) {
            throw new InputException(String.format(Locale.ROOT, "acceptance length must be from 1 to %d (K + 1) with %d draft tokens, was %s",
                    draftTokens + 1, draftTokens, al));
        }
        return new SpeculationRequest(method, draftTokens, draftModelId, al);
    }

    /** The published acceptance curve of {@code method} for {@code model}: its own MTP figures, else the method's. */
    public static AcceptanceCurve curve(ModelSpec model, SpeculativeMethod method) {
        return switch (method) {
            case MTP -> model.mtp() != null && !model.mtp().acceptanceLength().isEmpty()
                    ? AcceptanceCurve.fit(model.mtp().acceptanceLength()) : AcceptanceCurve.MTP;
            case EAGLE -> AcceptanceCurve.EAGLE;
            case DRAFT -> AcceptanceCurve.DRAFT;
            case OFF -> throw new IllegalArgumentException("no acceptance curve without speculation");
        };
    }

    /**
     * The speculations to try for {@code model}, off first.
     *
     * @throws InputException when the model cannot run what was asked (no MTP modules, an unknown
     *                        draft model or one with another vocabulary)
     */
    public List<Speculation> candidates(ModelSpec model, Catalog catalog) {
        List<Speculation> out = new ArrayList<>();
        if (isAuto()) {
            out.add(Speculation.OFF);
            if (model.mtp() != null) {
                AcceptanceCurve c = curve(model, SpeculativeMethod.MTP);
                for (int k = 1; k <= AUTO_MAX_DRAFT_TOKENS; k++) {
                    out.add(new Speculation(SpeculativeMethod.MTP, k, c.at(k), null));
                }
            }
            // eagle:K runs on every model with the generic curve, so auto must weigh it too
            AcceptanceCurve e = curve(model, SpeculativeMethod.EAGLE);
            for (int k = 1; k <= AUTO_MAX_DRAFT_TOKENS; k++) {
                out.add(new Speculation(SpeculativeMethod.EAGLE, k, e.at(k), null));
            }
            return out;
        }
        switch (method) {
            case OFF -> out.add(Speculation.OFF);
            case MTP -> {
                if (model.mtp() == null) {
                    throw new InputException("speculative mtp:" + draftTokens + ": " + model.id()
                            + " ships no MTP modules; try eagle:K or draft:MODEL_ID:K");
                }
                out.add(fixed(model, null));
            }
            case EAGLE -> out.add(fixed(model, null));
            case DRAFT -> {
                ModelSpec draft = catalog.model(draftModelId);
                if (draft.id().equals(model.id())) {
                    throw new InputException("speculative draft:" + draftModelId + ": a model cannot draft for itself");
                }
                if (draft.vocabSize() != model.vocabSize()) {
                    throw new InputException(String.format(Locale.ROOT,
                            "speculative draft:%s: its vocabulary (%,d tokens) differs from %s's (%,d); a draft model must share the target's tokenizer",
                            draft.id(), draft.vocabSize(), model.id(), model.vocabSize()));
                }
                if (!draft.sharesTokenizerWith(model)) {
                    throw new InputException(String.format(Locale.ROOT,
                            "speculative draft:%s: its tokenizer (%s) differs from %s's (%s), though both have %,d tokens; a draft model must share the target's tokenizer",
                            draft.id(), draft.tokenizer(), model.id(), model.tokenizer(), model.vocabSize()));
                }
                out.add(fixed(model, draft.id()));
            }
        }
        return out;
    }

    private Speculation fixed(ModelSpec model, String draftId) {
        double al = acceptanceLength != null ? acceptanceLength : curve(model, method).at(draftTokens);
        return new Speculation(method, draftTokens, al, draftId);
    }
}
