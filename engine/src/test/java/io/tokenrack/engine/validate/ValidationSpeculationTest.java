package io.tokenrack.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import java.util.List;
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
    void throughputTablesAndMlperfLimitsRunWithoutSpeculationAndInteractivityTargetsWithAuto() {
        assertEquals(SpeculationRequest.OFF, Validation.speculation(ValidationMode.MAX_THROUGHPUT));
        assertEquals(SpeculationRequest.OFF, Validation.speculation(ValidationMode.CONCURRENCY));
        assertEquals(SpeculationRequest.OFF, Validation.speculation(ValidationMode.LATENCY_LIMITS));
        assertEquals(SpeculationRequest.AUTO, Validation.speculation(ValidationMode.MIN_TOKENS_PER_SECOND_PER_USER));
        assertEquals(SpeculationRequest.AUTO, Validation.speculation(ValidationMode.DISAGGREGATED));
        // DeepSeek-R1 on 8 × B200 reaches 250 tokens/s per user only with its MTP module (off: 187 at one user)
        Validation.Result r = VALIDATION.predict(row("min-tokens-per-second-per-user", 250.0));
        assertTrue(r.predictedOk(), r.problem());
        assertTrue(r.predicted() > 0);
    }

    private static final String HEADER = String.join(",", CalibrationCsv.HEADER);
    private static final String ROW = "S-1,https://example.org,deepseek-r1,fp4,b200,8,,,,1024,2048,concurrency,1,tokensPerSecondPerUser,253,"
            + "tokens/s per user,\"note, with a comma\"";

    private static java.nio.file.Path csv(java.nio.file.Path dir, String text) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("rows.csv"), text);
    }

    @Test
    void aSpeculativeColumnSaysWhatTheMeasurementRanAndOlderFilesStayValid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // the older shape: no column, the mode's default (a static batch, speculation off)
        CalibrationRow old = CalibrationCsv.read(csv(dir, HEADER + "\n" + ROW + "\n")).getFirst();
        assertEquals(null, old.speculative());
        assertEquals(SpeculationRequest.OFF, Validation.speculation(old, ValidationMode.CONCURRENCY));
        // with the column: a row may fill it or leave it out
        List<CalibrationRow> rows = CalibrationCsv.read(csv(dir, HEADER + ",speculative\n" + ROW + ",mtp:3\n"
                + ROW.replace("S-1", "S-2") + "\n" + ROW.replace("S-1", "S-3") + ",\n"));
        assertEquals("mtp:3", rows.get(0).speculative());
        assertEquals(null, rows.get(1).speculative());
        assertEquals(null, rows.get(2).speculative());
        assertEquals(SpeculationRequest.parse("mtp:3"), Validation.speculation(rows.get(0), ValidationMode.CONCURRENCY));
        // predicted with it: DeepSeek-R1's three MTP modules make one user much faster than without
        Validation.Result with = VALIDATION.predict(rows.get(0));
        Validation.Result without = VALIDATION.predict(rows.get(1));
        assertTrue(with.predictedOk() && without.predictedOk(), with.problem() + " / " + without.problem());
        assertTrue(with.predicted() > 1.5 * without.predicted(), with.predicted() + " vs " + without.predicted());
        // a bad cell is refused naming the file, line, column and field
        var bad = assertThrows(io.tokenrack.engine.catalog.PresetException.class,
                () -> CalibrationCsv.read(csv(dir, HEADER + ",speculative\n" + ROW + ",mtp:x\n")));
        assertTrue(bad.getMessage().contains("speculative") && bad.getMessage().contains(":2"), bad.getMessage());
        assertThrows(io.tokenrack.engine.catalog.PresetException.class,
                () -> CalibrationCsv.read(csv(dir, HEADER + ",draft\n" + ROW + ",mtp:3\n")), "only a speculative column may follow");
    }
}
