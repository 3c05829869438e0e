package io.tokenrack.engine.evaluate;

/** Latency each request sees at the operating point: time to first token and time per output token, seconds. */
public record Latency(double ttftSeconds, double tpotSeconds) {}
