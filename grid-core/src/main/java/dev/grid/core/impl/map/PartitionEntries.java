package dev.grid.core.impl.map;

import dev.grid.core.impl.map.operations.EntriesResponse;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The checks and the deserialization of {@link dev.grid.core.spi.PartitionScan#partitionEntries}, shared by both proxies. */
public final class PartitionEntries {
    private PartitionEntries() {
    }

    /** @throws IllegalArgumentException naming the map and the value, for a partition out of range or a limit below 1 */
    public static void check(String map, int partitionId, int partitionCount, int limit) {
        if (partitionId < 0 || partitionId >= partitionCount) {
            throw new IllegalArgumentException("GridMap '" + map + "': partition " + partitionId + " does not exist; partitions are 0 to "
                    + (partitionCount - 1));
        }
        if (limit < 1) {
            throw new IllegalArgumentException("GridMap '" + map + "': a scan's limit must be >= 1, was " + limit);
        }
    }

    /** @return the response's entries, deserialized by {@code toObject} */
    public static <K, V> List<Map.Entry<K, V>> of(EntriesResponse response, Function<byte[], Object> toObject) {
        List<Map.Entry<K, V>> entries = new ArrayList<>(response.keys().size());
        for (int i = 0; i < response.keys().size(); i++) {
            @SuppressWarnings("unchecked")
            K key = (K) toObject.apply(response.keys().get(i));
            @SuppressWarnings("unchecked")
            V value = (V) toObject.apply(response.values().get(i));
            entries.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
        }
        return entries;
    }
}
