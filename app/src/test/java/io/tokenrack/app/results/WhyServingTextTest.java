package io.tokenrack.app.results;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.ServingMode;
import io.tokenrack.engine.evaluate.ServingOptions;
import io.tokenrack.engine.evaluate.ServingSearch;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import org.junit.jupiter.api.Test;

/** The why panel's serving sentence: the split in words when disaggregated, the steady step when not. */
class WhyServingTextTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Workload W = new Workload("deepseek-r1", Precision.FP8, null, 8192, 1024, null, null, null, null, Parallelism.AUTO);

    static Evaluation.Ok evaluate(ServingOptions o) {
        Evaluation e = new ServingSearch(EVALUATOR).evaluate(EVALUATOR.clusters().standard("b200", 8), W,
                Assumptions.defaults(CATALOG.facility()), Batching.CONTINUOUS, o);
        return assertInstanceOf(Evaluation.Ok.class, e, e.message());
    }

    @Test
    void disaggregatedServingIsSaidInWords() {
        String text = WhyView.steadyWhy(evaluate(new ServingOptions(ServingMode.DISAGGREGATED, 4, 4, null)));
        assertTrue(text.startsWith("Served disaggregated (1P1D): 1 prefill replica (4, "), text);
        assertTrue(text.contains("the decode pool's step, with no prefill in it"), text);
    }

    @Test
    void aggregatedServingKeepsTheSteadyStepSentence() {
        String text = WhyView.steadyWhy(evaluate(ServingOptions.AGGREGATED));
        assertTrue(text.contains("is the steady step"), text);
    }
}
