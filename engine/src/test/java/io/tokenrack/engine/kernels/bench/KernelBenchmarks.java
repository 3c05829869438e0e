package io.tokenrack.engine.kernels.bench;

import io.tokenrack.engine.kernels.Attention;
import io.tokenrack.engine.kernels.Gemm;
import io.tokenrack.engine.kernels.Gemv;
import io.tokenrack.engine.kernels.PackedB;
import io.tokenrack.engine.kernels.RmsNorm;
import io.tokenrack.engine.kernels.Softmax;
import io.tokenrack.engine.kernels.Streams;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the kernel lab, for developers (the app's calibration uses its own in-process
 * harness, lab.harness.Bench). Run with {@code bench/jmh.sh} (see docs/kernel-lab.md); results are
 * average time per call: GFLOP/s = FLOPs / time, GB/s = bytes / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xms2g", "-Xmx2g",
        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages"})
public class KernelBenchmarks {

    /** Square GEMM with B packed inside the call, as a BLAS call would: 2 n^3 FLOPs. */
    @State(Scope.Thread)
    public static class SquareGemm {
        @Param({"512", "1024", "2048"})
        public int n;
        float[] a;
        float[] b;
        float[] c;
        PackedB packed;

        @Setup
        public void setup() {
            a = random(n * n, 1);
            b = random(n * n, 2);
            c = new float[n * n];
            packed = new PackedB(n, n);
        }
    }

    @Benchmark
    public float gemmSquare(SquareGemm s) {
        s.packed.pack(s.b);
        Gemm.multiply(s.a, s.n, s.packed, s.c);
        return s.c[s.n];
    }

    /** LLM decode/prefill shapes: M tokens x (K = 512) x (N = 1792), weights pre-packed. */
    @State(Scope.Thread)
    public static class LlmGemm {
        @Param({"1", "4", "16", "64", "512"})
        public int m;
        final int k = 512;
        final int n = 1792;
        float[] a;
        float[] c;
        PackedB w;

        @Setup
        public void setup() {
            a = random(m * k, 3);
            c = new float[m * n];
            w = PackedB.of(random(k * n, 4), k, n);
        }
    }

    @Benchmark
    public float gemmLlmShape(LlmGemm s) {
        Gemm.multiply(s.a, s.m, s.w, s.c);
        return s.c[0];
    }

    /** GEMV rows x 1024, 4 bytes per weight: bytes = 4 rows 1024. */
    @State(Scope.Thread)
    public static class GemvState {
        @Param({"256", "4096", "65536"})
        public int rows;
        final int cols = 1024;
        float[] w;
        float[] x;
        float[] y;

        @Setup
        public void setup() {
            w = random(rows * cols, 5);
            x = random(cols, 6);
            y = new float[rows];
        }
    }

    @Benchmark
    public void gemv(GemvState s, Blackhole bh) {
        Gemv.multiply(s.w, s.x, s.y, s.cols, 0, s.rows);
        bh.consume(s.y);
    }

    /** fp64 triad, 24 bytes per element (STREAM convention); elements = working set / 24. */
    @State(Scope.Thread)
    public static class TriadState {
        @Param({"32768", "1048576", "33554432", "268435456"})
        public long workingSetBytes;
        double[] a;
        double[] b;
        double[] c;
        int n;

        @Setup
        public void setup() {
            n = (int) (workingSetBytes / 24);
            a = new double[n];
            b = new double[n];
            c = new double[n];
            java.util.Arrays.fill(b, 1.0);
            java.util.Arrays.fill(c, 2.0);
        }
    }

    @Benchmark
    public double triad(TriadState s) {
        Streams.triad(s.a, s.b, s.c, 0.5, 0, s.n);
        return s.a[s.n >> 1];
    }

    /** Decode attention, 8 query heads over 2 KV heads of 64, at a context length. */
    @State(Scope.Thread)
    public static class AttentionState {
        @Param({"64", "512", "4096"})
        public int positions;
        float[] q;
        float[] keys;
        float[] values;
        float[] scores;
        float[] out;

        @Setup
        public void setup() {
            q = random(8 * 64, 7);
            keys = random(positions * 128, 8);
            values = random(positions * 128, 9);
            scores = new float[8 * positions];
            out = new float[8 * 64];
        }
    }

    @Benchmark
    public float attentionDecode(AttentionState s) {
        Attention.decode(s.q, s.keys, s.values, s.scores, s.positions, s.out, s.positions, 8, 2, 64, 0, 8);
        return s.out[3];
    }

    @State(Scope.Thread)
    public static class VectorState {
        float[] x = random(4096, 10);
        float[] w = random(4096, 11);
        float[] out = new float[4096];
        float[] logits = random(32768, 12);
        float[] work = new float[32768];
    }

    @Benchmark
    public float rmsNorm4096(VectorState s) {
        RmsNorm.apply(s.out, s.x, s.w, 4096);
        return s.out[5];
    }

    @Benchmark
    public float softmax32k(VectorState s) {
        System.arraycopy(s.logits, 0, s.work, 0, s.work.length);
        Softmax.apply(s.work, 0, s.work.length);
        return s.work[9];
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
