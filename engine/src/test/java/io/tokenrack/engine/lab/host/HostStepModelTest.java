package io.tokenrack.engine.lab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.kernels.llama.LlamaConfig;
import io.tokenrack.engine.lab.host.HostProfile.GemmPoint;
import io.tokenrack.engine.perf.Bound;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.OperatorClass;
import io.tokenrack.engine.perf.StepTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostStepModelTest {

    @Test
    void fitsTheEfficiencyCurveExactlyOnPointsFromIt() {
        // eta(M) = 0.8 M / (M + 8): M=1 -> 0.0889, M=8 -> 0.4, M=64 -> 0.7111, M=512 -> 0.7877
        List<GemmPoint> pts = List.of(1, 8, 64, 512).stream()
                .map(m -> new GemmPoint(m, 1, 1, 0, 0.8 * m / (m + 8.0))).toList();
        double[] fit = HostConstants.fitEfficiency(pts);
        assertEquals(0.8, fit[0], 1e-9);
        assertEquals(8, fit[1], 1e-6);
    }

    @Test
    void theEngineShapesTheSmallModelLikeTheKernelLabCountsIt() {
        LlamaConfig c = LlamaConfig.small();
        ModelShape s = ModelShape.of(HostStepModel.spec(c));
        // QKV 768x512 + O 512x512
        assertEquals(768.0 * 512 + 512.0 * 512, s.attentionParamsPerLayer());
        assertEquals(3.0 * 512 * 1792, s.denseFfnParamsPerLayer());
        // K and V, 2 KV heads of 64
        assertEquals(256, s.kvElementsPerTokenPerLayer());
    }

    @Test
    void decodeOnTheHostIsMemoryBoundAndAgreesWithTheKernelLabCount() {
        HostProfile p = Profiles.flat();
        LlamaConfig c = LlamaConfig.small();
        StepTime engine = HostStepModel.decode(c, 64, p, true);
        HostPrediction lab = HostPrediction.decode(c, 64, p, true);
        assertEquals(Bound.MEMORY_BANDWIDTH, engine.bound());
        // the engine leaves norms out of its weight count (< 0.1%) and prices the same operators
        assertEquals(lab.secondsPerToken(), engine.seconds(), 0.02 * lab.secondsPerToken());
        assertTrue(engine.share(OperatorClass.DENSE_FFN) > 0.5, "the FFN streams most of the weights");
    }
}
