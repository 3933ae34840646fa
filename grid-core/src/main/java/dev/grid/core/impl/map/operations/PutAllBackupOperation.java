package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;
import java.util.List;

/** On a backup replica: these keys now hold these values. */
public final class PutAllBackupOperation extends GridMapOperation implements BackupOperation {
    private List<byte[]> keys;
    private List<byte[]> values;

    public PutAllBackupOperation() {
    }

    public PutAllBackupOperation(String name, List<byte[]> keys, List<byte[]> values) {
        super(name);
        this.keys = keys;
        this.values = values;
    }

    @Override
    public void run() {
        PartitionStore store = store();
        for (int i = 0; i < keys.size(); i++) {
            store.set(keys.get(i), values.get(i));
        }
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.PUT_ALL_BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        EntriesResponse.writeByteArrays(out, keys);
        EntriesResponse.writeByteArrays(out, values);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        keys = EntriesResponse.readByteArrays(in);
        values = EntriesResponse.readByteArrays(in);
    }
}
