package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.kernels.Ert;
import io.tokenrack.engine.kernels.Streams;
import io.tokenrack.engine.kernels.WorkerPool;
import io.tokenrack.engine.lab.harness.Bench;
import io.tokenrack.engine.lab.harness.Measurement;
import io.tokenrack.engine.lab.host.HostProfile.RooflinePoint;
import io.tokenrack.engine.lab.host.HostProfile.StreamPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory-side measurements: the fp64 triad over working sets from L1 to DRAM (one thread and all
 * workers), copy at the largest working set, and the ERT arithmetic-intensity sweep. Arrays are
 * allocated once for the largest working set and pre-touched; smaller working sets use prefixes.
 * In all-worker runs the working set is split evenly, each worker streaming its own arrays.
 */
final class MemoryProbe {
    private final Bench bench;
    private final WorkerPool pool;
    private final long maxWorkingSetBytes;
    private final double[][] a;
    private final double[][] b;
    private final double[][] c;
    private final double[] results;

    MemoryProbe(Bench bench, WorkerPool pool, long maxWorkingSetBytes) {
        this.bench = bench;
        this.pool = pool;
        this.maxWorkingSetBytes = maxWorkingSetBytes;
        int threads = pool.size();
        a = new double[threads][];
        b = new double[threads][];
        c = new double[threads][];
        results = new double[threads * 16];
        for (int w = 0; w < threads; w++) {
            long bytes = w == 0 ? maxWorkingSetBytes : maxWorkingSetBytes / threads;
            int n = Math.toIntExact(bytes / Streams.TRIAD_BYTES_PER_ELEMENT);
            a[w] = new double[n];
            b[w] = new double[n];
            c[w] = new double[n];
        }
        pool.run((w, ws) -> {
            java.util.Arrays.fill(a[w], 1.0);
            java.util.Arrays.fill(b[w], 2.0);
            java.util.Arrays.fill(c[w], 0.5);
        });
    }

    /** Working sets 16 KiB, then x {@code factor} each step, up to the maximum. */
    List<Long> sizes(int factor) {
        List<Long> sizes = new ArrayList<>();
        for (long s = 16 * 1024; s <= maxWorkingSetBytes; s *= factor) {
            sizes.add(s);
        }
        if (sizes.get(sizes.size() - 1) != maxWorkingSetBytes) {
            sizes.add(maxWorkingSetBytes);
        }
        return sizes;
    }

    List<StreamPoint> triadSweep(List<Long> sizes) {
        List<StreamPoint> points = new ArrayList<>();
        for (long ws : sizes) {
            int n1 = (int) (ws / Streams.TRIAD_BYTES_PER_ELEMENT);
            double[] a0 = a[0], b0 = b[0], c0 = c[0];
            Measurement one = bench.measure("triad 1T " + ws, () -> {
                Streams.triad(a0, b0, c0, 0.5, 0, n1);
                return a0[n1 >> 1];
            });
            int nAll = (int) (ws / Streams.TRIAD_BYTES_PER_ELEMENT / pool.size());
            double gbAll = allCores("triad all " + ws, nAll, (w, from, to) -> Streams.triad(a[w], b[w], c[w], 0.5, from, to), 24.0);
            points.add(new StreamPoint(ws, one.rate(24.0 * n1) / 1e9, gbAll));
        }
        return points;
    }

    /** Triad on all workers at the largest working set, STREAM's "best of" convention. */
    double triadDram() {
        int n = (int) (maxWorkingSetBytes / Streams.TRIAD_BYTES_PER_ELEMENT / pool.size());
        return allCoresBest("triad DRAM", n, (w, from, to) -> Streams.triad(a[w], b[w], c[w], 0.5, from, to), 24.0);
    }

    double copyDram() {
        int n = (int) (maxWorkingSetBytes / Streams.TRIAD_BYTES_PER_ELEMENT / pool.size());
        return allCoresBest("copy DRAM", n, (w, from, to) -> Streams.copy(a[w], b[w], from, to), 16.0);
    }

    /** ERT sweep on all workers over array a (read-modify-write) at the largest working set. */
    List<RooflinePoint> ert(int[] flopsPairs) {
        int n = (int) (maxWorkingSetBytes / Streams.TRIAD_BYTES_PER_ELEMENT / pool.size());
        List<RooflinePoint> points = new ArrayList<>();
        for (int f : flopsPairs) {
            pool.run((w, ws) -> java.util.Arrays.fill(a[w], 0, n, 1.0));
            double gbps = allCores("ert " + f, n, (w, from, to) -> Ert.run(a[w], from, to, f, 0.999999, 1e-7), Ert.BYTES_PER_ELEMENT);
            points.add(new RooflinePoint(Ert.flopsPerByte(f), gbps * Ert.flopsPerByte(f), gbps));
        }
        return points;
    }

    @FunctionalInterface
    interface RangeKernel {
        void run(int worker, int from, int to);
    }

    private double allCores(String name, int n, RangeKernel k, double bytesPerElement) {
        return measureAll(name, n, k).rate(bytesPerElement * n * pool.size()) / 1e9;
    }

    private double allCoresBest(String name, int n, RangeKernel k, double bytesPerElement) {
        return measureAll(name, n, k).bestRate(bytesPerElement * n * pool.size()) / 1e9;
    }

    private Measurement measureAll(String name, int n, RangeKernel k) {
        WorkerPool.Task task = (w, ws) -> {
            k.run(w, 0, n);
            results[w * 16] = a[w][n >> 1];
        };
        return bench.measure(name, () -> {
            pool.run(task);
            return results[0];
        });
    }
}
