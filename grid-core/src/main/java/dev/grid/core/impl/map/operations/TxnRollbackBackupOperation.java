package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;

import java.util.UUID;

/** On a backup replica: the transaction's lock on the key is released. */
public final class TxnRollbackBackupOperation extends TxnKeyOperation implements BackupOperation {

    public TxnRollbackBackupOperation() {
    }

    public TxnRollbackBackupOperation(String name, Data key, UUID txnId) {
        super(name, key, txnId);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        TxnLockTable table = locksOrNull();
        TxnLock lock = table == null ? null : table.get(keyBytes);
        if (lock != null && lock.isHeldBy(txnId)) {
            table.remove(keyBytes);
        }
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_ROLLBACK_BACKUP;
    }
}
