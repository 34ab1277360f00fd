package org.gdcert.core.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of worker threads for data-parallel loops. With one thread everything runs on the
 * caller. The caller's thread takes the first chunk itself, so a pool of t threads keeps t−1
 * workers.
 */
public final class Parallel implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int threads;
    private final ExecutorService pool;

    /** A body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "gdcert-worker-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous chunks;
     * sequentially when n &lt; {@code grain}·2 or with one thread.
     */
    public void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(threads, Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || pool == null) {
            body.run(0, n);
            return;
        }
        forChunks(n, chunks, body);
    }

    /** Runs {@code body} over [0, n) split into exactly {@code chunks} contiguous chunks. */
    public void forChunks(int n, int chunks, RangeBody body) {
        if (chunks <= 1 || pool == null) {
            body.run(0, n);
            return;
        }
        List<Future<?>> fs = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            fs.add(pool.submit(() -> body.run(from, to)));
        }
        RuntimeException first = null;
        try {
            body.run(0, (int) ((long) n / chunks));
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Runs independent tasks, using the caller for the first. */
    public void invokeAll(List<Runnable> tasks) {
        forChunks(tasks.size(), Math.min(tasks.size(), threads), (from, to) -> {
            for (int i = from; i < to; i++) {
                tasks.get(i).run();
            }
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
