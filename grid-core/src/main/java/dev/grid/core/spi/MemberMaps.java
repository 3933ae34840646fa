package dev.grid.core.spi;

import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;

import java.util.List;

/** The GridMaps a member holds, as monitoring sees them: names, statistics and off-heap use. */
public interface MemberMaps {
    /** @return the names of the maps this member holds (a snapshot) */
    List<String> mapNames();

    /**
     * @param name a map's name
     * @return the map's statistics on this member (empty if it has never held the map)
     */
    GridMapStats stats(String name);

    /**
     * @param name a map's name
     * @return the map's partition stores on this member, or null if it has never held the map
     */
    MapStores stores(String name);

    /**
     * A map as member-side code reads it (its member proxy, created if new), for modules that hold only the
     * member's Hazelcast instance (a query's processors, say); {@link PartitionScan#of} reads it partition by partition.
     *
     * @param name a map's name
     * @return the map
     * @throws dev.grid.core.config.GridConfigException if the name is not valid
     */
    <K, V> GridMap<K, V> map(String name);

    /**
     * @param name a map's name
     * @return whether the map exists: some member or client has created it, or {@code grid.maps.<name>} configures it
     */
    boolean exists(String name);

    /** @return off-heap bytes reserved by every map's stores on this member */
    long offHeapReserved();

    /** @return the member's off-heap budget in bytes ({@code grid.offHeapBudget}; 0: none) */
    long offHeapBudget();
}
