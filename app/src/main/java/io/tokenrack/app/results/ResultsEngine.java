package io.tokenrack.app.results;

import io.tokenrack.app.document.DocState;

/** Turns a document state into results. Pure and thread-safe: it runs off the FX thread. */
@FunctionalInterface
public interface ResultsEngine {
    Results compute(DocState state);
}
