package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.invoke.ClientRoutable;

import java.io.IOException;
import java.util.Set;

/** A member is alive and reports what it owns; answers the partitions it may own now, or that it is unknown. */
final class HeartbeatOperation extends GroupOperation implements ClientRoutable {
    private String memberId;
    private Set<TopicPartition> owned;
    private transient GroupAssignment answer;

    HeartbeatOperation() {
    }

    HeartbeatOperation(String group, String memberId, Set<TopicPartition> owned) {
        super(group);
        this.memberId = memberId;
        this.owned = owned;
    }

    @Override
    public void run() {
        GroupService service = service();
        answer = service.coordinator(getPartitionId(), group).heartbeat(memberId, owned, service.now());
        service.deadlineChanged(getPartitionId());
    }

    @Override
    public Object getResponse() {
        return new AssignmentResponse(answer);
    }

    @Override
    public int getClassId() {
        return GroupSerialization.HEARTBEAT;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(memberId);
        GroupIO.writePartitions(out, owned);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        memberId = in.readString();
        owned = GroupIO.readPartitions(in);
    }
}
