package io.tokenrack.engine.lab.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A micro-benchmark harness that follows JMH practice without JMH at run time: warm up until the
 * timings settle, repeat the operation so each sample is long enough for the clock, keep many
 * samples and report the median and spread, consume every result into a volatile sink, and
 * discard samples during which a garbage collection ran.
 *
 * <p>The clock and the GC counter are injected so the statistics can be tested on synthetic timings.
 */
public final class Bench {
    /** Results land here so the JIT cannot drop the work (JMH sample 08). */
    private static volatile double sink;

    private final BenchConfig config;
    private final LongSupplier nanoClock;
    private final LongSupplier gcCount;
    private final BooleanSupplier cancelled;

    public Bench(BenchConfig config, LongSupplier nanoClock, LongSupplier gcCount) {
        this(config, nanoClock, gcCount, () -> false);
    }

    private Bench(BenchConfig config, LongSupplier nanoClock, LongSupplier gcCount, BooleanSupplier cancelled) {
        this.config = config;
        this.nanoClock = nanoClock;
        this.gcCount = gcCount;
        this.cancelled = cancelled;
    }

    /**
     * The same harness, asked before every measurement whether to stop: when {@code cancelled}
     * answers true, {@link #measure} throws {@link CancellationException} instead of starting.
     */
    public Bench cancellable(BooleanSupplier cancelled) {
        return new Bench(config, nanoClock, gcCount, cancelled);
    }

    /** A harness on {@link System#nanoTime()} and the JVM's garbage collectors. */
    public static Bench system(BenchConfig config) {
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        return new Bench(config, System::nanoTime, () -> {
            long n = 0;
            for (GarbageCollectorMXBean gc : gcs) {
                n += Math.max(0, gc.getCollectionCount());
            }
            return n;
        });
    }

    /**
     * The same harness timed by the calling thread's CPU time (GC pauses still detected), for a
     * one-thread kernel on a busy computer: other processes' time slices are left out. Null where
     * the JVM cannot read the current thread's CPU time.
     */
    public Bench onThreadCpuTime() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return null;
        }
        return new Bench(config, threads::getCurrentThreadCpuTime, gcCount, cancelled);
    }

    public BenchConfig config() {
        return config;
    }

    public Measurement measure(String name, TimedOperation workload) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled before " + name);
        }
        int reps = repetitions(workload);
        double[] warm = new double[64];
        int warmCount = 0;
        long warmStart = nanoClock.getAsLong();
        boolean settled = false;
        while (true) {
            if (warmCount == warm.length) {
                warm = java.util.Arrays.copyOf(warm, warm.length * 2);
            }
            warm[warmCount++] = sample(workload, reps);
            double elapsed = (nanoClock.getAsLong() - warmStart) * 1e-9;
            if (config.warmup().settled(warm, warmCount, elapsed)) {
                settled = true;
                break;
            }
            if (config.warmup().capReached(elapsed)) {
                break;
            }
        }
        double[] kept = new double[config.samples()];
        int keptCount = 0;
        int discarded = 0;
        int maxDiscards = 3 * config.samples();
        while (keptCount < kept.length) {
            long gcBefore = gcCount.getAsLong();
            double t = sample(workload, reps);
            if (gcCount.getAsLong() != gcBefore && discarded < maxDiscards) {
                discarded++;
                continue;
            }
            kept[keptCount++] = t / reps;
        }
        return new Measurement(name, Stats.of(kept), reps, warmCount, settled, discarded);
    }

    /** How many repetitions make one sample last at least {@code minSampleSeconds}. */
    private int repetitions(TimedOperation workload) {
        int reps = 1;
        while (true) {
            double t = sample(workload, reps);
            if (t >= config.minSampleSeconds() || reps >= 1 << 28) {
                return reps;
            }
            double grow = t <= 0 ? 16 : Math.min(16, 1.2 * config.minSampleSeconds() / t);
            reps = (int) Math.min(1 << 28, Math.ceil(reps * Math.max(2, grow)));
        }
    }

    /** One timed sample of {@code reps} operations, in seconds. */
    private double sample(TimedOperation workload, int reps) {
        double acc = 0;
        long t0 = nanoClock.getAsLong();
        for (int i = 0; i < reps; i++) {
            acc += workload.run();
        }
        long t1 = nanoClock.getAsLong();
        sink = acc;
        return (t1 - t0) * 1e-9;
    }

    /** The last consumed result, for tests. */
    static double sink() {
        return sink;
    }
}
