package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.SpeculativeMethod;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --speculative auto} is never worse than an explicit method and depth it could have chosen:
 * every method the model supports (MTP when it ships modules, EAGLE everywhere, as {@code eagle:K}
 * runs on every model with the generic curve) at every depth auto tries.
 */
class AutoSpeculationDominanceTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions A = Assumptions.defaults(CATALOG.facility());

    record Case(String acc, int n, String model, Precision p) {}

    static final List<Case> CASES = List.of(
            new Case("b200", 8, "gpt-oss-120b", Precision.FP4),
            new Case("b200", 8, "deepseek-r1", Precision.FP4));

    private static Evaluation evaluate(Case c, Workload w, SpeculationRequest s) {
        return EVALUATOR.evaluate(EVALUATOR.clusters().standard(c.acc(), c.n()), w, A, Batching.CONTINUOUS, s);
    }

    private static List<String> explicit(Case c) {
        List<String> out = new ArrayList<>(List.of("off"));
        boolean mtp = CATALOG.model(c.model()).mtp() != null;
        for (int k = 1; k <= SpeculationRequest.AUTO_MAX_DRAFT_TOKENS; k++) {
            out.add("eagle:" + k);
            if (mtp) {
                out.add("mtp:" + k);
            }
        }
        return out;
    }

    private static Workload w(Case c) {
        return new Workload(c.model(), c.p(), null, 1024, 1024, 1, null, null, null, Parallelism.AUTO);
    }

    @Test
    void autoIsTheFastestPerUserForOneUser() {
        for (Case c : CASES) {
            Workload one = w(c);
            Evaluation.Ok auto = assertInstanceOf(Evaluation.Ok.class, evaluate(c, one, SpeculationRequest.AUTO));
            for (String s : explicit(c)) {
                Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class, evaluate(c, one, SpeculationRequest.parse(s)), c + " " + s);
                assertTrue(auto.throughput().tokensPerSecondPerUser() >= e.throughput().tokensPerSecondPerUser() * (1 - 1e-9),
                        c + ": auto chose " + auto.plan().speculation().label() + " at " + auto.throughput().tokensPerSecondPerUser()
                                + " tokens/s per user, " + s + " gives " + e.throughput().tokensPerSecondPerUser());
            }
        }
        // the reported defect: gpt-oss-120b (no MTP modules) at one user stayed off while eagle:3 was far faster
        Evaluation.Ok gptOss = assertInstanceOf(Evaluation.Ok.class, evaluate(CASES.getFirst(), w(CASES.getFirst()), SpeculationRequest.AUTO));
        assertNotEquals(SpeculativeMethod.OFF, gptOss.plan().speculation().method());
    }

    @Test
    void autoServesTheMostAtAnInteractivityTarget() {
        for (Case c : CASES) {
            double off = assertInstanceOf(Evaluation.Ok.class, evaluate(c, w(c), SpeculationRequest.OFF)).throughput().tokensPerSecondPerUser();
            // a target that leaves room to batch: 0.6 × the single-user speed without speculation
            Workload target = w(c).withConcurrency(null).withMinTokensPerSecondPerUser(off * 0.6);
            Evaluation.Ok auto = assertInstanceOf(Evaluation.Ok.class, evaluate(c, target, SpeculationRequest.AUTO), c.toString());
            int compared = 0;
            for (String s : explicit(c)) {
                if (evaluate(c, target, SpeculationRequest.parse(s)) instanceof Evaluation.Ok e) {
                    compared++;
                    assertTrue(auto.throughput().outputTokensPerSecond() >= e.throughput().outputTokensPerSecond() * (1 - 1e-9),
                            c + ": auto chose " + auto.plan().speculation().label() + " at " + auto.throughput().outputTokensPerSecond()
                                    + " output tokens/s, " + s + " gives " + e.throughput().outputTokensPerSecond());
                }
            }
            assertTrue(compared > 1, c + ": the target leaves more than one choice to compare");
        }
    }
}
