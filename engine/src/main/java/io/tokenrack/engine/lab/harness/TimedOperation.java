package io.tokenrack.engine.lab.harness;

/**
 * One operation to time. It returns a value derived from its result (a checksum, an element) so
 * the harness can consume it and the JIT cannot remove the work as dead code. It must allocate
 * nothing.
 */
@FunctionalInterface
public interface TimedOperation {
    double run();
}
