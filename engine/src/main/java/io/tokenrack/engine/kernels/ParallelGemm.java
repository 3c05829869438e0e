package io.tokenrack.engine.kernels;

/**
 * A reusable pool task for {@link Gemm}: each worker takes a contiguous range of B's column strips,
 * optionally packs them from a row-major B first (no barrier needed: a worker reads only the
 * strips it packed), then multiplies. Repeated calls allocate nothing.
 */
public final class ParallelGemm implements WorkerPool.Task {
    private final WorkerPool pool;
    private float[] a;
    private int m;
    private float[] rawB;
    private PackedB b;
    private float[] c;

    public ParallelGemm(WorkerPool pool) {
        this.pool = pool;
    }

    /** C = A * B with B already packed (weights). */
    public void multiply(float[] a, int m, PackedB b, float[] c) {
        run(a, m, null, b, c);
    }

    /** C = A * B, packing row-major B into {@code buffer} first (the packing is part of the call). */
    public void packAndMultiply(float[] a, int m, float[] rawB, PackedB buffer, float[] c) {
        run(a, m, rawB, buffer, c);
    }

    private void run(float[] a, int m, float[] rawB, PackedB b, float[] c) {
        this.a = a;
        this.m = m;
        this.rawB = rawB;
        this.b = b;
        this.c = c;
        pool.run(this);
        this.a = null;
        this.rawB = null;
        this.b = null;
        this.c = null;
    }

    @Override
    public void run(int worker, int workers) {
        int from = WorkerPool.split(b.strips, worker, workers);
        int to = WorkerPool.split(b.strips, worker + 1, workers);
        if (from == to) {
            return;
        }
        if (rawB != null) {
            b.pack(rawB, from, to);
        }
        Gemm.multiply(a, m, b, c, from, to);
    }
}
