package dev.grid.core.spi;

import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

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

    /**
     * Reads one partition of a map where it lives, if this member owns it now: on the partition's thread, straight from
     * the partition's store, with no operation and no response in between. {@code visitor} gets each entry's key and
     * value as serialized bytes (Hazelcast's {@code Data} format: {@code new HeapData(bytes)} reads them), in the store's
     * order; no write to the partition runs meanwhile, so the visit sees one state of the partition. Keep the visitor
     * short: the partition's operations wait for it. A partition this member does not own, or that is migrating, is
     * not read: read it with {@link PartitionScan#partitionEntries} instead, which goes to the owner.
     *
     * @param name        a map's name
     * @param partitionId a partition, 0 to the partition count - 1
     * @param visitor     called once per entry, on the partition's thread
     * @return completed with true once every entry has been visited, or with false (nothing visited) if this member
     *         does not own the partition now; completed exceptionally with what the visitor threw
     * @throws IllegalArgumentException naming the map and the value, for a partition out of range
     */
    CompletionStage<Boolean> scanOwned(String name, int partitionId, BiConsumer<byte[], byte[]> visitor);

    /** @return off-heap bytes reserved by every map's stores on this member */
    long offHeapReserved();

    /** @return the member's off-heap budget in bytes ({@code grid.offHeapBudget}; 0: none) */
    long offHeapBudget();
}
