package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.kernels.WorkerPool;
import io.tokenrack.engine.kernels.llama.LlamaConfig;
import io.tokenrack.engine.kernels.llama.LlamaDecoder;
import io.tokenrack.engine.kernels.llama.LlamaWeights;
import io.tokenrack.engine.lab.harness.EnergyMeter;
import io.tokenrack.engine.lab.harness.Stats;

/**
 * Times the small transformer's decode on this computer: warm-up generations until the JIT has
 * compiled the path, then timed generations, every step timed; energy read around the timed
 * part where RAPL counters are readable.
 */
final class DecodeProbe {
    static final int[] PROMPT = {1, 15043, 3186, 29892, 920, 338, 278, 14826};

    private final LlamaConfig config;
    private final LlamaWeights weights;
    private final WorkerPool pool;
    private final boolean quick;
    private final java.util.function.BooleanSupplier cancelled;
    private final GemvCheck streaming;

    /**
     * @param contextTokens average KV length over the timed steps
     * @param tokensPerJoule null when energy is unavailable
     * @param streamingGBps median GEMV rate measured between the timed generations, NaN without a check
     */
    record Result(double tokensPerSecond, double msP10, double msP90, int contextTokens, int timedTokens,
                  boolean energyAvailable, String energyNote, Double tokensPerJoule, double streamingGBps) {}

    /**
     * @param cancelled asked before every generation; true stops the probe with a {@link java.util.concurrent.CancellationException}
     * @param streaming re-measures the weight-streaming rate before each timed generation (null: not measured)
     */
    DecodeProbe(LlamaWeights weights, WorkerPool pool, boolean quick, java.util.function.BooleanSupplier cancelled, GemvCheck streaming) {
        this.weights = weights;
        this.config = weights.config();
        this.pool = pool;
        this.quick = quick;
        this.cancelled = cancelled;
        this.streaming = streaming;
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("cancelled during the decode");
        }
    }

    Result run() {
        LlamaDecoder decoder = new LlamaDecoder(weights, pool);
        int[] prompt = new int[PROMPT.length];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = PROMPT[i] % config.vocab();
        }
        int count = quick ? 48 : 128;
        int warmups = quick ? 2 : 3;
        int runs = quick ? 3 : 6;
        int[] out = new int[count];
        long[] nanos = new long[count];
        for (int i = 0; i < warmups; i++) {
            checkCancelled();
            decoder.reset();
            decoder.generate(prompt, out, count, nanos);
        }
        EnergyMeter energy = EnergyMeter.open();
        double[] gbps = new double[streaming == null ? 0 : runs];
        double[] steps = new double[count * runs];
        double joules = 0;
        for (int r = 0; r < runs; r++) {
            checkCancelled();
            if (streaming != null) {
                gbps[r] = streaming.gbps();
            }
            decoder.reset();
            long[] before = energy.available() ? energy.read() : null;
            decoder.generate(prompt, out, count, nanos);
            if (before != null) {
                joules += energy.joulesBetween(before, energy.read());
            }
            for (int i = 0; i < count; i++) {
                steps[r * count + i] = nanos[i] * 1e-9;
            }
        }
        Double perJoule = null;
        if (energy.available()) {
            // energy counted over the generations only (not the bandwidth checks between them); the
            // prompt tokens also ran through the model: count every step
            perJoule = joules > 0 ? runs * (double) (count + prompt.length) / joules : null;
        }
        Stats s = Stats.of(steps);
        return new Result(1.0 / s.median(), s.p10() * 1e3, s.p90() * 1e3, prompt.length + count / 2, count * runs,
                perJoule != null, energy.reason(), perJoule, gbps.length == 0 ? Double.NaN : Stats.of(gbps).median());
    }
}
