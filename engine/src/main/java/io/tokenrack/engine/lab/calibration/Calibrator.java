package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.kernels.Gemm;
import io.tokenrack.engine.kernels.Streams;
import io.tokenrack.engine.kernels.VectorSupport;
import io.tokenrack.engine.kernels.WorkerPool;
import io.tokenrack.engine.kernels.llama.LlamaConfig;
import io.tokenrack.engine.kernels.llama.LlamaWeights;
import io.tokenrack.engine.lab.calibration.CalibrationReport.TransformerDecode;
import io.tokenrack.engine.lab.harness.Bench;
import io.tokenrack.engine.lab.harness.BenchConfig;
import io.tokenrack.engine.lab.harness.CpuInfo;
import io.tokenrack.engine.lab.host.HostPrediction;
import io.tokenrack.engine.lab.host.HostProfile;
import io.tokenrack.engine.lab.host.HostProfile.GemmPoint;
import io.tokenrack.engine.lab.host.HostProfile.GemvPoint;
import io.tokenrack.engine.lab.host.HostProfile.MemoryLevel;
import io.tokenrack.engine.lab.host.HostProfile.RooflinePoint;
import io.tokenrack.engine.lab.host.HostProfile.StreamPoint;
import io.tokenrack.engine.lab.host.HostStepModel;
import io.tokenrack.engine.perf.StepTime;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs the kernel lab on this computer and builds a {@link HostProfile}, then decodes with the
 * small transformer and compares its speed with {@link HostPrediction}. Progress goes to
 * {@code log} (standard error in the CLI) so the JSON on standard output stays clean; each of the
 * {@link #STEPS} is announced by a {@link CalibrationStage} line.
 *
 * <p>Cancellation is cooperative: {@code cancelled} is asked before every step, every timed
 * measurement and every decode generation, and a true answer ends {@link #run} with a
 * {@link CancellationException} (the worker threads are shut down on the way out).
 */
public final class Calibrator {
    /** The steps of a calibration, in order; each is announced with a {@link CalibrationStage} line. */
    public static final List<String> STEPS = List.of(
            "JIT warm-up", "FMA peak", "GEMM, square", "GEMM versus M", "triad sweep", "DRAM triad and copy",
            "ERT roofline", "GEMV versus working set", "attention and call overheads", "decode, one thread",
            "decode, all cores");

    private final boolean quick;
    private final PrintStream log;
    private final BooleanSupplier cancelled;

    public Calibrator(boolean quick, PrintStream log) {
        this(quick, log, () -> false);
    }

    /** @param cancelled asked between kernels; once it answers true, {@link #run} stops with a {@link CancellationException} */
    public Calibrator(boolean quick, PrintStream log, BooleanSupplier cancelled) {
        this.quick = quick;
        this.log = log;
        this.cancelled = cancelled;
    }

    /** Checks for cancellation, then announces step {@code index} (1-based) of {@link #STEPS}. */
    private void step(int index) {
        String name = STEPS.get(index - 1);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("calibration cancelled before " + name);
        }
        log.println(new CalibrationStage(index, STEPS.size(), name).line());
    }

    /** @throws CancellationException when {@code cancelled} answered true before the calibration finished */
    public CalibrationReport run(String launch) {
        long start = System.nanoTime();
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        CpuInfo cpu = CpuInfo.read();
        Bench bench = Bench.system(quick ? BenchConfig.quick() : BenchConfig.full()).cancellable(cancelled);
        LlamaConfig model = LlamaConfig.small();
        try (WorkerPool pool = WorkerPool.allCores()) {
            log.printf("calibrate: %s, %d threads, kernels: %s%n", cpu.model(), pool.size(), VectorSupport.REASON);
            if (load > 0.5 * pool.size()) {
                log.printf("calibrate: the load average is %.1f on %d cores: other work is running and the numbers will be noisy%n",
                        load, pool.size());
            }
            step(1);
            double jit = JitWarmup.run(pool);
            log.printf("  JIT warm-up done (%s)%n", Double.isFinite(jit) ? "ok" : "non-finite checksum");
            step(2);
            ComputeProbe compute = new ComputeProbe(bench, pool);
            double peak1 = compute.peakOneThread();
            double peakAll = compute.peakAllCores();
            log.printf("  FMA peak: %.1f GFLOP/s one thread, %.1f all cores%n", peak1, peakAll);

            step(3);
            int[] gemmSizes = quick ? new int[] {1024} : new int[] {512, 1024, 2048};
            double gemm1 = 0;
            int gemmSize = gemmSizes[0];
            List<GemmPoint> square = new java.util.ArrayList<>();
            for (int n : gemmSizes) {
                double g = compute.squareGemm(n, false);
                square.add(new GemmPoint(n, n, n, g, g / peak1));
                log.printf("  GEMM %d^3 one thread: %.1f GFLOP/s (%d x %d micro-tile, K block %d)%n", n, g,
                        Gemm.MR, Gemm.NR, Gemm.KC);
                if (load > 0.5 * pool.size()) {
                    // on a busy computer the wall clock counts other processes' time slices; say what the kernel itself does
                    log.printf("    by this thread's CPU time: %.1f GFLOP/s%n", compute.squareGemmThreadCpu(n));
                }
                if (g > gemm1) {
                    gemm1 = g;
                    gemmSize = n;
                }
            }
            double gemmAll = compute.squareGemm(gemmSize, true);
            log.printf("  GEMM %d^3 all cores: %.1f GFLOP/s%n", gemmSize, gemmAll);
            step(4);
            int[] ms = quick ? new int[] {1, 4, 16, 64, 512} : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
            List<GemmPoint> byM = compute.gemmByM(ms, model.ffnDim(), model.dim(), peak1);
            for (GemmPoint p : byM) {
                log.printf("  GEMM M=%d N=%d K=%d: %.1f GFLOP/s (%.0f%% of peak)%n", p.m(), p.n(), p.k(), p.gflopsOneThread(), 100 * p.efficiency());
            }

            step(5);
            long maxWs = maxWorkingSet(cpu);
            MemoryProbe memory = new MemoryProbe(bench, pool, maxWs);
            List<StreamPoint> sweep = memory.triadSweep(memory.sizes(quick ? 4 : 2));
            for (StreamPoint p : sweep) {
                log.printf("  triad %,d KiB: %.1f GB/s one thread, %.1f all cores%n", p.workingSetBytes() / 1024, p.triadGBpsOneThread(), p.triadGBpsAllCores());
            }
            List<MemoryLevel> levels = MemoryLevels.detect(sweep, cpu.cacheBytes());
            step(6);
            double triad = memory.triadDram();
            double copy = memory.copyDram();
            log.printf("  DRAM (%,d MiB): triad %.1f GB/s, copy %.1f GB/s (all cores, best)%n", maxWs >> 20, triad, copy);
            step(7);
            List<RooflinePoint> roofline = memory.ert(quick ? new int[] {1, 4, 16, 64, 256} : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512});
            for (RooflinePoint p : roofline) {
                log.printf("  ERT %.3f FLOP/B: %.1f GFLOP/s, %.1f GB/s%n", p.flopsPerByte(), p.gflopsAllCores(), p.gbpsAllCores());
            }
            memory = null; // release the stream arrays before the model is built

            // GEMV sizes include the model's own weight bytes, so the prediction reads the weight-streaming
            // rate at its working set instead of interpolating across the cache-to-DRAM cliff
            step(8);
            long modelBytes = 4L * model.weightParamsReadPerToken();
            long[] gemvSizes = (quick ? java.util.stream.LongStream.of(1 << 20, 16 << 20, modelBytes, maxWs)
                    : java.util.stream.LongStream.of(256 << 10, 1 << 20, 4 << 20, 16 << 20, 64 << 20, modelBytes, maxWs))
                    .filter(b -> b <= maxWs).sorted().distinct().toArray();
            List<GemvPoint> gemv = compute.gemvByWorkingSet(gemvSizes, ws -> triadAt(sweep, ws, false), ws -> triadAt(sweep, ws, true));
            for (GemvPoint p : gemv) {
                log.printf("  GEMV %,d KiB: %.1f GB/s one thread (%.0f%% of triad), %.1f all cores (%.0f%%)%n", p.workingSetBytes() / 1024,
                        p.gbpsOneThread(), 100 * p.efficiencyOneThread(), p.gbpsAllCores(), 100 * p.efficiencyAllCores());
            }
            step(9);
            double attention1 = compute.attention(model, 256, false);
            double attentionAll = compute.attention(model, 256, true);
            double call = compute.callOverheadSeconds();
            double dispatch = compute.parallelCallOverheadSeconds();
            log.printf("  attention: %.1f GFLOP/s one thread, %.1f all cores; call overhead %.0f ns, parallel dispatch %.2f us%n",
                    attention1, attentionAll, call * 1e9, dispatch * 1e6);

            HostProfile profile = new HostProfile(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), quick,
                    cpu.model(), cpu.vendor(), cpu.logicalCpus(), pool.size(), cpu.memoryBytes(), jdk(),
                    VectorSupport.path(), VectorSupport.REASON, VectorSupport.FLOAT_LANES, peak1, peakAll, gemm1, gemmAll,
                    gemmSize, square, triad, copy, levels, sweep, byM, gemv, roofline, call, dispatch, attention1, attentionAll);
            // each decode generation is preceded by a pass over the model's own linear layers, so the
            // prediction uses the streaming rate of the same minutes, kernels and shapes as the decode
            step(10);
            LlamaWeights weights = new LlamaWeights(model);
            DecodeProbe.Result one;
            try (WorkerPool single = new WorkerPool(1)) {
                one = new DecodeProbe(weights, single, quick, cancelled, new GemvCheck(single, weights, call)).run();
            }
            step(11);
            DecodeProbe.Result all = new DecodeProbe(weights, pool, quick, cancelled, new GemvCheck(pool, weights, pool.size() > 1 ? dispatch : call)).run();
            TransformerDecode tdOne = decodeReport(model, profile, one, false, modelBytes);
            TransformerDecode tdAll = decodeReport(model, profile, all, true, modelBytes);
            return new CalibrationReport(gemm1, gemmAll, triad, "double", Streams.TRIAD_BYTES_PER_ELEMENT, tdAll, tdOne,
                    all.energyAvailable(), all.energyNote(), all.tokensPerJoule(), VectorSupport.path(),
                    VectorSupport.REASON, launch, load, (System.nanoTime() - start) * 1e-9, profile);
        }
    }

    /** The triad sweep's largest working set: at least 4x the last-level cache where known, within the heap. */
    long maxWorkingSet(CpuInfo cpu) {
        long target = quick ? 256L << 20 : 1L << 30;
        target = Math.max(target, 4 * cpu.lastLevelCacheBytes());
        long heapRoom = Runtime.getRuntime().maxMemory() / 3;
        long ws = Math.min(target, heapRoom);
        return ws / 4096 * 4096;
    }

    static String jdk() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name", "JVM") + ", "
                + System.getProperty("java.vendor", "unknown vendor") + ")";
    }

    private TransformerDecode decodeReport(LlamaConfig model, HostProfile calibrated, DecodeProbe.Result r, boolean allCores,
                                           long modelBytes) {
        HostProfile profile = Double.isFinite(r.streamingGBps()) ? calibrated.withGemvAt(modelBytes, r.streamingGBps(), allCores) : calibrated;
        HostPrediction lab = HostPrediction.decode(model, r.contextTokens(), profile, allCores);
        StepTime step = HostStepModel.decode(model, r.contextTokens(), profile, allCores);
        double predicted = 1.0 / step.seconds();
        double measured = r.tokensPerSecond();
        double error = 100 * (predicted - measured) / measured;
        log.printf("  decode, %s: measured %.1f tokens/s (p10-p90 %.2f-%.2f ms), predicted %.1f (%+.1f%%) by the engine, %.1f by the kernel-lab count;"
                        + " weights streamed at %.1f GB/s between generations (%.1f in the GEMV step)%n",
                allCores ? "all cores" : "one thread", measured, r.msP10(), r.msP90(), predicted, error, lab.tokensPerSecond(),
                r.streamingGBps(), calibrated.gemvGBpsAt(modelBytes, allCores));
        return new TransformerDecode("llama-small (Llama-3.1-8B scaled down)", model.layers(), model.dim(),
                model.heads(), model.kvHeads(), model.ffnDim(), model.vocab(), model.totalParams(), lab.weightBytes(),
                allCores ? profile.threads() : 1, r.contextTokens(), r.timedTokens(), measured, r.msP10(), r.msP90(),
                predicted, error, lab.tokensPerSecond(), step.bound().name().toLowerCase(java.util.Locale.ROOT),
                Double.isFinite(r.streamingGBps()) ? r.streamingGBps() : null);
    }

    /** Triad bandwidth on a sweep before the profile exists. */
    private static double triadAt(List<StreamPoint> sweep, long ws, boolean allCores) {
        return HostProfile.interpolate(ws, sweep.stream().mapToLong(StreamPoint::workingSetBytes).toArray(),
                sweep.stream().mapToDouble(allCores ? StreamPoint::triadGBpsAllCores : StreamPoint::triadGBpsOneThread).toArray(), 1.0);
    }
}
