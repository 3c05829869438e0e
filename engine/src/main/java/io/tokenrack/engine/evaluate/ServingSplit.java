package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.workload.Parallelism;
import java.util.Locale;

/**
 * Which accelerators prefill and which decode at the operating point. Aggregated: the same
 * accelerators do both (the counts are equal and there is no KV transfer). Disaggregated: a prefill
 * pool of {@code prefillReplicas} replicas and a decode pool of {@code decodeReplicas}, the KV cache of
 * each prompt sent from one to the other.
 *
 * @param prefillAcceleratorId the prefill pool's accelerator when it differs from the evaluation's; null when the same
 * @param kvTransferSeconds    time to move one request's KV cache to its decode replica (0 aggregated)
 * @param kvLink               the link the KV cache crosses, in words (null aggregated)
 * @param prefillTwoBatchOverlap the prefill pool overlaps MoE dispatch/combine with compute over two micro-batches
 * @param decodeTwoBatchOverlap  the decode pool does
 */
public record ServingSplit(
        ServingMode mode,
        int prefillAccelerators,
        int decodeAccelerators,
        Parallelism prefillParallelism,
        Parallelism decodeParallelism,
        int prefillReplicas,
        int decodeReplicas,
        String prefillAcceleratorId,
        double kvTransferSeconds,
        String kvLink,
        boolean prefillTwoBatchOverlap,
        boolean decodeTwoBatchOverlap) {

    public ServingSplit {
        if (mode == ServingMode.AUTO) {
            throw new IllegalArgumentException("a split is aggregated or disaggregated, never auto");
        }
    }

    /** The same accelerators prefill and decode. */
    public static ServingSplit aggregated(Parallelism p, int replicas, int accelerators) {
        return new ServingSplit(ServingMode.AGGREGATED, accelerators, accelerators, p, p, replicas, replicas, null, 0, null, false, false);
    }

    public boolean disaggregated() {
        return mode == ServingMode.DISAGGREGATED;
    }

    /**
     * The split in words: "disaggregated: 2 prefill replicas (8 accelerators, tp 4 dp 1) and 6 decode
     * replicas (24 accelerators, tp 1 dp 4), KV cache over NVLink in 0.41 ms".
     */
    public String words(String acceleratorId) {
        if (!disaggregated()) {
            return "aggregated: every replica prefills and decodes (continuous batching with chunked prefill)";
        }
        String prefillAcc = prefillAcceleratorId == null ? "" : " " + prefillAcceleratorId;
        String decodeAcc = prefillAcceleratorId == null ? "" : " " + acceleratorId;
        return String.format(Locale.ROOT, "disaggregated (%dP%dD): %d prefill %s (%d%s, %s) and %d decode %s (%d%s, %s); KV cache over %s in %s",
                prefillReplicas, decodeReplicas, prefillReplicas, prefillReplicas == 1 ? "replica" : "replicas", prefillAccelerators,
                prefillAcc, layout(prefillParallelism) + (prefillTwoBatchOverlap ? ", two-batch overlap" : ""), decodeReplicas,
                decodeReplicas == 1 ? "replica" : "replicas", decodeAccelerators, decodeAcc,
                layout(decodeParallelism) + (decodeTwoBatchOverlap ? ", two-batch overlap" : ""), kvLink, duration(kvTransferSeconds));
    }

    private static String layout(Parallelism p) {
        return String.format(Locale.ROOT, "tp %d, pp %d, ep %d, dp %d", p.tp(), p.pp(), p.ep(), p.dp());
    }

    private static String duration(double s) {
        return s >= 1e-3 ? String.format(Locale.ROOT, "%.2f ms", s * 1e3) : String.format(Locale.ROOT, "%.0f µs", s * 1e6);
    }
}
