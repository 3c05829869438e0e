package io.tokenrack.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.lab.LabRoofline.KernelPoint;
import io.tokenrack.app.lab.LabRoofline.Kind;
import io.tokenrack.app.lab.LabRoofline.Roof;
import io.tokenrack.engine.kernels.llama.LlamaConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roofline the Lab draws, checked against hand-computed intensities and ceilings. */
class LabRooflineTest {

    private static KernelPoint point(LabRoofline r, String label) {
        return r.points().stream().filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no point " + label + " in " + r.points()));
    }

    @Test
    void intensitiesFollowTheMinimalTrafficOfEachKernel() {
        // square fp32 GEMM: 2n³ FLOPs over 3 n² × 4 bytes = n / 6
        assertEquals(1024 / 6.0, LabRoofline.gemmIntensity(1024, 1024, 1024), 1e-9);
        // M = 1 (a GEMV): 2·1792·512 / 4(512 + 917,504 + 1,792) = 1,835,008 / 3,679,232 ≈ 0.4987
        assertEquals(1_835_008.0 / 3_679_232.0, LabRoofline.gemmIntensity(1, 1792, 512), 1e-12);
        // the small model's attention: 8 query heads over 2 KV heads → 8 / (2·2) = 2 FLOP/B
        assertEquals(2.0, LabRoofline.attentionIntensity(LlamaConfig.small()), 1e-12);
        assertEquals(1 / 12.0, LabRoofline.TRIAD_FLOPS_PER_BYTE, 1e-12);
        assertEquals(0.5, LabRoofline.GEMV_FLOPS_PER_BYTE, 1e-12);
    }

    @Test
    void allCoresUseTheAllCoreCeilingsAndLeaveOutCachesSlowerThanDram() {
        LabRoofline r = LabRoofline.of(LabFixtures.profile(), true);
        assertEquals(400, r.peakGflops());
        // L1 (0.5 GB/s) and L2 (12 GB/s) on all cores are below the 32 GB/s DRAM triad: no ceiling
        assertEquals(List.of(new Roof("DRAM", 32)), r.roofs());
        assertTrue(r.note().startsWith("L1, L2 are left out"), r.note());
        assertEquals(12.5, r.roofs().getFirst().ridge(400), 1e-12, "400 GFLOP/s ÷ 32 GB/s");

        KernelPoint gemm = point(r, "GEMM 1024³");
        assertEquals(1024 / 6.0, gemm.flopsPerByte(), 1e-9);
        assertEquals(300, gemm.gflops());
        assertEquals(32 / 12.0, point(r, "triad DRAM").gflops(), 1e-12, "32 GB/s × 2 FLOP / 24 B");
        assertEquals(27 * 0.5, point(r, "GEMV 256 MiB").gflops(), 1e-12);
        assertEquals(36, point(r, "attention").gflops());
        assertEquals(2.0, point(r, "attention").flopsPerByte());
        assertEquals(95, point(r, "ERT F=256").gflops(), "F = 8 × 32 FLOP/B");
        assertTrue(r.points().stream().noneMatch(p -> p.kind() == Kind.GEMM_BY_M), "the M sweep ran on one thread");
    }

    @Test
    void oneThreadShowsEveryLevelAndTheGemmSweep() {
        LabRoofline r = LabRoofline.of(LabFixtures.profile(), false);
        assertEquals(200, r.peakGflops());
        assertEquals(List.of(new Roof("L1", 120), new Roof("L2", 90), new Roof("DRAM", 40)), r.roofs());
        assertEquals("", r.note());
        assertEquals(List.of("M=1", "M=16", "M=512"),
                r.points().stream().filter(p -> p.kind() == Kind.GEMM_BY_M).map(KernelPoint::label).toList());
        assertEquals(3, r.points().stream().filter(p -> p.kind() == Kind.TRIAD).count(), "a triad per level");
        assertEquals(10.0, point(r, "triad L1").gflops(), 1e-12, "120 GB/s / 12");
        assertTrue(r.points().stream().noneMatch(p -> p.kind() == Kind.ERT), "ERT ran on all cores only");
        // attainable: min(peak, fastest slope × intensity)
        assertEquals(120 * 0.5, r.attainable(0.5), 1e-12);
        assertEquals(200, r.attainable(100), 1e-12);
    }

    @Test
    void everyPointIsUnderItsCeilingAndInsideTheDrawnRange() {
        for (boolean all : new boolean[] {true, false}) {
            LabRoofline r = LabRoofline.of(LabFixtures.profile(), all);
            for (KernelPoint p : r.points()) {
                assertTrue(p.flopsPerByte() > r.minIntensity() && p.flopsPerByte() < r.maxIntensity(), p.toString());
                assertTrue(p.gflops() <= r.peakGflops(), p.toString());
            }
            for (Roof roof : r.roofs()) {
                assertTrue(roof.ridge(r.peakGflops()) < r.maxIntensity());
            }
        }
    }

    @Test
    void workingSetsReadInBinaryUnits() {
        assertEquals("1 MiB", LabRoofline.bytes(1 << 20));
        assertEquals("256 MiB", LabRoofline.bytes(256 << 20));
        assertEquals("1 GiB", LabRoofline.bytes(1L << 30));
        assertEquals("120 MiB", LabRoofline.bytes(120L << 20));
        assertEquals("64 KiB", LabRoofline.bytes(64 << 10));
        assertFalse(LabRoofline.bytes(125_829_120L + 3).isEmpty());
    }
}
