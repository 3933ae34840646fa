package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.NotAssignedException;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.invoke.ClientRoutable;

import java.io.IOException;
import java.util.Map;

/**
 * A member commits offsets (the next record to process, per partition). Refused with {@link NotAssignedException},
 * naming the partition and the member, unless the member holds every one of those partitions now; acknowledged once
 * the synchronous backups hold the offsets too.
 */
final class CommitOffsetsOperation extends GroupRecordChangingOperation implements ClientRoutable {
    private String memberId;
    private Map<TopicPartition, Long> offsets;

    CommitOffsetsOperation() {
    }

    CommitOffsetsOperation(String group, String memberId, Map<TopicPartition, Long> offsets) {
        super(group);
        this.memberId = memberId;
        this.offsets = offsets;
    }

    @Override
    public void run() {
        offsets.forEach((partition, offset) -> {
            if (offset < 0) {
                throw new IllegalArgumentException("offset " + offset + " committed for " + partition + " in consumer group " + group
                        + " is negative");
            }
        });
        GroupService service = service();
        service.coordinator(getPartitionId(), group).checkCommit(memberId, offsets.keySet());
        service.record(getPartitionId(), group).commit(offsets);
    }

    @Override
    public Object getResponse() {
        return null;
    }

    @Override
    public boolean shouldBackup() {
        return !offsets.isEmpty();
    }

    @Override
    Map<TopicPartition, Long> committedOffsets() {
        return offsets;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.COMMIT;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(memberId);
        GroupIO.writeOffsets(out, offsets);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        memberId = in.readString();
        offsets = GroupIO.readOffsets(in);
    }
}
