package io.tokenrack.engine.kernels;

/**
 * A reusable pool task that splits a {@link Gemv} by rows, so repeated calls allocate nothing.
 * Not thread-safe: one caller at a time.
 */
public final class ParallelGemv implements WorkerPool.Task {
    private final WorkerPool pool;
    private float[] w;
    private float[] x;
    private float[] y;
    private int rowOffset;
    private int rows;
    private int cols;

    public ParallelGemv(WorkerPool pool) {
        this.pool = pool;
    }

    /** {@code y[0..rows) = W x} with W row-major rows x cols. */
    public void multiply(float[] w, float[] x, float[] y, int rows, int cols) {
        multiply(w, x, y, 0, rows, cols);
    }

    /** Rows [rowOffset, rowOffset + rows) of a larger row-major matrix: {@code y[r] = W[r] . x}. */
    public void multiply(float[] w, float[] x, float[] y, int rowOffset, int rows, int cols) {
        this.rowOffset = rowOffset;
        this.w = w;
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.cols = cols;
        pool.run(this);
        this.w = null;
        this.x = null;
        this.y = null;
    }

    @Override
    public void run(int worker, int workers) {
        // split on multiples of four rows so the four-row kernel keeps its groups
        int groups = (rows + 3) / 4;
        int from = Math.min(rows, 4 * WorkerPool.split(groups, worker, workers));
        int to = Math.min(rows, 4 * WorkerPool.split(groups, worker + 1, workers));
        Gemv.multiply(w, x, y, cols, rowOffset + from, rowOffset + to);
    }
}
