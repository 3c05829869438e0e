package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServingFrontierTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions A = Assumptions.defaults(CATALOG.facility());
    static final Cluster H200X8 = EVALUATOR.clusters().standard("h200-sxm", 8);

    static Workload llama(Parallelism p) {
        return new Workload("llama-3.3-70b", Precision.FP8, null, 1024, 1024, null, null, null, null, p);
    }

    @Test
    void noFrontierPointIsDominatedAndEachCarriesAConfigurationThatReproducesIt() {
        Workload w = llama(Parallelism.AUTO);
        List<FrontierPoint> f = EVALUATOR.frontier(H200X8, w, A, 64, Batching.CONTINUOUS);
        assertTrue(f.size() >= 8 && f.size() <= 64, "points " + f.size());
        for (FrontierPoint p : f) {
            for (FrontierPoint q : f) {
                boolean dominates = q != p && q.tokensPerSecondPerUser() >= p.tokensPerSecondPerUser()
                        && q.outputTokensPerSecondPerAccelerator() > p.outputTokensPerSecondPerAccelerator();
                assertFalse(dominates, q.config().describe() + " dominates " + p.config().describe());
            }
            ServingConfig c = p.config();
            assertNotNull(c);
            Parallelism par = c.parallelism();
            assertEquals(8, c.replicas() * par.tp() * par.pp() * par.dp(), "every accelerator in a replica: " + c.describe());
            assertEquals(c.concurrency(), p.point().concurrency());
            // the configuration, asked for as a workload, gives the point's numbers
            Evaluation.Ok again = (Evaluation.Ok) EVALUATOR.evaluate(H200X8, c.applyTo(w), A, Batching.CONTINUOUS, c.speculation());
            assertEquals(p.tokensPerSecondPerUser(), again.throughput().tokensPerSecondPerUser(), 1e-9 * p.tokensPerSecondPerUser());
            assertEquals(p.outputTokensPerSecondPerAccelerator(), again.throughput().outputTokensPerSecondPerAccelerator(),
                    1e-9 * p.outputTokensPerSecondPerAccelerator());
            CurvePoint full = CurvePoint.of(c.concurrency(), again);
            assertEquals(full, p.point(), "the frontier's quick point is the full evaluation's: " + c.describe());
        }
        for (int i = 1; i < f.size(); i++) {
            assertTrue(f.get(i).tokensPerSecondPerUser() > f.get(i - 1).tokensPerSecondPerUser(), "increasing speed per user");
        }
    }

    @Test
    void theFrontierSpansLayoutsWhereOneLayoutAloneWouldBeBeaten() {
        List<FrontierPoint> f = EVALUATOR.frontier(H200X8, llama(Parallelism.AUTO), A, 64, Batching.CONTINUOUS);
        Set<Integer> tps = f.stream().map(p -> p.config().parallelism().tp()).collect(Collectors.toSet());
        assertTrue(tps.size() >= 2, "tp 8 for speed per user, fewer for throughput: " + tps);
        // the fastest point per user is one request on the widest tensor-parallel layout
        assertEquals(8, f.getLast().config().parallelism().tp());
    }

    @Test
    void aMixtureOfExpertsFrontierOnAWideDomainSpansAttentionDataParallelLayouts() {
        Workload r1 = new Workload("deepseek-r1", Precision.FP8, null, 1024, 1024, null, null, null, null, Parallelism.AUTO);
        Cluster nvl72 = EVALUATOR.clusters().standard("gb200", 72);
        List<FrontierPoint> f = EVALUATOR.frontier(nvl72, r1, A, 64, Batching.CONTINUOUS);
        assertTrue(f.size() >= 16, "points " + f.size());
        for (FrontierPoint p : f) {
            Parallelism par = p.config().parallelism();
            assertEquals(par.tp() * par.dp(), par.ep(), "experts over every rank of a stage: " + p.config().describe());
            Evaluation.Ok again = (Evaluation.Ok) EVALUATOR.evaluate(nvl72, p.config().applyTo(r1), A, Batching.CONTINUOUS, p.config().speculation());
            assertEquals(CurvePoint.of(p.config().concurrency(), again), p.point());
        }
        // DeepSeek-R1 ships an MTP head (and auto weighs an EAGLE head too): the fastest point per user drafts tokens
        FrontierPoint fastest = f.stream().max(java.util.Comparator.comparingDouble(FrontierPoint::tokensPerSecondPerUser)).orElseThrow();
        assertTrue(!fastest.config().speculative().isOff(), fastest.config().describe());
    }

    @Test
    void atMaxQTheFrontierPointsAreWhatAnEvaluationAtMaxQGives() {
        Evaluator maxQ = EVALUATOR.withOperatingPoint(io.tokenrack.engine.power.OperatingPoint.MAX_Q);
        Workload w = llama(Parallelism.AUTO);
        List<FrontierPoint> f = maxQ.frontier(H200X8, w, A, 16, Batching.CONTINUOUS);
        assertFalse(f.isEmpty());
        for (FrontierPoint p : f) {
            Evaluation.Ok again = (Evaluation.Ok) maxQ.evaluate(H200X8, p.config().applyTo(w), A, Batching.CONTINUOUS, p.config().speculation());
            assertEquals(CurvePoint.of(p.config().concurrency(), again), p.point(), p.config().describe());
        }
    }

    @Test
    void aUserLayoutIsKeptOnEveryPoint() {
        Parallelism tp4 = new Parallelism(4, 1, 1, 1);
        List<FrontierPoint> f = EVALUATOR.frontier(H200X8, llama(tp4), A, 16, Batching.CONTINUOUS);
        assertFalse(f.isEmpty());
        assertTrue(f.size() <= 16);
        for (FrontierPoint p : f) {
            assertEquals(4, p.config().parallelism().tp());
            assertEquals(2, p.config().replicas());
        }
    }

    @Test
    void theBestConfigurationAtASpeedTargetMeetsItAndNoFrontierPointMeetingItDoesBetter() {
        Workload w = llama(Parallelism.AUTO);
        List<FrontierPoint> f = EVALUATOR.frontier(H200X8, w, A, 64, Batching.CONTINUOUS);
        for (double target : new double[] {20, 50, 100}) {
            Evaluation.Ok best = (Evaluation.Ok) EVALUATOR.evaluate(H200X8, w.withMinTokensPerSecondPerUser(target), A);
            assertTrue(best.throughput().tokensPerSecondPerUser() >= target, "meets " + target);
            for (FrontierPoint p : f) {
                if (p.tokensPerSecondPerUser() >= target) {
                    assertTrue(best.throughput().outputTokensPerSecondPerAccelerator() >= p.outputTokensPerSecondPerAccelerator() * (1 - 1e-9),
                            "at ≥ " + target + " tokens/s per user the evaluator's choice beats " + p.config().describe());
                }
            }
        }
    }

    @Test
    void aTargetBeyondTheFrontierIsRefusedWithTheBestSpeedTheFrontierReaches() {
        Workload w = llama(Parallelism.AUTO);
        List<FrontierPoint> f = EVALUATOR.frontier(H200X8, w, A, 64, Batching.CONTINUOUS);
        double fastest = f.getLast().tokensPerSecondPerUser();
        Evaluation e = EVALUATOR.evaluate(H200X8, w.withMinTokensPerSecondPerUser(fastest * 1.05), A);
        assertTrue(e instanceof Evaluation.Failed, "no configuration is faster per user than the frontier's fastest point");
        assertTrue(e.message().contains("one request alone gets at best " + Evaluator.plain(fastest) + " tokens/s per user"), e.message());
        assertTrue(EVALUATOR.evaluate(H200X8, w.withMinTokensPerSecondPerUser(fastest * 0.999), A) instanceof Evaluation.Ok,
                "just below it the fastest configuration is chosen");
    }

    @Test
    void aModelThatDoesNotFitHasNoFrontier() {
        Workload big = new Workload("llama-3.1-405b", Precision.BF16, null, 1024, 1024, null, null, null, null, Parallelism.AUTO);
        assertTrue(EVALUATOR.frontier(EVALUATOR.clusters().standard("h100-sxm", 1), big, A, 16, Batching.CONTINUOUS).isEmpty());
    }

    @Test
    void thinningKeepsBothEndsAndAtMostThePointsAsked() {
        List<Integer> all = java.util.stream.IntStream.range(0, 100).boxed().toList();
        List<Integer> t = ServingFrontier.thin(all, 7);
        assertEquals(7, t.size());
        assertEquals(0, t.getFirst());
        assertEquals(99, t.getLast());
        assertEquals(List.of(1, 2), ServingFrontier.thin(List.of(1, 2), 7));
    }

    @Test
    void dominatedCandidatesAreDropped() {
        ServingConfig c = new ServingConfig(ServingConfig.Mode.AGGREGATED, new Parallelism(1, 1, 1, 1), 1, 1, io.tokenrack.engine.perf.Speculation.OFF);
        var fast = new ServingConfigs.Candidate(c, 100, 10);
        var dominated = new ServingConfigs.Candidate(c, 50, 9);
        var dense = new ServingConfigs.Candidate(c, 20, 40);
        assertEquals(List.of(dense, fast), ServingFrontier.pareto(List.of(fast, dominated, dense)));
    }
}
