package io.tokenrack.engine.catalog;

/**
 * Input the engine cannot use: an unknown id, an impossible parallelism, a design with no
 * accelerators. Thrown where input is checked, and the only failure the evaluator turns into an
 * "invalid" result; any other exception is a defect and propagates. It is an
 * {@link IllegalArgumentException}, so callers that report bad arguments keep working.
 */
public class InputException extends IllegalArgumentException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
