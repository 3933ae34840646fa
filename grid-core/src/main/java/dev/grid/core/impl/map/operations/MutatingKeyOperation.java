package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import dev.grid.core.KeyLockedByTransactionException;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;
import dev.grid.core.spi.MapChangeCapture;

/**
 * A write to one key, backed up to the map's backup replicas when it changed something. A plain
 * write waits while a transaction holds the key's lock: it fails with the retryable
 * {@link KeyLockedByTransactionException}, and Hazelcast's invocation sends it again, with
 * back-off, until the lock is released or its lease ends.
 */
public abstract class MutatingKeyOperation extends KeyOperation implements BackupAwareOperation, MutatingOperation {
    /** Set by {@code run()}: whether the store changed, and so whether backups must hear of it. */
    protected transient boolean changed;
    /** Set by {@code beforeRun()}: where the write's change goes, or null if the map's changes are not captured. */
    private transient MapChangeCapture capture;

    protected MutatingKeyOperation() {
    }

    protected MutatingKeyOperation(String name, Data key) {
        super(name, key);
    }

    /** Refuses (for a retry) a write to a key a live transaction has locked, then checks the arguments. */
    @Override
    public final void beforeRun() {
        checkNotLockedByTransaction(this, keyBytes());
        checkArguments();
        capture = ChangeCapturing.admit(this);
    }

    /**
     * Appends the change this write applied to the map's change topic, if the map's changes are captured; the
     * response then waits for the append.
     *
     * @param call  the map call, as the change record names it
     * @param value the key's new value bytes, or null for a removal
     */
    protected final void captureChange(String call, byte[] keyBytes, byte[] value) {
        ChangeCapturing.append(this, capture, call, keyBytes, value);
    }

    /** Checks the write's arguments before it runs (nothing by default). */
    protected void checkArguments() {
    }

    /**
     * @throws KeyLockedByTransactionException if a transaction holds a live lock on the key in this
     *                                         partition (the invocation then retries the operation)
     */
    static void checkNotLockedByTransaction(GridMapOperation operation, byte[] keyBytes) {
        GridMapService service = operation.getService();
        TxnLockTable locks = operation.container().locksOrNull(operation.getPartitionId());
        if (locks == null) {
            return;
        }
        TxnLock lock = locks.get(keyBytes);
        if (lock == null) {
            return;
        }
        if (lock.isExpired(service.now())) {
            locks.remove(keyBytes); // the lease ended: this write takes the key
            service.leaseEnded(operation.getName(), operation.getPartitionId(), lock, null);
        } else {
            throw new KeyLockedByTransactionException("GridMap '" + operation.getName() + "': key "
                    + operation.describeKey(keyBytes) + " is locked by transaction " + lock.txnId()
                    + "; the write waits until that transaction ends (nothing was written yet)");
        }
    }

    @Override
    public boolean shouldBackup() {
        return changed;
    }

    @Override
    public int getSyncBackupCount() {
        return container().syncBackups();
    }

    @Override
    public int getAsyncBackupCount() {
        return container().asyncBackups();
    }

    /**
     * @throws IllegalArgumentException naming the key's map, the size and the limit when the value
     *                                  is larger than the map's maxValueSize
     */
    protected final void checkValueSize(Data value) {
        checkValueSize(this, value);
    }

    /** @see #checkValueSize(Data) */
    static void checkValueSize(GridMapOperation operation, Data value) {
        MapContainer container = operation.container();
        String name = operation.getName();
        int size = value.totalSize();
        int max = container.config().getMaxValueSize();
        if (size > max) {
            throw new IllegalArgumentException("GridMap '" + name + "': a value of " + size
                    + " bytes (serialized) is larger than grid.maps." + name + ".maxValueSize = " + max + " bytes; nothing was stored");
        }
    }
}
