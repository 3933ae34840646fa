package dev.grid.core.impl.map;

import com.hazelcast.internal.partition.ChunkSupplier;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.operations.ReplicationOperation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams one map's partition to a new replica in chunks of about {@link #CHUNK_BYTES}, so a large
 * partition migrates without a heap spike the size of the partition. Runs on the source's partition
 * thread. The keys are snapshotted up front (each chunk reads the current values); the keys' highest
 * fences follow the entries; the partition's transactional locks go with the first chunk.
 */
final class ReplicationChunks implements ChunkSupplier {
    static final int CHUNK_BYTES = 1 << 20;

    private final String mapName;
    private final int partitionId;
    private final int replicaIndex;
    private final NodeEngine nodeEngine;
    private final PartitionStore store;
    private final List<byte[]> keys;
    private final List<byte[]> fencedKeys = new ArrayList<>();
    private final List<Long> fences = new ArrayList<>();
    private final List<byte[]> lockKeys = new ArrayList<>();
    private final List<TxnLock> locks = new ArrayList<>();
    private int next;
    private int nextFence;
    private boolean first = true;
    private List<GridIndexConfig> indexes = List.of();

    ReplicationChunks(String mapName, int partitionId, int replicaIndex, NodeEngine nodeEngine, PartitionStore store) {
        this(mapName, partitionId, replicaIndex, nodeEngine, store, null);
    }

    ReplicationChunks(String mapName, int partitionId, int replicaIndex, NodeEngine nodeEngine, PartitionStore store,
                      TxnLockTable lockTable) {
        this.mapName = mapName;
        this.partitionId = partitionId;
        this.replicaIndex = replicaIndex;
        this.nodeEngine = nodeEngine;
        this.store = store;
        this.keys = store == null ? Collections.emptyList() : store.keys();
        if (store != null) {
            store.forEachFence((key, fence) -> {
                fencedKeys.add(key);
                fences.add(fence);
            });
        }
        copyLocks(lockTable, lockKeys, locks);
    }

    /** Sends the map's index definitions with the first chunk. */
    ReplicationChunks withIndexes(List<GridIndexConfig> definitions) {
        this.indexes = definitions;
        return this;
    }

    private static void copyLocks(TxnLockTable table, List<byte[]> keys, List<TxnLock> locks) {
        if (table != null) {
            for (Map.Entry<byte[], TxnLock> entry : table.snapshot()) {
                keys.add(entry.getKey());
                locks.add(entry.getValue());
            }
        }
    }

    /** The whole partition in one operation (for when chunked migration is off). */
    static ReplicationOperation whole(String mapName, PartitionStore store, TxnLockTable lockTable) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        List<byte[]> fencedKeys = new ArrayList<>();
        List<Long> fences = new ArrayList<>();
        if (store != null) {
            store.forEach((key, value) -> {
                keys.add(key);
                values.add(value);
            });
            store.forEachFence((key, fence) -> {
                fencedKeys.add(key);
                fences.add(fence);
            });
        }
        List<byte[]> lockKeys = new ArrayList<>();
        List<TxnLock> locks = new ArrayList<>();
        copyLocks(lockTable, lockKeys, locks);
        return new ReplicationOperation(mapName, keys.size(), keys, values, fencedKeys, toArray(fences), lockKeys, locks);
    }

    private static long[] toArray(List<Long> values) {
        long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    @Override
    public boolean hasNext() {
        // The first chunk always goes, even empty: it clears what the receiver held.
        return first || next < keys.size() || nextFence < fencedKeys.size();
    }

    @Override
    public Operation next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<byte[]> chunkKeys = new ArrayList<>();
        List<byte[]> chunkValues = new ArrayList<>();
        int bytes = 0;
        while (next < keys.size() && bytes < CHUNK_BYTES) {
            byte[] key = keys.get(next++);
            byte[] value = store.get(key);
            if (value != null) {
                chunkKeys.add(key);
                chunkValues.add(value);
                bytes += key.length + value.length;
            }
        }
        List<byte[]> chunkFencedKeys = new ArrayList<>();
        List<Long> chunkFences = new ArrayList<>();
        while (next >= keys.size() && nextFence < fencedKeys.size() && bytes < CHUNK_BYTES) {
            byte[] key = fencedKeys.get(nextFence);
            chunkFencedKeys.add(key);
            chunkFences.add(fences.get(nextFence++));
            bytes += key.length + Long.BYTES;
        }
        Operation operation = first
                ? new ReplicationOperation(mapName, keys.size(), chunkKeys, chunkValues, chunkFencedKeys, toArray(chunkFences), lockKeys, locks)
                        .withIndexes(indexes)
                : new ReplicationOperation(mapName, false, chunkKeys, chunkValues, chunkFencedKeys, toArray(chunkFences));
        first = false;
        return operation.setPartitionId(partitionId).setReplicaIndex(replicaIndex).setNodeEngine(nodeEngine);
    }
}
