package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges carried from announced catalog figures to every headline number. */
class RangeEvaluatorTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions DEFAULTS = Assumptions.defaults(CATALOG.facility());
    static final RangeEvaluator RANGES = new RangeEvaluator(CATALOG);

    static Workload r1(Precision p) {
        return new Workload("deepseek-r1", p, null, 1024, 1024, null, null, null, null, Parallelism.AUTO);
    }

    static RangedEvaluation ranged(RangeEvaluator.ClusterSource source, Workload w) {
        Evaluation e = EVALUATOR.evaluate(source.build(EVALUATOR.clusters()), w, DEFAULTS, Batching.CONTINUOUS);
        assertTrue(e.ok(), e.message());
        return RANGES.evaluate((Evaluation.Ok) e, source, w, DEFAULTS, Batching.CONTINUOUS);
    }

    @Test
    void rubinGivesPowerTokensPerJouleAndCostEachWithAnOrderedRange() {
        RangedEvaluation r = ranged(RangeEvaluator.ClusterSource.standard("rubin", 72), r1(Precision.FP4));
        assertTrue(r.ranged());
        for (HeadlineMetric m : HeadlineMetric.values()) {
            double v = m.of(r.nominal());
            assertTrue(Double.isFinite(v), m + " is unknown on Rubin");
            Band b = r.band(m);
            assertTrue(b.low() <= v && v <= b.high(), m + ": " + b.low() + " ≤ " + v + " ≤ " + b.high());
        }
        // announced HBM and FP4 rates disagree by source, so throughput and tokens per joule are real spans
        Band tpj = r.band(HeadlineMetric.OUTPUT_TOKENS_PER_JOULE);
        assertTrue(tpj.high() > tpj.low() * 1.05, tpj.toString());
        Band tps = r.band(HeadlineMetric.OUTPUT_TOKENS_PER_SECOND);
        assertTrue(tps.high() > tps.low() * 1.05, tps.toString());
        List<String> fields = r.inputs().stream().map(i -> i.itemId() + "." + i.field()).toList();
        assertTrue(fields.contains("rubin.memBandwidthTBps"), fields.toString());
        assertTrue(fields.contains("rubin.fp4DenseTflops"), fields.toString());
    }

    @Test
    void everyBandIsOrderedOnADesignWithARangedRackAndTray() {
        var design = io.tokenrack.engine.design.DesignIO.read(java.nio.file.Path.of(System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY)).resolve("designs/vera-rubin-nvl72.json"));
        RangedEvaluation r = ranged(RangeEvaluator.ClusterSource.design(design), r1(Precision.FP4));
        assertTrue(r.inputs().stream().anyMatch(i -> i.itemId().equals("nvl72-vera-rubin-rack")), r.inputsText());
        for (var b : r.bands().entrySet()) {
            double v = b.getKey().of(r.nominal());
            assertTrue(b.getValue().contains(v), b.getKey() + " " + b.getValue() + " " + v);
        }
    }

    @Test
    void aShippingPartWithoutRangesHasNoBand() {
        RangedEvaluation r = ranged(RangeEvaluator.ClusterSource.standard("h100-sxm", 8),
                new Workload("llama-3.1-70b", Precision.FP8, null, 1024, 1024, 64, null, null, null, Parallelism.AUTO));
        assertFalse(r.ranged());
        assertTrue(r.inputs().isEmpty());
    }

    @Test
    void unknownStaysUnknown() {
        // GB300 publishes no price: its cost has no band, while its numbers that are known have none either (no ranged input)
        RangedEvaluation r = ranged(RangeEvaluator.ClusterSource.standard("rubin", 72), r1(Precision.FP4));
        assertEquals(r.bands().size(), HeadlineMetric.values().length);
        RangedEvaluation gb = ranged(RangeEvaluator.ClusterSource.standard("gb300", 72), r1(Precision.FP4));
        assertTrue(Double.isNaN(gb.nominal().cost().usdPerMillionOutputTokens()));
        assertEquals(null, gb.band(HeadlineMetric.USD_PER_MILLION_OUTPUT_TOKENS));
    }

    @Test
    void cornersCoverEveryCombinationOfEndsForFewInputsAndEachEndForMany() {
        assertEquals(8, RangeEvaluator.ends(3).size());
        assertEquals(2 + 2 * 7, RangeEvaluator.ends(7).size());
    }

    @Test
    void anFp8OnlyChipRefusesBf16AndSaysWhatItServes() {
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard("lp30", 8),
                new Workload("llama-3.1-8b", Precision.BF16, null, 128, 128, 1, null, null, null, Parallelism.AUTO), DEFAULTS);
        assertEquals(Evaluation.Status.INVALID, e.status());
        assertEquals("lp30 has no bf16 math (no rate is published for it); it serves fp8 or fp4", e.message());
    }
}
