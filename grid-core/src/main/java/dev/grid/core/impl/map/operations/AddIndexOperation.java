package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;

/**
 * Defines an index on this member and builds it in one partition's store (owner), then on the partition's
 * backups ({@link AddIndexBackupOperation}). Idempotent: a store that has the index keeps it.
 */
public final class AddIndexOperation extends GridMapOperation implements BackupAwareOperation {
    private String index;

    public AddIndexOperation() {
    }

    public AddIndexOperation(String name, GridIndexConfig index) {
        super(name);
        this.index = index.encode();
    }

    @Override
    public void run() {
        apply(this, index);
    }

    /** Defines the index in the map's container here and builds it in the partition's store, if there is one. */
    static void apply(GridMapOperation operation, String index) {
        operation.container().defineIndex(GridIndexConfig.decode(index));
        operation.container().ensureIndexes(operation.getPartitionId());
    }

    @Override
    public boolean shouldBackup() {
        return true;
    }

    @Override
    public int getSyncBackupCount() {
        return container().totalBackups();
    }

    @Override
    public int getAsyncBackupCount() {
        return 0;
    }

    @Override
    public Operation getBackupOperation() {
        return new AddIndexBackupOperation(name, index);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.ADD_INDEX;
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
