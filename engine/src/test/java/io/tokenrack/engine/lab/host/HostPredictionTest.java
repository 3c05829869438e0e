package io.tokenrack.engine.lab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.kernels.llama.LlamaConfig;
import org.junit.jupiter.api.Test;

class HostPredictionTest {
    static final LlamaConfig TINY = new LlamaConfig(2, 64, 4, 2, 16, 96, 128, 64, 10_000, 7);

    @Test
    void linearLayersStreamTheirWeightsAtTheGemvBandwidth() {
        HostPrediction p = HostPrediction.decode(TINY, 10, Profiles.flat(), false);
        // weights per layer: qkv 128x64 + o 64x64 + gate/up 192x64 + down 64x96 = 8192 + 4096 + 12288 + 6144 = 30720
        // lm head 128x64 = 8192; linear params = 2 x 30720 + 8192 = 69632 floats = 278528 bytes
        // one thread: triad 10 GB/s x GEMV efficiency 0.5 = 5 GB/s -> 55.7056 us, plus 9 calls x 1 us
        double expected = 278_528 / 5e9 + 9 * 1e-6;
        assertEquals(expected, p.linearSeconds(), 1e-12);
        assertTrue(p.memoryBound());
        // weights read = linear + 2 norms per layer + final norm + one embedding row
        assertEquals(4.0 * (69_632 + 2 * 2 * 64 + 64 + 64), p.weightBytes());
        // KV read: 2 (K,V) x 2 layers x 10 tokens x 32 (kv dim) x 4 bytes
        assertEquals(5120, p.kvBytes());
    }

    @Test
    void attentionRunsAtItsMeasuredRate() {
        HostPrediction p = HostPrediction.decode(TINY, 10, Profiles.flat(), true);
        // 4 x 10 tokens x 4 heads x 16 x 2 layers = 5120 FLOPs at 10 GFLOP/s, plus 2 dispatches of 2 us
        assertEquals(5120 / 10e9 + 2 * 2e-6, p.attentionSeconds(), 1e-15);
    }

    @Test
    void moreBandwidthNeverLowersDecodeSpeed() {
        double previous = 0;
        for (double gbps = 1; gbps <= 1000; gbps *= 2) {
            double t = HostPrediction.decode(LlamaConfig.small(), 64, Profiles.withBandwidth(gbps, 2 * gbps), true).tokensPerSecond();
            assertTrue(t >= previous, gbps + " GB/s gave " + t + " tokens/s, less than " + previous);
            previous = t;
        }
    }

    @Test
    void longerContextsNeverDecodeFaster() {
        double previous = Double.MAX_VALUE;
        for (int ctx = 1; ctx <= 512; ctx *= 2) {
            double t = HostPrediction.decode(LlamaConfig.small(), ctx, Profiles.flat(), true).tokensPerSecond();
            assertTrue(t <= previous);
            previous = t;
        }
    }
}
