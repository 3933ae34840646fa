package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** A {@link GroupAssignment} on the wire: the answer to a join or a heartbeat. */
final class AssignmentResponse implements IdentifiedDataSerializable {
    private GroupAssignment assignment;

    AssignmentResponse() {
    }

    AssignmentResponse(GroupAssignment assignment) {
        this.assignment = assignment;
    }

    GroupAssignment assignment() {
        return assignment;
    }

    @Override
    public int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.ASSIGNMENT_RESPONSE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeBoolean(assignment.isUnknownMember());
        out.writeString(assignment.memberId());
        out.writeInt(assignment.generation());
        GroupIO.writePartitions(out, assignment.partitions());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        GroupAssignment.Status status = in.readBoolean() ? GroupAssignment.Status.UNKNOWN_MEMBER : GroupAssignment.Status.OK;
        assignment = new GroupAssignment(status, in.readString(), in.readInt(), GroupIO.readPartitions(in));
    }

    @Override
    public String toString() {
        return String.valueOf(assignment);
    }
}
