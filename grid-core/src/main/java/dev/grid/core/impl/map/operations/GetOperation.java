package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
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
        long start = System.nanoTime();
        PartitionStore store = storeOrNull();
        value = store == null ? null : data(store.get(keyBytes()));
        container().recordGet(value != null, System.nanoTime() - start);
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
