package dev.grid.core.impl.map.tx;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.transaction.impl.TransactionLogRecord;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.KeyBytes;
import dev.grid.core.impl.map.TxnWrite;
import dev.grid.core.impl.map.operations.TxnCommitOperation;
import dev.grid.core.impl.map.operations.TxnPrepareOperation;
import dev.grid.core.impl.map.operations.TxnRollbackOperation;

import java.io.IOException;
import java.util.Objects;
import java.util.UUID;

/**
 * One key of one GridMap in a transaction's log: the key is locked, and at commit the transaction
 * makes this write. Hazelcast's transaction calls the prepare, commit and rollback operations it
 * creates (each with its partition id set); in TWO_PHASE and XA the record travels to other
 * members (the backup transaction log, the XA recovery container), so it is serializable.
 */
public final class GridMapTxnLogRecord implements TransactionLogRecord {
    private String name;
    private int partitionId;
    private Data key;
    private UUID txnId;
    private TxnWrite write;
    private Data value;
    private long leaseMillis;

    public GridMapTxnLogRecord() {
    }

    /**
     * @param value       the value a PUT stores; null for LOCK_ONLY and REMOVE
     * @param leaseMillis how long prepare extends the key's lock by
     */
    GridMapTxnLogRecord(String name, int partitionId, Data key, UUID txnId, TxnWrite write, Data value, long leaseMillis) {
        this.name = name;
        this.partitionId = partitionId;
        this.key = key;
        this.txnId = txnId;
        this.write = write;
        this.value = value;
        this.leaseMillis = leaseMillis;
    }

    /** The log keeps one record per map and key: a later write to the key replaces the earlier record. */
    @Override
    public Object getKey() {
        return new LogKey(name, new KeyBytes(key.toByteArray()));
    }

    TxnWrite write() {
        return write;
    }

    @Override
    public Operation newPrepareOperation() {
        return new TxnPrepareOperation(name, key, txnId, write, value, leaseMillis).setPartitionId(partitionId);
    }

    @Override
    public Operation newCommitOperation() {
        return new TxnCommitOperation(name, key, txnId, write, value).setPartitionId(partitionId);
    }

    @Override
    public Operation newRollbackOperation() {
        return new TxnRollbackOperation(name, key, txnId).setPartitionId(partitionId);
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_LOG_RECORD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeInt(partitionId);
        IOUtil.writeData(out, key);
        UUIDSerializationUtil.writeUUID(out, txnId);
        out.writeByte(write.code());
        out.writeBoolean(value != null);
        if (value != null) {
            IOUtil.writeData(out, value);
        }
        out.writeLong(leaseMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        partitionId = in.readInt();
        key = IOUtil.readData(in);
        txnId = UUIDSerializationUtil.readUUID(in);
        write = TxnWrite.ofCode(in.readByte());
        value = in.readBoolean() ? IOUtil.readData(in) : null;
        leaseMillis = in.readLong();
    }

    @Override
    public String toString() {
        return "GridMapTxnLogRecord{map=" + name + ", partition=" + partitionId + ", txn=" + txnId + ", write=" + write + "}";
    }

    /** A record's identity in the transaction log: the map and the key's bytes. */
    private static final class LogKey {
        private final String map;
        private final KeyBytes key;

        LogKey(String map, KeyBytes key) {
            this.map = map;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LogKey && map.equals(((LogKey) other).map) && key.equals(((LogKey) other).key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(map, key);
        }
    }
}
