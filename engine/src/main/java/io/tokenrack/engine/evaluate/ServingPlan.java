package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.Speculation;
import io.tokenrack.engine.workload.Parallelism;

/**
 * How the design serves the model at the operating point.
 *
 * @param parallelism      the layout of one replica (tp, pp, ep, dp)
 * @param replicas         model replicas with a request to serve
 * @param acceleratorsUsed accelerators in those replicas (the rest idle)
 * @param concurrency      requests in flight across the design (served, not queued)
 * @param maxConcurrency   the most requests the replicas hold at once (KV cache and batch limit)
 * @param speculation      the speculative decoding chosen (method, draft tokens, acceptance length), or off
 * @param split            which accelerators prefill and which decode (aggregated: the same ones)
 */
public record ServingPlan(Parallelism parallelism, int replicas, int acceleratorsUsed, double concurrency, int maxConcurrency,
                          Speculation speculation, ServingSplit split) {
    public ServingPlan {
        if (speculation == null) {
            speculation = Speculation.OFF;
        }
        if (split == null) {
            split = ServingSplit.aggregated(parallelism, replicas, acceleratorsUsed);
        }
    }

    /** An aggregated plan: every replica prefills and decodes. */
    public ServingPlan(Parallelism parallelism, int replicas, int acceleratorsUsed, double concurrency, int maxConcurrency,
                       Speculation speculation) {
        this(parallelism, replicas, acceleratorsUsed, concurrency, maxConcurrency, speculation, null);
    }

    /** An aggregated plan without speculative decoding. */
    public ServingPlan(Parallelism parallelism, int replicas, int acceleratorsUsed, double concurrency, int maxConcurrency) {
        this(parallelism, replicas, acceleratorsUsed, concurrency, maxConcurrency, Speculation.OFF, null);
    }
}
