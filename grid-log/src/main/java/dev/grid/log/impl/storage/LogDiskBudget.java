package dev.grid.log.impl.storage;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The disk budget of one member, shared by the {@link SegmentedLog} of every replica it hosts (issue 13:
 * a producer that would exceed it gets a clear error, never a crashed member).
 *
 * <p>It counts the bytes of the open logs' {@code .log} files (what {@link SegmentedLog#sizeInBytes()}
 * reports; the {@code .index}/{@code .timeindex} files are small derived data and are not counted).
 * An append (or a replica's {@link SegmentedLog#appendBatch}) reserves its batch's bytes before
 * anything is written and is refused with {@link LogDiskBudgetExceededException} if the reservation
 * would take the member over the limit; retention, segment deletion, truncation and
 * {@link SegmentedLog#resetTo} give bytes back; {@link SegmentedLog#open} counts the
 * recovered files and {@link SegmentedLog#close()} gives the log's bytes back.
 *
 * <p>Thread-safe: the logs of a member append on different partition threads, and a reservation is a
 * compare-and-set on one counter, so concurrent appends never take the count above the limit. Only
 * {@link SegmentedLog#open} may take it above: the files a member recovers are counted even when they
 * hold more than the limit (refusing to open would lose data); appends are then refused until
 * retention brings the count back under the limit.
 */
public final class LogDiskBudget {
    private final long limitBytes;
    private final AtomicLong usedBytes = new AtomicLong();

    /**
     * @param limitBytes the most bytes the member's logs may hold; 0 or negative: no limit (the bytes
     *                   are still counted)
     */
    public LogDiskBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** A budget without a limit: what a log opened without a budget gets (one for each log). */
    public static LogDiskBudget unlimited() {
        return new LogDiskBudget(0);
    }

    /** The limit in bytes; 0 or negative means none. */
    public long limitBytes() {
        return limitBytes;
    }

    public boolean hasLimit() {
        return limitBytes > 0;
    }

    /** Bytes the member's open logs hold now. */
    public long usedBytes() {
        return usedBytes.get();
    }

    /**
     * Reserves {@code bytes} for an append to the log in {@code dir}, or throws without reserving
     * anything if that would take the count above the limit.
     */
    void reserve(Path dir, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot reserve " + bytes + " bytes");
        }
        while (true) {
            long used = usedBytes.get();
            if (hasLimit() && used + bytes > limitBytes) {
                throw new LogDiskBudgetExceededException(dir, bytes, limitBytes, used);
            }
            if (usedBytes.compareAndSet(used, used + bytes)) {
                return;
            }
        }
    }

    /** Counts {@code bytes} unconditionally (the files a log recovers on open). */
    void add(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot add " + bytes + " bytes");
        }
        usedBytes.addAndGet(bytes);
    }

    /** Gives {@code bytes} back (deleted, truncated or closed files). */
    void release(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot release " + bytes + " bytes");
        }
        usedBytes.addAndGet(-bytes);
    }

    @Override
    public String toString() {
        return "LogDiskBudget[" + usedBytes() + " of " + (hasLimit() ? limitBytes + " bytes" : "unlimited") + "]";
    }
}
