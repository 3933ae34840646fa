package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.transaction.TransactionException;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;
import dev.grid.core.impl.map.TxnWrite;

import java.io.IOException;
import java.util.UUID;

/**
 * On the key's owner: checks that the transaction still holds the key's lock, extends its lease
 * and records the write the transaction will commit; the backups receive the prepared lock, so a
 * backup promoted to owner still holds it and can commit it. Fails (the transaction must roll back)
 * when the lock is gone or another transaction holds it.
 */
public final class TxnPrepareOperation extends TxnWriteOperation implements BackupAwareOperation, MutatingOperation {
    private long leaseMillis;
    private transient TxnLock prepared;

    public TxnPrepareOperation() {
    }

    public TxnPrepareOperation(String name, Data key, UUID txnId, TxnWrite write, Data value, long leaseMillis) {
        super(name, key, txnId, write, value);
        this.leaseMillis = leaseMillis;
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        TxnLockTable table = locksOrNull();
        TxnLock lock = table == null ? null : table.get(keyBytes);
        if (lock == null || !lock.isHeldBy(txnId)) {
            throw new TransactionException("GridMap '" + name + "': transaction " + txnId + " cannot prepare key "
                    + describeKey(keyBytes) + ": it no longer holds the key's lock ("
                    + (lock == null ? "the lock is gone: its lease ended and another caller took the key, or the member "
                    + "holding it left before prepare" : "transaction " + lock.txnId() + " holds it now")
                    + "); roll the transaction back");
        }
        prepared = TxnLock.prepared(txnId, Math.max(lock.expiresAt(), now() + leaseMillis), write,
                value == null ? null : value.toByteArray());
        table.put(keyBytes, prepared);
    }

    @Override
    public Object getResponse() {
        return Boolean.TRUE;
    }

    @Override
    public boolean shouldBackup() {
        return true;
    }

    @Override
    public Operation getBackupOperation() {
        return new TxnPrepareBackupOperation(name, key, prepared);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_PREPARE;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(leaseMillis);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        leaseMillis = in.readLong();
    }
}
