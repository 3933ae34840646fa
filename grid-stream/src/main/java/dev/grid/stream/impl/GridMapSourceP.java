package dev.grid.stream.impl;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.core.AbstractProcessor;
import dev.grid.core.GridMap;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;
import dev.grid.core.spi.PartitionScan;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Reads the GridMap partitions Jet assigned to this processor (those this member owned when the job started), one
 * partition at a time, straight from the partition's store on its partition thread ({@link MemberMaps#scanOwned}).
 * A partition that moved away or is migrating when its turn comes is read from its current owner through
 * {@link PartitionScan} instead. Emits {@code Map.Entry} items (serializable entries).
 *
 * <p>Not cooperative: it waits for partition threads.
 */
final class GridMapSourceP extends AbstractProcessor {
    private final String mapName;
    private MemberMaps maps;
    private PartitionScan<Object, Object> moved;
    private SerializationService serialization;
    private Traverser<Map.Entry<Object, Object>> entries;

    GridMapSourceP(String mapName) {
        this.mapName = mapName;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        maps = MemberContext.of(context.hazelcastInstance()).maps();
        StreamErrors.checkMap(maps, mapName, "source");
        GridMap<Object, Object> map = maps.map(mapName);
        moved = PartitionScan.of(map);
        serialization = ((SerializationServiceSupport) context.hazelcastInstance()).getSerializationService();
        entries = Traversers.traverseStream(java.util.Arrays.stream(context.processorPartitions()).boxed())
                .flatMap(partition -> Traversers.traverseIterable(read(partition)));
    }

    private List<Map.Entry<Object, Object>> read(int partition) {
        List<Map.Entry<Object, Object>> read = new ArrayList<>();
        MemberMaps.OwnedScan scan;
        try {
            scan = maps.scanOwned(mapName, partition, null, (key, value) -> read.add(
                    new AbstractMap.SimpleImmutableEntry<>(serialization.toObject(new HeapData(key)), serialization.toObject(new HeapData(value)))))
                    .toCompletableFuture().join();
        } catch (CompletionException e) {
            throw StreamErrors.failure("reading GridMap '" + mapName + "' partition " + partition, e.getCause());
        }
        if (scan != MemberMaps.OwnedScan.NOT_OWNED) {
            return read;
        }
        for (Map.Entry<Object, Object> entry : moved.partitionEntries(partition, Integer.MAX_VALUE)) {
            read.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), entry.getValue()));
        }
        return read;
    }

    @Override
    public boolean complete() {
        return emitFromTraverser(entries);
    }
}
