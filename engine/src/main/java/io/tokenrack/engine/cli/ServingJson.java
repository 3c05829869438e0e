package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.evaluate.ServingSplit;
import io.tokenrack.engine.workload.Parallelism;

/** The {@code serving} object of {@code evaluate --json} and its top-level {@code kvTransferSeconds}. */
final class ServingJson {
    private ServingJson() {}

    static void put(ObjectNode o, ServingSplit s, String acceleratorId) {
        ObjectNode x = o.putObject("serving");
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
