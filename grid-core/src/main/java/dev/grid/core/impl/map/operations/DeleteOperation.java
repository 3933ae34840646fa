package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import dev.grid.core.impl.GridCoreDataSerializerHook;

/** Removes a key; responds true if it was present (the old value is not sent back). */
public final class DeleteOperation extends KeyRemovingOperation {

    public DeleteOperation() {
    }

    public DeleteOperation(String name, Data key) {
        super(name, key);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        removeStored(keyBytes);
        if (changed) {
            captureChange("delete", keyBytes, null);
        }
    }

    @Override
    public Object getResponse() {
        return changed;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.DELETE;
    }
}
