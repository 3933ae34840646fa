package dev.grid.core.impl.map.table;

import dev.grid.core.GridMapFullException;

import java.util.concurrent.atomic.AtomicLong;

/** A budget for tests: counts what is reserved and refuses beyond a limit (0: none). */
final class CountingMemory implements TableMemory {
    private final AtomicLong reserved = new AtomicLong();
    private volatile long limit;

    CountingMemory(long limit) {
        this.limit = limit;
    }

    void limit(long limit) {
        this.limit = limit;
    }

    long reserved() {
        return reserved.get();
    }

    @Override
    public void reserve(long bytes, long entriesHeld) {
        long after = reserved.addAndGet(bytes);
        if (limit > 0 && after > limit) {
            reserved.addAndGet(-bytes);
            throw new GridMapFullException("test budget of " + limit + " bytes: " + (after - bytes) + " reserved, "
                    + bytes + " more asked for, " + entriesHeld + " entries held");
        }
    }

    @Override
    public void release(long bytes) {
        reserved.addAndGet(-bytes);
    }
}
