package io.tokenrack.engine.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.kernels.WorkerPool;
import org.junit.jupiter.api.Test;

class GemvCheckTest {

    @Test
    void theQuickGemvCheckStreamsWholeRowsAndReportsARate() {
        try (WorkerPool one = new WorkerPool(1)) {
            GemvCheck check = new GemvCheck(one, (1 << 20) + 100);
            assertEquals(1 << 20, check.workingSetBytes(), "rounded down to whole rows of 1,024 floats");
            double gbps = check.gbps();
            assertTrue(gbps > 0 && Double.isFinite(gbps), "rate " + gbps);
        }
    }
}
