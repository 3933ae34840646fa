package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

/** On a backup replica: the key is gone. */
public final class RemoveBackupOperation extends KeyOperation implements BackupOperation {

    public RemoveBackupOperation() {
    }

    public RemoveBackupOperation(String name, Data key) {
        super(name, key);
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        if (store != null) {
            store.remove(keyBytes());
        }
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.REMOVE_BACKUP;
    }
}
