package dev.grid.core.impl.map.operations;

import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

/** On a backup replica: the partition is empty. */
public final class ClearBackupOperation extends GridMapOperation implements BackupOperation {

    public ClearBackupOperation() {
    }

    public ClearBackupOperation(String name) {
        super(name);
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        if (store != null) {
            store.clear();
        }
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.CLEAR_BACKUP;
    }
}
