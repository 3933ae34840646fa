package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;

import java.util.UUID;

/**
 * On the key's owner: releases the transaction's lock on the key, if it still holds it; and on the backups. Safe to send
 * again, and marked {@link ReadonlyOperation} for it, as {@link TxnCommitOperation} is: a rollback lost with its owner
 * would leave the key locked by the prepared transaction on the promoted backup until the lock's lease ends.
 */
public final class TxnRollbackOperation extends TxnKeyOperation implements BackupAwareOperation, MutatingOperation, ReadonlyOperation {
    private transient boolean released;

    public TxnRollbackOperation() {
    }

    public TxnRollbackOperation(String name, Data key, UUID txnId) {
        super(name, key, txnId);
    }

    @Override
    public void beforeRun() {
        MigrationGuard.refuseWhileMigrating(this);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        TxnLockTable table = locksOrNull();
        TxnLock lock = table == null ? null : table.get(keyBytes);
        if (lock != null && lock.isHeldBy(txnId)) {
            table.remove(keyBytes);
            released = true;
        }
    }

    @Override
    public Object getResponse() {
        return Boolean.TRUE;
    }

    @Override
    public boolean shouldBackup() {
        return released;
    }

    @Override
    public Operation getBackupOperation() {
        return new TxnRollbackBackupOperation(name, key, txnId);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_ROLLBACK;
    }
}
