package io.tokenrack.engine.evaluate;

/** What each accelerator holds at the operating point, bytes: its share of the weights and of the KV cache. */
public record Memory(double weightBytesPerAccelerator, double kvCacheBytesPerAccelerator) {}
