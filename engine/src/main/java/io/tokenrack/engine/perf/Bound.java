package io.tokenrack.engine.perf;

/** What limits an operator or a step. */
public enum Bound {
    COMPUTE, MEMORY_BANDWIDTH, NETWORK, OVERHEAD
}
