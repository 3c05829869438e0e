package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.workload.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One step of a made-up one-layer model on a made-up accelerator with round numbers, worked out
 * by hand from the step model's formulas (docs/model.md): FLOPs and bytes of each operator, the
 * roofline time max(FLOPs / (peak·η), bytes / (bandwidth·η_mem)), collectives and overheads.
 */
class StepModelTest {
    /** 1 PFLOP/s bf16 (no fp8 or fp4 path), 1 TB/s, 80 GB. */
    static final Device DEVICE = new Device("round-1p", 1e15, 0, 0, 1e12, 80e9, 700);
    /** 100 GB/s per direction, 5 µs per collective. */
    static final Fabric FABRIC = new Fabric(100e9, 5e-6, false);

    /**
     * η_max 0.8, M½ = {@code halfTokens}; HBM 0.8; attention compute 0.5 and memory 0.5; overheads
     * 10 µs per step, 1 µs per sequence, 10 µs per layer; link efficiency 0.8; grouped GEMMs 0.5 of
     * dense ones; MoE imbalance 1.25.
     */
    static ModelConstants constants(double halfTokens) {
        return new ModelConstants(0.8, 0.5, 0.5, halfTokens, 0.8, 0.5, 0.5,
                10e-6, 1e-6, 10e-6, 5e-6, 20e-6, 0.8, 0.5, 1.25, 0.9, 0.5, 8192, 1024);
    }

    /**
     * D = 1024, 8 query heads and 2 KV heads of 128, dense SwiGLU FFN 4096, vocabulary 32,000,
     * untied embeddings, one layer.
     */
    static final ModelSpec DENSE = new ModelSpec("tiny-dense", "Tiny dense", 1, 1024, 8, 2, 128, 4096, 32_000, 4096, false,
            null, null, null, 0.2, 0.2, "bf16", null, List.of("made up for a hand-computed test"));

    /** The same attention, and a MoE FFN: 4 routed experts of 512, top-2, one shared expert. */
    static final ModelSpec MOE = new ModelSpec("tiny-moe", "Tiny MoE", 1, 1024, 8, 2, 128, null, 32_000, 4096, false,
            new ModelSpec.Moe(4, 2, 1, 512, 0, 1), null, null, 0.2, 0.2, "bf16", null, List.of("made up for a hand-computed test"));

