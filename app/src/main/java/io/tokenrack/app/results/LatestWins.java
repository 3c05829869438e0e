package io.tokenrack.app.results;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.Executor;

/**
 * Runs work on one background thread where the latest request wins: a request that is superseded
 * before it starts is skipped, and a result that arrives after a newer request was made is dropped.
 * Results are handed over through {@code deliver} (the FX thread in the app, the caller in tests).
 * Work that throws is not dropped: {@code failed} turns the exception into a result that says so,
 * delivered like any other.
 */
public final class LatestWins<I, O> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LatestWins.class.getName());
    private final Function<I, O> work;
    private final BiFunction<I, RuntimeException, O> failed;
    private final Executor deliver;
    private final ExecutorService worker;
    private final AtomicLong latest = new AtomicLong();

    /** @param failed the result that stands for a request whose work threw (logged too) */
    public LatestWins(Function<I, O> work, BiFunction<I, RuntimeException, O> failed, Executor deliver, String threadName) {
        this.work = work;
        this.failed = failed;
        this.deliver = deliver;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Computes {@code input} off the caller's thread; {@code onResult} runs only if no newer request came. */
    public void submit(I input, Consumer<O> onResult) {
        long ticket = latest.incrementAndGet();
        worker.execute(() -> {
            if (latest.get() != ticket) {
                return;
            }
            O out;
            try {
                out = work.apply(input);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "background work failed", e);
                out = failed.apply(input, e);
            }
            O result = out;
            deliver.execute(() -> {
                if (latest.get() == ticket) {
                    onResult.accept(result);
                }
            });
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
