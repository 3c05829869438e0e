package io.tokenrack.engine.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.perf.ModelConstants;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantsFitTest {
    @Test
    void fittingNeverWorsensTheObjectiveAndStaysInsideTheRanges() {
        Catalog catalog = CatalogLoader.loadDefault();
        Evaluator evaluator = new Evaluator(catalog);
        Validation v = new Validation(evaluator, Assumptions.defaults(catalog.facility()));
        // Two rows the default constants miss on purpose: "measured" at 3x what they predict.
        List<CalibrationRow> rows = List.of(
                new CalibrationRow("A", "", "llama-3.1-8b", "fp8", "h100-sxm", 1, 1, 1, 1, 1024, 1024, "concurrency", 64.0,
                        "outputTokensPerSecondPerAccelerator", 1),
                new CalibrationRow("B", "", "llama-3.1-8b", "fp8", "h200-sxm", 1, 1, 1, 1, 1024, 1024, "concurrency", 64.0,
                        "outputTokensPerSecondPerAccelerator", 1));
        List<CalibrationRow> scaled = rows.stream().map(r -> new CalibrationRow(r.id(), r.sourceUrl(), r.model(), r.precision(),
                r.accelerator(), r.count(), r.tp(), r.dp(), r.ep(), r.isl(), r.osl(), r.mode(), r.limit(), r.metric(),
                3 * v.predict(r).predicted())).toList();
        ConstantsFit fit = new ConstantsFit(evaluator, Assumptions.defaults(catalog.facility()), scaled);
        double before = fit.objective(ModelConstants.DEFAULT);
        ConstantsFit.Result r = fit.fit(ModelConstants.DEFAULT, 2);
        assertTrue(r.objective() < before, r.objective() + " vs " + before);
        double[] values = ConstantsFit.read(r.constants());
        for (int i = 0; i < values.length; i++) {
            ConstantsFit.Knob k = ConstantsFit.KNOBS.get(i);
            assertTrue(values[i] >= k.lo() && values[i] <= k.hi(), k.name() + " = " + values[i]);
        }
    }
}
