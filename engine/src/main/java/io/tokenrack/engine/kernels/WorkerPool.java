package io.tokenrack.engine.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool of worker threads, created once before warm-up, that runs one {@link Task} on all
 * workers at a time. The caller thread is worker 0. Workers spin briefly for the next task before
 * parking, so back-to-back calls (a decode step issues dozens) cost microseconds, not a thread
 * wake-up each.
 */
public final class WorkerPool implements AutoCloseable {

    /** Work for one worker: {@code worker} in [0, workers). */
    @FunctionalInterface
    public interface Task {
        void run(int worker, int workers);
    }

    private static final int SPIN_ITERATIONS = 20_000;

    private final int size;
    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    public WorkerPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size: must be at least 1, was " + size);
        }
        this.size = size;
        this.threads = new Thread[size - 1];
        for (int i = 1; i < size; i++) {
            int id = i;
            Thread t = new Thread(() -> loop(id), "tokenrack-kernel-" + id);
            t.setDaemon(true);
            threads[i - 1] = t;
            t.start();
        }
    }

    /** One worker per available processor (this JVM's view of the cores). */
    public static WorkerPool allCores() {
        return new WorkerPool(Runtime.getRuntime().availableProcessors());
    }

    public int size() {
        return size;
    }

    /** Runs {@code t} on every worker and returns when all have finished. Not re-entrant. */
    public void run(Task t) {
        if (size == 1) {
            t.run(0, 1);
            return;
        }
        caller = Thread.currentThread();
        failure = null;
        task = t;
        pending.set(size - 1);
        generation = generation + 1;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
        Throwable own = null;
        try {
            t.run(0, size);
        } catch (Throwable e) {
            own = e;
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < SPIN_ITERATIONS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        task = null;
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error er) {
            throw er;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** The start of worker {@code worker}'s share when {@code n} items are split evenly. */
    public static int split(int n, int worker, int workers) {
        return (int) ((long) n * worker / workers);
    }

    private void loop(int id) {
        int seen = 0;
        while (true) {
            int spins = 0;
            int g;
            while ((g = generation) == seen && !closed) {
                if (++spins < SPIN_ITERATIONS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = g;
            try {
                task.run(id, size);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }
}
