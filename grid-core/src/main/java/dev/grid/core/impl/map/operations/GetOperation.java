package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.PartitionStore;

/** Reads a key's value; responds with the serialized value or null. */
public final class GetOperation extends KeyOperation implements ReadonlyOperation {
    private transient Data value;

    public GetOperation() {
    }

    public GetOperation(String name, Data key) {
        super(name, key);
    }

    @Override
    public void run() {
        value = read(container(), getPartitionId(), keyBytes());
    }

    /**
     * What {@link #run()} does, for a caller already on the partition's thread of a partition this
     * member owns (a client's get answered without an invocation): reads the key and records the read.
     *
     * @return the serialized value, or null
     */
    public static Data read(MapContainer container, int partitionId, byte[] keyBytes) {
        long start = System.nanoTime();
        PartitionStore store = container.storeOrNull(partitionId);
        Data value = store == null ? null : data(store.get(keyBytes));
        container.recordGet(value != null, System.nanoTime() - start);
        return value;
    }

    @Override
    public Object getResponse() {
        return value;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.GET;
    }
}
