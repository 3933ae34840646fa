package dev.grid.log.impl.txn;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.transaction.impl.TransactionLogRecord;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.operations.TxnAbortOperation;
import dev.grid.log.impl.operations.TxnAppendOperation;
import dev.grid.log.impl.storage.BatchDraft;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * One log partition's records in a transaction's log. Prepare stores them there as one batch marked with the
 * transaction ({@link TxnAppendOperation}), commit adds the commit marker (and the records first, in a one-phase
 * commit), rollback adds the abort marker ({@link TxnAbortOperation}). In TWO_PHASE and XA the record travels to other
 * members (the backup transaction log, the XA recovery container), so it is serializable, records included.
 */
public final class LogTxnRecord implements TransactionLogRecord, IdentifiedDataSerializable {
    private TopicMeta topic;
    private int logPartition;
    private int clusterPartition;
    private long producerId;
    private int recordsSequence;
    /** Records being added while the transaction runs; null once {@link #draft} is taken or after deserialization. */
    private transient BatchDraft building = new BatchDraft();
    private byte[] draft;

    public LogTxnRecord() {
    }

    LogTxnRecord(TopicMeta topic, int logPartition, int clusterPartition, long producerId, int recordsSequence) {
        this.topic = topic;
        this.logPartition = logPartition;
        this.clusterPartition = clusterPartition;
        this.producerId = producerId;
        this.recordsSequence = recordsSequence;
    }

    synchronized void add(LogRecord record) {
        building.add(record);
        draft = null;
    }

    /** @return bytes of the batch so far */
    synchronized int sizeInBytes() {
        return building.sizeInBytes();
    }

    private synchronized byte[] draft() {
        if (draft == null) {
            draft = building.toBytes(producerId, recordsSequence);
        }
        return draft;
    }

    @Override
    public Object getKey() {
        return "grid-log:" + topic.name() + "#" + logPartition;
    }

    @Override
    public Operation newPrepareOperation() {
        return new TxnAppendOperation(topic, logPartition, producerId, recordsSequence, draft(), false).setPartitionId(clusterPartition);
    }

    @Override
    public Operation newCommitOperation() {
        return new TxnAppendOperation(topic, logPartition, producerId, recordsSequence, draft(), true).setPartitionId(clusterPartition);
    }

    @Override
    public Operation newRollbackOperation() {
        return new TxnAbortOperation(topic, logPartition, producerId).setPartitionId(clusterPartition);
    }

    @Override
    public int getFactoryId() {
        return GridLogDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.TXN_PARTITION_RECORD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(topic);
        out.writeInt(logPartition);
        out.writeInt(clusterPartition);
        out.writeLong(producerId);
        out.writeInt(recordsSequence);
        out.writeByteArray(draft());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        topic = in.readObject();
        logPartition = in.readInt();
        clusterPartition = in.readInt();
        producerId = in.readLong();
        recordsSequence = in.readInt();
        draft = in.readByteArray();
        building = null;
    }

    @Override
    public String toString() {
        return "LogTxnRecord{log=" + topic.name() + "-" + logPartition + ", producer=" + Long.toHexString(producerId) + "}";
    }
}
