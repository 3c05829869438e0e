package io.tokenrack.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.document.Edits;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.Phase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Evaluation off the caller's thread, latest edit wins, and the headline cards, without a window. */
class ResultsModelTest {
    private final EngineResults engine = new EngineResults(new Evaluator(Fixtures.catalog()));

    @Test
    void staleRequestsAreSkippedAndStaleResultsDropped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> computed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> delivered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        try (LatestWins<Integer, Integer> runner = new LatestWins<>(i -> {
            threads.add(Thread.currentThread().getName());
            computed.add(i);
            if (i == 1) {
                started.countDown();
                await(release);
            }
            return i * 10;
        }, (i, e) -> -1, Runnable::run, "test-worker")) {
            CountDownLatch done = new CountDownLatch(1);
            runner.submit(1, delivered::add);
            // 2–5 are submitted while 1 is computing (not merely queued), however slow the machine
            assertTrue(started.await(30, TimeUnit.SECONDS), "request 1 started");
            for (int i = 2; i <= 5; i++) {
                int n = i;
                runner.submit(n, r -> {
                    delivered.add(r);
                    if (n == 5) {
                        done.countDown();
                    }
                });
            }
            release.countDown();
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(List.of(1, 5), List.copyOf(computed), "2, 3 and 4 were superseded before they started");
            assertEquals(List.of(50), List.copyOf(delivered), "the result for 1 arrived late and was dropped");
            assertTrue(threads.stream().allMatch("test-worker"::equals));
        }
    }

    @Test
    void theModelEvaluatesEveryEditOffTheCallersThread() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        DesignDocument doc = new DesignDocument(Fixtures.exampleState(), null);
        ResultsEngine recording = s -> {
            thread.set(Thread.currentThread().getName());
            return engine.compute(s);
        };
        CountDownLatch updated = new CountDownLatch(1);
        try (ResultsModel model = new ResultsModel(doc, recording, Runnable::run)) {
            model.statusProperty().addListener((o, a, b) -> {
                if (b.startsWith("updated in")) {
                    updated.countDown();
                }
            });
            doc.execute(new Edits.RemoveItems(java.util.Set.of("dgx-1")));
            assertTrue(updated.await(30, TimeUnit.SECONDS));
            assertEquals("tokenrack-evaluator", thread.get());
            assertEquals(doc.state(), model.results().input(), "the newest state's results are shown");
            assertFalse(model.evaluatingProperty().get());
            assertTrue(model.statusProperty().get().startsWith("updated in"), model.statusProperty().get());
        }
    }

    @Test
    void cardsCarryUnitsWhyAndWhereInputsCameFrom() {
        Results r = engine.compute(Fixtures.exampleState());
        assertTrue(r.ok(), r.message());
        List<Headline.Card> cards = Headline.cards(r);
        assertEquals(Headline.IDS, cards.stream().map(Headline.Card::id).toList());
        Headline.Card out = cards.getFirst();
        assertEquals("tok/s", out.unit());
        assertTrue(out.value().matches("[0-9,]+"), out.value());
        assertTrue(out.why().contains("per accelerator"), out.why());
        Headline.Card cost = cards.get(4);
        assertTrue(cost.value().startsWith("$"));
        assertTrue(cost.kinds().contains(io.tokenrack.engine.evaluate.Provenance.Kind.ASSUMPTION), "cost rests on assumptions");
        assertTrue(cards.get(6).why().contains("decode step") || cards.get(6).why().contains("steady step"), cards.get(6).why());
    }

    @Test
    void withoutAWorkloadTheCardsSaySoInsteadOfNumbers() {
        DocState s = Fixtures.exampleState();
        Results r = engine.compute(s.withDesign(s.design().withWorkload(null)));
        assertFalse(r.ok());
        for (Headline.Card c : Headline.cards(r)) {
            assertEquals("—", c.value());
            assertTrue(c.why().contains("Choose a model"));
        }
    }

    @Test
    void sweepsCoverConcurrencyAndUtilization() {
        Results r = engine.compute(Fixtures.exampleState());
        assertTrue(r.concurrencySweep().size() > 5);
        assertEquals(EngineResults.UTILIZATION_STEPS, r.utilizationSweep().size());
        double at10 = r.utilizationSweep().getFirst().usdPerMillionOutputTokens();
        double at100 = r.utilizationSweep().getLast().usdPerMillionOutputTokens();
        assertTrue(at10 > at100, "idle hours cost more per token");
        // each point is what a full evaluation at that utilization gives
        DocState s = Fixtures.exampleState();
        var evaluator = new io.tokenrack.engine.evaluate.Evaluator(Fixtures.catalog());
        for (io.tokenrack.engine.evaluate.UtilizationPoint p : r.utilizationSweep()) {
            var w = s.design().workload();
            // what the app evaluates: the design's workload under its serving choice (auto here), as the CLI's evaluate
            var e = new io.tokenrack.engine.evaluate.ServingSearch(evaluator).evaluate(s.design(), w, s.assumptions().withUtilization(p.utilization()),
                    io.tokenrack.engine.perf.Batching.CONTINUOUS, io.tokenrack.engine.evaluate.WorkloadServing.options(w),
                    io.tokenrack.engine.evaluate.WorkloadServing.speculation(w));
            double full = ((io.tokenrack.engine.evaluate.Evaluation.Ok) e).cost().usdPerMillionOutputTokens();
            assertEquals(full, p.usdPerMillionOutputTokens(), 1e-9 * full, "at utilization " + p.utilization());
        }
        assertNotEquals(r.concurrencySweep().getFirst().outputTokensPerSecond(), r.concurrencySweep().getLast().outputTokensPerSecond());
    }

    @Test
    void theWhyLineExplainsTheStepTheBottleneckWasReadFrom() {
        // the measured CPU: decode alone is bandwidth-bound, while the steady step (decode plus the
        // prefill chunks it carries) is compute-bound at a few requests
        var host = io.tokenrack.engine.lab.host.MeasuredHost.of(io.tokenrack.app.lab.LabFixtures.profile());
        var catalog = host.addTo(Fixtures.catalog());
        var evaluator = host.evaluator(catalog);
        var cluster = evaluator.clusters().standard("this-computer", 1);
        io.tokenrack.engine.evaluate.Evaluation.Ok differs = null;
        io.tokenrack.engine.evaluate.Evaluation.Ok same = null;
        for (int c : new int[] {1, 2, 4, 8, 16, 32}) {
            var w = new io.tokenrack.engine.workload.Workload("llama-3.1-8b", io.tokenrack.engine.workload.Precision.FP8, null,
                    256, 128, c, null, null, null, io.tokenrack.engine.workload.Parallelism.AUTO);
            var result = evaluator.evaluate(cluster, w, io.tokenrack.engine.evaluate.Assumptions.defaults(catalog.facility()));
            assertTrue(result.ok(), result.message());
            var e = (io.tokenrack.engine.evaluate.Evaluation.Ok) result;
            boolean bothSame = e.phase(Phase.DECODE).bound() == e.phase(Phase.STEADY_STEP).bound();
            if (bothSame && same == null) {
                same = e;
            } else if (!bothSame && differs == null) {
                differs = e;
            }
        }
        assertTrue(differs != null && same != null, "the sweep has both cases");
        String steadyBound = differs.phase(Phase.STEADY_STEP).bound().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        assertTrue(Headline.decodeWhy(differs).matches("steady step .* \\(with prefill chunks\\), .*"), Headline.decodeWhy(differs));
        assertTrue(Headline.decodeWhy(differs).contains(steadyBound + " bound"), Headline.decodeWhy(differs));
        assertTrue(Headline.decodeWhy(same).startsWith("decode step "), Headline.decodeWhy(same));
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theNumbersArePublishedBeforeTheirSlowerRangesAndThenReplacedByThem() throws Exception {
        DesignDocument doc = new DesignDocument(Fixtures.exampleState(), null);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Results> refinedFrom = new AtomicReference<>();
        ResultsEngine twoPass = new ResultsEngine() {
            @Override
            public Results compute(DocState s) {
                return engine.compute(s);
            }

            @Override
            public Results refine(Results first) {
                await(release);
                refinedFrom.set(first);
                // stands for the ranges: a copy that took longer
                return first.withRanges(null, 1_000_000_000L);
            }
        };
        ConcurrentLinkedQueue<Results> published = new ConcurrentLinkedQueue<>();
        CountDownLatch refined = new CountDownLatch(1);
        try (ResultsModel model = new ResultsModel(doc, twoPass, Runnable::run)) {
            model.resultsProperty().addListener((o, a, b) -> {
                published.add(b);
                if (b.computeNanos() >= 1_000_000_000L) {
                    refined.countDown();
                }
            });
            // the first pass arrives while the second is still held back
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (model.results() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(model.results() != null && model.results().ok(), "the numbers came without waiting for the ranges");
            assertTrue(model.results().computeNanos() < 1_000_000_000L);
            release.countDown();
            assertTrue(refined.await(30, TimeUnit.SECONDS), "the refined results replaced the first ones");
            assertEquals(refinedFrom.get().input(), model.results().input());
            assertTrue(model.results().computeNanos() >= 1_000_000_000L);
        }
    }
}
