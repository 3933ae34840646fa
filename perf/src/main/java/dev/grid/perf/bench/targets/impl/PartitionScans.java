package dev.grid.perf.bench.targets.impl;

import com.hazelcast.client.impl.proxy.ClientMapProxy;
import com.hazelcast.map.IMap;
import com.hazelcast.map.impl.proxy.MapProxyImpl;
import dev.grid.core.GridMap;
import dev.grid.core.spi.PartitionScan;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scans of one partition. Grid and Hazelcast keep keys hashed, not ordered, so a YCSB scan
 * ("{@code count} records from {@code startKey} on") becomes: up to {@code count} records of the
 * partition that holds {@code startKey}, each deserialized: GridMap's partition fetch with a limit
 * of {@code count}, IMap's partition iterator with a fetch size of {@code count}.
 */
public final class PartitionScans {
    private PartitionScans() {
    }

    /** Scans one partition. */
    @FunctionalInterface
    public interface Scan {
        /** @return records read (at most count) */
        int scan(int partitionId, int count);
    }

    /**
     * @param map a GridMap from an embedded member or a client
     * @return its partition scan
     * @throws IllegalArgumentException if the map is not one of grid's proxies
     */
    public static Scan gridMap(GridMap<String, byte[]> map) {
        PartitionScan<String, byte[]> scan = PartitionScan.of(map);
        return (partitionId, count) -> {
            List<Map.Entry<String, byte[]>> entries = scan.partitionEntries(partitionId, count);
            for (Map.Entry<String, byte[]> entry : entries) {
                if (entry.getValue() == null) {
                    throw new IllegalStateException("a scanned record deserialized to null");
                }
            }
            return entries.size();
        };
    }

    /**
     * @param map an IMap from an embedded member or a client
     * @return its partition scan
     * @throws IllegalArgumentException if the map is neither Hazelcast proxy
     */
    public static Scan imap(IMap<String, byte[]> map) {
        if (map instanceof MapProxyImpl<String, byte[]> member) {
            return (partitionId, count) -> take(member.iterator(count, partitionId, true), count);
        }
        if (map instanceof ClientMapProxy<String, byte[]> client) {
            return (partitionId, count) -> take(client.iterator(count, partitionId, true), count);
        }
        throw new IllegalArgumentException("not a Hazelcast IMap proxy: " + map.getClass().getName());
    }

    private static int take(Iterator<Map.Entry<String, byte[]>> entries, int count) {
        int n = 0;
        while (n < count && entries.hasNext()) {
            if (entries.next().getValue() == null) {
                throw new IllegalStateException("a scanned record was null");
            }
            n++;
        }
        return n;
    }
}
