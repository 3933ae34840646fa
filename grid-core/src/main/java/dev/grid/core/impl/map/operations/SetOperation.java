package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import dev.grid.core.impl.GridCoreDataSerializerHook;

/** Stores a value; responds with nothing (the previous value is not sent back). */
public final class SetOperation extends KeyValueOperation {

    public SetOperation() {
    }

    public SetOperation(String name, Data key, Data value) {
        super(name, key, value);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        set(keyBytes);
        captureChange("set", keyBytes, value.toByteArray());
    }

    @Override
    public Object getResponse() {
        return null;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.SET;
    }
}
