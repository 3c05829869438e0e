package io.tokenrack.engine.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.ServingOptions;
import io.tokenrack.engine.evaluate.ServingSearch;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import org.junit.jupiter.api.Test;

/** How the site optimizer words a unit's serving: an attention–FFN unit that moves no FFN layer says its FFN accelerators idle. */
class ServingChoiceTest {
    static final Evaluator EVALUATOR = new Evaluator(CatalogLoader.loadDefault());
    static final Assumptions DEFAULTS = Assumptions.defaults(EVALUATOR.catalog().facility());
    static final io.tokenrack.engine.design.RackDesign LPX = io.tokenrack.engine.design.DesignIO.read(
            java.nio.file.Path.of("../presets/designs/vera-rubin-lpx.json"));

    static Evaluation.Ok afd(String model, Precision p, int in, int out, double perUser) {
        Workload w = new Workload(model, p, null, in, out, null, null, null, perUser, Parallelism.AUTO);
        Evaluation e = new ServingSearch(EVALUATOR).evaluate(LPX, w, DEFAULTS, Batching.CONTINUOUS,
                new ServingOptions(io.tokenrack.engine.evaluate.ServingMode.AFD, null, null, null), SpeculationRequest.AUTO);
        assertTrue(e.ok(), e.message());
        return (Evaluation.Ok) e;
    }

    @Test
    void anAttentionFfnUnitThatMovesNoLayerSaysTheLpxRackIdles() {
        // DeepSeek-R1 in fp4 at 50 tokens/s per user: the LPUs' round trips cost more than the GPU layers they would replace
        Evaluation.Ok e = afd("deepseek-r1", Precision.FP4, 1024, 1024, 50);
        Note.AttentionFfn a = e.notes().stream().filter(n -> n instanceof Note.AttentionFfn).map(n -> (Note.AttentionFfn) n).findFirst().orElseThrow();
        assertEquals(0, a.offloadedLayers());
        ServingChoice c = ServingChoice.of("chat", "Vera Rubin + LPX", e);
        assertEquals("afd", c.mode());
        assertEquals("the 256 × lp30 idle: no FFN layer moved", c.idle());
        assertEquals("afd (the 256 × lp30 idle: no FFN layer moved)", c.modeInWords());
        assertTrue(c.layout().contains("no FFN layer moved: the 256 × lp30 idle"), c.layout());
        assertTrue(c.words().contains("afd with the FFN accelerators idle"), c.words());
    }

    @Test
    void anAttentionFfnUnitThatMovesLayersNamesThemAndNothingIdles() {
        Evaluation.Ok e = afd("kimi-k2", Precision.FP8, 8192, 1024, 300);
        ServingChoice c = ServingChoice.of("agents", "Vera Rubin + LPX", e);
        assertEquals("afd", c.mode());
        assertNull(c.idle());
        assertEquals("afd", c.modeInWords());
        assertTrue(c.layout().matches(".*FFN of \\d+ of 60 layers on \\d+ of 256 × lp30.*"), c.layout());
    }
}
