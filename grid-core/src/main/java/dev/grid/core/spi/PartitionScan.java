package dev.grid.core.spi;

import dev.grid.core.GridMap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Reads one partition of a GridMap at a time: what scans, exports and queries over a map build on, on a
 * member and on a client alike. Entries come in the partition store's order (hashed, not sorted); a read
 * sees each entry present for its whole duration once, and may or may not see entries written meanwhile.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface PartitionScan<K, V> {
    /**
     * @param map a GridMap from {@code grid.map(name)}, on a member or a client
     * @return its partition scan
     * @throws IllegalArgumentException if the map is not one of grid's proxies
     */
    @SuppressWarnings("unchecked")
    static <K, V> PartitionScan<K, V> of(GridMap<K, V> map) {
        if (map instanceof PartitionScan<?, ?> scan) {
            return (PartitionScan<K, V>) scan;
        }
        throw new IllegalArgumentException("GridMap '" + map.name() + "' is a " + map.getClass().getName()
                + ", not one of grid's proxies: it cannot be read partition by partition");
    }

    /**
     * @param partitionId a partition, 0 to the cluster's partition count - 1
     * @param limit       the most entries to return, at least 1
     * @return up to {@code limit} of the partition's entries, keys and values deserialized
     * @throws IllegalArgumentException naming the map and the value, for a partition out of range or a limit below 1
     */
    List<Map.Entry<K, V>> partitionEntries(int partitionId, int limit);

    /**
     * As {@link #partitionEntries}, without waiting: for callers that must not block, such as Jet's cooperative
     * processors.
     *
     * @return completed with the entries, or exceptionally with what {@link #partitionEntries} would throw
     * @throws IllegalArgumentException naming the map and the value, for a partition out of range or a limit below 1
     */
    CompletionStage<List<Map.Entry<K, V>>> partitionEntriesAsync(int partitionId, int limit);
}
