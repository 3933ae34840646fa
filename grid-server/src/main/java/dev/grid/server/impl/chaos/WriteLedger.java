package dev.grid.server.impl.chaos;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the writers were told: per key, the highest sequence number whose write was acknowledged,
 * and how many writes failed, by exception. Also, since it was last reset, the longest gap between
 * two acknowledgements and the slowest write (acknowledged or failed): how long a writer waiting
 * for each write in turn would have stalled. Each key has at most one write in flight, so its
 * acknowledged sequence only grows.
 */
final class WriteLedger {
    private final AtomicLongArray acked;
    private final LongAdder acknowledged = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicLong lastAckNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong longestGapNanos = new AtomicLong();
    private final AtomicLong slowestAckNanos = new AtomicLong();
    private final AtomicLong slowestFailureNanos = new AtomicLong();

    WriteLedger(int keys) {
        this.acked = new AtomicLongArray(keys);
    }

    int keys() {
        return acked.length();
    }

    /** Records that the write of {@code sequence} to key {@code key}, sent {@code latencyNanos} ago, was acknowledged. */
    void acknowledged(int key, long sequence, long latencyNanos) {
        acked.accumulateAndGet(key, sequence, Math::max);
        acknowledged.increment();
        long now = System.nanoTime();
        long gap = now - lastAckNanos.getAndSet(now);
        longestGapNanos.accumulateAndGet(gap, Math::max);
        slowestAckNanos.accumulateAndGet(latencyNanos, Math::max);
    }

    /** Records a write, sent {@code latencyNanos} ago, that was not acknowledged: it may or may not have been applied. */
    void failed(Throwable cause, long latencyNanos) {
        failures.computeIfAbsent(describe(cause), k -> new LongAdder()).increment();
        slowestFailureNanos.accumulateAndGet(latencyNanos, Math::max);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while ((root instanceof java.util.concurrent.CompletionException || root instanceof java.util.concurrent.ExecutionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    long ackedSequence(int key) {
        return acked.get(key);
    }

    long acknowledgedCount() {
        return acknowledged.sum();
    }

    /** @return failures so far, by exception class, sorted by name */
    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((type, count) -> copy.put(type, count.sum()));
        return copy;
    }

    long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Starts a new window for {@link #longestGapMillis()} and {@link #slowestAckMillis()}. */
    void resetWindow() {
        lastAckNanos.set(System.nanoTime());
        longestGapNanos.set(0);
        slowestAckNanos.set(0);
        slowestFailureNanos.set(0);
    }

    /** @return the longest time without any acknowledgement in this window (up to now), in ms */
    long longestGapMillis() {
        long sinceLast = System.nanoTime() - lastAckNanos.get();
        return Math.max(longestGapNanos.get(), sinceLast) / 1_000_000;
    }

    /** @return the slowest acknowledged write of this window, in ms */
    long slowestAckMillis() {
        return slowestAckNanos.get() / 1_000_000;
    }

    /** @return the slowest failed write of this window (the longest a caller waited for an error), in ms */
    long slowestFailureMillis() {
        return slowestFailureNanos.get() / 1_000_000;
    }
}
