package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;
import dev.grid.core.impl.map.TxnWrite;

import java.util.UUID;

/** On a backup replica: the transaction's write is applied and its (prepared) lock released. */
public final class TxnCommitBackupOperation extends TxnWriteOperation implements BackupOperation {

    public TxnCommitBackupOperation() {
    }

    public TxnCommitBackupOperation(String name, Data key, UUID txnId, TxnWrite write, Data value) {
        super(name, key, txnId, write, value);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        applyWrite(keyBytes, false);
        TxnLockTable table = locksOrNull();
        TxnLock lock = table == null ? null : table.get(keyBytes);
        if (lock != null && lock.isHeldBy(txnId)) {
            table.remove(keyBytes);
        }
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_COMMIT_BACKUP;
    }
}
