package dev.grid.perf.bench.targets.impl;

import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.proxy.ClientMapProxy;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.map.IMap;
import com.hazelcast.map.impl.proxy.MapProxyImpl;
import com.hazelcast.spi.impl.AbstractDistributedObject;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.GridMap;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.client.ClientGridMapProxy;
import dev.grid.core.impl.map.client.GridMapCodecs;
import dev.grid.core.impl.map.operations.EntriesResponse;
import dev.grid.core.impl.map.operations.FetchEntriesOperation;

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
     * @throws IllegalArgumentException if the map is neither grid proxy
     */
    public static Scan gridMap(GridMap<String, byte[]> map) {
        if (map instanceof AbstractDistributedObject<?> member) {
            NodeEngine engine = member.getNodeEngine();
            SerializationService serialization = engine.getSerializationService();
            String name = map.name();
            return (partitionId, count) -> deserialize(engine.getOperationService().<EntriesResponse>invokeOnPartition(
                    GridMapService.SERVICE_NAME, new FetchEntriesOperation(name, false, count), partitionId).joinInternal(),
                    count, serialization);
        }
        if (map instanceof ClientGridMapProxy<?, ?> client) {
            HazelcastClientInstanceImpl instance = (HazelcastClientInstanceImpl) client.getContext().getHazelcastInstance();
            SerializationService serialization = client.getContext().getSerializationService();
            String name = map.name();
            return (partitionId, count) -> deserialize(GridMapCodecs.decodeEntriesResponse(new ClientInvocation(instance,
                    GridMapCodecs.encodeFetchRequest(name, false, count), name, partitionId).invoke().joinInternal()), count, serialization);
        }
        throw new IllegalArgumentException("not a grid GridMap proxy: " + map.getClass().getName());
    }

    private static int deserialize(EntriesResponse entries, int count, SerializationService serialization) {
        List<byte[]> values = entries.values();
        int n = Math.min(count, values.size());
        for (int i = 0; i < n; i++) {
            if (serialization.toObject(new HeapData(values.get(i))) == null) {
                throw new IllegalStateException("a scanned record deserialized to null");
            }
        }
        return n;
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
