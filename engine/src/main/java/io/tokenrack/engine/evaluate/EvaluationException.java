package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.InputException;

/** Input the model cannot evaluate: an impossible parallelism, a design with no accelerators, a prompt beyond the context. */
public final class EvaluationException extends InputException {
    public EvaluationException(String message) {
        super(message);
    }
}
