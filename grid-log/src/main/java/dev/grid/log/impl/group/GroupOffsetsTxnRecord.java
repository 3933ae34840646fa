package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.transaction.impl.TransactionLogRecord;
import dev.grid.log.TopicPartition;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group's offsets in a transaction's log: checked at prepare (the member holds the partitions), stored at
 * commit, so they are committed with the transaction's other work or not at all. One record per group and
 * transaction: a later commit of offsets in the same transaction adds to (and overrides) the earlier ones.
 */
public final class GroupOffsetsTxnRecord implements TransactionLogRecord, IdentifiedDataSerializable {
    private String group;
    private String memberId;
    private int partitionId;
    private Map<TopicPartition, Long> offsets = new TreeMap<>();

    public GroupOffsetsTxnRecord() {
    }

    /** @param partitionId the cluster partition of the group (its coordinator's) */
    public GroupOffsetsTxnRecord(String group, String memberId, int partitionId) {
        this.group = group;
        this.memberId = memberId;
        this.partitionId = partitionId;
    }

    /** Adds offsets (the next record to process per partition), replacing any this transaction gave before. */
    public void add(Map<TopicPartition, Long> more) {
        offsets.putAll(more);
    }

    public String memberId() {
        return memberId;
    }

    @Override
    public Object getKey() {
        return "grid-log-group:" + group;
    }

    @Override
    public Operation newPrepareOperation() {
        return new TxnOffsetsOperation(group, memberId, new TreeMap<>(offsets), TxnOffsetsOperation.PREPARE).setPartitionId(partitionId);
    }

    @Override
    public Operation newCommitOperation() {
        return new TxnOffsetsOperation(group, memberId, new TreeMap<>(offsets), TxnOffsetsOperation.COMMIT).setPartitionId(partitionId);
    }

    @Override
    public Operation newRollbackOperation() {
        return new TxnOffsetsOperation(group, memberId, new TreeMap<>(offsets), TxnOffsetsOperation.ROLLBACK).setPartitionId(partitionId);
    }

    @Override
    public int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.TXN_OFFSETS_RECORD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(group);
        out.writeString(memberId);
        out.writeInt(partitionId);
        GroupIO.writeOffsets(out, offsets);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        group = in.readString();
        memberId = in.readString();
        partitionId = in.readInt();
        offsets = new TreeMap<>(GroupIO.readOffsets(in));
    }

    @Override
    public String toString() {
        return "GroupOffsetsTxnRecord{group=" + group + ", member=" + memberId + ", offsets=" + offsets + "}";
    }
}
