package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/** Experts spread over a whole NVL72 domain or across domains: memory, all-to-alls, two-batch overlap. */
class WideExpertParallelismTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final ModelConstants K = ModelConstants.DEFAULT;
    static final Device GB200 = Device.of(CATALOG.accelerator("gb200"));
    static final Fabric NVLINK = new Fabric(CATALOG.accelerator("gb200").scaleUpBytesPerSecond(), 8e-6, false);
    static final Fabric NIC = new Fabric(50e9, 25e-6, true);

    static StepModel deepseek(int dp, Fabric f) {
        return new StepModel(ModelShape.of(CATALOG.model("deepseek-r1")), GB200, Precision.FP8, Precision.FP8, 1, 1, dp, f, f, K);
    }

    @Test
    void wideEpLeavesMoreMemoryPerGpuForTheKvCacheSoMoreSequencesFit() {
        double context = 8192 + 1024;
        StepModel narrow = deepseek(8, NVLINK);
        StepModel wide = deepseek(72, NVLINK);
        assertTrue(wide.weightBytesPerAccelerator() < narrow.weightBytesPerAccelerator());
        // 256 routed experts over 8 ranks is 32 per GPU; over 72, 3.6: the rest of the weights are the same
        double expertsEach = 58 * 256 * ModelShape.of(CATALOG.model("deepseek-r1")).expertParams();
        assertEquals(expertsEach / 8 - expertsEach / 72, narrow.weightBytesPerAccelerator() - wide.weightBytesPerAccelerator(),
                1e-6 * expertsEach);
        assertTrue(wide.maxSequencesPerRank(context) > narrow.maxSequencesPerRank(context),
                wide.maxSequencesPerRank(context) + " ≤ " + narrow.maxSequencesPerRank(context));
    }

    @Test
    void aHierarchicalAllToAllSendsTheOwnDomainsShareOverTheScaleUpLink() {
        // 16 ranks in domains of 8, 1 MB each: 7/16 MB over 450 GB/s and 8/16 MB over 50 GB/s at η 0.75, at once
        Fabric up = new Fabric(450e9, 8e-6, false);
        double t = Collectives.allToAllHierarchical(16, 8, 1e6, up, NIC, 0.75);
        assertEquals(25e-6 + Math.max(7.0 / 16 * 1e6 / (0.75 * 450e9), 8.0 / 16 * 1e6 / (0.75 * 50e9)), t, 1e-15);
        assertTrue(t < Collectives.allToAll(16, 1e6, NIC, 0.75), "never slower than sending everything over the NICs");
        assertEquals(Collectives.allToAll(8, 1e6, up, 0.75), Collectives.allToAllHierarchical(8, 8, 1e6, up, NIC, 0.75), 0,
                "inside one domain it is the plain all-to-all");
    }

    @Test
    void expertParallelismAcrossDomainsIsFasterWithTheScaleUpLinkInside() {
        StepModel overNics = deepseek(16, NIC);
        StepModel hierarchical = overNics.withScaleUpInside(NVLINK, 8);
        double plain = overNics.stage(64, 9216, 0, 8192).seconds();
        double inside = hierarchical.stage(64, 9216, 0, 8192).seconds();
        assertTrue(inside < plain, inside + " ≥ " + plain);
    }

    @Test
    void twoBatchOverlapHidesTheAllToAllOfALongPrefill() {
        StepModel s = deepseek(8, NIC); // all-to-all over the NICs: a large share of the step
        StepTime plain = s.stage(0, 0, 8192, 8192);
        StepTime overlapped = s.withTwoBatchOverlap().stage(0, 0, 8192, 8192);
        assertTrue(overlapped.seconds() < plain.seconds(), overlapped.seconds() + " ≥ " + plain.seconds());
        // never below the work itself: at best the whole all-to-all hides
        double comm = plain.secondsByClass()[OperatorClass.COMMUNICATION.ordinal()];
        assertTrue(overlapped.seconds() >= plain.seconds() - comm - 1e-12);
        double sum = 0;
        for (double v : overlapped.secondsByClass()) {
            sum += v;
        }
        assertEquals(overlapped.seconds(), sum, 1e-9 * sum, "the classes still add up to the step");
    }

    @Test
    void twoBatchOverlapChangesNothingWithoutExpertParallelism() {
        StepModel dense = new StepModel(ModelShape.of(CATALOG.model("llama-3.1-70b")), GB200, Precision.FP8, Precision.FP8, 4, 1, 1,
                NVLINK, NVLINK, K);
        assertEquals(dense.stage(32, 2048, 512, 2048).seconds(), dense.withTwoBatchOverlap().stage(32, 2048, 512, 2048).seconds(), 0);
    }
}
