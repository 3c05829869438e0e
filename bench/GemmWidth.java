import io.tokenrack.engine.kernels.Gemm;
import io.tokenrack.engine.kernels.PackedB;
import io.tokenrack.engine.kernels.VectorSupport;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One-thread fp32 GEMM of the kernel lab at the vector width the JVM chose (developer tool, not
 * shipped; run by bench/widths.sh). B is packed inside the timed call, as a BLAS call would.
 * Prints one JSON line per size, in the format of bench/gemm_numpy.py: GFLOP/s over wall-clock
 * time and over this thread's CPU time (which leaves out time slices other processes took).
 */
public final class GemmWidth {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {512, 1024, 2048} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            float[] a = random(n * n, 1);
            float[] b = random(n * n, 2);
            float[] c = new float[n * n];
            PackedB packed = new PackedB(n, n);
            long warm = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warm) {
                packed.pack(b);
                Gemm.multiply(a, n, packed, c);
            }
            double[] times = new double[30];
            double[] cpu = new double[30];
            int runs = 0;
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (runs < 5 || (System.nanoTime() < deadline && runs < 30)) {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                packed.pack(b);
                Gemm.multiply(a, n, packed, c);
                cpu[runs] = (THREADS.getCurrentThreadCpuTime() - c0) * 1e-9;
                times[runs++] = (System.nanoTime() - t0) * 1e-9;
            }
            times = Arrays.copyOf(times, runs);
            cpu = Arrays.copyOf(cpu, runs);
            Arrays.sort(times);
            Arrays.sort(cpu);
            double flops = 2.0 * n * n * n;
            System.out.printf("{\"n\": %d, \"library\": \"tokenrack\", \"path\": \"%s\", \"mr\": %d, \"nr\": %d, \"kc\": %d, "
                            + "\"medianGflops\": %.1f, \"bestGflops\": %.1f, \"medianCpuGflops\": %.1f, "
                            + "\"bestCpuGflops\": %.1f, \"runs\": %d, \"checksum\": %s}%n",
                    n, VectorSupport.REASON, Gemm.MR, Gemm.NR, Gemm.KC, flops / times[runs / 2] / 1e9, flops / times[0] / 1e9,
                    flops / cpu[runs / 2] / 1e9, flops / cpu[0] / 1e9, runs, c[0]);
        }
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
