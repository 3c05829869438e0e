package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/**
 * Attention–FFN disaggregation of a prefill/decode split's decode pool: the offloaded decode step
 * from its parts, the pooled serving's rate matching and TTFT with it, and the invariant that more
 * FFN chips never make a decode step slower.
 */
class AfdOffloadTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final ModelConstants K = ModelConstants.DEFAULT;
    static final Fabric NVLINK = new Fabric(900e9, 8e-6, false);
    static final ModelShape R1 = ModelShape.of(CATALOG.model("deepseek-r1"));
    static final Device LP30 = Device.of(CATALOG.accelerator("lp30"));
    /** 400 Gb/s per GPU toward the FFN pool. */
    static final double NIC = 50e9;
    static final int IN = 4096;
    static final int OUT = 512;
    static final double CONTEXT = IN + OUT / 2.0;

    static StepModel gpus(int tp, int dp) {
        return new StepModel(R1, Device.of(CATALOG.accelerator("h200-sxm")), Precision.FP8, Precision.FP8, tp, 1, dp, NVLINK, NVLINK, K);
    }

    static double plain(StepModel d, double perReplica) {
        return DisaggregatedServing.decodeStep(d, Speculation.OFF, null, perReplica, IN, OUT, 0).seconds();
    }

    private static double seconds(StepTime t, OperatorClass c) {
        return t.secondsByClass()[c.ordinal()];
    }

    @Test
    void theOffloadedStepIsTheAggregatedStepWithEachMovedLayerReplacedByItsRoundTrip() {
        StepModel d = gpus(8, 1);
        AfdOffload afd = new AfdOffload(R1, LP30, Precision.FP8, K, 256, NIC);
        double perReplica = 4;
        AfdOffload.Step s = afd.step(d, Speculation.OFF, plain(d, perReplica), perReplica, 2, CONTEXT, IN, 0);
        assertTrue(s.offloaded() >= 1, "a few users per replica: moving layers pays, " + s);
        // by hand: DeepSeek-R1's FFN layer in fp8 (256 experts) needs ceil(bytes / 0.5 GB) LP30s; 256 chips hold ⌊256 / g⌋ layers
        int base = (int) Math.ceil(AttentionFfnSplit.ffnBytesPerLayer(R1, Precision.FP8) / LP30.memoryBytes());
        assertEquals(0, s.group() % base);
        assertEquals(Math.min(R1.moeLayers(), 256 / s.group()), s.offloaded());
        // the GPUs' own layer: attention of one layer, and the FFN of one MoE layer (tp 8: the tensor-parallel collectives stay)
        StepTime whole = d.stage(perReplica, 1, CONTEXT, 0, IN, 0);
        double attn = (seconds(whole, OperatorClass.ATTENTION_PROJECTIONS) + seconds(whole, OperatorClass.ATTENTION_CORE)) / R1.layers();
        double ffn = seconds(whole, OperatorClass.MOE_FFN) / R1.moeLayers();
        assertEquals(attn + ffn, s.gpuLayer(), 1e-15);
        // one micro-batch of perReplica / m sequences: hidden × tokens / tp elements, fp8 out, bf16 back, each α + bytes / (η·β)
        double elements = perReplica / s.microBatches() * R1.spec().hiddenSize() / 8.0;
        assertEquals(AttentionFfnSplit.SEND_SECONDS + elements / (K.linkEfficiency() * NIC), s.send(), 1e-15);
        assertEquals(AttentionFfnSplit.SEND_SECONDS + 2 * elements / (K.linkEfficiency() * NIC), s.back(), 1e-15);
        // the FFN group serves both replicas' micro-batch at once
        AttentionFfnSplit.FfnTime f = AttentionFfnSplit.ffnSeconds(R1, LP30, Precision.FP8, K, 2 * perReplica / s.microBatches(), s.group());
        assertEquals(f.seconds(), s.ffnSeconds(), 1e-15);
        assertEquals(AttentionFfnSplit.layerSeconds(s.microBatches(), s.attention(), s.ffnSeconds(), s.send(), s.back()), s.layer(), 1e-15);
        assertEquals(plain(d, perReplica) - s.offloaded() * (s.gpuLayer() - s.layer()), s.seconds(), 1e-12, "the step from its parts");
    }

    @Test
    void moreFfnChipsNeverMakeTheDecodeStepSlower() {
        for (int tp : new int[] {1, 8}) {
            StepModel d = gpus(tp, 8 / tp);
            for (double perReplica : new double[] {1, 8, 64, 512}) {
                double before = plain(d, perReplica);
                for (int chips : new int[] {0, 10, 23, 46, 60, 128, 200, 256, 512, 1024, 4096}) {
                    AfdOffload afd = new AfdOffload(R1, LP30, Precision.FP8, K, chips, NIC);
                    double s = afd.step(d, Speculation.OFF, plain(d, perReplica), perReplica, 4, CONTEXT, IN, 0).seconds();
                    assertTrue(s <= before * (1 + 1e-12), "tp " + tp + ", " + perReplica + " per replica: " + chips + " chips give " + s
                            + " s, fewer gave " + before + " s");
                    assertTrue(s <= plain(d, perReplica) * (1 + 1e-12), "never slower than the GPUs alone");
                    before = s;
                }
            }
        }
    }

    @Test
    void noFfnChipsOrAPipelinedLayoutKeepThePlainStep() {
        StepModel d = gpus(8, 1);
        AfdOffload none = new AfdOffload(R1, LP30, Precision.FP8, K, 0, NIC);
        AfdOffload.Step s = none.step(d, Speculation.OFF, 0.01, 4, 1, CONTEXT, IN, 0);
        assertEquals(0, s.offloaded());
        assertEquals(0.01, s.seconds(), 0);
        StepModel piped = new StepModel(R1, Device.of(CATALOG.accelerator("h200-sxm")), Precision.FP8, Precision.FP8, 8, 2, 1, NVLINK, NVLINK, K);
        assertEquals(0, new AfdOffload(R1, LP30, Precision.FP8, K, 256, NIC).step(piped, Speculation.OFF, 0.01, 4, 1, CONTEXT, IN, 0).offloaded());
        assertThrows(IllegalArgumentException.class, () -> new AfdOffload(R1, LP30, Precision.FP8, K, -1, NIC));
    }

    @Test
    void withPoolsRequestsPerSecondAreTheSlowerPoolsAndTtftIsPrefillPlusKvTransfer() {
        StepModel prefill = gpus(8, 1);
        StepModel decode = gpus(8, 1);
        AfdOffload afd = new AfdOffload(R1, LP30, Precision.FP8, K, 256, NIC);
        DisaggregatedServing.DecodeOffload offload = (plain, perReplica, replicas) ->
                afd.step(decode, Speculation.OFF, plain.seconds(), perReplica, replicas, CONTEXT, IN, 0).seconds();
        double kv = 0.003;
        // decode-bound: many prefill replicas, one decode replica of 4 users
        DisaggregatedServing s = new DisaggregatedServing(prefill, 8, decode, 1, K, IN, OUT, 0, kv, Speculation.OFF, null, offload);
        DisaggregatedServing.Point pt = s.at(4);
        double tpot = afd.step(decode, Speculation.OFF, plain(decode, 4), 4, 1, CONTEXT, IN, 0).seconds();
        assertTrue(tpot < plain(decode, 4), "the LPUs shorten the step");
        assertEquals(tpot, pt.tpotSeconds(), 1e-15);
        double decodeRate = 1 * 4 / tpot / OUT;
        assertTrue(decodeRate < s.prefillRequestsPerSecond(), "the case is decode-bound");
        assertEquals(Math.min(s.prefillRequestsPerSecond(), decodeRate) * OUT, pt.outputTokensPerSecond(), 1e-9 * pt.outputTokensPerSecond(),
                "requests/s = min(prefill pool, decode pool)");
        // TTFT: the prompt's prefill (the pool nearly idle: a step of one prompt) plus the KV cache's move to the decode pool
        double oneprompt = prefill.stage(0, 0, Math.min(IN, K.maxTokensPerStep()), IN, 0).seconds();
        assertEquals(Math.ceil(IN / Math.min(IN, K.maxTokensPerStep())) * oneprompt + kv, pt.ttftSeconds(), 1e-12, "TTFT = prefill + KV transfer");
        // prefill-bound: one prefill replica for 16 decode replicas holding many users each
        DisaggregatedServing p = new DisaggregatedServing(prefill, 1, decode, 16, K, IN, OUT, 0, kv, Speculation.OFF, null, offload);
        DisaggregatedServing.Point full = p.at(16 * 256);
        assertTrue(p.decodeRequestsPerSecond(256) > p.prefillRequestsPerSecond(), "the case is prefill-bound");
        assertEquals(p.prefillRequestsPerSecond() * OUT, full.outputTokensPerSecond(), 1e-9 * full.outputTokensPerSecond(),
                "requests/s = min(prefill pool, decode pool)");
        assertEquals(full.queuedRequests() / p.prefillRequestsPerSecond() + full.prefillSeconds() + kv, full.ttftSeconds(), 1e-9,
                "TTFT = queue + prefill + KV transfer");
    }
}
