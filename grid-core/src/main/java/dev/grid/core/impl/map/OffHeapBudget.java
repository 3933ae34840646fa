package dev.grid.core.impl.map;

import dev.grid.core.GridMapFullException;

import java.util.concurrent.atomic.AtomicLong;

/** The off-heap memory one member's GridMap stores may reserve ({@code grid.offHeapBudget}; 0 = no limit). */
final class OffHeapBudget {
    private final long limit;
    private final AtomicLong reserved = new AtomicLong();

    OffHeapBudget(long limit) {
        this.limit = limit;
    }

    /** @throws GridMapFullException naming the budget when the store would not fit */
    void acquire(String mapName, int partitionId, long bytes) {
        long after = reserved.addAndGet(bytes);
        if (limit > 0 && after > limit) {
            reserved.addAndGet(-bytes);
            throw new GridMapFullException("GridMap '" + mapName + "' partition " + partitionId + " cannot get a store on this member: it needs "
                    + bytes + " bytes off-heap and the member's stores already reserve " + (after - bytes) + " of grid.offHeapBudget = "
                    + limit + " bytes; raise grid.offHeapBudget, add members, or lower grid.maps." + mapName + ".entries. Nothing was stored.");
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reserved() {
        return reserved.get();
    }
}
