package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/** Attention–FFN disaggregation's step time from its parts, worked out by hand. */
class AttentionFfnSplitTest {
    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    @Test
    void aLayerTakesTheBusierPoolOrOneMicroBatchsRoundTrip() {
        // attention 10 µs, FFN 6 µs, send 3 µs, return 4 µs per micro-batch
        // one micro-batch: nothing overlaps, 10 + 3 + 6 + 4 = 23 µs
        close(23e-6, AttentionFfnSplit.layerSeconds(1, 10e-6, 6e-6, 3e-6, 4e-6), "m = 1");
        // two: attention 2·10 = 20 µs, FFN 12 µs, but a micro-batch's round trip is still 23 µs
        close(23e-6, AttentionFfnSplit.layerSeconds(2, 10e-6, 6e-6, 3e-6, 4e-6), "m = 2: the round trip is not hidden");
        // four: the attention pool is busy 40 µs, longer than the round trip: the transfers are hidden
        close(40e-6, AttentionFfnSplit.layerSeconds(4, 10e-6, 6e-6, 3e-6, 4e-6), "m = 4: attention-bound");
        // an FFN pool slower than attention sets the pace
        close(36e-6, AttentionFfnSplit.layerSeconds(3, 5e-6, 12e-6, 3e-6, 4e-6), "m = 3: FFN-bound, 3 · 12 µs");
        assertThrows(IllegalArgumentException.class, () -> AttentionFfnSplit.layerSeconds(0, 1, 1, 1, 1));
    }

    @Test
    void theStepSwapsTheOffloadedLayersForTheirDisaggregatedTime() {
        // aggregated step 1,000 µs; 5 layers offloaded, each 8 µs attention + 12 µs FFN on the GPUs, 23 µs disaggregated:
        // 1,000 − 5 · 20 + 5 · 23 = 1,015 µs
        close(1015e-6, AttentionFfnSplit.stepSeconds(1000e-6, 5, 8e-6, 12e-6, 23e-6), "step");
        close(1000e-6, AttentionFfnSplit.stepSeconds(1000e-6, 0, 8e-6, 12e-6, 23e-6), "nothing offloaded: the aggregated step");
    }

    @Test
    void oneMessageIsItsLatencyPlusItsBytesOverTheLink() {
        // 5 µs + 40,000 B / (0.8 · 100 GB/s) = 5.5 µs
        close(5.5e-6, AttentionFfnSplit.sendSeconds(40_000, 100e9, 0.8), "send");
    }

    /*
     * The tiny MoE of StepModelTest (D = 1024, 4 routed experts of 512, top-2, one shared expert) on the
     * SRAM chip of SramStepModelTest (1 PFLOP/s, 10 TB/s, 100 MB), bf16, 8 tokens on a group of 2 chips:
     *   one expert 3·1024·512 = 1,572,864 parameters; shared the same; router 1024·4 = 4,096.
     */
    @Test
    void theFfnOfOneLayerOnTwoSramChips() {
        ModelShape shape = ModelShape.of(StepModelTest.MOE);
        ModelConstants k = StepModelTest.constants(8);
        AttentionFfnSplit.FfnTime t = AttentionFfnSplit.ffnSeconds(shape, SramStepModelTest.SRAM_CHIP, Precision.BF16, k, 8, 2);
        // experts touched by 8 tokens choosing 2 of 4: 4·(1 − (1/2)^8) = 3.984375
        // routed: 3.984375 · 1,572,864 · 2 B / 2 chips · 1.25 imbalance = 7,833,600 B at 10 TB/s · 0.8 = 0.9792 µs
        //   (the math, 31,457,280 FLOP at η_max 0.8 — an SRAM chip has no small-M ramp and no grouped-GEMM penalty — takes 0.039 µs)
        // shared expert and router split over 2: 788,480 parameters, 1,576,960 B = 0.19712 µs (12.6 MFLOP: 0.016 µs)
        // two chip-to-chip hops inside the group: 2 µs
        close(0.9792e-6 + 0.19712e-6 + 2e-6, t.seconds(), "FFN layer");
        close(7_833_600 + 1_576_960, t.bytes(), "bytes");
        // one layer's weights: (4 + 1) · 1,572,864 · 2 B + 4,096 · 2 B = 15,736,832 B: one 100 MB chip holds it
        close(15_736_832, AttentionFfnSplit.ffnBytesPerLayer(shape, Precision.BF16), "FFN bytes per layer");
        assertEquals(1, AttentionFfnSplit.chipsPerLayer(shape, Precision.BF16, SramStepModelTest.SRAM_CHIP));
        assertEquals(1, AttentionFfnSplit.layersHeld(shape, Precision.BF16, SramStepModelTest.SRAM_CHIP, 4), "the model has one layer");
    }
}
