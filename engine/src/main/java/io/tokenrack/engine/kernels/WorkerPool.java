package io.tokenrack.engine.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool of worker threads, created once before warm-up, that runs one {@link Task} split
 * into {@code size} slots. The caller thread takes part. Slots are claimed, not assigned: a
 * thread that is descheduled (other processes share the cores) simply claims nothing, and the
 * threads that are running do its share, so a busy machine slows a parallel call down to the
 * one-thread speed instead of stalling it on a scheduler time slice. Workers spin briefly for the
 * next task before parking, so back-to-back calls (a decode step issues dozens) cost microseconds.
 */
public final class WorkerPool implements AutoCloseable {

    /** Work for one slot: {@code slot} in [0, slots). Slot-indexed buffers are safe; thread identity is not fixed. */
    @FunctionalInterface
    public interface Task {
        void run(int slot, int slots);
    }

    private static final int SPIN_ITERATIONS = 20_000;

    private final int size;
    private final Thread[] threads;
    private final AtomicInteger next = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger done = new AtomicInteger();
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
            Thread t = new Thread(this::loop, "tokenrack-kernel-" + i);
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

    /** Runs every slot of {@code t} and returns when all have finished. Not re-entrant. */
    public void run(Task t) {
        if (size == 1) {
            t.run(0, 1);
            return;
        }
        caller = Thread.currentThread();
        failure = null;
        task = t;
        done.set(0);
        next.set(0); // publishes the task: a worker reads it after claiming a slot
        generation = generation + 1;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
        claimSlots();
        int spins = 0;
        while (done.get() < size) {
            if (++spins < SPIN_ITERATIONS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 20_000);
            }
        }
        task = null;
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error er) {
            throw er;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** The start of slot {@code slot}'s share when {@code n} items are split evenly. */
    public static int split(int n, int slot, int slots) {
        return (int) ((long) n * slot / slots);
    }

    private void claimSlots() {
        int s;
        while ((s = next.getAndIncrement()) < size) {
            Task t = task;
            try {
                t.run(s, size);
            } catch (Throwable e) {
                failure = e;
            }
            if (done.incrementAndGet() == size) {
                Thread c = caller;
                if (c != Thread.currentThread()) {
                    LockSupport.unpark(c);
                }
            }
        }
    }

    private void loop() {
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
            claimSlots();
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
