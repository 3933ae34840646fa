package dev.grid.lock.impl.commands;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.io.IOException;
import java.util.UUID;

/** Opens a session for a member or client; answers the session id (the entry's commit index). */
public final class CreateSessionCommand extends TimedCommand {
    private UUID owner;
    private String ownerName;
    private long ttlMillis;

    public CreateSessionCommand() {
    }

    public CreateSessionCommand(UUID owner, String ownerName, long ttlMillis) {
        this.owner = owner;
        this.ownerName = ownerName;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return stateMachine.createSession(commitIndex, owner, ownerName, ttlMillis);
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.CREATE_SESSION_COMMAND;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        UUIDSerializationUtil.writeUUID(out, owner);
        out.writeString(ownerName);
        out.writeLong(ttlMillis);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        owner = UUIDSerializationUtil.readUUID(in);
        ownerName = in.readString();
        ttlMillis = in.readLong();
    }

    @Override
    public String toString() {
        return "CreateSession{owner=" + ownerName + ", ttl=" + ttlMillis + "ms}";
    }
}
