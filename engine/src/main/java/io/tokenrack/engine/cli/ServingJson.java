package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.perf.Speculation;

/** The {@code serving} object of {@code evaluate --json}: how the design serves (here its speculative decoding). */
final class ServingJson {
    private ServingJson() {}

    /** The {@code serving} object of {@code o}, created when absent. */
    static ObjectNode serving(ObjectNode o) {
        return o.get("serving") instanceof ObjectNode s ? s : o.putObject("serving");
    }

    /** {@code serving.speculative}: {@code method} (off, mtp, eagle, draft), {@code draftTokens}, {@code acceptanceLength}, and {@code draftModelId} for a draft model. */
    static void speculative(ObjectNode o, Speculation s) {
        ObjectNode x = serving(o).putObject("speculative");
        x.put("method", s.method().label());
        x.put("draftTokens", s.draftTokens());
        x.put("acceptanceLength", s.acceptanceLength());
        if (s.draftModelId() != null) {
            x.put("draftModelId", s.draftModelId());
        }
    }
}
