package dev.grid.core.impl.map.table;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A larger table on its way: requested by the partition thread, created by whichever thread gets to
 * it first (the background thread normally; the partition thread when a write finds the current
 * table full before the background thread has started), then adopted by the partition thread. The
 * memory it was estimated to need is reserved from the request on. If its growing table is closed
 * first, the table is closed as soon as it exists.
 */
final class PendingTable {
    private final TableSpec spec;
    private final long capacity;
    private final long estimate;
    private final GrowthStats stats;
    private final GrowthTasks tasks;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean discarded = new AtomicBoolean();
    private final CompletableFuture<ByteTable> table = new CompletableFuture<>();
    private volatile boolean abandoned;

    PendingTable(TableSpec spec, long capacity, long estimate, GrowthStats stats, GrowthTasks tasks) {
        this.spec = spec;
        this.capacity = capacity;
        this.estimate = estimate;
        this.stats = stats;
        this.tasks = tasks;
    }

    long capacity() {
        return capacity;
    }

    /** @return the bytes reserved for the table before it existed */
    long estimate() {
        return estimate;
    }

    /** Creates the table unless another thread has started to. */
    void create(boolean onPartitionThread) {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        try {
            table.complete(spec.create(capacity));
            stats.created(System.nanoTime() - start, onPartitionThread);
        } catch (RuntimeException | Error e) {
            table.completeExceptionally(e);
        }
        if (abandoned) {
            discard();
        }
    }

    /** @return whether the table exists (or its creation failed) */
    boolean isDone() {
        return table.isDone();
    }

    /**
     * Partition thread: the table, created here if no thread has started on it, else waited for.
     *
     * @throws RuntimeException what creating it threw
     */
    ByteTable await() {
        create(true);
        try {
            return table.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The growing table was closed: the table is closed (in the background) now, or as soon as it exists. */
    void abandon() {
        abandoned = true;
        if (table.isDone()) {
            discard();
        }
    }

    private void discard() {
        if (discarded.compareAndSet(false, true) && !table.isCompletedExceptionally()) {
            ByteTable created = table.join();
            tasks.inBackground(created::close);
        }
    }
}
