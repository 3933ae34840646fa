package dev.grid.perf;

import dev.grid.core.Grid;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.PartitionStore;
import dev.grid.core.impl.map.table.GrowthStats;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One GridMap's partition stores on one embedded member, seen from the inside, for the growth
 * benchmarks: whether a growth is still moving entries, how the stores grew (the partition threads'
 * longest growth step is the longest pause growth put in front of an operation), and what they
 * reserve.
 */
final class StoreGrowth {
    private final MapContainer container;

    private StoreGrowth(MapContainer container) {
        this.container = container;
    }

    static StoreGrowth of(Grid member, String map) {
        GridMapService service = EmbeddedGrid.nodeEngine(member.hazelcast()).getService(GridMapService.SERVICE_NAME);
        return new StoreGrowth(service.container(map));
    }

    /** Waits until no store of the map is moving entries any more. */
    void awaitSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (growing()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GridMap '" + container.name() + "' is still growing after " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private boolean growing() {
        for (int p = 0; p < container.partitionCount(); p++) {
            PartitionStore store = container.storeOrNull(p);
            if (store != null && store.isGrowing()) {
                return true;
            }
        }
        return false;
    }

    GrowthStats.Snapshot stats() {
        return container.growthStats();
    }

    /** @return the off-heap bytes the map's stores reserve now (both tables of a store that is growing) */
    long reserved() {
        long reserved = 0;
        for (int p = 0; p < container.partitionCount(); p++) {
            PartitionStore store = container.storeOrNull(p);
            if (store != null) {
                try {
                    reserved += store.offHeapReserved();
                } catch (RuntimeException closedMeanwhile) {
                    // the map was destroyed while we looked
                }
            }
        }
        return reserved;
    }

    /** @return the stores' sizing now: initial and current capacity per partition, and the memory reserved */
    String describeStores() {
        long minCapacity = Long.MAX_VALUE;
        long maxCapacity = 0;
        long reserved = 0;
        long entries = 0;
        int stores = 0;
        for (int p = 0; p < container.partitionCount(); p++) {
            PartitionStore store = container.storeOrNull(p);
            if (store != null) {
                stores++;
                minCapacity = Math.min(minCapacity, store.capacity());
                maxCapacity = Math.max(maxCapacity, store.capacity());
                reserved += store.offHeapReserved();
                entries += store.size();
            }
        }
        return String.format("%d stores holding %,d entries, sized for %,d at first and for %,d-%,d now, %.1f MB reserved "
                        + "(%.0f bytes per entry)", stores, entries, container.initialCapacityPerPartition(),
                minCapacity, maxCapacity, reserved / 1e6, entries == 0 ? 0.0 : (double) reserved / entries);
    }

    /** @return the growth figures in one line */
    static String describe(GrowthStats.Snapshot growth) {
        return String.format("%d growths (%d finished, %d refused), %,d entries moved; %d partition-thread steps taking %.1f ms "
                        + "in all, %d over 1 ms; longest step %.3f ms, most CPU in a step %.3f ms (longest adopt %.3f, move %.3f, wait %.3f: %d writes found a "
                        + "table full and waited); longest table creation %.3f ms (%d created on a partition thread)",
                growth.started(), growth.finished(), growth.refused(), growth.moved(), growth.steps(), growth.stepNanos() / 1e6,
                growth.slowSteps(), growth.longestStepNanos() / 1e6, growth.longestStepCpuNanos() / 1e6,
                growth.longestAdoptNanos() / 1e6,
                growth.longestMoveNanos() / 1e6, growth.longestWaitNanos() / 1e6, growth.waits(),
                growth.longestCreateNanos() / 1e6, growth.createdOnPartitionThread());
    }
}