    private static StepModel step(ModelSpec m, int tp, int dp, double halfTokens) {
        return new StepModel(ModelShape.of(m), DEVICE, Precision.BF16, Precision.BF16, tp, 1, dp, FABRIC, FABRIC, constants(halfTokens));
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    private static double seconds(StepTime s, OperatorClass c) {
        return s.secondsByClass()[c.ordinal()];
    }

    /*
     * Parameters of the dense layer:
     *   attention  D·(H + 2·H_kv)·d_h + H·d_h·D = 1024·12·128 + 8·128·1024 = 1,572,864 + 1,048,576 = 2,621,440
     *   FFN        3·D·F = 3·1024·4096 = 12,582,912
     *   embedding and LM head  2·D·V = 2·1024·32,000 = 65,536,000 (LM head alone 32,768,000)
     *   KV cache   2·H_kv·d_h = 512 elements = 1,024 bytes per token per layer in bf16
     */

    @Test
    void eachOperatorTakesAtLeastItsKernelsTimesTheFloor() {
        // the same eight sequences with a 4 µs per-kernel floor
        StepModel floored = new StepModel(ModelShape.of(DENSE), DEVICE, Precision.BF16, Precision.BF16, 1, 1, 1, FABRIC, FABRIC,
                constants(8).withKernelFloorSeconds(4e-6));
        StepTime plain = step(DENSE, 1, 1, 8).stage(8, 1000, 0, 0);
        StepTime s = floored.stage(8, 1000, 0, 0);
        // projections: 5 kernels × 4 µs = 20 µs > the 6.59456 µs of their weights → the floor binds
        close(20e-6, seconds(s, OperatorClass.ATTENTION_PROJECTIONS), "projections at their floor");
        // attention 1 × 4 µs < 16.384 µs, FFN 3 × 4 µs < 31.45728 µs, LM head 2 × 4 µs < 81.92 µs: unchanged
        close(16.384e-6, seconds(s, OperatorClass.ATTENTION_CORE), "attention");
        close(31.45728e-6, seconds(s, OperatorClass.DENSE_FFN), "FFN");
        close(81.92e-6, seconds(s, OperatorClass.LM_HEAD), "LM head");
        close(plain.seconds() + 20e-6 - 6.59456e-6, s.seconds(), "the step grows by what the floor adds");
        // the floor-bound time is neither compute- nor memory-bound (the power model sees an idle-ish chip)
        close(plain.memoryBoundSeconds() - 6.59456e-6, s.memoryBoundSeconds(), "memory-bound time loses the projections");
        // a large batch is far above every floor: the same step with and without it
        close(step(DENSE, 1, 1, 8).stage(4096, 1000, 0, 0).seconds(), floored.stage(4096, 1000, 0, 0).seconds(), "no effect at 4,096 sequences");
    }

    @Test
    void oneDenseLayerDecodingEightSequencesIsMemoryBoundOnTheWeights() {
        // 8 sequences at 1,000 tokens of context, no prefill: M = 8 rows, η = 0.8·8 / (8 + 8) = 0.4 → 400 TFLOP/s
        StepTime s = step(DENSE, 1, 1, 8).stage(8, 1000, 0, 0);

        // projections: 2·8·2,621,440 = 41,943,040 FLOP (0.105 µs at 400 TFLOP/s);
        //   weights 2,621,440·2 = 5,242,880 B + activations in and out 2·8·1024·2 = 32,768 B = 5,275,648 B
        //   at 0.8 TB/s = 6.59456 µs → memory-bound
        close(6.59456e-6, seconds(s, OperatorClass.ATTENTION_PROJECTIONS), "projections");
        // attention: 4·H·d_h = 4,096 FLOP per context token: 8·4,096·1,000 = 32,768,000 FLOP (0.066 µs at 500 TFLOP/s);
        //   KV 8·1,024·1,000 = 8,192,000 B at 0.5 TB/s = 16.384 µs
        close(16.384e-6, seconds(s, OperatorClass.ATTENTION_CORE), "attention");
        // FFN: 2·8·12,582,912 = 201,326,592 FLOP (0.503 µs); 25,165,824 B at 0.8 TB/s = 31.45728 µs
        close(31.45728e-6, seconds(s, OperatorClass.DENSE_FFN), "FFN");
        // LM head on 8 sampled tokens: 2·8·32,768,000 = 524,288,000 FLOP (1.31 µs); 65,536,000 B at 0.8 TB/s = 81.92 µs
        close(81.92e-6, seconds(s, OperatorClass.LM_HEAD), "LM head");
        // overhead: 10 µs per step + 1 layer · 10 µs + 8 sequences · 1 µs = 28 µs; no collective at tp = 1
        close(28e-6, seconds(s, OperatorClass.OVERHEAD), "overhead");
        assertEquals(0, seconds(s, OperatorClass.COMMUNICATION));

        close(136.35584e-6, s.memoryBoundSeconds(), "every operator waits on memory");
        assertEquals(0, s.computeBoundSeconds());
        close(164.35584e-6, s.seconds(), "136.35584 µs of operators + 28 µs overhead");
        close(800_325_632, s.flops(), "41,943,040 + 32,768,000 + 201,326,592 + 524,288,000");
        close(104_169_472, s.bytes(), "5,275,648 + 8,192,000 + 25,165,824 + 65,536,000");
        assertEquals(Bound.MEMORY_BANDWIDTH, s.bound());
    }

    @Test
    void oneDenseLayerPrefillingALongPromptIsComputeBoundInTheFfn() {
        // one chunk of a 1,992-token prompt: M = 1,992, η = 0.8·1,992 / 2,000 = 0.7968 → 796.8 TFLOP/s
        StepTime s = step(DENSE, 1, 1, 8).stage(0, 0, 1992, 1992);

        // projections: 2·1,992·2,621,440 = 10,443,816,960 FLOP / 796.8 TFLOP/s = 13.1072 µs;
        //   5,242,880 + 2·1,992·1024·2 = 13,402,112 B / 0.8 TB/s = 16.75264 µs → still memory-bound
        close(16.75264e-6, seconds(s, OperatorClass.ATTENTION_PROJECTIONS), "projections");
        // causal attention over half the prompt (996 tokens): 1,992·4,096·996 = 8,126,595,072 FLOP / 500 TFLOP/s
        //   = 16.253190144 µs; KV re-read once per 128-query tile: 1,992·1,024·(1 + 996/128) = 17,912,064 B
        //   / 0.8 TB/s = 22.39008 µs
        close(22.39008e-6, seconds(s, OperatorClass.ATTENTION_CORE), "attention");
        // FFN: 2·1,992·12,582,912 = 50,130,321,408 FLOP / 796.8 TFLOP/s = 62.91456 µs > 31.45728 µs of weights
        close(62.91456e-6, seconds(s, OperatorClass.DENSE_FFN), "FFN");
        // LM head on the one sequence whose prompt completes: 65,536,000 FLOP at η = 0.8·1/9; 65,536,000 B = 81.92 µs
        close(81.92e-6, seconds(s, OperatorClass.LM_HEAD), "LM head");
        // overhead: 10 + 10 + 1 · 1 µs
        close(21e-6, seconds(s, OperatorClass.OVERHEAD), "overhead");

        close(62.91456e-6, s.computeBoundSeconds(), "the FFN is the compute-bound part");
        close(121.06272e-6, s.memoryBoundSeconds(), "16.75264 + 22.39008 + 81.92 µs");
        close(204.97728e-6, s.seconds(), "62.91456 + 121.06272 + 21 µs");
        close(68_766_269_440.0, s.flops(), "10,443,816,960 + 8,126,595,072 + 50,130,321,408 + 65,536,000");
        close(122_016_000, s.bytes(), "13,402,112 + 17,912,064 + 25,165,824 + 65,536,000");
        assertEquals(Bound.MEMORY_BANDWIDTH, s.bound(), "121 µs waiting on memory against 63 µs on math");
    }

    @Test
    void denseWeightsPerAcceleratorAreEveryMatrixOnce() {
        // 2 bytes · (2,621,440 + 12,582,912 + 65,536,000) = 161,480,704 B
        close(161_480_704, step(DENSE, 1, 1, 8).weightBytesPerAccelerator(), "weights");
    }

    @Test
    void tensorParallelDecodeAddsTwoRingAllReducesPerLayer() {
        // tp = 8, 8 sequences: each all-reduce carries M = 8 tokens · 1024 · 2 B = 16,384 B;
        // ring: α + 2·(8−1)/8 · M / (η·β) = 5 µs + 28,672 B / (0.8 · 100 GB/s) = 5 µs + 0.3584 µs = 5.3584 µs;
        // after attention and after the FFN: 2 · 5.3584 µs = 10.7168 µs
        StepTime s = step(DENSE, 8, 1, 8).stage(8, 1000, 0, 0);
        close(10.7168e-6, seconds(s, OperatorClass.COMMUNICATION), "two all-reduces");
        close(5.3584e-6, Collectives.allReduce(8, 16_384, FABRIC, 0.8), "one all-reduce");
        // each rank streams an eighth of the FFN: 25,165,824 / 8 B at 0.8 TB/s = 3.93216 µs
        close(3.93216e-6, seconds(s, OperatorClass.DENSE_FFN), "FFN share");
    }

    /*
     * Parameters of the MoE layer: one expert 3·D·F_e = 3·1024·512 = 1,572,864; the shared expert the
     * same; router D·E = 1024·4 = 4,096; attention, embedding and LM head as in the dense layer.
     */

    @Test
    void oneMoeLayerReadsOnlyTheExpertsItsTokensChose() {
        // tp = 1, dp = 2: experts spread over 2 ranks; one decoding sequence per rank, 1,000 tokens of context.
        // The stage's 2 tokens pick 2 of 4 experts each: expected distinct experts 4·(1 − (1 − 2/4)²) = 3,
        // so 2·2 / 3 = 4/3 rows per expert, η = 0.8·(4/3) / (4/3 + 4) = 0.2 (M½ = 4).
        StepTime s = step(MOE, 1, 2, 4).stage(1, 1000, 0, 0);

        // routed: 2·2 tokens·2 experts·1,572,864 / 2 ranks · 1.25 = 7,864,320 FLOP at 1 PFLOP/s·0.2·0.5 = 0.0786 µs;
        //   3 experts·1,572,864·2 B / 2 ranks · 1.25 = 5,898,240 B / 0.8 TB/s = 7.3728 µs
        // shared + router at M = 1 (η = 0.8/5 = 0.16): 2·(1,572,864 + 4,096) = 3,153,920 FLOP = 0.0197 µs;
        //   (1,572,864 + 4,096)·2 B = 3,153,920 B / 0.8 TB/s = 3.9424 µs
        close(7.3728e-6 + 3.9424e-6, seconds(s, OperatorClass.MOE_FFN), "routed and shared experts");
        // dispatch (fp8) and combine (bf16): 1 token·2 experts·1024·3/2 B = 3,072 B each way;
        // all-to-all over 2 ranks: 5 µs + 1/2·3,072 B / (0.8·100 GB/s) = 5.0192 µs; twice = 10.0384 µs
        close(10.0384e-6, seconds(s, OperatorClass.COMMUNICATION), "dispatch and combine");
        // projections (one token): 5,242,880 + 2·1024·2 = 5,246,976 B / 0.8 TB/s = 6.55872 µs
        close(6.55872e-6, seconds(s, OperatorClass.ATTENTION_PROJECTIONS), "projections");
        // attention: 1,024 B·1,000 / 0.5 TB/s = 2.048 µs; LM head 81.92 µs; overhead 10 + 10 + 1 µs
        close(2.048e-6, seconds(s, OperatorClass.ATTENTION_CORE), "attention");
        close(81.92e-6, seconds(s, OperatorClass.LM_HEAD), "LM head");
        close(21e-6, seconds(s, OperatorClass.OVERHEAD), "overhead");

        close(101.84192e-6, s.memoryBoundSeconds(), "6.55872 + 2.048 + 7.3728 + 3.9424 + 81.92 µs");
        close(132.88032e-6, s.seconds(), "101.84192 + 10.0384 + 21 µs");
        close(85_893_120, s.flops(), "5,242,880 + 4,096,000 + 7,864,320 + 3,153,920 + 65,536,000");
        close(80_859_136, s.bytes(), "5,246,976 + 1,024,000 + 5,898,240 + 3,153,920 + 65,536,000");
    }

    @Test
    void moeWeightsPerAcceleratorHoldHalfTheRoutedExperts() {
        // attention 5,242,880 + routed 4·1,572,864·2 / 2 = 6,291,456 + shared 3,145,728 + router 8,192
        // + embedding and LM head 131,072,000 = 145,760,256 B
        close(145_760_256, step(MOE, 1, 2, 4).weightBytesPerAccelerator(), "weights");
    }

    @Test
    void aLargeBatchReadsEveryExpert() {
        // 512 tokens per rank, 1,024 in the stage: 4·(1 − 0.5^1024) = 4 distinct experts, all of them:
        // 4·1,572,864·2 B / 2 ranks · 1.25 = 7,864,320 B, against 3 experts' 5,898,240 B at one token per rank.
        // The routed experts' bytes are the step's bytes less those of every other operator, worked out as above
        // (at 512 tokens: projections 5,242,880 + 2·512·1024·2, attention 512·1,024,000, shared 3,153,920, LM head).
        StepModel m = step(MOE, 1, 2, 4);
        StepTime one = m.stage(1, 1000, 0, 0);
        StepTime many = m.stage(512, 1000, 0, 0);
        double otherBytesOne = 5_246_976 + 1_024_000 + 3_153_920 + 65_536_000;
        double otherBytesMany = (5_242_880 + 2.0 * 512 * 1024 * 2) + 512 * 1_024_000.0 + 3_153_920 + 65_536_000;
        close(5_898_240, one.bytes() - otherBytesOne, "3 experts");
        close(7_864_320, many.bytes() - otherBytesMany, "all 4 experts");
    }
}
