package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.log.TopicPartition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A group's members as its coordinator sees them: the answer to a describe. */
final class GroupDescription implements IdentifiedDataSerializable {
    private List<GroupMemberInfo> members;

    GroupDescription() {
    }

    GroupDescription(List<GroupMemberInfo> members) {
        this.members = members;
    }

    List<GroupMemberInfo> members() {
        return members;
    }

    @Override
    public int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.GROUP_DESCRIPTION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(members.size());
        for (GroupMemberInfo member : members) {
            out.writeString(member.memberId());
            out.writeString(member.label());
            GroupIO.writeStrings(out, member.topics());
            out.writeLong(member.sessionTimeoutMillis());
            out.writeLong(member.millisSinceHeartbeat());
            GroupIO.writePartitions(out, member.assigned());
            GroupIO.writePartitions(out, member.revoking());
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int n = GroupIO.count(in.readInt());
        members = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            String id = in.readString();
            String label = in.readString();
            List<String> topics = GroupIO.readStrings(in);
            long session = in.readLong();
            long since = in.readLong();
            List<TopicPartition> assigned = List.copyOf(GroupIO.readPartitions(in));
            List<TopicPartition> revoking = List.copyOf(GroupIO.readPartitions(in));
            members.add(new GroupMemberInfo(id, label, topics, session, since, assigned, revoking));
        }
    }
}
