package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

/** Replaces the value of a present key; responds with the previous value, or null (key absent, nothing stored). */
public final class ReplaceOperation extends KeyValueOperation {
    private transient Data previous;

    public ReplaceOperation() {
    }

    public ReplaceOperation(String name, Data key, Data value) {
        super(name, key, value);
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        byte[] keyBytes = keyBytes();
        if (store != null && store.containsKey(keyBytes)) {
            previous = data(store(keyBytes));
            captureChange("replace", keyBytes, value.toByteArray());
        }
    }

    @Override
    public Object getResponse() {
        return previous;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.REPLACE;
    }
}
