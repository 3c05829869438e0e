package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.Collectives;
import io.tokenrack.engine.perf.Fabric;
import io.tokenrack.engine.perf.StepModel;

/**
 * Moving one request's KV cache from its prefill replica to its decode replica. Every prefill
 * accelerator sends its own shard of the cache and every decode accelerator receives its own, all at
 * once, each over its own link: the time is one send of the larger shard,
 * {@code α + max(shard_p, shard_d) / (η·β)} (the shard of a GQA model is layers/pp × ⌈kv heads/tp⌉ ×
 * head dim × 2 × bytes × prompt tokens; see docs/model.md).
 *
 * @param bytesPerAccelerator the larger of the prefill and decode shards, bytes
 * @param link                the link it crosses
 * @param seconds             the transfer time
 */
public record KvTransfer(double bytesPerAccelerator, Fabric link, String linkName, double seconds) {

    /** The transfer of a {@code promptTokens}-token prompt between the two layouts over {@code link}. */
    public static KvTransfer of(StepModel prefill, StepModel decode, double promptTokens, Fabric link, String linkName, double linkEfficiency) {
        double bytes = Math.max(prefill.kvBytesPerSequencePerAccelerator(promptTokens), decode.kvBytesPerSequencePerAccelerator(promptTokens));
        return new KvTransfer(bytes, link, linkName, Collectives.send(bytes, link, linkEfficiency));
    }
}
