package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Availability;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.workload.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A made-up four-layer model on four made-up SRAM-only chips, worked out by hand: how many
 * sequences the SRAM left after the weights holds, and the time of one token through the four
 * pipeline stages in turn (SRAM reads, compute, one chip-to-chip hop per stage, no kernel launches).
 */
class SramStepModelTest {
    /** 1 PFLOP/s bf16, 100 MB of SRAM at 10 TB/s, nothing off chip. */
    static final Device SRAM_CHIP = new Device("sram-chip", 1e15, 0, 0, 10e12, 100e6, 200, true);
    /** The same chip, as if its 100 MB were HBM: a GPU-like device with kernel launches. */
    static final Device HBM_CHIP = new Device("hbm-chip", 1e15, 0, 0, 10e12, 100e6, 200);
    /** 100 GB/s per direction between chips. */
    static final double LINK = 100e9;

    /** D = 1024, 8 query heads and 2 KV heads of 128, dense SwiGLU FFN 4096, vocabulary 32,000, four layers. */
    static final ModelSpec FOUR_LAYERS = new ModelSpec("tiny-four", "Tiny four layers", 4, 1024, 8, 2, 128, 4096, 32_000, 4096, false,
            null, null, null, 0.1, 0.1, "bf16", null, List.of("made up for a hand-computed test"));

