package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import dev.grid.core.impl.GridCoreDataSerializerHook;

/** Stores a value if the key is absent; responds with the current value (nothing stored) or null (stored). */
public final class PutIfAbsentOperation extends KeyValueOperation {
    private transient Data current;

    public PutIfAbsentOperation() {
    }

    public PutIfAbsentOperation(String name, Data key, Data value) {
        super(name, key, value);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        byte[] existing = store().get(keyBytes);
        if (existing != null) {
            current = data(existing);
        } else {
            store(keyBytes);
            captureChange("putIfAbsent", keyBytes, value.toByteArray());
        }
    }

    @Override
    public Object getResponse() {
        return current;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.PUT_IF_ABSENT;
    }
}
