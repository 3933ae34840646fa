package dev.grid.monitor.impl.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The latest result of a read of cluster structures, for metrics that must not wait for the cluster: each
 * {@link #latest()} returns the last result at once and starts the next read on this reader's own thread
 * unless one is running. A read stuck in the cluster (partitions being promoted after a member's death) holds
 * up only further reads, never the caller; its failures are logged at DEBUG and the last result stands.
 *
 * @param <T> the result
 */
final class LatestRead<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LatestRead.class);
    private final Supplier<T> read;
    private final ExecutorService reader;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile T latest;

    LatestRead(String threadName, T initial, Supplier<T> read) {
        this.read = read;
        this.latest = initial;
        this.reader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the last result (the initial value until a read completed); starts a read unless one is running */
    T latest() {
        if (running.compareAndSet(false, true)) {
            try {
                reader.execute(() -> {
                    try {
                        latest = read.get();
                    } catch (RuntimeException e) {
                        LOG.debug("{} failed: {}", Thread.currentThread().getName(), e.toString());
                    } finally {
                        running.set(false);
                    }
                });
            } catch (RuntimeException closed) {
                running.set(false);
            }
        }
        return latest;
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
