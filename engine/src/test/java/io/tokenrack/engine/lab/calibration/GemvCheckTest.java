package io.tokenrack.engine.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.kernels.WorkerPool;
import io.tokenrack.engine.kernels.llama.LlamaConfig;
import io.tokenrack.engine.kernels.llama.LlamaWeights;
import org.junit.jupiter.api.Test;

class GemvCheckTest {

    @Test
    void theQuickGemvCheckStreamsTheModelsOwnLinearLayersAndReportsARate() {
        // 2 layers of (QKV 128x64 + O 64x64 + gate/up 192x64 + down 64x96) and the LM head 128x64, 4 bytes each
        LlamaConfig tiny = new LlamaConfig(2, 64, 4, 2, 16, 96, 128, 16, 10_000, 7);
        try (WorkerPool one = new WorkerPool(1)) {
            GemvCheck check = new GemvCheck(one, new LlamaWeights(tiny), 0);
            assertEquals(4L * (2 * (128 * 64 + 64 * 64 + 192 * 64 + 64 * 96) + 128 * 64), check.workingSetBytes());
            assertEquals(9, check.calls(), "four GEMVs per layer and the LM head, as the decoder calls them");
            double gbps = check.gbps();
            assertTrue(gbps > 0 && Double.isFinite(gbps), "rate " + gbps);
        }
    }

    @Test
    void theChecksDispatchIsTakenOutOfThePassButNeverMoreThanHalfOfIt() {
        assertEquals(1e-3 - 9 * 1e-6, GemvCheck.streamingSeconds(1e-3, 9, 1e-6), 1e-15);
        assertEquals(0.5e-3, GemvCheck.streamingSeconds(1e-3, 9, 1e-4), 1e-15);
        assertEquals(1e-3, GemvCheck.streamingSeconds(1e-3, 9, 0), 1e-15);
    }
}
