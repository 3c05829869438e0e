package io.tokenrack.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import org.junit.jupiter.api.Test;

/** Rows are predicted with the speculation their measurements ran with. */
class ValidationSpeculationTest {
    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Validation VALIDATION = new Validation(new Evaluator(CATALOG), Assumptions.defaults(CATALOG.facility()));

    private static CalibrationRow row(String mode, Double limit) {
        return new CalibrationRow("T-1", "https://example.org", "deepseek-r1", "fp4", "b200", 8, 8, 1, 8, 1024, 2048, mode, limit,
                "outputTokensPerSecondPerAccelerator", 1000);
    }

    @Test
    void throughputTablesRunWithoutSpeculationAndInteractivityTargetsWithAuto() {
        assertEquals(SpeculationRequest.OFF, Validation.speculation(ValidationMode.MAX_THROUGHPUT));
        assertEquals(SpeculationRequest.OFF, Validation.speculation(ValidationMode.CONCURRENCY));
        assertEquals(SpeculationRequest.AUTO, Validation.speculation(ValidationMode.MIN_TOKENS_PER_SECOND_PER_USER));
        assertEquals(SpeculationRequest.AUTO, Validation.speculation(ValidationMode.LATENCY_LIMITS));
        // DeepSeek-R1 on 8 × B200 reaches 250 tokens/s per user only with its MTP module (off: 187 at one user)
        Validation.Result r = VALIDATION.predict(row("min-tokens-per-second-per-user", 250.0));
        assertTrue(r.predictedOk(), r.problem());
        assertTrue(r.predicted() > 0);
    }
}
