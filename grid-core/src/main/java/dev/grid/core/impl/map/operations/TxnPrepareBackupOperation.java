package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.TxnLock;

import java.io.IOException;

/** On a backup replica: the key is locked by a prepared transaction, which will make this write. */
public final class TxnPrepareBackupOperation extends KeyOperation implements BackupOperation {
    private TxnLock lock;

    public TxnPrepareBackupOperation() {
    }

    public TxnPrepareBackupOperation(String name, Data key, TxnLock lock) {
        super(name, key);
        this.lock = lock;
    }

    @Override
    public void run() {
        container().locks(getPartitionId()).put(keyBytes(), lock);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_PREPARE_BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        lock.writeTo(out);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        lock = TxnLock.readFrom(in);
    }
}
