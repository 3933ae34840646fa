package dev.grid.perf;

import dev.grid.core.Grid;
import dev.grid.core.spi.GrowthSnapshot;
import dev.grid.core.spi.MapStores;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One GridMap's partition stores on one embedded member, seen from the inside, for the growth
 * benchmarks: whether a growth is still moving entries, how the stores grew (the partition threads'
 * longest growth step is the longest pause growth put in front of an operation), and what they
 * reserve.
 */
final class StoreGrowth {
    private final MemberMaps maps;
    private final String map;

    private StoreGrowth(MemberMaps maps, String map) {
        this.maps = maps;
        this.map = map;
    }

    static StoreGrowth of(Grid member, String map) {
        return new StoreGrowth(MemberContext.of(member).maps(), map);
    }

    /** @return the map's stores on the member now (none before its first write) */
    private MapStores stores() {
        MapStores stores = maps.stores(map);
        if (stores == null) {
            throw new IllegalStateException("the member holds no store of GridMap '" + map + "' yet");
        }
        return stores;
    }

    /** Waits until no store of the map is moving entries any more. */
    void awaitSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stores().growing()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GridMap '" + map + "' is still growing after " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    GrowthSnapshot stats() {
        return stores().growth();
    }

    /** @return the off-heap bytes the map's stores reserve now (both tables of a store that is growing) */
    long reserved() {
        return stores().offHeapReserved();
    }

    /** @return the stores' sizing now: initial and current capacity per partition, and the memory reserved */
    String describeStores() {
        MapStores stores = stores();
        return String.format("%d stores holding %,d entries, sized for %,d at first and for %,d-%,d now, %.1f MB reserved "
                        + "(%.0f bytes per entry)", stores.stores(), stores.entries(), stores.initialCapacityPerPartition(),
                stores.minCapacity(), stores.maxCapacity(), stores.offHeapReserved() / 1e6,
                stores.entries() == 0 ? 0.0 : (double) stores.offHeapReserved() / stores.entries());
    }

    /** @return the growth figures in one line */
    static String describe(GrowthSnapshot growth) {
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
