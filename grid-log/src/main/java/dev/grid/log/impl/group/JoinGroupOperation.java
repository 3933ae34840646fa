package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.invoke.ClientRoutable;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A consumer joins its group (or rejoins, with its id and the partitions it still owns); answers its id and the
 * partitions it may own now. The first member of a group, and a member with a longer session timeout than any
 * before, is recorded on the backups before the answer, so a coordinator that takes over knows to wait for them.
 */
final class JoinGroupOperation extends GroupRecordChangingOperation implements ClientRoutable {
    private String memberId;
    private String label;
    private List<String> topics;
    private long sessionTimeoutMillis;
    private Map<String, Integer> partitionCounts;
    private Set<TopicPartition> owned;
    private transient GroupAssignment answer;
    private transient boolean recordChanged;

    JoinGroupOperation() {
    }

    JoinGroupOperation(String group, String memberId, String label, List<String> topics, long sessionTimeoutMillis,
                       Map<String, Integer> partitionCounts, Set<TopicPartition> owned) {
        super(group);
        this.memberId = memberId;
        this.label = label;
        this.topics = topics;
        this.sessionTimeoutMillis = sessionTimeoutMillis;
        this.partitionCounts = partitionCounts;
        this.owned = owned;
    }

    @Override
    public void run() {
        GroupService service = service();
        int partitionId = getPartitionId();
        GroupCoordinator coordinator = service.coordinator(partitionId, group);
        answer = coordinator.join(memberId, label, topics, sessionTimeoutMillis, partitionCounts, owned, service.now());
        recordChanged = service.record(partitionId, group).memberJoined(sessionTimeoutMillis);
        service.deadlineChanged(partitionId);
    }

    @Override
    public Object getResponse() {
        return new AssignmentResponse(answer);
    }

    @Override
    public boolean shouldBackup() {
        return recordChanged;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.JOIN;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(memberId);
        out.writeString(label);
        GroupIO.writeStrings(out, topics);
        out.writeLong(sessionTimeoutMillis);
        out.writeInt(partitionCounts.size());
        for (Map.Entry<String, Integer> entry : new TreeMap<>(partitionCounts).entrySet()) {
            out.writeString(entry.getKey());
            out.writeInt(entry.getValue());
        }
        GroupIO.writePartitions(out, owned);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        memberId = in.readString();
        label = in.readString();
        topics = GroupIO.readStrings(in);
        sessionTimeoutMillis = in.readLong();
        int n = GroupIO.count(in.readInt());
        partitionCounts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            partitionCounts.put(in.readString(), in.readInt());
        }
        owned = GroupIO.readPartitions(in);
    }
}
