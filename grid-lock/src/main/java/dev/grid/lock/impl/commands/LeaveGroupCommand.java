package dev.grid.lock.impl.commands;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.io.IOException;
import java.util.UUID;

/**
 * A member that shuts down gracefully asks the leader to remove it from the CP group. Routed to
 * the leader like any command, but served by the leader's membership logic as a Raft membership
 * change: it never enters the state machine.
 */
public final class LeaveGroupCommand extends CpCommand {
    private UUID member;

    public LeaveGroupCommand() {
    }

    public LeaveGroupCommand(UUID member) {
        this.member = member;
    }

    public UUID member() {
        return member;
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        throw new UnsupportedOperationException("a LeaveGroupCommand is a membership change, not a state machine command");
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.LEAVE_GROUP_COMMAND;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        UUIDSerializationUtil.writeUUID(out, member);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        member = UUIDSerializationUtil.readUUID(in);
    }

    @Override
    public String toString() {
        return "LeaveGroup{" + member + "}";
    }
}
