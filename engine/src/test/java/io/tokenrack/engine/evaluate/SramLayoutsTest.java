package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import org.junit.jupiter.api.Test;

/** SRAM-only chips: hundreds of them hold a 70B model as a pipeline of tensor-split stages. */
class SramLayoutsTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions DEFAULTS = Assumptions.defaults(CATALOG.facility());

    static Workload llama70b(Integer concurrency) {
        return new Workload("llama-2-70b", Precision.FP8, null, 550, 150, concurrency, null, null, null, Parallelism.AUTO);
    }

    @Test
    void fiveHundredSeventySixGroqChipsServeLlama70b() {
        // Groq's published run does not speculate: the SRAM explanation is checked with it off
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard("groq-lpu", 576), llama70b(5), DEFAULTS,
                io.tokenrack.engine.perf.Batching.CONTINUOUS, SpeculationRequest.OFF);
        assertTrue(e.ok(), e.message());
        Evaluation.Ok ok = (Evaluation.Ok) e;
        Parallelism p = ok.plan().parallelism();
        assertTrue(p.pp() <= 80, "no more stages than layers: " + p.pp());
        assertTrue(p.tp() * p.pp() <= 576 && p.tp() * p.pp() > 300, "a replica spans hundreds of chips: " + p.tp() + " × " + p.pp());
        assertTrue(ok.memory().weightBytesPerAccelerator() <= 230e6, "each chip's slice fits its 230 MB of SRAM");
        assertEquals(5, ok.plan().concurrency(), 1e-9);

        Note.SramToken why = ok.notes().stream().filter(n -> n instanceof Note.SramToken).map(n -> (Note.SramToken) n)
                .findFirst().orElseThrow(() -> new AssertionError("no SRAM explanation in " + ok.noteTexts()));
        // the parts add up to the time per output token, and that is the speed per user
        assertEquals(ok.latency().tpotSeconds(), why.sramSeconds() + why.computeSeconds() + why.linkSeconds() + why.overheadSeconds(),
                1e-9 * ok.latency().tpotSeconds());
        assertEquals(1 / ok.latency().tpotSeconds(), ok.throughput().tokensPerSecondPerUser(), 1e-6);
        assertEquals(why.allReduces() * 2 + why.pp(), why.hops(), "two hops per all-reduce and one per stage");
        assertTrue(why.linkSeconds() >= why.hops() * why.hopSeconds(), "every hop costs its latency");
    }

    @Test
    void chipsWithNoPublishedLinkAndNoNicTalkOverALabelledStandIn() {
        var groq = CATALOG.find("groq-lpu", io.tokenrack.engine.catalog.AcceleratorSpec.class).orElseThrow();
        Cluster bare = new Cluster(groq, 576, 1, 0, 0, 0, 1.2, 0, null, java.util.List.of(), java.util.List.of());
        Evaluation e = EVALUATOR.evaluate(bare, llama70b(5), DEFAULTS);
        assertTrue(e.ok(), e.message());
        Evaluation.Ok ok = (Evaluation.Ok) e;
        assertTrue(ok.noteTexts().stream().anyMatch(t -> t.startsWith("assumed: Groq GroqChip LPU v1 chip-to-chip link = 400 Gb/s per chip")),
                ok.noteTexts().toString());
        Note.SramToken why = (Note.SramToken) ok.notes().stream().filter(n -> n instanceof Note.SramToken).findFirst().orElseThrow();
        assertEquals(50e9, why.linkBytesPerSecond(), 1e-3, "400 Gb/s = 50 GB/s per direction");
    }

    @Test
    void tooFewChipsForTheWeightsIsRefusedWithTheSizes() {
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard("groq-lpu", 64), llama70b(5), DEFAULTS);
        assertFalse(e.ok());
        assertTrue(e.message().contains("does not fit"), e.message());
    }

    @Test
    void aGpuGetsNoSramExplanation() {
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard("h100-sxm", 8), llama70b(5), DEFAULTS);
        assertTrue(((Evaluation.Ok) e).notes().stream().noneMatch(n -> n instanceof Note.SramToken));
    }
}
