package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;

/** On a backup replica: define the index and build it in the partition's store. */
public final class AddIndexBackupOperation extends GridMapOperation implements BackupOperation {
    private String index;

    public AddIndexBackupOperation() {
    }

    AddIndexBackupOperation(String name, String index) {
        super(name);
        this.index = index;
    }

    @Override
    public void run() {
        AddIndexOperation.apply(this, index);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.ADD_INDEX_BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(index);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        index = in.readString();
    }
}
