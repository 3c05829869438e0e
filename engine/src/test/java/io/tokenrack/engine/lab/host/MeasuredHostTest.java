package io.tokenrack.engine.lab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.ItemKind;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.Provenance;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeasuredHostTest {
    static final Catalog PRESETS = CatalogLoader.loadDefault();

    /** llama-3.1-8b with fp8 weights (fits the flat profile's 16 GB), one request, short prompt. */
    static Workload oneRequest() {
        return new Workload("llama-3.1-8b", Precision.FP8, Precision.FP8, 64, 64, 1, null, null, null, Parallelism.AUTO);
    }

    @Test
    void addsTheComputerAsAnAcceleratorAndAPlaceableServer() {
        MeasuredHost host = MeasuredHost.of(Profiles.flat());
        Catalog c = host.addTo(PRESETS);
        assertEquals(PRESETS.all().size() + 2, c.all().size());
        assertEquals(ItemKind.ACCELERATOR, c.find("this-computer").orElseThrow().kind());
        ServerSpec s = c.server("this-computer-host");
        assertEquals(ServerSpec.Role.SERVER, s.role());
        assertEquals("this-computer", s.acceleratorId());
        assertEquals(1, s.acceleratorCount());
        assertEquals(null, s.maxPowerWatts(), "no power figure is invented");
        assertTrue(s.sources().stream().anyMatch(x -> x.startsWith("TokenRack assumption")), s.sources().toString());
        assertTrue(s.sources().getFirst().startsWith("Measured on this computer"), s.sources().toString());
        assertThrows(IllegalArgumentException.class, () -> host.addTo(c), "adding it twice is refused");
        assertEquals(PRESETS.all().size(), MeasuredHost.addTo(PRESETS, Optional.empty()).all().size());
    }

    @Test
    void theConstantsComeFromTheMeasurements() {
        // flat profile: GEMV streams at 10 GB/s against a 20 GB/s triad; attention 10 of 200 GFLOP/s;
        // dispatch 2 us, calls 1 us; GEMM 10% of peak at M = 1 and 80% at M = 512
        var k = MeasuredHost.of(Profiles.flat()).constants();
        assertEquals(0.5, k.memoryEfficiency(), 1e-12);
        assertEquals(10.0 / 200, k.attentionComputeEfficiency(), 1e-12);
        assertEquals(5 * 2e-6 + HostPrediction.SERIAL_CALLS_PER_LAYER * 1e-6, k.layerOverheadSeconds(), 1e-15);
        assertEquals(2e-6 + 2 * 1e-6, k.stepOverheadSeconds(), 1e-15);
        assertEquals(0, k.collectiveLatencyScaleUpSeconds());
        assertEquals(0, k.gemmHalfEfficiencyTokens(), "small-M slowness is bandwidth, priced by the memory term");
        assertTrue(k.gemmEfficiencyMax() > 0.8 && k.gemmEfficiencyMax() <= 1, "eta_max " + k.gemmEfficiencyMax());
    }

    @Test
    void decodeStreamsTheWeightsAtTheMeasuredGemvRate() {
        MeasuredHost host = MeasuredHost.of(Profiles.flat());
        Catalog c = host.addTo(PRESETS);
        Assumptions a = Assumptions.defaults(c.facility());
        Evaluator measured = host.evaluator(c);
        // the kernel lab's decode runs without a draft head, so the step is compared with speculation off
        Evaluation result = measured.evaluate(measured.clusters().standard("this-computer", 1), oneRequest(), a,
                io.tokenrack.engine.perf.Batching.CONTINUOUS, io.tokenrack.engine.evaluate.SpeculationRequest.OFF);
        assertTrue(result.ok(), result.message());
        Evaluation.Ok e = (Evaluation.Ok) result;
        // memory floor of one decode step: the weights a token streams (all but the 128,256 x 4,096
        // embedding table, kept at bf16 like the LM head: 2 bytes each) at 20 GB/s x 0.5 measured
        // efficiency; compute at eta_max of 200 GFLOP/s is far shorter, attention and overheads add a little
        double floor = (e.memory().weightBytesPerAccelerator() - 128_256.0 * 4_096 * 2) / 10e9;
        double tpot = e.latency().tpotSeconds();
        assertTrue(tpot >= floor, tpot + " s below the floor " + floor);
        assertTrue(tpot <= 1.03 * floor, tpot + " s vs floor " + floor);
        assertTrue(e.provenance().stream().anyMatch(p -> p.label().equals("model constants") && p.kind() == Provenance.Kind.MEASURED));

        // with the GPU-fitted constants a GEMM at M = 1 would reach 0.60 x 1/(1 + 35) = 1.7% of peak and
        // the step would be compute-bound near 16 GFLOP / 3.3 GFLOP/s ~ 4.8 s: the measured constants are in use
        var gpuConstants = (Evaluation.Ok) new Evaluator(c).evaluate(measured.clusters().standard("this-computer", 1), oneRequest(), a,
                io.tokenrack.engine.perf.Batching.CONTINUOUS, io.tokenrack.engine.evaluate.SpeculationRequest.OFF);
        assertTrue(gpuConstants.latency().tpotSeconds() > 4 * tpot, gpuConstants.latency().tpotSeconds() + " vs " + tpot);
    }

    @Test
    void isItsOwnHostAndItsPowerIsUnknownNotGuessed() {
        MeasuredHost host = MeasuredHost.of(Profiles.flat());
        Catalog c = host.addTo(PRESETS);
        RackDesign d = new RackDesign(RackDesign.CURRENT_VERSION, "desk", null, List.of(new RackInstance("r1", "Rack", "air-42u-20kw",
                List.of(new Placement("p1", "this-computer-host", 10, null)))), oneRequest());
        Evaluation result = host.evaluator(c).evaluate(d, oneRequest(), Assumptions.defaults(c.facility()));
        assertTrue(result.ok(), result.message());
        Evaluation.Ok e = (Evaluation.Ok) result;
        assertTrue(Double.isNaN(e.power().itWatts()), "power is not published for this computer");
        assertFalse(e.noteTexts().stream().anyMatch(n -> n.contains("host power")), "no DGX-derived host power: " + e.notes());
        assertTrue(e.notes().stream().anyMatch(n -> n instanceof Note.UnknownPower u && u.measuredHost()), e.notes().toString());
        assertTrue(e.provenance().stream().anyMatch(p -> p.status() == Provenance.Status.NOT_MEASURED), e.provenance().toString());
        assertEquals(0, e.power().hostWatts(), "the CPU is its own host");
    }
}
