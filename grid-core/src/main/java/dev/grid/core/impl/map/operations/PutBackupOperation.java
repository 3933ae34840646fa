package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;

/** On a backup replica: the key now holds this value (and, after a fenced write, this highest fence). */
public final class PutBackupOperation extends KeyOperation implements BackupOperation {
    private Data value;
    private long fence;

    public PutBackupOperation() {
    }

    public PutBackupOperation(String name, Data key, Data value) {
        this(name, key, value, 0);
    }

    /** @param fence the key's new highest fence, or 0 to leave it */
    public PutBackupOperation(String name, Data key, Data value, long fence) {
        super(name, key);
        this.value = value;
        this.fence = fence;
    }

    @Override
    public void run() {
        PartitionStore store = store();
        byte[] keyBytes = keyBytes();
        store.set(keyBytes, value.toByteArray());
        if (fence > 0) {
            store.setFence(keyBytes, fence);
        }
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.PUT_BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        IOUtil.writeData(out, value);
        out.writeLong(fence);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        value = IOUtil.readData(in);
        fence = in.readLong();
    }
}
