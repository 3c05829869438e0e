package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.evaluate.ServingSplit;
import io.tokenrack.engine.perf.Speculation;
import io.tokenrack.engine.workload.Parallelism;

/**
 * The {@code serving} object of {@code evaluate --json}: how the design serves (aggregated or
 * disaggregated, its pools and layouts, its speculative decoding) and the top-level
 * {@code kvTransferSeconds}.
 */
final class ServingJson {
    private ServingJson() {}

    /** The {@code serving} object of {@code o}, created when absent. */
    static ObjectNode serving(ObjectNode o) {
        return o.get("serving") instanceof ObjectNode s ? s : o.putObject("serving");
    }

    /** {@code serving.speculative}: {@code method} (off, mtp, eagle, draft), {@code draftTokens}, {@code acceptanceLength}, and {@code draftModelId} for a draft model. */
    static void speculative(ObjectNode o, Speculation s) {
        ObjectNode x = serving(o).putObject("speculative");
        x.put("method", s.method().label());
        x.put("draftTokens", s.draftTokens());
        x.put("acceptanceLength", s.acceptanceLength());
        if (s.draftModelId() != null) {
            x.put("draftModelId", s.draftModelId());
        }
    }

    /**
     * {@code serving.mode} (aggregated or disaggregated), the pools ({@code prefillAccelerators},
     * {@code decodeAccelerators}, their ids, replicas and layouts, the KV link, two-batch overlap) and
     * the top-level {@code kvTransferSeconds} (0 aggregated).
     */
    static void split(ObjectNode o, ServingSplit s, String acceleratorId) {
        ObjectNode x = serving(o);
        x.put("mode", s.mode().label());
        x.put("prefillAccelerators", s.prefillAccelerators());
        x.put("decodeAccelerators", s.decodeAccelerators());
        x.put("prefillAcceleratorId", s.prefillAcceleratorId() != null ? s.prefillAcceleratorId() : acceleratorId);
        x.put("prefillReplicas", s.prefillReplicas());
        x.put("decodeReplicas", s.decodeReplicas());
        layout(x.putObject("prefillParallelism"), s.prefillParallelism());
        layout(x.putObject("decodeParallelism"), s.decodeParallelism());
        if (s.kvLink() != null) {
            x.put("kvLink", s.kvLink());
        } else {
            x.putNull("kvLink");
        }
        x.put("prefillTwoBatchOverlap", s.prefillTwoBatchOverlap());
        x.put("decodeTwoBatchOverlap", s.decodeTwoBatchOverlap());
        o.put("kvTransferSeconds", s.kvTransferSeconds());
    }

    private static void layout(ObjectNode x, Parallelism p) {
        x.put("tp", p.tp());
        x.put("pp", p.pp());
        x.put("ep", p.ep());
        x.put("dp", p.dp());
    }
}
