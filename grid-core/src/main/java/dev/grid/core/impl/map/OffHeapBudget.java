package dev.grid.core.impl.map;

import dev.grid.core.GridMapFullException;
import dev.grid.core.impl.map.table.TableMemory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The off-heap memory one member's GridMap stores may reserve ({@code grid.offHeapBudget}; 0 = no
 * limit), all maps together: a store's first table and every larger table it grows into.
 */
final class OffHeapBudget {
    private final long limit;
    private final AtomicLong reserved = new AtomicLong();

    OffHeapBudget(long limit) {
        this.limit = limit;
    }

    /** @return the budget as one store's tables see it (errors name the map and partition) */
    TableMemory forStore(String mapName, int partitionId) {
        return new TableMemory() {
            @Override
            public void reserve(long bytes, long entriesHeld) {
                acquire(mapName, partitionId, bytes, entriesHeld);
            }

            @Override
            public void release(long bytes) {
                OffHeapBudget.this.release(bytes);
            }
        };
    }

    /**
     * @param entriesHeld what the store holds already (0: the bytes are for its first table)
     * @throws GridMapFullException naming the budget when the bytes would not fit
     */
    void acquire(String mapName, int partitionId, long bytes, long entriesHeld) {
        long after = reserved.addAndGet(bytes);
        if (limit > 0 && after > limit) {
            reserved.addAndGet(-bytes);
            String what = entriesHeld == 0 ? "cannot get a store on this member: it needs " + bytes + " bytes off-heap"
                    : "cannot grow its store (holding " + entriesHeld + " entries) on this member: a larger table needs "
                    + bytes + " more bytes off-heap";
            String fixes = entriesHeld == 0 ? "raise grid.offHeapBudget, add members, or lower grid.maps." + mapName + ".entries"
                    : "raise grid.offHeapBudget, add members, or remove entries";
            throw new GridMapFullException("GridMap '" + mapName + "' partition " + partitionId + " " + what
                    + " and the member's stores already reserve " + (after - bytes) + " of grid.offHeapBudget = " + limit
                    + " bytes; " + fixes + ". Nothing was stored; every stored entry is still readable.");
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reserved() {
        return reserved.get();
    }
}
