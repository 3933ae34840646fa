package dev.grid.perf.bench.ycsb;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * YCSB's {@code AcknowledgedCounterGenerator}: hands out the key numbers of new records and tracks
 * which inserts have completed. {@link #lastAcknowledged()} is the highest number below which every
 * insert has completed, so readers never pick a key whose insert is still in flight.
 */
public final class AcknowledgedCounter {
    private static final int WINDOW_SIZE = 1 << 20;
    private static final int WINDOW_MASK = WINDOW_SIZE - 1;

    private final AtomicLong next;
    private final AtomicIntegerArray window = new AtomicIntegerArray(WINDOW_SIZE);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long limit;

    /** @param start the first number handed out (the number of records loaded before the run) */
    public AcknowledgedCounter(long start) {
        this.next = new AtomicLong(start);
        this.limit = start - 1;
    }

    /** @return the next key number to insert */
    public long next() {
        return next.getAndIncrement();
    }

    /** @return the highest key number such that it and every number below it has been acknowledged */
    public long lastAcknowledged() {
        return limit;
    }

    /**
     * Marks an insert as done (whether it succeeded or not: a failed insert must not stall readers).
     *
     * @throws IllegalStateException if more than 2^20 inserts are outstanding
     */
    public void acknowledge(long value) {
        int slot = (int) (value & WINDOW_MASK);
        if (!window.compareAndSet(slot, 0, 1)) {
            throw new IllegalStateException("too many unacknowledged inserts: key number " + value + " would reuse a window slot");
        }
        if (lock.tryLock()) {
            try {
                long index = limit + 1;
                long end = index + WINDOW_SIZE;
                while (index < end) {
                    int s = (int) (index & WINDOW_MASK);
                    if (window.get(s) == 0) {
                        break;
                    }
                    window.set(s, 0);
                    index++;
                }
                limit = index - 1;
            } finally {
                lock.unlock();
            }
        }
    }
}
