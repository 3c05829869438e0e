package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.workload.Parallelism;

/**
 * How the design serves the model at the operating point.
 *
 * @param parallelism      the layout of one replica (tp, pp, ep, dp)
 * @param replicas         model replicas with a request to serve
 * @param acceleratorsUsed accelerators in those replicas (the rest idle)
 * @param concurrency      requests in flight across the design (served, not queued)
 * @param maxConcurrency   the most requests the replicas hold at once (KV cache and batch limit)
 */
public record ServingPlan(Parallelism parallelism, int replicas, int acceleratorsUsed, double concurrency, int maxConcurrency) {}
