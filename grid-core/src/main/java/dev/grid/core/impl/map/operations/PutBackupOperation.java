package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;

/** On a backup replica: the key now holds this value. */
public final class PutBackupOperation extends KeyOperation implements BackupOperation {
    private Data value;

    public PutBackupOperation() {
    }

    public PutBackupOperation(String name, Data key, Data value) {
        super(name, key);
        this.value = value;
    }

    @Override
    public void run() {
        store().put(keyBytes(), value.toByteArray());
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.PUT_BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        IOUtil.writeData(out, value);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        value = IOUtil.readData(in);
    }
}
