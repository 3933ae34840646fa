package dev.grid.core.impl.map.operations;

import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.KeyLockedByTransactionException;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.spi.MapChangeCapture;
import dev.grid.core.impl.map.TxnLockTable;
import dev.grid.core.impl.map.PartitionStore;

/**
 * Removes every entry of one partition, and of its backups. Like a plain write, it waits (is
 * retried) while a transaction holds a live lock on any key of the partition.
 */
public final class ClearOperation extends GridMapOperation implements BackupAwareOperation, MutatingOperation {
    private transient boolean cleared;
    private transient MapChangeCapture capture;

    public ClearOperation() {
    }

    public ClearOperation(String name) {
        super(name);
    }

    @Override
    public void beforeRun() {
        TxnLockTable locks = container().locksOrNull(getPartitionId());
        GridMapService service = getService();
        if (locks != null && locks.hasLiveLock(service.now())) {
            throw new KeyLockedByTransactionException("GridMap '" + name + "': clear waits for the "
                    + locks.size() + " key(s) of partition " + getPartitionId() + " locked by transactions");
        }
        capture = ChangeCapturing.admit(this);
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        if (store != null && store.size() > 0) {
            if (capture != null) {
                for (byte[] key : store.keys()) {
                    ChangeCapturing.append(this, capture, "clear", key, null);
                }
            }
            store.clear();
            cleared = true;
        }
        container().recordOther();
    }

    @Override
    public boolean shouldBackup() {
        return cleared;
    }

    @Override
    public int getSyncBackupCount() {
        return container().syncBackups();
    }

    @Override
    public int getAsyncBackupCount() {
        return container().asyncBackups();
    }

    @Override
    public Operation getBackupOperation() {
        return new ClearBackupOperation(name);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.CLEAR;
    }
}
