package io.tokenrack.engine.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.perf.ModelConstants;
import org.junit.jupiter.api.Test;

class WorkloadWithersTest {
    static final Workload W = new Workload("m", Precision.FP8, Precision.FP8, 1000, 200, 16, 500.0, 40.0, 10.0, new Parallelism(2, 1, 1, 1));

    @Test
    void eachWorkloadWitherChangesOnlyItsField() {
        assertEquals(new Workload("x", Precision.FP8, Precision.FP8, 1000, 200, 16, 500.0, 40.0, 10.0, W.parallelism()), W.withModel("x"));
        assertEquals(new Workload("m", Precision.BF16, Precision.FP8, 1000, 200, 16, 500.0, 40.0, 10.0, W.parallelism()), W.withPrecision(Precision.BF16));
        assertEquals(new Workload("m", Precision.FP8, null, 1000, 200, 16, 500.0, 40.0, 10.0, W.parallelism()), W.withKvPrecision(null));
        assertEquals(new Workload("m", Precision.FP8, Precision.FP8, 7, 200, 16, 500.0, 40.0, 10.0, W.parallelism()), W.withInputTokens(7));
        assertEquals(new Workload("m", Precision.FP8, Precision.FP8, 1000, 7, 16, 500.0, 40.0, 10.0, W.parallelism()), W.withOutputTokens(7));
        assertEquals(new Workload("m", Precision.FP8, Precision.FP8, 1000, 200, null, 500.0, 40.0, 10.0, W.parallelism()), W.withConcurrency(null));
        assertEquals(new Workload("m", Precision.FP8, Precision.FP8, 1000, 200, 16, 7.0, 40.0, 10.0, W.parallelism()), W.withTtftLimitMs(7.0));
        assertEquals(new Workload("m", Precision.FP8, Precision.FP8, 1000, 200, 16, 500.0, 7.0, 10.0, W.parallelism()), W.withTpotLimitMs(7.0));
        assertEquals(new Workload("m", Precision.FP8, Precision.FP8, 1000, 200, 16, 500.0, 40.0, null, W.parallelism()), W.withMinTokensPerSecondPerUser(null));
        assertEquals(new Workload("m", Precision.FP8, Precision.FP8, 1000, 200, 16, 500.0, 40.0, 10.0, Parallelism.AUTO), W.withParallelism(null));
        Workload open = W.withoutLimits();
        assertNull(open.ttftLimitMs());
        assertNull(open.tpotLimitMs());
        assertNull(open.minTokensPerSecondPerUser());
        assertEquals(16, open.concurrency());
    }

    @Test
    void withersValidateLikeTheConstructor() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> W.withInputTokens(0)).getMessage().startsWith("inputTokens:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> W.withKvPrecision(Precision.FP4)).getMessage().startsWith("kvPrecision:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> W.withTpotLimitMs(-1.0)).getMessage().startsWith("tpotLimitMs:"));
    }

    @Test
    void eachAssumptionsWitherChangesOnlyItsField() {
        Assumptions a = new Assumptions(0.1, 150, 4, 0.08, 0.7, null, ModelConstants.DEFAULT);
        assertEquals(0.2, a.withElectricityUsdPerKwh(0.2).electricityUsdPerKwh());
        assertEquals(a, a.withElectricityUsdPerKwh(0.2).withElectricityUsdPerKwh(0.1));
        assertEquals(a, a.withColocationUsdPerKwMonth(99).withColocationUsdPerKwMonth(a.colocationUsdPerKwMonth()));
        assertEquals(a, a.withAmortizationYears(9).withAmortizationYears(a.amortizationYears()));
        assertEquals(a, a.withCostOfCapital(0.2).withCostOfCapital(a.costOfCapital()));
        assertEquals(a, a.withUtilization(0.3).withUtilization(a.utilization()));
        assertEquals(5e6, a.withCapexUsdOverride(5e6).capexUsdOverride());
        assertEquals(a, a.withCapexUsdOverride(5e6).withCapexUsdOverride(null));
        assertEquals(ModelConstants.DEFAULT, a.withConstants(null).constants());
        assertEquals(0.2, a.withCostOfCapital(0.2).costOfCapital());
        assertEquals(99, a.withColocationUsdPerKwMonth(99).colocationUsdPerKwMonth());
        assertThrows(IllegalArgumentException.class, () -> a.withUtilization(0));
        assertThrows(IllegalArgumentException.class, () -> a.withCostOfCapital(1));
    }
}
