package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import dev.grid.log.TopicPartition;

import java.io.IOException;
import java.util.Map;

/** On a backup replica: the group committed these offsets, and this is whether (and how long) its members may hold partitions. */
final class GroupBackupOperation extends GroupOperation implements BackupOperation {
    private Map<TopicPartition, Long> offsets;
    private boolean membersMayHold;
    private long graceMillis;

    GroupBackupOperation() {
    }

    private GroupBackupOperation(String group, Map<TopicPartition, Long> offsets, boolean membersMayHold, long graceMillis) {
        super(group);
        this.offsets = offsets;
        this.membersMayHold = membersMayHold;
        this.graceMillis = graceMillis;
    }

    /** @return the backup of a change to the primary's record (its membership flags as they are now, plus these offsets) */
    static GroupBackupOperation of(GroupRecord primary, Map<TopicPartition, Long> offsets) {
        return new GroupBackupOperation(primary.group(), offsets, primary.membersMayHold(), primary.graceMillis());
    }

    @Override
    public void run() {
        GroupRecord record = service().record(getPartitionId(), group);
        record.commit(offsets);
        record.setMembership(membersMayHold, graceMillis);
    }

    @Override
    public int getClassId() {
        return GroupSerialization.BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        GroupIO.writeOffsets(out, offsets);
        out.writeBoolean(membersMayHold);
        out.writeLong(graceMillis);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        offsets = GroupIO.readOffsets(in);
        membersMayHold = in.readBoolean();
        graceMillis = in.readLong();
    }
}
