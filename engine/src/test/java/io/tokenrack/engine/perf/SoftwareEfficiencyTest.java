package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/** An accelerator whose software reaches a smaller share of its peaks (the catalog's computeEfficiencyScale). */
class SoftwareEfficiencyTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();

    @Test
    void theModelComputesWithThePeaksTimesTheShareTheSoftwareReaches() {
        AcceleratorSpec mi300x = CATALOG.accelerator("mi300x");
        assertEquals(0.59, mi300x.computeEfficiency(), 0);
        assertTrue(mi300x.sources().stream().anyMatch(s -> s.contains("computeEfficiencyScale 0.59")), "the figure names its source");
        Device d = Device.of(mi300x);
        assertEquals(0.59 * 2610e12, d.peakFlops(Precision.FP8), 1);
        assertEquals(0.59 * 1307e12, d.peakFlops(Precision.BF16), 1);
        assertEquals(5.3e12, d.memBandwidthBytesPerSecond(), 1, "bandwidth as published");
        // a part without the figure keeps its peaks
        assertEquals(1.0, CATALOG.accelerator("h100-sxm").computeEfficiency(), 0);
        assertEquals(CATALOG.accelerator("h100-sxm").fp8DenseTflops() * 1e12, Device.of(CATALOG.accelerator("h100-sxm")).peakFlops(Precision.FP8), 1);
    }

    @Test
    void aScaleOutsideZeroToOneIsRefusedNamingTheField() {
        AcceleratorSpec a = CATALOG.accelerator("mi300x");
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            InputException e = assertThrows(InputException.class, () -> new AcceleratorSpec(a.id(), a.name(), a.vendor(), a.year(),
                    a.availability(), a.formFactor(), a.bf16DenseTflops(), a.fp8DenseTflops(), a.fp4DenseTflops(), a.int8DenseTops(),
                    a.memoryGB(), a.memBandwidthTBps(), a.onChipSramMB(), a.tdpWatts(), a.scaleUpLink(), a.scaleUpGBpsPerDirection(),
                    a.scaleUpDomainSize(), a.cooling(), a.priceUsdEstimate(), a.priceNote(), a.notes(), a.sources(), bad));
            assertTrue(e.getMessage().startsWith("computeEfficiencyScale: must be in (0, 1]"), e.getMessage());
        }
    }

    @Test
    void aComputeBoundStepIsSlowerByTheScaleAndAWeightReadIsNot() {
        AcceleratorSpec a = CATALOG.accelerator("mi300x");
        AcceleratorSpec full = new AcceleratorSpec(a.id(), a.name(), a.vendor(), a.year(), a.availability(), a.formFactor(),
                a.bf16DenseTflops(), a.fp8DenseTflops(), a.fp4DenseTflops(), a.int8DenseTops(), a.memoryGB(), a.memBandwidthTBps(),
                a.onChipSramMB(), a.tdpWatts(), a.scaleUpLink(), a.scaleUpGBpsPerDirection(), a.scaleUpDomainSize(), a.cooling(),
                a.priceUsdEstimate(), a.priceNote(), a.notes(), a.sources());
        ModelShape llama = ModelShape.of(CATALOG.model("llama-2-70b"));
        Fabric f = new Fabric(a.scaleUpBytesPerSecond(), 8e-6, false);
        ModelConstants k = ModelConstants.DEFAULT;
        StepModel scaled = new StepModel(llama, Device.of(a), Precision.FP8, Precision.FP8, 1, 1, 1, f, f, k);
        StepModel published = new StepModel(llama, Device.of(full), Precision.FP8, Precision.FP8, 1, 1, 1, f, f, k);
        // one 8,192-token prefill chunk: the FFN GEMMs are compute-bound and take 1 / 0.59 as long
        double ffnScaled = scaled.stage(0, 0, 8192, 8192).secondsByClass()[OperatorClass.DENSE_FFN.ordinal()];
        double ffnFull = published.stage(0, 0, 8192, 8192).secondsByClass()[OperatorClass.DENSE_FFN.ordinal()];
        assertEquals(1 / 0.59, ffnScaled / ffnFull, 1e-9);
        // one decoding sequence reads the weights: memory-bound, the same time
        assertEquals(published.stage(1, 1000, 0, 1000).secondsByClass()[OperatorClass.DENSE_FFN.ordinal()],
                scaled.stage(1, 1000, 0, 1000).secondsByClass()[OperatorClass.DENSE_FFN.ordinal()], 1e-15);
    }
}
