package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import picocli.CommandLine.Option;

/** {@code --speculative} and {@code --acceptance-length}: the speculative decoding asked for. */
final class SpeculationOptions {
    @Option(names = "--speculative", paramLabel = "off|auto|mtp:K|eagle:K|draft:MODEL_ID:K",
            description = "speculative decoding: off; auto (off, the model's MTP modules or an EAGLE head at 1-4 draft tokens, whichever serves best);"
                    + " mtp:K (the model's MTP modules, K draft tokens); eagle:K (an EAGLE-style draft head); draft:MODEL_ID:K"
                    + " (a smaller catalog model with the same vocabulary); default: the design's workload, else auto")
    String speculative;

    @Option(names = "--acceptance-length", paramLabel = "X",
            description = "mean tokens per verify step per user, the verified token included (1 to K + 1), instead of the"
                    + " published curve; needs a fixed --speculative method:K")
    Double acceptanceLength;

    /** @throws InputException naming the option and what is wrong */
    SpeculationRequest request() {
        return request(null);
    }

    /**
     * As {@link #request(String)}, with a draft model's id checked against {@code catalog}: an unknown one
     * is refused with the closest model ids, as every other unknown id is.
     */
    SpeculationRequest request(String fallback, io.tokenrack.engine.catalog.Catalog catalog) {
        SpeculationRequest r = request(fallback);
        if (r.method() != io.tokenrack.engine.perf.SpeculativeMethod.DRAFT) {
            return r;
        }
        String id;
        try {
            id = CatalogIds.resolve(catalog, r.draftModelId(), io.tokenrack.engine.catalog.ItemKind.MODEL);
        } catch (InputException e) {
            throw new InputException("--speculative draft:" + r.draftModelId() + ":" + r.draftTokens() + ": " + e.getMessage(), e);
        }
        return new SpeculationRequest(r.method(), r.draftTokens(), id, r.acceptanceLength());
    }

    /** As above; without {@code --speculative}, the design workload's {@code speculative} ({@code fallback}, null for auto). */
    SpeculationRequest request(String fallback) {
        String speculative = this.speculative != null ? this.speculative : fallback != null ? fallback : "auto";
        SpeculationRequest r;
        try {
            r = SpeculationRequest.parse(speculative);
        } catch (InputException e) {
            throw new InputException("--speculative: " + e.getMessage(), e);
        }
        if (acceptanceLength != null && !Double.isFinite(acceptanceLength)) {
            throw new InputException("--acceptance-length: expected a number, was " + acceptanceLength);
        }
        try {
            return r.withAcceptanceLength(acceptanceLength);
        } catch (InputException e) {
            throw new InputException("--acceptance-length: " + e.getMessage(), e);
        }
    }
}
