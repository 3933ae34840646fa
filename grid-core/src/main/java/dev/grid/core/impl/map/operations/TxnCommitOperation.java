package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import com.hazelcast.transaction.TransactionException;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;
import dev.grid.core.impl.map.TxnWrite;
import dev.grid.core.spi.MapChangeCapture;

import java.util.UUID;

/**
 * On the key's owner, in one step on the partition thread: applies the transaction's write and
 * releases its lock; the backups do the same. Refused only if another transaction holds a live lock
 * on the key (this transaction's lease ended and the key was taken over). A commit sent again (after
 * the owner left) finds the lock already released and applies the same write again, which changes
 * nothing; for a map with change capture it records the change again (a removal too, though nothing is left to
 * remove: the owner that died may have applied it without recording it), so the change is there at least once.
 *
 * <p>Marked {@link ReadonlyOperation} although it writes, so that Hazelcast sends it again to the new owner when the
 * owner dies while running it, instead of failing it as indeterminate: an XA transaction's commit only logs a failed
 * commit operation and reports success, which left the key's write undone, its lock held by the prepared transaction on
 * the promoted backup until its lease ended, and its change not recorded. {@link MigrationGuard} keeps it out of
 * migrating partitions, as Hazelcast does for writes.
 */
public final class TxnCommitOperation extends TxnWriteOperation implements BackupAwareOperation, MutatingOperation, ReadonlyOperation {
    private transient boolean changed;
    private transient MapChangeCapture capture;

    public TxnCommitOperation() {
    }

    public TxnCommitOperation(String name, Data key, UUID txnId, TxnWrite write, Data value) {
        super(name, key, txnId, write, value);
    }

    @Override
    public void beforeRun() {
        if (write == TxnWrite.PUT) {
            MutatingKeyOperation.checkValueSize(this, value);
        }
        MigrationGuard.refuseWhileMigrating(this);
        capture = ChangeCapturing.admit(this);
    }

    @Override
    public void run() {
        byte[] keyBytes = keyBytes();
        TxnLockTable table = locksOrNull();
        TxnLock lock = table == null ? null : table.get(keyBytes);
        if (lock != null && !lock.isHeldBy(txnId) && !lock.isExpired(now())) {
            throw new TransactionException("GridMap '" + name + "': transaction " + txnId + " cannot commit its write to key "
                    + describeKey(keyBytes) + ": its lock's lease ended and transaction " + lock.txnId()
                    + " holds the key now; nothing was written to this key");
        }
        changed = applyWrite(keyBytes, true);
        boolean sentAgain = lock == null;
        if (changed || (sentAgain && write == TxnWrite.REMOVE)) {
            ChangeCapturing.append(this, capture, "transaction", keyBytes, write == TxnWrite.PUT ? value.toByteArray() : null);
        }
        if (lock != null) {
            table.remove(keyBytes);
            changed = true;
        }
    }

    @Override
    public Object getResponse() {
        return Boolean.TRUE;
    }

    @Override
    public boolean shouldBackup() {
        return changed;
    }

    @Override
    public Operation getBackupOperation() {
        return new TxnCommitBackupOperation(name, key, txnId, write, value);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_COMMIT;
    }
}
