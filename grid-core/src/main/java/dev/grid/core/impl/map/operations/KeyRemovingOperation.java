package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.PartitionStore;

/** A removal of one key; its backup removes the key too. */
public abstract class KeyRemovingOperation extends MutatingKeyOperation {

    protected KeyRemovingOperation() {
    }

    protected KeyRemovingOperation(String name, Data key) {
        super(name, key);
    }

    /** Removes the key and records the removal; @return the removed value bytes, or null. */
    protected final byte[] removeStored(byte[] keyBytes) {
        PartitionStore store = storeOrNull();
        if (store == null) {
            return null;
        }
        long start = System.nanoTime();
        byte[] removed = store.remove(keyBytes);
        changed = removed != null;
        container().recordRemove(System.nanoTime() - start);
        return removed;
    }

    @Override
    public Operation getBackupOperation() {
        return new RemoveBackupOperation(name, key);
    }
}
