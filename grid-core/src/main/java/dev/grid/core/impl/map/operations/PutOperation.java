package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import dev.grid.core.impl.GridCoreDataSerializerHook;

/** Stores a value; responds with the previous value or null. */
public final class PutOperation extends KeyValueOperation {
    private transient Data previous;

    public PutOperation() {
    }

    public PutOperation(String name, Data key, Data value) {
        super(name, key, value);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        previous = data(store(keyBytes));
        captureChange("put", keyBytes, value.toByteArray());
    }

    @Override
    public Object getResponse() {
        return previous;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.PUT;
    }
}
