package io.tokenrack.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accuracy gate (docs/model-reference.md §10): the shipped constants must keep the published
 * measurements at a median |error| of at most 15% with no row beyond 2×. A change to the model
 * or its constants that breaks this fails the build.
 */
class CalibrationGateTest {
    @Test
    void shippedConstantsMeetTheAccuracyTarget() {
        Catalog catalog = CatalogLoader.loadDefault();
        List<CalibrationRow> rows = CalibrationCsv.read(Path.of(System.getProperty("tokenrack.calibration.csv")));
        assertEquals(113, rows.size());
        Validation.Summary s = Validation.summarize(new Validation(new Evaluator(catalog), Assumptions.defaults(catalog.facility())).run(rows));
        assertTrue(s.predicted() >= 100, "predicted " + s.predicted());
        assertTrue(s.medianAbsError() <= 0.15, "median |error| " + s.medianAbsError());
        assertEquals(1.0, s.withinTwoX(), 1e-12, "worst " + s.worst().row().id() + " at " + s.worstAbsError());
    }
}
