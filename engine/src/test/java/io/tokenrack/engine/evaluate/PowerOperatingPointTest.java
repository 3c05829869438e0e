package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.power.OperatingPoint;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerOperatingPointTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Assumptions DEFAULTS = Assumptions.defaults(CATALOG.facility());
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);

    static Evaluation.Ok eval(Evaluator ev, String acc, int count, String model, int isl, int osl, Integer concurrency) {
        return eval(ev, acc, count, model, isl, osl, concurrency, Parallelism.AUTO);
    }

    static Evaluation.Ok eval(Evaluator ev, String acc, int count, String model, int isl, int osl, Integer concurrency, Parallelism p) {
        Cluster c = ev.clusters().standard(acc, count);
        Workload w = new Workload(model, Precision.FP8, null, isl, osl, concurrency, null, null, null, p);
        return assertInstanceOf(Evaluation.Ok.class, ev.evaluate(c, w, DEFAULTS));
    }

    @ParameterizedTest
    @CsvSource({"h100-sxm,8,llama-3.1-70b,2048,256,1", "h100-sxm,8,llama-3.1-70b,1024,1024,", "h200-sxm,8,llama-2-70b,222,294,",
            "b200,8,llama-3.3-70b,1024,1024,64", "gb200,72,deepseek-r1,1024,1024,", "h200-sxm,8,mixtral-8x7b,427,145,16"})
    void aCapNeverRaisesPowerAndDecodeDrawsNoMoreThanPrefill(String acc, int count, String model, int isl, int osl, Integer conc) {
        Evaluation.Ok maxP = eval(EVALUATOR, acc, count, model, isl, osl, conc);
        PowerDetail d0 = maxP.power().detail();
        assertTrue(d0.decodeWattsPerAccelerator() <= d0.prefillWattsPerAccelerator() + 1e-9,
                () -> "decode " + d0.decodeWattsPerAccelerator() + " W > prefill " + d0.prefillWattsPerAccelerator() + " W");
        double tdp = CATALOG.accelerator(acc).tdpWatts();
        Evaluation.Ok previous = maxP;
        Parallelism layout = maxP.plan().parallelism(); // the same layout at every cap, so only the clock changes
        for (OperatingPoint op : List.of(OperatingPoint.cap(tdp * 0.9), OperatingPoint.MAX_Q, OperatingPoint.cap(tdp * 0.5))) {
            Evaluation.Ok capped = eval(EVALUATOR.withOperatingPoint(op), acc, count, model, isl, osl, conc, layout);
            PowerDetail d = capped.power().detail();
            PowerDetail p = previous.power().detail();
            String at = acc + " " + model + " at " + op.label();
            assertTrue(d.prefillWattsPerAccelerator() <= p.prefillWattsPerAccelerator() + 1e-9, at);
            assertTrue(d.decodeWattsPerAccelerator() <= p.decodeWattsPerAccelerator() + 1e-9, at);
            assertTrue(d.prefillWattsPerAccelerator() <= d.limitWattsPerAccelerator() + 1e-9, at);
            assertTrue(d.decodeWattsPerAccelerator() <= d.prefillWattsPerAccelerator() + 1e-9, at);
            if (conc != null) { // the same requests in flight: the whole draw is comparable
                assertTrue(capped.power().itWatts() <= previous.power().itWatts() + 1e-6, at);
                assertTrue(capped.power().acceleratorWatts() <= previous.power().acceleratorWatts() + 1e-6, at);
            }
            previous = capped;
        }
    }

    @Test
    void aCapSlowsComputeBoundPrefillAndBarelyMemoryBoundDecode() {
        Evaluation.Ok maxP = eval(EVALUATOR, "h100-sxm", 8, "llama-3.1-70b", 2048, 256, 1);
        Evaluation.Ok capped = eval(EVALUATOR.withOperatingPoint(OperatingPoint.cap(400)), "h100-sxm", 8, "llama-3.1-70b", 2048, 256, 1);
        double prefill = capped.phase(Phase.PREFILL).stepSeconds() / maxP.phase(Phase.PREFILL).stepSeconds();
        double decode = capped.latency().tpotSeconds() / maxP.latency().tpotSeconds();
        assertTrue(prefill > 1.15, "capped prefill is slower: " + prefill);
        assertTrue(decode >= 1 && decode < 1.03, "capped decode barely slower: " + decode);
        assertTrue(capped.latency().ttftSeconds() > maxP.latency().ttftSeconds() * 1.15);
        assertEquals(400, capped.power().detail().prefillWattsPerAccelerator(), 1e-9, "compute-bound prefill runs at the cap");
        assertTrue(maxP.power().detail().decodeWattsPerAccelerator() < 0.5 * 700, "small-batch decode draws well under TDP");
    }

    @Test
    void theServerWallIsTheBoardsPlusTheHostAndItAddsTheNetwork() {
        Evaluation.Ok e = eval(EVALUATOR, "h200-sxm", 8, "llama-2-70b", 222, 294, null);
        PowerBreakdown p = e.power();
        assertEquals(p.acceleratorWatts() + p.detail().host().totalWatts(), p.serverWallWatts(), 1e-6);
        assertEquals(p.serverWallWatts(), p.detail().serverWallWatts(), 1e-6);
        assertEquals(p.serverWallWatts() + p.networkWatts(), p.itWatts(), 1e-6);
        assertEquals(OperatingPoint.MAX_P, p.detail().operatingPoint());
    }

    @Test
    void aCapBelowTheStaticFloorIsAClearError() {
        Cluster c = EVALUATOR.clusters().standard("h100-sxm", 8);
        Workload w = new Workload("llama-3.1-70b", Precision.FP8, null, 128, 128, 1, null, null, null, Parallelism.AUTO);
        Evaluation e = EVALUATOR.withOperatingPoint(OperatingPoint.cap(150)).evaluate(c, w, DEFAULTS);
        Evaluation.Failed f = assertInstanceOf(Evaluation.Failed.class, e);
        assertTrue(f.message().contains("150 W") && f.message().contains("h100-sxm") && f.message().contains("floor"), f.message());
    }

    @Test
    void aRackAtMaxQDrawsLessThanAtMaxPAndSaysSo() {
        java.nio.file.Path presets = java.nio.file.Path.of(System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY));
        io.tokenrack.engine.design.RackDesign design = io.tokenrack.engine.design.DesignIO.read(presets.resolve("designs/dgx-h100-4x-air.json"));
        var rack = design.racks().get(0);
        Evaluation maxP = EVALUATOR.evaluate(design, design.workload(), DEFAULTS);
        Evaluation maxQ = EVALUATOR.withOperatingPoint(OperatingPoint.MAX_Q).evaluate(design, design.workload(), DEFAULTS);
        var p = ModelledRackPower.of(maxP).estimate(rack, CATALOG);
        var q = ModelledRackPower.of(maxQ).estimate(rack, CATALOG);
        assertTrue(q.watts() < p.watts(), q + " vs " + p);
        assertTrue(q.basis().endsWith("max-q"), q.basis());
        assertTrue(!p.basis().contains("max-"), p.basis());
    }
}
