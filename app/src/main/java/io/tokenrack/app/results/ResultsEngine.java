package io.tokenrack.app.results;

import io.tokenrack.app.document.DocState;

/** Turns a document state into results. Pure and thread-safe: it runs off the FX thread. */
@FunctionalInterface
public interface ResultsEngine {
    Results compute(DocState state);

    /**
     * What takes longer than the edit loop may, added to {@code first} (the headline numbers'
     * ranges): the results are published without it first, then again with it. Null when there is
     * nothing to add.
     */
    default Results refine(Results first) {
        return null;
    }

    /** Both passes at once, for work that shows the results once (a report, a slide). */
    default Results computeAll(DocState state) {
        Results first = compute(state);
        Results refined = refine(first);
        return refined == null ? first : refined;
    }
}
