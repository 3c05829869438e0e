package io.tokenrack.app.results;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import org.junit.jupiter.api.Test;

/** The why panel's TPOT sentence says when speculative decoding makes TPOT shorter than the step. */
class WhySpeculationTest {
    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Evaluator EVALUATOR = new Evaluator(CATALOG);

    private static Evaluation.Ok one(SpeculationRequest s) {
        Workload w = new Workload("deepseek-r1", Precision.FP4, null, 1024, 2048, 1, null, null, null, Parallelism.AUTO);
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard("b200", 8), w, Assumptions.defaults(CATALOG.facility()),
                Batching.CONTINUOUS, s);
        return assertInstanceOf(Evaluation.Ok.class, e, e.message());
    }

    @Test
    void theSentenceNamesTheDraftAndTheTokensPerStep() {
        String spec = WhyView.steadyWhy(one(SpeculationRequest.parse("mtp:3")));
        assertTrue(spec.contains("with speculative decoding (the model's MTP module, 3 draft tokens)"), spec);
        assertTrue(spec.contains("checks 4 tokens per user, runs the draft 3 times"), spec);
        String off = WhyView.steadyWhy(one(SpeculationRequest.OFF));
        assertTrue(off.contains("each decode step also carries the prefill chunks"), off);
        assertTrue(!off.contains("speculative"), off);
    }
}
