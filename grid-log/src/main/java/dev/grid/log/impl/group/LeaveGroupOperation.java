package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.impl.invoke.ClientRoutable;

import java.io.IOException;

/**
 * A member leaves, having stopped reading: its partitions are free at once. When the last member has left (and the
 * coordinator waits for no earlier member), the backups learn that no consumer of the group holds a partition.
 */
final class LeaveGroupOperation extends GroupRecordChangingOperation implements ClientRoutable {
    private String memberId;
    private transient boolean left;
    private transient boolean recordChanged;

    LeaveGroupOperation() {
    }

    LeaveGroupOperation(String group, String memberId) {
        super(group);
        this.memberId = memberId;
    }

    @Override
    public void run() {
        GroupService service = service();
        int partitionId = getPartitionId();
        GroupCoordinator coordinator = service.coordinator(partitionId, group);
        long now = service.now();
        left = coordinator.leave(memberId, now);
        if (coordinator.isEmpty() && !coordinator.inGrace(now)) {
            GroupRecord record = service.recordOrNull(partitionId, group);
            recordChanged = record != null && record.allLeft();
        }
        service.deadlineChanged(partitionId);
    }

    @Override
    public Object getResponse() {
        return left;
    }

    @Override
    public boolean shouldBackup() {
        return recordChanged;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.LEAVE;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(memberId);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        memberId = in.readString();
    }
}
