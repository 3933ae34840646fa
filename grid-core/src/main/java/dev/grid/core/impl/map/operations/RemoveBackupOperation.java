package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;

/** On a backup replica: the key is gone (and, after a fenced removal, has this highest fence). */
public final class RemoveBackupOperation extends KeyOperation implements BackupOperation {
    private long fence;

    public RemoveBackupOperation() {
    }

    public RemoveBackupOperation(String name, Data key) {
        this(name, key, 0);
    }

    /** @param fence the key's new highest fence, or 0 to leave it */
    public RemoveBackupOperation(String name, Data key, long fence) {
        super(name, key);
        this.fence = fence;
    }

    @Override
    public void run() {
        if (fence > 0) {
            PartitionStore store = store();
            store.remove(keyBytes());
            store.setFence(keyBytes(), fence);
        } else {
            PartitionStore store = storeOrNull();
            if (store != null) {
                store.remove(keyBytes());
            }
        }
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.REMOVE_BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(fence);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        fence = in.readLong();
    }
}
