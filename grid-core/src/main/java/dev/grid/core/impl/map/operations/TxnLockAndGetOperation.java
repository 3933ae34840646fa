package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.PartitionStore;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;

import java.io.IOException;
import java.util.UUID;

/**
 * On the key's owner: takes the key's transactional lock for a transaction, with a lease, unless
 * another transaction holds a live one (an expired lock is taken over); responds with a
 * {@link TxnLockResult}. Never waits: the caller retries until its transaction's timeout. Not backed
 * up: a lock reaches the backups when its transaction prepares.
 */
public final class TxnLockAndGetOperation extends TxnKeyOperation implements MutatingOperation {
    private long leaseMillis;
    private transient TxnLockResult result;

    public TxnLockAndGetOperation() {
    }

    public TxnLockAndGetOperation(String name, Data key, UUID txnId, long leaseMillis) {
        super(name, key, txnId);
        this.leaseMillis = leaseMillis;
    }

    @Override
    public void run() {
        TxnLockTable table = locks();
        byte[] keyBytes = keyBytes();
        long now = now();
        TxnLock current = table.get(keyBytes);
        if (current != null && !current.isHeldBy(txnId)) {
            if (!current.isExpired(now)) {
                result = TxnLockResult.heldBy(current.txnId(), current.expiresAt() - now);
                return;
            }
            GridMapService service = getService();
            service.leaseEnded(name, getPartitionId(), current, txnId);
        }
        long expiresAt = now + leaseMillis;
        table.put(keyBytes, current != null && current.isHeldBy(txnId) ? current.extendedTo(expiresAt)
                : TxnLock.acquired(txnId, expiresAt));
        PartitionStore store = storeOrNull();
        result = TxnLockResult.acquired(store == null ? null : store.get(keyBytes));
    }

    @Override
    public Object getResponse() {
        return result;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_LOCK_AND_GET;
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
