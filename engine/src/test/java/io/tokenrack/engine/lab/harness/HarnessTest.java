package io.tokenrack.engine.lab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.kernels.WorkerPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HarnessTest {

    @Test
    void statsOfAnOddSampleCount() {
        Stats s = Stats.of(5, 1, 3, 2, 4);
        assertEquals(3, s.median());
        assertEquals(1, s.min());
        assertEquals(5, s.max());
        assertEquals(3, s.mean());
        // sample sd = sqrt(10/4) = 1.5811; cv = 1.5811/3
        assertEquals(Math.sqrt(2.5) / 3, s.cv(), 1e-12);
        // p10 at rank 0.4 between 1 and 2; p90 at rank 3.6 between 4 and 5
        assertEquals(1.4, s.p10(), 1e-12);
        assertEquals(4.6, s.p90(), 1e-12);
    }

    @Test
    void statsOfAnEvenSampleCountAverageTheMiddlePair() {
        assertEquals(2.5, Stats.of(4, 1, 2, 3).median());
        assertEquals(0, Stats.of(7).cv());
        assertThrows(IllegalArgumentException.class, () -> Stats.of());
    }

    @Test
    void warmupSettlesOnLowVariationAfterTheMinimumTime() {
        WarmupPolicy p = new WarmupPolicy(3, 0.02, 0.5, 2.0);
        double[] t = {10, 5, 1.00, 1.01, 0.99};
        assertFalse(p.settled(t, 2, 1.0), "fewer timings than the window");
        assertFalse(p.settled(t, 4, 1.0), "5, 1.00, 1.01 still varies");
        assertTrue(p.settled(t, 5, 1.0));
        assertFalse(p.settled(t, 5, 0.1), "too early: could be a steady interpreted phase");
        assertTrue(p.capReached(2.0));
        assertThrows(IllegalArgumentException.class, () -> new WarmupPolicy(1, 0.02, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new WarmupPolicy(3, 0.02, 2, 1));
    }

    /**
     * A synthetic workload on a fake clock: every call "takes" 100 us for the first 50 calls (the
     * interpreter), then 10 us; a GC is reported during two timed samples.
     */
    @Test
    void benchWarmsUpPastTheSlowPhaseAndDiscardsGcSamples() {
        long[] now = {0};
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger gcReads = new AtomicInteger();
        long[] gcCount = {0};
        TimedOperation w = () -> {
            int n = calls.incrementAndGet();
            now[0] += n <= 50 ? 100_000 : 10_000;
            return n;
        };
        BenchConfig cfg = new BenchConfig(0.001, 6, new WarmupPolicy(4, 0.01, 0.002, 10));
        Bench bench = new Bench(cfg, () -> now[0], () -> {
            // reads come in pairs around each timed sample; bump the count inside samples 2 and 5
            int r = gcReads.incrementAndGet();
            if (r == 4 || r == 10) {
                gcCount[0]++;
            }
            return gcCount[0];
        });
        Measurement m = bench.measure("synthetic", w);
        assertTrue(m.warmupSettled());
        assertEquals(2, m.discardedGcSamples());
        assertEquals(6, m.secondsPerOp().count());
        assertEquals(10e-6, m.secondsPerOp().median(), 1e-12);
        assertEquals(0, m.secondsPerOp().cv(), 1e-12);
        assertEquals(1e5, m.opsPerSecond(), 1e-6);
        assertEquals(2e5, m.rate(2), 1e-6);
        assertTrue(Bench.sink() > 0, "results were consumed");
    }

    @Test
    void benchStopsWarmingUpAtTheCapWhenTimingsNeverSettle() {
        long[] now = {0};
        int[] n = {0};
        TimedOperation noisy = () -> {
            now[0] += (n[0]++ % 2 == 0) ? 1_000_000 : 3_000_000; // alternating 1 ms, 3 ms
            return 0;
        };
        BenchConfig cfg = new BenchConfig(0.0005, 3, new WarmupPolicy(3, 0.01, 0, 0.05));
        Measurement m = new Bench(cfg, () -> now[0], () -> 0).measure("noisy", noisy);
        assertFalse(m.warmupSettled());
        assertTrue(m.warmupSamples() >= 3);
    }

    @Test
    void threadCpuTimeLeavesOutTimeTheThreadDidNotRun() {
        // an operation that mostly waits (1 ms parked, a few µs of work): by the wall clock at most
        // 1,000 a second, by this thread's CPU time far more; a busy computer only widens the gap
        BenchConfig cfg = new BenchConfig(0.0005, 3, new WarmupPolicy(3, 0.5, 0, 0.01));
        Bench wall = Bench.system(cfg);
        Bench cpu = wall.onThreadCpuTime();
        org.junit.jupiter.api.Assumptions.assumeTrue(cpu != null, "this JVM cannot read thread CPU time");
        assertEquals(cfg, cpu.config());
        TimedOperation waits = () -> {
            long end = System.nanoTime() + 1_000_000;
            for (long left = 1_000_000; left > 0; left = end - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left); // may return early: park again
            }
            return 1;
        };
        double wallRate = wall.measure("waits, wall", waits).opsPerSecond();
        double cpuRate = cpu.measure("waits, cpu", waits).opsPerSecond();
        assertTrue(wallRate <= 1_000, "wall " + wallRate);
        assertTrue(cpuRate > 3 * wallRate, "cpu " + cpuRate + " wall " + wallRate);
    }

    @Test
    void workerPoolRunsEveryWorkerOnceAndPropagatesFailures() {
        try (WorkerPool pool = new WorkerPool(3)) {
            int[] hits = new int[3];
            for (int i = 0; i < 100; i++) {
                pool.run((w, ws) -> hits[w]++);
            }
            assertEquals(100, hits[0]);
            assertEquals(100, hits[1]);
            assertEquals(100, hits[2]);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run((w, ws) -> {
                if (w == 2) {
                    throw new IllegalStateException("worker 2 failed");
                }
            }));
            assertEquals("worker 2 failed", e.getMessage());
        }
    }

    @Test
    void splitCoversTheRangeWithoutGaps() {
        for (int workers = 1; workers <= 5; workers++) {
            assertEquals(0, WorkerPool.split(17, 0, workers));
            assertEquals(17, WorkerPool.split(17, workers, workers));
            for (int w = 0; w < workers; w++) {
                assertTrue(WorkerPool.split(17, w, workers) <= WorkerPool.split(17, w + 1, workers));
            }
        }
    }
}
