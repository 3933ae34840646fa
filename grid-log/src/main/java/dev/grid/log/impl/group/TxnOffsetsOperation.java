package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.NotAssignedException;
import dev.grid.log.TopicPartition;

import java.io.IOException;
import java.util.Map;

/**
 * A consumer group's offsets committed by a transaction ({@link GroupOffsetsTxnRecord}). Its prepare checks, as a plain
 * commit does, that the member holds every one of those partitions now ({@link NotAssignedException} otherwise, which
 * rolls the transaction back) and changes nothing; its commit stores the offsets, acknowledged once the synchronous
 * backups hold them; its rollback does nothing (nothing was stored).
 */
final class TxnOffsetsOperation extends GroupRecordChangingOperation {
    static final byte PREPARE = 0;
    static final byte COMMIT = 1;
    static final byte ROLLBACK = 2;

    private String memberId;
    private Map<TopicPartition, Long> offsets;
    private byte phase;

    TxnOffsetsOperation() {
    }

    TxnOffsetsOperation(String group, String memberId, Map<TopicPartition, Long> offsets, byte phase) {
        super(group);
        this.memberId = memberId;
        this.offsets = offsets;
        this.phase = phase;
    }

    @Override
    public void run() {
        GroupService service = service();
        if (phase == PREPARE) {
            service.coordinator(getPartitionId(), group).checkCommit(memberId, offsets.keySet());
        } else if (phase == COMMIT) {
            service.record(getPartitionId(), group).commit(offsets);
        }
    }

    @Override
    public Object getResponse() {
        return null;
    }

    @Override
    public boolean shouldBackup() {
        return phase == COMMIT && !offsets.isEmpty();
    }

    @Override
    Map<TopicPartition, Long> committedOffsets() {
        return offsets;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.TXN_OFFSETS;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(memberId);
        GroupIO.writeOffsets(out, offsets);
        out.writeByte(phase);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        memberId = in.readString();
        offsets = GroupIO.readOffsets(in);
        phase = in.readByte();
    }
}
