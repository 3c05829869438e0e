package io.tokenrack.engine.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

class WorkloadPrefixHitRateTest {
    static final Workload W = WorkloadWithersTest.W;

    @Test
    void absentMeansNoCacheAndTheWitherChangesOnlyTheHitRate() {
        assertNull(W.prefixHitRate());
        assertEquals(0, W.effectivePrefixHitRate());
        Workload hot = W.withPrefixHitRate(0.9);
        assertEquals(0.9, hot.effectivePrefixHitRate());
        assertEquals(W, hot.withPrefixHitRate(null));
        assertEquals(0.9, hot.withInputTokens(7).prefixHitRate(), "other withers keep the hit rate");
        assertEquals(0.9, hot.withoutLimits().prefixHitRate());
    }

    @Test
    void aHitRateOutsideZeroToBelowOneIsRefusedNamingTheField() {
        for (double h : new double[] {-0.1, 1, Double.NaN, Double.POSITIVE_INFINITY}) {
            InputException e = assertThrows(InputException.class, () -> W.withPrefixHitRate(h));
            assertTrue(e.getMessage().startsWith("prefixHitRate: must be at least 0 and below 1"), e.getMessage());
        }
        assertEquals(0.0, W.withPrefixHitRate(0.0).prefixHitRate());
    }

    @Test
    void jsonWithoutTheFieldStillReadsAndTheFieldIsWrittenOnlyWhenSet() throws Exception {
        var mapper = StrictJson.mapper();
        String old = "{\"modelId\":\"m\",\"precision\":\"fp8\",\"inputTokens\":1000,\"outputTokens\":200}";
        Workload w = mapper.readValue(old, Workload.class);
        assertNull(w.prefixHitRate());
        assertFalse(mapper.writeValueAsString(w).contains("prefixHitRate"));
        Workload hot = mapper.readValue(old.replace("}", ",\"prefixHitRate\":0.85}"), Workload.class);
        assertEquals(0.85, hot.prefixHitRate());
        assertEquals(hot, mapper.readValue(mapper.writeValueAsString(hot), Workload.class));
        assertThrows(Exception.class, () -> mapper.readValue(old.replace("}", ",\"prefixHitRate\":1.5}"), Workload.class));
    }
}
