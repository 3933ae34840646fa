package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.TxnLockTable;

import java.io.IOException;
import java.util.UUID;

/** An operation of one transaction on one key: the map, the key and the transaction's id. */
public abstract class TxnKeyOperation extends KeyOperation {
    protected UUID txnId;

    protected TxnKeyOperation() {
    }

    protected TxnKeyOperation(String name, Data key, UUID txnId) {
        super(name, key);
        this.txnId = txnId;
    }

    /** @return the member's clock, in milliseconds (what lock leases are measured in) */
    protected final long now() {
        GridMapService service = getService();
        return service.now();
    }

    /** @return the partition's transactional locks, or null if none was ever taken here */
    protected final TxnLockTable locksOrNull() {
        return container().locksOrNull(getPartitionId());
    }

    /** @return the partition's transactional locks, created if needed */
    protected final TxnLockTable locks() {
        return container().locks(getPartitionId());
    }

    /** @return the map's synchronous backup count (for the subclasses that are backup-aware) */
    public int getSyncBackupCount() {
        return container().syncBackups();
    }

    /** @return the map's asynchronous backup count (for the subclasses that are backup-aware) */
    public int getAsyncBackupCount() {
        return container().asyncBackups();
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        UUIDSerializationUtil.writeUUID(out, txnId);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        txnId = UUIDSerializationUtil.readUUID(in);
    }

    @Override
    protected void toString(StringBuilder sb) {
        super.toString(sb);
        sb.append(", txn=").append(txnId);
    }
}