    private static StepModel step(Device d, int tp, int pp) {
        return new StepModel(ModelShape.of(FOUR_LAYERS), d, Precision.BF16, Precision.BF16, tp, pp, 1,
                ChipToChip.tensorGroup(LINK), ChipToChip.stageHop(LINK), StepModelTest.constants(8));
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    /*
     * Per layer: attention 2,621,440 + FFN 12,582,912 parameters = 15,204,352 → 30,408,704 B in bf16.
     * Embedding and LM head 2·1024·32,000 = 65,536,000 parameters → 131,072,000 B, split over tp·pp chips.
     * KV: 2·2·128 = 512 elements = 1,024 B per token per layer.
     */

    @Test
    void fourChipsHoldTheModelOneLayerEachWithRoomForSixteenLongSequences() {
        StepModel s = step(SRAM_CHIP, 1, 4);
        // one layer 30,408,704 B + a quarter of the embeddings 32,768,000 B = 63,176,704 B per chip
        close(63_176_704, s.weightBytesPerAccelerator(), "weights per chip");
        // free 100,000,000 − 63,176,704 = 36,823,296 B; 0.9 of it = 33,140,966.4 B for KV;
        // a 2,000-token sequence holds 1,024 · 2,000 = 2,048,000 B on each chip (one layer): 16.18 → 16
        close(2_048_000, s.kvBytesPerSequencePerAccelerator(2000), "KV per sequence per chip");
        assertEquals(16, s.maxSequencesPerRank(2000));
        // two chips: two layers 60,817,408 B + half the embeddings 65,536,000 B = 126,353,408 B > 100 MB
        assertEquals(0, step(SRAM_CHIP, 1, 2).maxSequencesPerRank(2000), "the weights do not fit in two chips");
    }

    @Test
    void oneTokenCrossesFourStagesInTurnFromSramReadsHopsAndOverheads() {
        // One sequence at 1,000 tokens of context, decode only. An SRAM chip's matrix units reach η_max = 0.8 at any
        // number of rows (no M½ ramp): 800 TFLOP/s.
        StepTime t = step(SRAM_CHIP, 1, 4).stage(1, 1000, 0, 0);
        double[] c = t.secondsByClass();
        // projections: 5,242,880 FLOP (0.007 µs); weights 5,242,880 B + activations 2·1024·2 = 4,096 B
        //   = 5,246,976 B at 10 TB/s · 0.8 = 0.655872 µs → SRAM-bound
        close(0.655872e-6, c[OperatorClass.ATTENTION_PROJECTIONS.ordinal()], "projections");
        // attention: 4,096 FLOP per context token → 4,096,000 FLOP (0.008 µs at 500 TFLOP/s); KV 1,024,000 B at 5 TB/s = 0.2048 µs
        close(0.2048e-6, c[OperatorClass.ATTENTION_CORE.ordinal()], "attention");
        // FFN: 25,165,824 FLOP at 800 TFLOP/s = 0.031 µs; 25,165,824 B at 8 TB/s = 3.145728 µs → SRAM-bound
        close(3.145728e-6, c[OperatorClass.DENSE_FFN.ordinal()], "FFN");
        // LM head, a quarter per stage: 16,384,000 FLOP (0.020 µs); 16,384,000 B at 8 TB/s = 2.048 µs
        close(2.048e-6, c[OperatorClass.LM_HEAD.ordinal()], "LM head");
        // one hop to the next stage: 1 µs + 2,048 B / (0.8 · 100 GB/s) = 1.0256 µs
        close(1.0256e-6, c[OperatorClass.COMMUNICATION.ordinal()], "stage hop");
        // overheads: 10 µs per step / 4 stages + 1 µs per sequence / 4 = 2.75 µs; no per-layer kernel launches
        close(2.75e-6, c[OperatorClass.OVERHEAD.ordinal()], "overhead");
        close(9.83e-6, t.seconds(), "stage: 0.655872 + 0.2048 + 3.145728 + 2.048 + 1.0256 + 2.75 µs");
        // the token goes through the four stages in turn: 39.32 µs per token, 25,432 tokens/s for one user
        close(39.32e-6, 4 * t.seconds(), "per token");
        assertEquals(Bound.MEMORY_BANDWIDTH, t.bound());
    }

    @Test
    void anSramChipComputesAtEtaMaxWhateverTheRows() {
        // 8 sequences: on the HBM chip η = 0.8·8/(8 + 8) = 0.4, on the SRAM chip 0.8, so the FFN's math
        // 2·8·12,582,912 = 201,326,592 FLOP takes 0.503 µs against 0.252 µs; both stay under the 3.146 µs
        // of reading the weights, so a compute-heavy shape shows it: 4,096 prefill tokens at once
        StepTime sram = step(SRAM_CHIP, 1, 4).stage(0, 0, 4096, 4096);
        StepTime hbm = step(HBM_CHIP, 1, 4).stage(0, 0, 4096, 4096);
        // FFN: 2·4,096·12,582,912 = 103,079,215,104 FLOP; SRAM chip at 800 TFLOP/s: 128.849 µs;
        // HBM chip at η = 0.8·4,096/4,104 = 0.798441 → 129.101 µs
        close(103_079_215_104.0 / 0.8e15, sram.secondsByClass()[OperatorClass.DENSE_FFN.ordinal()], "SRAM chip FFN");
        close(103_079_215_104.0 / (1e15 * 0.8 * 4096 / 4104), hbm.secondsByClass()[OperatorClass.DENSE_FFN.ordinal()], "HBM chip FFN");
    }

    @Test
    void anHbmChipPaysKernelLaunchesPerLayerAnSramChipDoesNot() {
        double sram = step(SRAM_CHIP, 1, 4).stage(1, 1000, 0, 0).seconds();
        double hbm = step(HBM_CHIP, 1, 4).stage(1, 1000, 0, 0).seconds();
        close(10e-6, hbm - sram, "one layer per stage · 10 µs of layer overhead");
    }

    /** The SRAM chip with 10 GB of DRAM beside it at 100 GB/s for the KV cache its SRAM cannot hold (as the LPX rack's DDR5). */
    static final Device SRAM_DRAM_CHIP = new Device("sram-dram-chip", 1e15, 0, 0, 10e12, 100e6, 200, true, 10e9, 100e9);

    @Test
    void kvBeyondTheSramGoesToTheDramBesideItAndIsReadThereAtItsBandwidth() {
        StepModel sram = step(SRAM_CHIP, 1, 4);
        StepModel dram = step(SRAM_DRAM_CHIP, 1, 4);
        // 10,000-token sequences hold 1,024 · 10,000 = 10,240,000 B of KV on each chip. SRAM alone: 33,140,966.4 B for KV → 3;
        // with the DRAM: (36,823,296 + 10,000,000,000) · 0.9 = 9,033,140,966.4 B → 882.1 → 882
        assertEquals(3, sram.maxSequencesPerRank(10_000));
        assertEquals(882, dram.maxSequencesPerRank(10_000));
        // Four stages in turn, each a micro-batch: a chip holds the KV of all four micro-batches and reads its own one's.
        // 4 × 8 sequences at 1,000 tokens hold 32,768,000 B: all in SRAM; a micro-batch's 8,192,000 B read at 10 TB/s · 0.5
        // = 1.6384 µs, as without DRAM
        close(1.6384e-6, dram.stage(8, 1000, 0, 0).secondsByClass()[OperatorClass.ATTENTION_CORE.ordinal()], "KV in SRAM");
        close(1.6384e-6, sram.stage(8, 1000, 0, 0).secondsByClass()[OperatorClass.ATTENTION_CORE.ordinal()], "the same without DRAM");
        // 4 × 16 sequences hold 65,536,000 B: 33,140,966.4 B in SRAM, the other 32,395,033.6 B (49.4309%) in DRAM. A micro-batch
        // reads 16,384,000 B in those shares, one after the other: 8,285,241.6 B at 5 TB/s = 1.657048 µs and 8,098,758.4 B
        // at 100 GB/s · 0.5 = 161.975168 µs, 163.632216 µs (the math, 0.13 µs, hides under it)
        close(163.63221632e-6, dram.stage(16, 1000, 0, 0).secondsByClass()[OperatorClass.ATTENTION_CORE.ordinal()], "KV half in DRAM");
        assertThrows(IllegalArgumentException.class, () -> new Device("x", 1e15, 0, 0, 10e12, 100e6, 200, true, 10e9, 0),
                "a DRAM without a bandwidth cannot be timed");
    }

    @Test
    void aChipIsSramResidentWhenItsMemoryIsItsSram() {
        assertTrue(Device.isSramResident(accelerator(0.23, 230.0)), "GroqChip: 230 MB of SRAM is all its memory");
        assertFalse(Device.isSramResident(accelerator(80, 50.0)), "H100: 50 MB of L2 beside 80 GB of HBM");
        assertFalse(Device.isSramResident(accelerator(80, null)), "no SRAM figure");
    }

    private static AcceleratorSpec accelerator(double memoryGB, Double sramMB) {
        return new AcceleratorSpec("x", "X", "V", 2024, Availability.SHIPPING, "card", 100.0, null, null, null, memoryGB, 1.0, sramMB,
                100.0, null, null, null, CoolingType.AIR, null, null, null, List.of("made up"));
    }
}
