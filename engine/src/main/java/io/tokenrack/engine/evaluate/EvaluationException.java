package io.tokenrack.engine.evaluate;

/** Input the model cannot evaluate: an unknown id, an impossible parallelism, a design with no accelerators. */
public final class EvaluationException extends IllegalArgumentException {
    public EvaluationException(String message) {
        super(message);
    }
}
