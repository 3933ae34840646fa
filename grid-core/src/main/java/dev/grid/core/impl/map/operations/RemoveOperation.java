package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import dev.grid.core.impl.GridCoreDataSerializerHook;

/** Removes a key; responds with the removed value or null. */
public final class RemoveOperation extends KeyRemovingOperation {
    private transient Data removed;

    public RemoveOperation() {
    }

    public RemoveOperation(String name, Data key) {
        super(name, key);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        removed = data(removeStored(keyBytes));
        if (changed) {
            captureChange("remove", keyBytes, null);
        }
    }

    @Override
    public Object getResponse() {
        return removed;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.REMOVE;
    }
}
